import type { Ledger } from './ledger.ts';
import { countHeldAtWith, type Preservation } from './preservation.ts';
import type { Policy } from './policy.ts';
import { CATEGORIES, type Category } from './records.ts';
import { DAY, type SimTime } from './time.ts';

export interface TimelineDay {
  /** 1-based day. */
  day: number;
  /** The moment sampled: the end of the day, or now for the current day. */
  t: SimTime;
  counts: Record<Category, number>;
  total: number;
}

/**
 * Records held per category at the end of each day from day 1 to the day containing `until`.
 * Each day is an independent held-at query, so the curve shows records arriving and expiring.
 */
export function timeline(
  ledger: Ledger,
  policy: Policy,
  until: SimTime,
  lastDay = Math.floor(until / DAY) + 1,
  preservations: readonly Preservation[] = [],
): TimelineDay[] {
  const days: TimelineDay[] = [];
  for (let day = 1; day <= lastDay; day++) {
    const t = Math.min(day * DAY - 1, until);
    const counts = countHeldAtWith(ledger, policy, t, preservations);
    days.push({ day, t, counts, total: CATEGORIES.reduce((n, c) => n + counts[c], 0) });
  }
  return days;
}
