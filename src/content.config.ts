/**
 * Content collections. Each collection is a named, exported zod schema plus a glob() loader over the
 * top-level content/ folder, so the schemas can be imported by unit tests and build scripts too.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { readSourceIds } from './lib/sources.ts';
import { teachingIssues } from './lib/scenario-teaching.ts';
import { ID_PATTERN, ID_RULE, PRESET_IDS, parseDayTime, scenarioCoreSchema, semanticIssues } from './model/index.ts';

// ---------------------------------------------------------------------------------------------
// Sources (content/sources/<id>.yaml): one citation per file; the model and pages cite them by id.
// ---------------------------------------------------------------------------------------------

/**
 * How well a source has been checked, as defined in FACTS.md:
 * C read; C2 read as quoted by a named secondary source; R recalled, not yet checked; U uncertain or conflicting.
 */
export const SOURCE_MARKERS = ['C', 'C2', 'R', 'U'] as const;
export const sourceMarkerSchema = z.enum(SOURCE_MARKERS);
export type SourceMarker = z.infer<typeof sourceMarkerSchema>;

/** Kebab-case, because ids are file names and URL fragments (/sources/#<id>). */
export const sourceIdSchema = z
  .string()
  .regex(ID_PATTERN, `a source id is kebab-case: ${ID_RULE}`);

/** YYYY, YYYY-MM or YYYY-MM-DD: many sources are only known to the month or year. */
const partialDateSchema = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD');

/**
 * A claim is a short sentence in our own words. A plain string is checked as well as its source
 * (the source's marker); the object form names a weaker mark for that one claim, so one source can
 * hold a read claim and a recalled one without either borrowing the other's standing.
 */
export const sourceClaimSchema = z.union([
  z.string().min(1),
  z.strictObject({ text: z.string().min(1), marker: sourceMarkerSchema }),
]);
export type SourceClaim = z.infer<typeof sourceClaimSchema>;

export const sourceSchema = z.strictObject({
  /** Equals the file name without .yaml (checked by test/unit/sources.test.ts). */
  id: sourceIdSchema,
  title: z.string().min(1),
  /** Who published it; add the author in parentheses where known. */
  publisher: z.string().min(1),
  /** Left out only when the version we read cannot be dated (e.g. guides that Apple edits in place). */
  date: partialDateSchema.optional(),
  /** Only when we are sure it is right; https only, since readers follow it from a privacy site. */
  url: z.url({ protocol: /^https$/ }).optional(),
  marker: sourceMarkerSchema,
  /** Ids of the secondary sources this one was read through (marker C2). */
  via: z.array(sourceIdSchema).min(1).optional(),
  /** Caveats a reader needs before trusting the claims: versions, authorship, what is unverified. */
  note: z.string().min(1).optional(),
  claims: z.array(sourceClaimSchema).min(1),
});
export type Source = z.infer<typeof sourceSchema>;

const sources = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/sources' }),
  schema: sourceSchema,
});

// ---------------------------------------------------------------------------------------------
// Scenarios (content/scenarios/<id>.yaml): the model's own schema (scenarioCoreSchema: cast, script,
// policy), extended with the teaching fields a lesson needs. Then the checks a schema cannot make:
// the model's (unknown people and devices, time running backwards) and the teaching ones (unknown
// source ids, answers out of range, "Apple" under a non-Apple policy). A broken scenario fails the
// build with its file, the field path and what was expected.
// ---------------------------------------------------------------------------------------------

/** What the reader gave instead, in words: the second half of every "expected …, got …" message. */
function got(input: unknown): string {
  if (input === undefined) return 'nothing (the field is missing)';
  if (input === null) return 'an empty value';
  if (input instanceof Date) return 'a date (put it in quotes)';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a set of fields';
  return `${typeof input} ${JSON.stringify(input)}`;
}

/** A schema's own message comes before any error map passed to parse (zod's order), so these always show. */
const expecting = (what: string) => ({ error: (issue: { input?: unknown }) => `expected ${what}, got ${got(issue.input)}` });

// Lengths are checked with refine, not min/max: zod runs its length checks even on input of the wrong
// type (a string has a length too), while a refinement is skipped once the type is wrong, so one
// mistake gives one message.

/** Non-empty text. */
const text = (what: string) =>
  z
    .string(expecting(what))
    .trim()
    .refine((s) => s.length > 0, { error: `expected ${what}, got an empty text` });

/** A list of `min` to `max` items. */
const list = <T extends z.ZodType>(item: T, what: string, min: number, max: number = Number.POSITIVE_INFINITY) =>
  z
    .array(item, expecting(`a list of ${what}`))
    .refine((a) => a.length >= min, { error: `expected at least ${min} ${what}` })
    .refine((a) => a.length <= max, { error: `expected at most ${max} ${what}` });

/** An object with exactly these fields: a misspelt optional field is an error, not silently dropped. */
const fields = <S extends z.ZodRawShape>(shape: S, what: string) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `expected only the fields of ${what} (${Object.keys(shape).join(', ')}), not ${issue.keys.map((k) => `"${k}"`).join(', ')}`
        : `expected ${what}, got ${got(issue.input)}`,
  });

