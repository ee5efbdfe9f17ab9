import type { Browser, Page } from 'playwright-core';
import { islandsReady } from '../../tools/islands.ts';
import { playButton } from '../../tools/sim-drive.ts';
import { EVENT_TIMING_FLOOR_MS, type Figure } from './figures.ts';
import { onPage, progress, throttleCpu, until } from './session.ts';

export const CPU_SLOWDOWN = 4;

interface EventEntry {
  interactionId: number;
  start: number;
  duration: number;
}

/**
 * An init script: keeps every Event Timing entry that belongs to an interaction (a tap, a click, a key),
 * from the start (buffered), in `window.__interactions`.
 */
const EVENT_TIMING_OBSERVER = (floor: number) => {
  const entries: { interactionId: number; start: number; duration: number }[] = [];
  (window as unknown as { __interactions: typeof entries }).__interactions = entries;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceEventTiming[]) {
      if (entry.interactionId) entries.push({ interactionId: entry.interactionId, start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'event', durationThreshold: floor, buffered: true } as PerformanceObserverInit);
};

/**
 * The duration of the interaction `act` performs: the longest Event Timing entry of the first interaction
 * that starts after it begins (input delay + handlers + the next paint). null when the browser reported
 * nothing within two seconds, which means it took under the 16 ms floor.
 */
async function timeInteraction(page: Page, act: () => Promise<void>): Promise<number | null> {
  const since = await page.evaluate(() => performance.now());
  await act();
  const read = () => page.evaluate((t) => (window as unknown as { __interactions: EventEntry[] }).__interactions.filter((e) => e.start >= t), since);
  try {
    await until('an Event Timing entry', async () => (await read()).length > 0, 2_000, 50);
  } catch {
    return null;
  }
  // The entries of one interaction (pointerdown, pointerup, click) are reported together after its paint.
  await page.waitForTimeout(100);
  const entries = await read();
  const first = entries[0]!.interactionId;
  return Math.max(...entries.filter((e) => e.interactionId === first).map((e) => e.duration));
}

const ACTIONS = ['first Send', '+1 day', 'policy switch', 'Play', 'Pause', 'choose a mark'] as const;
type Action = (typeof ACTIONS)[number];

/**
 * One reader's first minute on /simulator/, each step timed: a message to Ben, a day on, another policy, Play and
 * Pause, then a click on the mark of the lookup record typing "Ben" made, which opens its record card.
 */
async function simulatorRun(page: Page): Promise<Record<Action, number | null>> {
  await islandsReady(page);
  await throttleCpu(page, CPU_SLOWDOWN);
  const composer = page.locator('section.composer');
  await composer.getByLabel('To', { exact: true }).fill('Ben');
  await composer.getByLabel('Message', { exact: true }).fill('Are we still on for Friday?');
  const send = composer.getByRole('button', { name: 'Send' });
  await send.waitFor();
  // A reader takes a moment between typing and pressing Send; the page uses it (the lookup after the last
  // keystroke, keys derived in idle tasks once the reader starts typing), so the figure is the press alone.
  await page.waitForTimeout(1_500);
  const times = {} as Record<Action, number | null>;
  times['first Send'] = await timeInteraction(page, () => send.click());
  times['+1 day'] = await timeInteraction(page, () => page.getByRole('button', { name: '+1 day' }).click());
  const keepForever = page.locator('section.policy').getByRole('radio', { name: /^Keep forever\b/ });
  times['policy switch'] = await timeInteraction(page, () => keepForever.check());
  times['Play'] = await timeInteraction(page, () => playButton(page).click());
  await until('playback to start', async () => (await playButton(page).textContent())?.trim() === 'Pause', 10_000);
  await page.waitForTimeout(500);
  times['Pause'] = await timeInteraction(page, () => playButton(page).click());
  await until('playback to stop', async () => (await playButton(page).textContent())?.trim() === 'Play', 10_000);
  // The provider's side: the one lookup record, made before the first Send and held under "Keep forever". It is
  // scrolled into view first and given a moment, so the panels catching up on coming on screen are not timed.
  const ledger = page.locator('section.ledger');
  const lookup = ledger.locator('.provider-lanes > .lanes .bar[aria-label^="Lookup record"]');
  await until('one lookup record drawn in the retention lanes', async () => (await lookup.count()) === 1, 10_000);
  await lookup.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(500);
  times['choose a mark'] = await timeInteraction(page, () => lookup.click());
  const card = ledger.locator('.record-card').getByRole('heading', { name: 'Lookup record' });
  await until("the lookup record's card to open", () => card.isVisible(), 10_000);
  return times;
}

/** The reference: following an in-page link on /sources/, a page with no JavaScript; what the browser alone costs here. */
async function referenceRun(page: Page): Promise<number | null> {
  await throttleCpu(page, CPU_SLOWDOWN);
  const link = page.locator('main a[href^="#"]').first();
  return timeInteraction(page, () => link.click());
}

/** Interaction durations on /simulator/ at 4× CPU slowdown, `runs` fresh pages each, beside a link followed on /sources/. */
export async function measureInteractions(browser: Browser, site: { url: string; origin: string }, runs: number): Promise<Figure[]> {
  const byAction = new Map<Action, (number | null)[]>(ACTIONS.map((a) => [a, []]));
  const reference: (number | null)[] = [];
  for (let run = 1; run <= runs; run++) {
    progress(`interactions, run ${run} of ${runs}`);
    const times = await onPage(browser, site, 'simulator/', ({ page }) => simulatorRun(page), { initScript: eventTimingScript() });
    for (const action of ACTIONS) byAction.get(action)!.push(times[action]);
    reference.push(await onPage(browser, site, 'sources/', ({ page }) => referenceRun(page), { initScript: eventTimingScript() }));
  }
  const note =
    `Event Timing (longest entry of the interaction: input delay, handlers, next paint) at ${CPU_SLOWDOWN}× CPU slowdown, a fresh page per run; ` +
    `the reference follows an in-page link on /sources/ (no JavaScript). "< ${EVENT_TIMING_FLOOR_MS}": the browser reports nothing faster.`;
  return ACTIONS.map((action, i) => ({
    name: `interaction: ${action} (/simulator/)`,
    unit: 'ms' as const,
    values: byAction.get(action)!,
    reference,
    ...(i === 0 ? { note } : {}),
  }));
}

/** The observer as init-script source, its floor filled in (an init script runs with no arguments). */
const eventTimingScript = () => `(${EVENT_TIMING_OBSERVER.toString()})(${EVENT_TIMING_FLOOR_MS});`;
