import { CATEGORY_LABELS, FIELD_NAMES, CATEGORIES, formatSimTime, type HeldRecord } from '../../model/index.ts';
import { expiryDay } from './format.ts';

/** Every field name across categories, in a stable order: the CSV's columns after the fixed ones. */
export const ALL_FIELDS: readonly string[] = [...new Set(CATEGORIES.flatMap((c) => FIELD_NAMES[c]))];

/**
 * One CSV cell, quoted per RFC 4180. Cells a spreadsheet would run as a formula get a leading
 * apostrophe, except phone numbers in E.164 form, which are only their own value.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^\+[1-9]\d{6,14}$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function ledgerCsv(records: readonly HeldRecord[]): string {
  const header = ['seq', 'category', 'recorded', 'expires', ...ALL_FIELDS];
  const rows = records.map((r) => [
    r.seq,
    CATEGORY_LABELS[r.category],
    formatSimTime(r.recordedAt),
    expiryDay(r.expiresAt),
    ...ALL_FIELDS.map((f) => (f === 'registeredAt' && typeof r.fields[f] === 'number' ? formatSimTime(r.fields[f]) : (r.fields[f] ?? ''))),
  ]);
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function ledgerJson(records: readonly HeldRecord[], at: number, policy: string): string {
  return JSON.stringify(
    {
      at: formatSimTime(at),
      policy,
      held: records.map((r) => ({
        seq: r.seq,
        category: r.category,
        recorded: formatSimTime(r.recordedAt),
        expires: expiryDay(r.expiresAt),
        fields: r.fields,
      })),
    },
    null,
    2,
  );
}
