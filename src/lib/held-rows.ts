/**
 * A held record as a row of text: the columns the ledger's download and `npm run simulate` print.
 * One projection, so a record reads the same in the reader's CSV and in the CLI's.
 */
import { CATEGORIES, CATEGORY_LABELS, FIELD_NAMES, dayOf, formatSimTime, type Category, type HeldRecord, type Policy } from '../model/index.ts';
import { csv } from './csv.ts';

export interface HeldRow {
  seq: number;
  category: Category;
  /** "Day 12, 14:00", or "Day 12" where the policy keeps only the date. */
  recorded: string;
  /**
   * "Day 42, 14:00", or "never" for records kept for ever (or until a newer one replaces them); for
   * a record a preservation request keeps past its retention, "Day 95, 12:00 (preserved; its retention: Day 29, 21:00)".
   */
  expires: string;
  /** Only the fields the policy keeps; times as "Day N, HH:MM". */
  fields: Record<string, string | number>;
}

/** Every field name across categories, each once, in the model's display order. */
export const FIELD_COLUMNS: readonly string[] = [...new Set(CATEGORIES.flatMap((c) => FIELD_NAMES[c]))];

export const HELD_HEADER = ['seq', 'category', 'recorded', 'expires', ...FIELD_COLUMNS] as const;

/** Fields holding a simulated time, printed as "Day N, HH:MM" rather than milliseconds. */
const TIME_FIELDS: ReadonlySet<string> = new Set(['registeredAt']);

/**
 * The row for one held record. Given the policy, a record under a "latest" rule (kept to the day,
 * such as an account's sign-in) shows only its day: printing the midnight the model rounds it to
 * would claim a time the provider does not keep.
 */
export function heldRow(record: HeldRecord, policy?: Policy): HeldRow {
  const dayOnly = policy?.retention[record.category].keep.kind === 'latest';
  const fields: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(record.fields)) {
    fields[name] = TIME_FIELDS.has(name) && typeof value === 'number' ? formatSimTime(value) : value;
  }
  return {
    seq: record.seq,
    category: record.category,
    recorded: dayOnly ? `Day ${dayOf(record.recordedAt)}` : formatSimTime(record.recordedAt),
    expires: expires(record),
    fields,
  };
}

function expires(record: HeldRecord): string {
  const own = Number.isFinite(record.expiresAt) ? formatSimTime(record.expiresAt) : 'never';
  return record.preservedUntil === undefined ? own : `${formatSimTime(record.preservedUntil)} (preserved; its retention: ${own})`;
}

/** Rows as CSV: the header, then one line per row with every field column, empty where not kept. */
export function heldCsv(rows: readonly HeldRow[]): string {
  const lines = rows.map((row) => [row.seq, CATEGORY_LABELS[row.category], row.recorded, row.expires, ...FIELD_COLUMNS.map((name) => row.fields[name] ?? '')]);
  return csv([[...HELD_HEADER], ...lines]);
}
