import {
  CATEGORIES,
  FIELD_LABELS,
  dayOf,
  formatSimTime,
  retentionEnd,
  type Category,
  type NoLongerHeld,
  type Policy,
  type ProducedRecord,
  type SimTime,
} from '../../../model/index.ts';

/**
 * Wording for the legal-request panel. Pure: the model decides what a process returns; these
 * only choose the words and the order, so they are tested without a browser.
 */

type Direction = ProducedRecord['direction'];

const DIRECTION_WORDS: Record<Category, Record<Direction, string>> = {
  account: { by: 'The target’s account', of: 'The target’s account' },
  registration: { by: 'A device of the target', of: 'A device of the target' },
  lookup: { by: 'Looked up by the target', of: 'Someone looked up the target' },
  routing: { by: 'Sent by the target', of: 'Sent to the target' },
  // A queued message names only its recipient, so the target is always the one it waits for.
  queue: { by: 'Waiting for the target', of: 'Waiting for the target' },
  call: { by: 'Call placed by the target', of: 'Call to the target' },
  connection: { by: 'The target connected', of: 'The target connected' },
};

/** Who did what, from the target's side: "Looked up by the target", "Someone looked up the target". */
export function directionWords(category: Category, direction: Direction): string {
  return DIRECTION_WORDS[category][direction];
}

/** "Handle: +1555… · IP address: 203.0.113.24": the fields a record keeps, in the site's labels. */
export function fieldsText(fields: Record<string, string | number>): string {
  const parts = Object.entries(fields).map(([k, v]) => `${FIELD_LABELS[k] ?? k}: ${k === 'registeredAt' ? formatSimTime(Number(v)) : v}`);
  return parts.length > 0 ? parts.join(' · ') : 'no fields kept beyond the date';
}

/** Records grouped by category, in the site's category order; empty groups left out. */
export function groupByCategory<T extends { category: Category }>(records: readonly T[]): { category: Category; records: T[] }[] {
  return CATEGORIES.map((category) => ({ category, records: records.filter((r) => r.category === category) })).filter((g) => g.records.length > 0);
}

/**
 * Why a record is no longer held, with a concrete day: "expired on Day 31 (kept 30 days)", or, when
 * something other than retention removed it first, "deleted on delivery, Day 4".
 */
export function goneWords(item: NoLongerHeld, policy: Policy): string {
  const day = dayOf(item.goneAt);
  if (item.goneAt < retentionEnd(policy, item.category, item.recordedAt)) {
    return item.category === 'queue' ? `deleted on delivery, Day ${day}` : `replaced by a newer record on Day ${day}`;
  }
  const keep = policy.retention[item.category].keep;
  const kept = keep.kind === 'days' ? ` (kept ${keep.days} day${keep.days === 1 ? '' : 's'})` : '';
  return `expired on Day ${day}${kept}`;
}

/** A pen register's batches handed over by `t`, oldest first, with how many records each carried. */
export function batches(records: readonly ProducedRecord[], t: SimTime): { at: SimTime; count: number }[] {
  const byTime = new Map<SimTime, number>();
  for (const r of records) {
    if (r.deliveredAt === undefined || r.deliveredAt > t) continue;
    byTime.set(r.deliveredAt, (byTime.get(r.deliveredAt) ?? 0) + 1);
  }
  return [...byTime].sort((a, b) => a[0] - b[0]).map(([at, count]) => ({ at, count }));
}

/**
 * A produced record's clock: "Held until Day 31.", "Held for ever.", or, from a pen register, when
 * it was handed over; for one a preservation request keeps past its own clock, why it is still there.
 */
export function heldWords(record: Pick<ProducedRecord, 'expiresAt' | 'deliveredAt' | 'preservedUntil'>): string {
  if (record.deliveredAt !== undefined) return `Delivered ${formatSimTime(record.deliveredAt)}.`;
  if (record.preservedUntil !== undefined) {
    const own = Number.isFinite(record.expiresAt) ? ` (its retention: Day ${dayOf(record.expiresAt)})` : '';
    return `Preserved until Day ${dayOf(record.preservedUntil)} by a preservation request${own}.`;
  }
  return Number.isFinite(record.expiresAt) ? `Held until Day ${dayOf(record.expiresAt)}.` : 'Held for ever.';
}

/** How often a pen register's output arrives: "once a day", "every 15 minutes", "as it happens". */
export function batchWords(minutes: number): string {
  if (minutes <= 0) return 'as it happens';
  if (minutes === 24 * 60) return 'once a day';
  if (minutes % 60 === 0) return minutes === 60 ? 'every hour' : `every ${minutes / 60} hours`;
  return `every ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** When a produced record was made, as precisely as the policy keeps it ("latest only" rules keep the day). */
export function recordedWords(record: Pick<ProducedRecord, 'category' | 'recordedAt' | 'deliveredAt'>, policy: Policy): string {
  // A pen register captures live, so its records carry the full time whatever the retention.
  const dayOnly = record.deliveredAt === undefined && policy.retention[record.category].keep.kind === 'latest';
  return dayOnly ? `Day ${dayOf(record.recordedAt)}` : formatSimTime(record.recordedAt);
}