const dayTimeSchema = z
  .string(expecting('a time like "day 3 14:00"'))
  .refine((s) => parseDayTime(s) !== undefined, { error: (issue) => `expected a time like "day 3 14:00" (or "day 3" for midnight), got "${String(issue.input)}"` });

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
    answer: z.number(expecting('the index of the right choice, counting from 0')).int({ error: 'expected a whole number: the index of the right choice' }).min(0, { error: 'expected the index of the right choice, counting from 0' }),
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

/** "2026-11-27" yes; "2026-02-30" and "2026-13-01" no. */
function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

export const correctionSchema = fields(
  {
    // Astro's YAML loader turns an unquoted 2026-11-27 into a Date; take it back to its text.
    date: z.preprocess(
      (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
      z
        .string(expecting('a date written YYYY-MM-DD'))
        .refine(isCalendarDate, {
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

/**
 * A scenario file: the model's fields and the teaching fields, nothing else (a misspelt field is an
 * error), then the model's semantic checks and the teaching checks. Node-side only: it reads the ids
 * in content/sources/ itself, which is fine because the content config runs at build time.
 */
export const scenarioFileSchema = z
  .strictObject(scenarioCoreSchema.extend(scenarioTeachingShape).shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `expected only scenario fields, not ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`
        : `expected a scenario (a set of fields), got ${got(issue.input)}`,
  })
  .superRefine(
    (scenario, ctx) => {
      const issues = [...semanticIssues(scenario), ...teachingIssues(scenario, readSourceIds())];
      for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    },
    // Only once every shape is right: the semantic checks trust it (a malformed handle fails a
    // refinement, which does not stop zod, and semanticIssues would then read a handle that is not one).
    { when: (payload) => payload.issues.length === 0 },
  );
export type Scenario = z.infer<typeof scenarioFileSchema>;
export type ScenarioTeaching = Pick<Scenario, keyof typeof scenarioTeachingShape>;

/** Words for the issues the model's own field schemas leave without a message of their own. */
function modelFieldWording(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'int' ? 'a whole number' : issue.expected}, got ${got(issue.input)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got(issue.input)}`;
    case 'invalid_union':
      if (issue.inst === scenarioCoreSchema.shape.policy) {
        return `expected a policy preset (${PRESET_IDS.join(', ')}) or { base: <preset>, retentionDays: { <category>: <days> } }, got ${got(issue.input)}`;
      }
      if (issue.inst === scenarioCoreSchema.shape.script.element) {
        return `expected "do" to be one of the script actions (${SCRIPT_ACTIONS.join(', ')})`;
      }
      return undefined;
    default:
      return undefined;
  }
}
const SCRIPT_ACTIONS = scenarioCoreSchema.shape.script.element.options.map((o) => o.shape.do.value);

/**
 * The collection's schema: scenarioFileSchema, with every message in the project's "expected …, got
 * …" wording. Astro parses with its own error map, which would print a missing model field as
 * "title**: **title: Required"; parsing inside a transform and raising each issue again with its
 * message settled keeps the build's message the same as the tests' and the CLI's.
 */
export const scenarioSchema = z.unknown().transform((input, ctx): Scenario => {
  const result = scenarioFileSchema.safeParse(input, { error: modelFieldWording });
  if (result.success) return result.data;
  for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, input });
  return z.NEVER;
});

const scenarios = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/scenarios' }),
  schema: scenarioSchema,
});

// ---------------------------------------------------------------------------------------------
// Explainers (content/explainers/<slug>.mdx): articles that use the simulation as figures. The
// frontmatter is checked here; the components in the text are checked by the explainer page
// (src/lib/writing/scan.ts), which names the file and line of each mistake.
// EXPLAINERS_DIR points the collection at another folder: the build-error tests use fixtures.
// ---------------------------------------------------------------------------------------------

/** A day, written YYYY-MM-DD; YAML's unquoted dates are taken back to their text. */
const calendarDate = (what: string) =>
  z.preprocess(
    (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
    z
      .string(expecting(`${what}, written YYYY-MM-DD`))
      .refine(isCalendarDate, { error: (issue) => `expected ${what}, a real date written YYYY-MM-DD, got "${String(issue.input)}"` }),
  );

export const explainerSchema = fields(
  {
    title: text('a title'),
    description: text('a one-sentence description, shown in the explainers list and link previews'),
    author: text('the author’s name'),
    published: calendarDate('the date first published'),
    updated: calendarDate('the date last updated').optional(),
    sources: list(z.string(expecting('a source id (a file name in content/sources/, without .yaml)')).pipe(sourceIdSchema), 'source ids', 1),
  },
  'explainer frontmatter ({ title, description, author, published, updated?, sources })',
).superRefine((data, ctx) => {
  const known = readSourceIds();
  data.sources.forEach((id, index) => {
    if (!known.has(id)) ctx.addIssue({ code: 'custom', path: ['sources', index], message: `unknown source id "${id}": expected a file name in content/sources/ (without .yaml)` });
  });
  if (data.updated !== undefined && data.updated < data.published) {
    ctx.addIssue({ code: 'custom', path: ['updated'], message: `expected updated (${data.updated}) on or after published (${data.published})` });
  }
});
export type ExplainerFrontmatter = z.infer<typeof explainerSchema>;

const explainers = defineCollection({
  loader: glob({ pattern: '*.mdx', base: process.env.EXPLAINERS_DIR ?? './content/explainers' }),
  schema: explainerSchema,
});

export const collections = { sources, scenarios, explainers };
