/**
 * Content collections. Each collection is a named, exported zod schema plus a glob() loader over the
 * top-level content/ folder, so the schemas can be imported by unit tests and build scripts too.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { scenarioCoreSchema, semanticIssues } from './model/index.ts';

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
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a source id is kebab-case: lower-case letters, digits and single hyphens');

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
// Scenarios (content/scenarios/<id>.yaml): validated by the model's own schema, plus the checks a
// schema cannot express (unknown people and devices, time running backwards), so a broken
// scenario fails the build with its file and field path.
// ---------------------------------------------------------------------------------------------

export const scenarioSchema = scenarioCoreSchema.superRefine((scenario, ctx) => {
  for (const issue of semanticIssues(scenario)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});

const scenarios = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/scenarios' }),
  schema: scenarioSchema,
});

// ---------------------------------------------------------------------------------------------
// More collections go here (scenarios in content/scenarios, explainers in content/explainers):
// define and export each schema above its collection, then add the collection to `collections`.
// ---------------------------------------------------------------------------------------------

export const collections = { sources, scenarios };
