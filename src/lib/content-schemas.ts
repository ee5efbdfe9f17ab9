/**
 * The content collections' schemas, named and exported so unit tests, build scripts and the CLI use
 * the same ones as the build: a source, a scenario file (the model's scenario plus the teaching
 * fields, then the checks a schema cannot make) and an explainer's frontmatter.
 * src/content.config.ts only points each collection at its folder and schema.
 * Node-side: the scenario and explainer checks read the ids in content/sources/ themselves.
 */
import { z } from 'astro/zod';
import {
  issuePath,
  parseScenario,
  ScenarioError,
  scenarioCoreSchema,
  scenarioIssueWording,
  semanticIssues,
  unknownFields,
  zodIssues,
  type ScenarioCore,
} from '../model/index.ts';
import { teachingIssues } from './scenario-teaching.ts';
import { dateAsText, expecting, fields, got, isCalendarDate, list, text } from './schema-wording.ts';
import { sourceIdSchema } from './source-schema.ts';
import { readSourceIds } from './sources.ts';
import { scenarioTeachingShape } from './teaching-schema.ts';

export { SOURCE_MARKERS, sourceClaimSchema, sourceIdSchema, sourceMarkerSchema, sourceSchema } from './source-schema.ts';
export type { Source, SourceClaim, SourceMarker } from './source-schema.ts';
export {
  activitySchema,
  correctionSchema,
  discussionItemSchema,
  narrationStepSchema,
  promptSchema,
  scenarioTeachingSchema,
  scenarioTeachingShape,
} from './teaching-schema.ts';
export type { Correction, DiscussionItem, NarrationStep, Prompt, ScenarioTeaching } from './teaching-schema.ts';

// ---------------------------------------------------------------------------------------------
// Scenarios (content/scenarios/<id>.yaml): the model's own schema (scenarioCoreSchema: cast, script,
// policy), extended with the teaching fields a lesson needs. Then the checks a schema cannot make:
// the model's (unknown people and devices, time running backwards) and the teaching ones (unknown
// source ids, answers out of range, "Apple" under a non-Apple policy). A broken scenario fails the
// build with its file, the field path and what was expected.
// ---------------------------------------------------------------------------------------------

/**
 * A scenario file: the model's fields and the teaching fields, nothing else (a misspelt field is an
 * error), then the model's semantic checks and the teaching checks. Node-side only: it reads the ids
 * in content/sources/ itself, which is fine because the content config runs at build time.
 */
const SCENARIO_FIELDS = [...Object.keys(scenarioCoreSchema.shape), ...Object.keys(scenarioTeachingShape)];

export const scenarioFileSchema = z
  .strictObject(scenarioCoreSchema.extend(scenarioTeachingShape).shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? unknownFields(issue.keys, SCENARIO_FIELDS, 'a scenario')
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

/**
 * The collection's schema: scenarioFileSchema, with every message in the project's "expected …, got
 * …" wording. Astro parses with its own error map, which would print a missing model field as
 * "title**: **title: Required"; parsing inside a transform and raising each issue again with its
 * message settled keeps the build's message the same as the tests' and the CLI's.
 */
export const scenarioSchema = z.unknown().transform((input, ctx): Scenario => {
  const result = scenarioFileSchema.safeParse(input, { error: scenarioIssueWording });
  if (result.success) return result.data;
  for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', path: issuePath(issue), message: issue.message, input });
  return z.NEVER;
});

/** The teaching fields' names: a file with any of them is a lesson, checked as the build checks it. */
const TEACHING_FIELDS = Object.keys(scenarioTeachingShape);

/**
 * The one scenario validator outside the build, which runs scenarioSchema itself: the CLI and the
 * tests. A file holding any teaching field is checked exactly as the build checks it (every field,
 * teaching checks included); a file of the model's fields alone (a scenario written to run, not to
 * teach) gets the model's checks, with the same schemas and the same words. Throws one ScenarioError.
 */
export function validateScenario(data: unknown, file?: string): ScenarioCore {
  const lesson = typeof data === 'object' && data !== null && !Array.isArray(data) && TEACHING_FIELDS.some((k) => Object.hasOwn(data, k));
  if (!lesson) return parseScenario(data, file);
  const result = scenarioSchema.safeParse(data);
  if (!result.success) throw new ScenarioError(zodIssues(result.error), file);
  return result.data;
}

// ---------------------------------------------------------------------------------------------
// Explainers (content/explainers/<slug>.mdx): articles that use the simulation as figures. The
// frontmatter is checked here; the components in the text are checked by the explainer page
// (src/lib/writing/scan.ts), which names the file and line of each mistake.
// ---------------------------------------------------------------------------------------------

/** A day, written YYYY-MM-DD; YAML's unquoted dates are taken back to their text. */
const calendarDate = (what: string) =>
  z.preprocess(
    dateAsText,
    z
      .string(expecting(`${what}, written YYYY-MM-DD`))
      .refine(isCalendarDate, { error: (issue) => `expected ${what}, a real date written YYYY-MM-DD, got "${String(issue.input)}"` }),
  );

/** Source ids, at least one, each a file in content/sources/: an explainer's or a correction's `sources`. */
const sourceIdList = list(
  z.string(expecting('a source id (a file name in content/sources/, without .yaml)')).pipe(sourceIdSchema),
  'source ids',
  1,
).superRefine((ids, ctx) => {
  const known = readSourceIds();
  ids.forEach((id, index) => {
    if (!known.has(id))
      ctx.addIssue({ code: 'custom', path: [index], message: `unknown source id "${id}": expected a file name in content/sources/ (without .yaml)` });
  });
});

export const explainerSchema = fields(
  {
    title: text('a title'),
    description: text('a one-sentence description, shown in the explainers list and link previews'),
    author: text('the author’s name'),
    published: calendarDate('the date first published'),
    updated: calendarDate('the date last updated').optional(),
    sources: sourceIdList,
  },
  'explainer frontmatter ({ title, description, author, published, updated?, sources })',
).superRefine((data, ctx) => {
  if (data.updated !== undefined && data.updated < data.published) {
    ctx.addIssue({ code: 'custom', path: ['updated'], message: `expected updated (${data.updated}) on or after published (${data.published})` });
  }
});
export type ExplainerFrontmatter = z.infer<typeof explainerSchema>;

// ---------------------------------------------------------------------------------------------
// The corrections log (content/corrections.yaml), shown on /sources/: what changed, when and why,
// with the sources each fix concerns.
// ---------------------------------------------------------------------------------------------

export const correctionEntrySchema = fields(
  {
    id: z.string(expecting('an id, kebab-case')).pipe(sourceIdSchema),
    date: calendarDate('the date of the fix'),
    text: text('what changed and why'),
    sources: sourceIdList,
  },
  'a correction ({ id, date, text, sources })',
);
export type CorrectionEntry = z.infer<typeof correctionEntrySchema>;
