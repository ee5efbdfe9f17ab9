import type { z } from 'zod';

/*
 * The words every scenario message is written in, "expected …, got …", shared by the model's own
 * parse (the CLI, tests, any in-browser editor) and the content collection (src/lib/content-schemas.ts),
 * so one mistake reads the same wherever it is found. These run as zod error maps: a raw issue still
 * carries its input there, which zod 4 drops from the finished issues unless asked.
 */

/** What the writer gave instead, in words: the second half of every "expected …, got …" message. */
export function got(input: unknown): string {
  if (input === undefined) return 'nothing (the field is missing)';
  if (input === null) return 'an empty value';
  if (input instanceof Date) return 'a date (put it in quotes)';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'bigint') return `a number too large (${input})`;
  if (typeof input === 'object') return 'a set of fields';
  const shown = JSON.stringify(input);
  return `${typeof input} ${shown.length > 60 ? `${shown.slice(0, 57)}…` : shown}`;
}

/** Edit distance (insertions, deletions, substitutions, swaps of two neighbours), for near misses. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/**
 * The known name closest to `typed`, when it is close enough to be a slip of the keyboard:
 * `answerd` → `answered`, `onlin` → `online`, `Label` → `label`. Undefined for anything further.
 */
export function nearest(typed: string, known: readonly string[]): string | undefined {
  const lower = typed.toLowerCase();
  const limit = typed.length < 3 ? 0 : typed.length < 6 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of known) {
    const d = distance(lower, name.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return bestDistance <= limit ? best : undefined;
}

/** The message for fields a strict object does not know, with a "did you mean" for near misses. */
export function unknownFields(keys: readonly PropertyKey[], known: readonly string[], what?: string): string {
  const named = keys.map((key) => {
    const text = String(key);
    const near = nearest(text, known);
    return near ? `"${text}" (did you mean "${near}"?)` : `"${text}"`;
  });
  return `expected only the fields ${what ? `of ${what}` : `here (${known.join(', ')})`}, not ${named.join(', ')}`;
}

/** The field names of the strict object an issue was raised on, from zod's internal definition. */
export function knownFields(issue: { inst?: unknown }): string[] {
  const shape = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

/**
 * The error map for the model's field schemas, which carry no messages of their own: every type,
 * value and unknown-field mistake in the project's words. `unions` names the few unions whose
 * options a writer should see listed (the policy, a script step).
 */
export function scenarioWording(unions: ReadonlyMap<unknown, (input: unknown) => string>) {
  return (issue: z.core.$ZodRawIssue): string | undefined => {
    switch (issue.code) {
      case 'invalid_type':
        return `expected ${issue.expected === 'int' ? 'a whole number' : issue.expected === 'object' ? 'a set of fields' : issue.expected === 'array' ? 'a list' : issue.expected}, got ${got(issue.input)}`;
      case 'invalid_value':
        return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got(issue.input)}`;
      case 'unrecognized_keys':
        return unknownFields(issue.keys, knownFields(issue));
      case 'invalid_union':
        return unions.get(issue.inst)?.(issue.input);
      case 'too_small':
      case 'too_big': {
        const small = issue.code === 'too_small';
        const bound = String(small ? issue.minimum : issue.maximum);
        if (Array.isArray(issue.input)) return `expected a list of ${small ? 'at least' : 'at most'} ${bound}, got ${issue.input.length}`;
        if (typeof issue.input === 'string') return `expected a text of ${small ? 'at least' : 'at most'} ${bound} characters, got ${issue.input.length}`;
        return `expected a number ${small ? 'at least' : 'at most'} ${bound}, got ${got(issue.input)}`;
      }
      default:
        return undefined;
    }
  };
}

/** Where an issue points: an unknown field's own path when there is one, so `script[1].answerd` is named. */
export function issuePath(issue: { code: string; path: readonly PropertyKey[]; keys?: readonly string[] }): (string | number)[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  return issue.code === 'unrecognized_keys' && issue.keys?.length === 1 ? [...path, issue.keys[0] as string] : path;
}
