/**
 * Linear maps and tick choices for the site's charts. Hand-written rather than d3-scale: the charts
 * need only linear maps over whole days and whole records, and d3-scale would bring d3-interpolate,
 * d3-format and d3-time (about 10 KB gzip) to a page with a 100 KB script budget.
 */

export interface Linear {
  (value: number): number;
  /** The domain value that maps to `position` (for pointer hit-testing). */
  invert(position: number): number;
  domain: readonly [number, number];
  range: readonly [number, number];
}

/** Maps [d0, d1] onto [r0, r1] linearly; a collapsed domain maps everything to the middle of the range. */
export function linear(domain: readonly [number, number], range: readonly [number, number]): Linear {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const map = ((v: number) => (span === 0 ? (r0 + r1) / 2 : r0 + ((v - d0) / span) * (r1 - r0))) as Linear;
  map.invert = (p: number) => (r1 === r0 ? (d0 + d1) / 2 : d0 + ((p - r0) / (r1 - r0)) * span);
  map.domain = [d0, d1];
  map.range = [r0, r1];
  return map;
}

/**
 * Whole-number ticks from 0 for a count axis: a step of 1, 2 or 5 times a power of ten, chosen so
 * there are at most `most` steps, and a top tick at or above `max` (so the axis ends on a tick).
 */
export function countTicks(max: number, most = 4): number[] {
  const top = Math.max(1, Math.ceil(max));
  const step = niceStep(top, most);
  const ticks: number[] = [];
  for (let v = 0; v < top + step; v += step) ticks.push(v);
  return ticks;
}

/** The smallest of 1, 2, 5, 10, 20, 50 … that splits 0..top into at most `most` steps. */
function niceStep(top: number, most: number): number {
  for (let power = 1; ; power *= 10) {
    const found = [1, 2, 5].map((m) => m * power).find((s) => Math.ceil(top / s) <= most);
    if (found !== undefined) return found;
  }
}

/**
 * Day labels for a time axis of `days` days drawn `width` pixels wide: day 1, then every `step`
 * days (7, 14, 21 … for a weekly step), with a step wide enough that labels are `minGap` px apart.
 */
export function dayTicks(days: number, width: number, minGap = 44): number[] {
  const perDay = width / Math.max(1, days);
  const step = [1, 2, 5, 7, 10, 14, 15, 30, 60, 90, 180, 365].find((s) => s * perDay >= minGap) ?? Math.max(1, days);
  const ticks = [1];
  for (let d = step; d <= days; d += step) if (d - 1 > 0 && (d - 1) * perDay >= minGap * 0.75) ticks.push(d);
  return ticks;
}

/**
 * The day a key moves a day axis's cursor to, within 1..days: arrows step a day (left and down
 * go back), Page Up and Page Down a week, Home and End to the ends. Undefined for any other key.
 */
export function dayAfterKey(key: string, cursor: number, days: number): number | undefined {
  const moves: Record<string, number> = {
    ArrowLeft: cursor - 1,
    ArrowDown: cursor - 1,
    ArrowRight: cursor + 1,
    ArrowUp: cursor + 1,
    PageDown: cursor - 7,
    PageUp: cursor + 7,
    Home: 1,
    End: days,
  };
  const to = moves[key];
  return to === undefined ? undefined : Math.max(1, Math.min(days, to));
}
