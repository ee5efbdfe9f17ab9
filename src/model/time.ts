/**
 * Simulated time: milliseconds since the scenario started. The model never reads the wall clock.
 * Day 1 is the first 24 hours, so a record made on day 1 with 30 days' retention expires on day 31.
 */
export type SimTime = number;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The 1-based day that contains `t`. */
export function dayOf(t: SimTime): number {
  return Math.floor(t / DAY) + 1;
}

/** The time at which 1-based day `day` begins. */
export function startOfDay(day: number): SimTime {
  return (day - 1) * DAY;
}

export function days(n: number): number {
  return n * DAY;
}

export function hours(n: number): number {
  return n * HOUR;
}

/** "Day 12, 14:00": the wording used on screen and in `aria-valuetext`. */
export function formatSimTime(t: SimTime): string {
  const within = ((t % DAY) + DAY) % DAY;
  const h = Math.floor(within / HOUR);
  const m = Math.floor((within % HOUR) / MINUTE);
  return `Day ${dayOf(t)}, ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Parses "3d", "12h", "90m", "2d6h" or a plain number of days into milliseconds. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * DAY;
  const re = /(\d+(?:\.\d+)?)([dhm])/gy;
  let total = 0;
  let matched = 0;
  for (const m of trimmed.matchAll(re)) {
    const n = Number(m[1]);
    total += m[2] === 'd' ? n * DAY : m[2] === 'h' ? n * HOUR : n * MINUTE;
    matched += m[0].length;
  }
  return matched === trimmed.length && matched > 0 ? total : undefined;
}

/** Parses a scenario time: "day 3", "day 3 14:00" or "day 3, 14:30". */
export function parseDayTime(text: string): SimTime | undefined {
  const m = /^\s*day\s+(\d+)(?:\s*,?\s*(\d{1,2}):(\d{2}))?\s*$/i.exec(text);
  if (!m) return undefined;
  const day = Number(m[1]);
  const h = m[2] === undefined ? 0 : Number(m[2]);
  const min = m[3] === undefined ? 0 : Number(m[3]);
  if (day < 1 || h > 23 || min > 59) return undefined;
  return startOfDay(day) + h * HOUR + min * MINUTE;
}
