import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { islandsReady, useSite } from '../support/site.ts';
import {
  LONG_TASK_OBSERVER,
  clockDay,
  heldCount,
  longTasksSince,
  median,
  playButton,
  setSpeed,
  typeAddresses,
  waitForEnd,
} from '../support/sim-drive.ts';

const site = useSite();

/** Issue #4: playback at 30 days/s with 1,000 records held runs no main-thread task over 50 ms. */
const LONG_TASK_BUDGET_MS = 50;
const RECORDS = 1000;
const RUNS = 3;

interface Run {
  policy: string;
  held: number;
  worst: number;
  count: number;
  playedMs: number;
  days: number;
}

/**
 * One measured playback: a fresh /simulator/ page, 1,000 distinct numbers typed (each leaves a
 * lookup record), optionally a retention preset chosen in the policy panel, then Play at 30 days/s
 * from day 1 to the end of the session, with a long-task observer installed before the page loads.
 */
async function measure(policy: string | undefined): Promise<Run> {
  let run: Run | undefined;
  await site.visit(
    'simulator/',
    async ({ page }) => {
      await islandsReady(page);
      await typeAddresses(page, RECORDS);
      if (policy) await choosePolicy(page, policy);
      await expect.poll(() => heldCount(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(RECORDS);
      const held = await heldCount(page);
      expect(await clockDay(page)).toBe(1);
      await setSpeed(page, 30);
      // Let the page settle after typing, so the window measured is playback alone.
      await page.waitForTimeout(500);
      const start = await page.evaluate(() => performance.now());
      await playButton(page).click();
      await waitForEnd(page);
      const end = await page.evaluate(() => performance.now());
      const tasks = (await longTasksSince(page, start)).filter((t) => t.start <= end);
      run = {
        policy: policy ?? 'scenario default',
        held,
        worst: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
        count: tasks.length,
        playedMs: Math.round(end - start),
        days: await clockDay(page),
      };
    },
    // axe over 1,000 graph nodes adds nothing here: the page's accessibility is tested elsewhere.
    { axe: false, initScript: LONG_TASK_OBSERVER },
  );
  if (!run) throw new Error('the probe did not run');
  console.log(
    `long-task probe (${run.policy}): ${run.held} records held, played to day ${run.days} in ${run.playedMs} ms at 30 days/s; ` +
      `${run.count} long task(s), worst ${run.worst} ms`,
  );
  return run;
}

async function choosePolicy(page: Page, name: string): Promise<void> {
  const radio = page.locator('section.policy').getByRole('radio', { name: new RegExp(`^${name}\\b`) });
  await radio.check();
  await expect.poll(() => page.locator('section.ledger .summary strong').textContent()).toBe(name);
}

describe('performance probes (Chromium)', () => {
  test(`playback at 30 days/s with ${RECORDS} records held: no main-thread task over ${LONG_TASK_BUDGET_MS} ms`, async () => {
    // "Keep forever" holds every lookup for the whole session; the scenario's own policy
    // (Apple, 2016) holds them for 30 days and then lets all of them expire at once, mid-playback.
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure('Keep forever'));
    const expiring = await measure(undefined);
    for (const run of [...runs, expiring]) {
      expect(run.held).toBeGreaterThanOrEqual(RECORDS);
      expect(run.days, 'playback reached the end of the session').toBeGreaterThan(30);
    }
    const worst = median(runs.map((r) => r.worst));
    console.log(`long-task probe: median worst task over ${RUNS} runs ${worst} ms (runs: ${runs.map((r) => r.worst).join(', ')} ms); with expiry ${expiring.worst} ms`);
    // The median of several runs, so one hiccup of a shared CI machine does not decide it.
    expect(worst, 'median worst long task while playing, ms').toBeLessThanOrEqual(LONG_TASK_BUDGET_MS);
    expect(expiring.worst, 'worst long task while playing through a mass expiry, ms').toBeLessThanOrEqual(LONG_TASK_BUDGET_MS);
  }, 240_000);
});
