/**
 * The teaching fields of a scenario (summary, goals, narration, prompts, discussion, sources,
 * corrections, activity): the shapes a lesson needs on top of the model's scenario. The checks a
 * shape cannot make are in src/lib/scenario-teaching.ts, which takes its types from here.
 */
import { z } from 'astro/zod';
import { parseDayTime } from '../model/index.ts';
import { dateAsText, expecting, fields, got, isCalendarDate, list, text } from './schema-wording.ts';
import { sourceIdSchema } from './source-schema.ts';

const dayTimeSchema = z.string(expecting('a time like "day 3 14:00"')).refine((s) => parseDayTime(s) !== undefined, {
  error: (issue) => `expected a time like "day 3 14:00" (or "day 3" for midnight), got "${String(issue.input)}"`,
});

export const narrationStepSchema = fields(
  {
    at: dayTimeSchema,
    text: text('the text of this step'),
    pause: z.boolean(expecting('true or false')).optional(),
  },
  'a narration step ({ at, text, pause? })',
);
export type NarrationStep = z.infer<typeof narrationStepSchema>;

export const promptSchema = fields(
  {
    at: dayTimeSchema.optional(),
    question: text('the question the reader answers before the reveal'),
    choices: list(text('a choice'), 'choices', 2, 5),
    answer: z
      .number(expecting('the index of the right choice, counting from 0'))
      .int({ error: 'expected a whole number: the index of the right choice' })
      .min(0, { error: 'expected the index of the right choice, counting from 0' }),
    explanation: text('the explanation shown after the reader answers'),
  },
  'a prompt ({ at?, question, choices, answer, explanation })',
);
export type Prompt = z.infer<typeof promptSchema>;

export const discussionItemSchema = fields(
  { question: text('a discussion question'), notes: text('notes for the teacher') },
  'a discussion item ({ question, notes })',
);
export type DiscussionItem = z.infer<typeof discussionItemSchema>;

export const correctionSchema = fields(
  {
    date: z.preprocess(
      dateAsText,
      z.string(expecting('a date written YYYY-MM-DD')).refine(isCalendarDate, {
        error: (issue) => `expected a real date written YYYY-MM-DD, got "${String(issue.input)}"`,
      }),
    ),
    version: z.number(expecting('the scenario version that carries the change')).int().min(1, { error: 'expected a scenario version, from 1' }),
    text: text('what changed, and why'),
  },
  'a correction ({ date, version, text })',
);
export type Correction = z.infer<typeof correctionSchema>;

export const activitySchema = fields(
  {
    minutes: z.literal(15, { error: (issue) => `expected 15 (a 15-minute classroom activity), got ${got(issue.input)}` }),
    steps: list(text('an activity step'), 'activity steps', 3, 10),
  },
  'a classroom activity ({ minutes: 15, steps })',
);

/** The fields a lesson needs, on top of the model's scenario. */
export const scenarioTeachingShape = {
  summary: text('a one-paragraph summary'),
  goals: list(text('a learning goal'), 'learning goals', 2, 5),
  narration: list(narrationStepSchema, 'narration steps', 3),
  prompts: list(promptSchema, 'prompts', 1),
  discussion: list(discussionItemSchema, 'discussion questions', 2),
  sources: list(z.string(expecting('a source id (a file name in content/sources/, without .yaml)')).pipe(sourceIdSchema), 'source ids', 1),
  corrections: list(correctionSchema, 'corrections', 1).optional(),
  activity: activitySchema,
};

/** The teaching fields alone, for their type: what src/lib/scenario-teaching.ts checks. */
export const scenarioTeachingSchema = z.strictObject(scenarioTeachingShape);
export type ScenarioTeaching = z.infer<typeof scenarioTeachingSchema>;
