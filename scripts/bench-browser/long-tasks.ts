import type { Browser, Page } from 'playwright-core';
import { islandsReady } from '../../tools/islands.ts';
import { LONG_TASK_OBSERVER, clockDay, heldCount, longTasksSince, playButton, setSpeed, typeAddresses, waitForEnd } from '../../tools/sim-drive.ts';
import type { Figure } from './figures.ts';
import { onPage, progress, until } from './session.ts';

/** Issue #4's scenario: 1,000 records held while playing at 30 days/s. */
const RECORDS = 1000;
const SPEED = 30;

interface Played {
  worst: number;
  count: number;
  days: number;
}

/**
 * One playback: 1,000 distinct numbers typed into a fresh /simulator/ (each leaves a lookup record),
 * optionally a retention preset chosen, then Play at 30 days/s from day 1 to the end of the session,
 * with a long-task observer installed before the page loads. No CPU slowdown: this is the reader's own machine.
 */
async function play(page: Page, policy: string | undefined): Promise<Played> {
  await islandsReady(page);
  await typeAddresses(page, RECORDS);
  if (policy) {
    await page
      .locator('section.policy')
      .getByRole('radio', { name: new RegExp(`^${policy}\\b`) })
      .check();
    await until(`the ledger to follow the ${policy} policy`, async () => (await page.locator('section.ledger .summary strong').textContent()) === policy);
  }
  await until(`${RECORDS} records held`, async () => (await heldCount(page)) >= RECORDS);
  await setSpeed(page, SPEED);
  // Let the page settle after typing, so the window measured is playback alone.
  await page.waitForTimeout(500);
  const start = await page.evaluate(() => performance.now());
  await playButton(page).click();
  await waitForEnd(page);
  const end = await page.evaluate(() => performance.now());
  const tasks = (await longTasksSince(page, start)).filter((t) => t.start <= end);
  return { worst: Math.round(Math.max(0, ...tasks.map((t) => t.duration))), count: tasks.length, days: await clockDay(page) };
}

/**
 * The worst main-thread task while playing with 1,000 records held: `runs` times under "Keep forever" (every
 * lookup stays held), and once under the scenario's own policy, in which all 1,000 expire at once on day 31.
 * 0 means no task over 50 ms (the Long Tasks API reports nothing shorter).
 */
export async function measureLongTasks(browser: Browser, site: { url: string; origin: string }, runs: number): Promise<Figure[]> {
  const keep: Played[] = [];
  for (let run = 1; run <= runs; run++) {
    progress(`long tasks at ${SPEED} days/s, run ${run} of ${runs}`);
    keep.push(await onPage(browser, site, 'simulator/', ({ page }) => play(page, 'Keep forever'), { initScript: LONG_TASK_OBSERVER }));
  }
  progress(`long tasks at ${SPEED} days/s through the day-31 expiry`);
  const expiring = await onPage(browser, site, 'simulator/', ({ page }) => play(page, undefined), { initScript: LONG_TASK_OBSERVER });
  const days = Math.min(...[...keep, expiring].map((p) => p.days));
  return [
    {
      name: `long tasks: worst while playing, ${RECORDS.toLocaleString('en')} held (/simulator/)`,
      unit: 'ms',
      values: keep.map((p) => p.worst),
      note: `Long Tasks API (tasks over 50 ms; 0 = none) while playing day 1 to day ${days} at ${SPEED} days/s, no CPU slowdown, "Keep forever".`,
    },
    { name: 'long tasks: count while playing (/simulator/)', unit: 'count', values: keep.map((p) => p.count) },
    { name: `long tasks: worst through a mass expiry of ${RECORDS.toLocaleString('en')} (/simulator/)`, unit: 'ms', values: [expiring.worst] },
  ];
}
