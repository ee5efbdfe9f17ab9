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
export function expiryDay(expiresAt: SimTime): string {
  return Number.isFinite(expiresAt) ? `Day ${dayOf(expiresAt)}` : 'never';
}

export { formatSimTime };
