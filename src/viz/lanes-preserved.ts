import type { LaneMark } from './lanes.ts';

/**
 * The part of a mark a preservation request adds: from where the record's own clock would have
 * ended it to where the bar ends. Undefined for a record no request kept past its retention.
 * Pure, so the lanes only draw it (a hatched, outlined segment: not told by colour alone).
 */
export function preservedPart(mark: LaneMark, x: (t: number) => number): { x0: number; x1: number } | undefined {
  const own = mark.span.ownEndsAt;
  if (mark.span.preservedUntil === undefined || own === undefined) return undefined;
  const x0 = Math.min(Math.max(mark.x0, x(own)), mark.x1);
  return mark.x1 - x0 >= 1 ? { x0, x1: mark.x1 } : undefined;
}

/** Whether any record made by `at` is kept by a preservation request: the lanes' key then explains the hatching. */
export const anyPreserved = (spans: readonly { preservedUntil?: number; recordedAt: number }[], at: number): boolean =>
  spans.some((s) => s.preservedUntil !== undefined && s.recordedAt <= at);
