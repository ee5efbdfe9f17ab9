/**
 * The pieces every content schema is built from, with the project's "expected …, got …" wording:
 * what a writer typed wrong, said in words a writer reads. zod from astro/zod, as Astro's own.
 */
import { z } from 'astro/zod';

export { got } from '../model/index.ts';
import { got, unknownFields } from '../model/index.ts';

/** A schema's own message comes before any error map passed to parse (zod's order), so these always show. */
export const expecting = (what: string) => ({ error: (issue: { input?: unknown }) => `expected ${what}, got ${got(issue.input)}` });

// Lengths are checked with refine, not min/max: zod runs its length checks even on input of the wrong
// type (a string has a length too), while a refinement is skipped once the type is wrong, so one
// mistake gives one message.

/** Non-empty text. */
export const text = (what: string) =>
  z
    .string(expecting(what))
    .trim()
    .refine((s) => s.length > 0, { error: `expected ${what}, got an empty text` });

/** A list of `min` to `max` items. */
export const list = <T extends z.ZodType>(item: T, what: string, min: number, max: number = Number.POSITIVE_INFINITY) =>
  z
    .array(item, expecting(`a list of ${what}`))
    .refine((a) => a.length >= min, { error: `expected at least ${min} ${what}` })
    .refine((a) => a.length <= max, { error: `expected at most ${max} ${what}` });

/** An object with exactly these fields: a misspelt optional field is an error, not silently dropped. */
export const fields = <S extends z.ZodRawShape>(shape: S, what: string) =>
  z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? unknownFields(issue.keys, Object.keys(shape), what) : `expected ${what}, got ${got(issue.input)}`),
  });

/** "2026-11-27" yes; "2026-02-30" and "2026-13-01" no. */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** Astro's YAML loader turns an unquoted 2026-11-27 into a Date; this takes it back to its text. */
export function dateAsText(value: unknown): unknown {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;
}
