/**
 * The schema of a source (content/sources/<id>.yaml): one citation per file; the model and pages
 * cite them by id. Imports nothing from the rest of src/lib, so src/lib/sources.ts can take its types.
 */
import { z } from 'astro/zod';
import { ID_PATTERN, ID_RULE } from '../model/index.ts';

/**
 * How well a source has been checked, as defined in FACTS.md:
 * C read; C2 read as quoted by a named secondary source; R recalled, not yet checked; U uncertain or conflicting.
 */
export const SOURCE_MARKERS = ['C', 'C2', 'R', 'U'] as const;
export const sourceMarkerSchema = z.enum(SOURCE_MARKERS);
export type SourceMarker = z.infer<typeof sourceMarkerSchema>;

/** Kebab-case, because ids are file names and URL fragments (/sources/#<id>). */
export const sourceIdSchema = z.string().regex(ID_PATTERN, `a source id is kebab-case: ${ID_RULE}`);

/** YYYY, YYYY-MM or YYYY-MM-DD: many sources are only known to the month or year. */
const partialDateSchema = z.string().regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD');

/**
 * A claim is a short sentence in our own words, with an id the model and pages cite it by
 * ("<source id>#<claim id>"). A claim carries its source's marker unless it names a weaker one, so
 * one source can hold a read claim and a recalled one without either borrowing the other's standing.
 */
export const sourceClaimSchema = z.strictObject(
  {
    id: z.string().regex(ID_PATTERN, `a claim id is kebab-case: ${ID_RULE}`),
    text: z.string().min(1),
    marker: sourceMarkerSchema.optional(),
  },
  { error: (issue) => (issue.code === 'invalid_type' ? 'expected a claim { id, text, marker? }, not a bare sentence: give it an id' : undefined) },
);
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
  claims: z
    .array(sourceClaimSchema)
    .min(1)
    .superRefine((claims, ctx) => {
      const seen = new Set<string>();
      claims.forEach((claim, index) => {
        if (seen.has(claim.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `each claim id once, but "${claim.id}" repeats` });
        seen.add(claim.id);
      });
    }),
});
export type Source = z.infer<typeof sourceSchema>;
