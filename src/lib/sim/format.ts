import { DAY, HOUR, dayOf, formatSimTime, type SimTime } from '../../model/index.ts';

/** "expires in 29 days", "expires in 5 hours", "kept for ever": the ledger's retention clock. */
export function expiresIn(expiresAt: SimTime, now: SimTime): string {
  if (!Number.isFinite(expiresAt)) return 'kept for ever';
  const left = expiresAt - now;
  if (left <= 0) return `expired ${formatSimTime(expiresAt)}`;
  if (left >= DAY) {
    const d = Math.floor(left / DAY);
    return `expires in ${d} day${d === 1 ? '' : 's'}`;
  }
  const h = Math.max(1, Math.floor(left / HOUR));
  return `expires in ${h} hour${h === 1 ? '' : 's'}`;
}

/** "Day 31": when a record stops being held. */
/**
 * The ledger's retention column: `expiresIn`, or for a record a preservation request keeps past its
 * own clock, "preserved until Day 95 (its retention ended Day 29)": the reason it is still there.
 */
export function retentionText(record: { expiresAt: SimTime; preservedUntil?: SimTime }, now: SimTime): string {
  if (record.preservedUntil === undefined) return expiresIn(record.expiresAt, now);
  const own = record.expiresAt <= now ? 'ended' : 'ends';
  return `preserved until Day ${dayOf(record.preservedUntil)} (its retention ${own} ${expiryDay(record.expiresAt)})`;
}

export function expiryDay(expiresAt: SimTime): string {
  return Number.isFinite(expiresAt) ? `Day ${dayOf(expiresAt)}` : 'never';
}

export { formatSimTime };
