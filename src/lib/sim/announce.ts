import { CATEGORY_LABELS, formatSimTime, type HeldRecord, type JournalEntry, type SimTime } from '../../model/index.ts';
import { expiryDay } from './format.ts';

/**
 * What a screen reader hears after a change: records that arrived and records that expired,
 * in the site's words. Pure, so it is tested without a browser; the live region throttles it.
 */
export function describeChange(before: readonly HeldRecord[], after: readonly HeldRecord[], latest: readonly JournalEntry[]): string {
  const had = new Set(before.map((r) => r.seq));
  const has = new Set(after.map((r) => r.seq));
  const added = after.filter((r) => !had.has(r.seq));
  const expired = before.filter((r) => !has.has(r.seq));
  const parts: string[] = [];
  const rejected = latest.find((e) => e.outcome === 'rejected');
  if (rejected?.reason) parts.push(`Not done: ${rejected.reason}.`);
  if (added.length > 0 && added.length <= 3) {
    for (const r of added) parts.push(`${CATEGORY_LABELS[r.category]} recorded, kept until ${expiryDay(r.expiresAt)}.`);
  } else if (added.length > 3) {
    parts.push(`${added.length} records added: ${summarise(added)}.`);
  }
  if (expired.length > 0 && expired.length <= 3) {
    for (const r of expired) parts.push(`${CATEGORY_LABELS[r.category]} from ${formatSimTime(r.recordedAt)} no longer held.`);
  } else if (expired.length > 3) {
    parts.push(`${expired.length} records no longer held: ${summarise(expired)}.`);
  }
  return parts.join(' ');
}

/**
 * "Back to now" when the views left a past moment for the present: a reader action taken while
 * viewing the past happens now, and the views follow it there.
 */
export function describeReturn(viewedBefore: SimTime | undefined, viewedAfter: SimTime | undefined, now: SimTime): string {
  return viewedBefore !== undefined && viewedAfter === undefined ? `Back to now, ${formatSimTime(now)}.` : '';
}

function summarise(records: readonly HeldRecord[]): string {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(CATEGORY_LABELS[r.category], (counts.get(CATEGORY_LABELS[r.category]) ?? 0) + 1);
  return [...counts].map(([label, n]) => `${n} × ${label.toLowerCase()}`).join(', ');
}
