import type { Page } from 'playwright-core';

/**
 * Drives the /simulator/ page the way a reader does, only faster: for probes that need many
 * records: the browser benchmarks (long tasks, heap soak) and the XSS, offline and expiry tests.
 */

/** A distinct, valid E.164 phone number for each i (none of them belongs to the cast). */
export function phoneNumber(i: number): string {
  return `+1 212 ${String(Math.floor(i / 10_000) % 1000).padStart(3, '0')} ${String(i % 10_000).padStart(4, '0')}`;
}

/**
 * Types `count` distinct phone numbers into the composer's "To" field, each followed by Enter, as a
 * reader would (the same input and keydown events the field listens to), so each one asks the key
 * directory and leaves a lookup record. Run in one page task so 1,000 addresses take seconds, not minutes.
 */
export async function typeAddresses(page: Page, count: number, from = 0): Promise<void> {
  const numbers = Array.from({ length: count }, (_, i) => phoneNumber(from + i));
  await page.locator('section.composer').getByLabel('To', { exact: true }).waitFor();
  await page.evaluate((list) => {
    const input = document.querySelector<HTMLInputElement>('section.composer input[type="text"]');
    if (!input) throw new Error('typeAddresses: no "To" field in section.composer');
    for (const value of list) {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    }
  }, numbers);
}

/** The number of records the ledger says are held ("1,018 records held at …"). */
export async function heldCount(page: Page): Promise<number> {
  const summary = (await page.locator('section.ledger .summary').textContent()) ?? '';
  const match = /^\s*([\d,]+) records? held/.exec(summary);
  if (!match?.[1]) throw new Error(`heldCount: cannot read the ledger summary: ${JSON.stringify(summary)}`);
  return Number(match[1].replaceAll(',', ''));
}

/** The clock's text, e.g. "Day 12, 04:00". */
export async function clockText(page: Page): Promise<string> {
  return (await page.locator('section.time .now').textContent()) ?? '';
}

/** The day number the clock shows. */
export async function clockDay(page: Page): Promise<number> {
  const text = await clockText(page);
  const match = /^Day (\d+),/.exec(text);
  if (!match?.[1]) throw new Error(`clockDay: cannot read the clock: ${JSON.stringify(text)}`);
  return Number(match[1]);
}

/** Picks a playback speed in the time controls (simulated days per real second). */
export async function setSpeed(page: Page, daysPerSecond: number): Promise<void> {
  await page.locator('section.time label.speed select').selectOption(String(daysPerSecond));
}

/** The Play/Pause button, located by CSS so resolving it does not walk the whole accessibility tree mid-probe. */
export const playButton = (page: Page) => page.locator('section.time button.primary');

/** Polling every 250 ms, not every frame, so the test harness adds no work of its own to the page's main thread. */
const GENTLY = 250;

/** Waits until playback stops at the end of the session (the button reads "Ended"). */
export async function waitForEnd(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => document.querySelector('section.time button.primary')?.textContent?.trim() === 'Ended', undefined, {
    timeout,
    polling: GENTLY,
  });
}

/** Waits until the clock shows `day` or later. */
export async function waitForDay(page: Page, day: number, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    (d: number) => {
      const match = /^Day (\d+),/.exec(document.querySelector('section.time .now')?.textContent ?? '');
      return match !== null && Number(match[1]) >= d;
    },
    day,
    { timeout, polling: GENTLY },
  );
}

/**
 * An init script: records every main-thread long task (over 50 ms) the page reports, from the
 * start (buffered), in `window.__longTasks`.
 */
export const LONG_TASK_OBSERVER = () => {
  const tasks: { start: number; duration: number }[] = [];
  (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
};

/** Long tasks that started at or after `since` (a performance.now() time in the page). */
export async function longTasksSince(page: Page, since: number): Promise<{ start: number; duration: number }[]> {
  return page.evaluate((t) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((e) => e.start >= t), since);
}

/** The median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
