import type { Browser, BrowserContext, Page } from 'playwright-core';
import { islandsReady } from '../../tools/islands.ts';
import { clockDay, clockText, heldCount, playButton, setSpeed, typeAddresses, waitForDay, waitForEnd } from '../../tools/sim-drive.ts';
import type { Figure } from './figures.ts';
import { BrokenPage, onPage, progress, until } from './session.ts';

const MB = 1024 * 1024;

/** The JS heap after a full garbage collection, through the DevTools protocol. */
async function heapProbe(context: BrowserContext, page: Page): Promise<() => Promise<number>> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  return async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
}

/**
 * Presses Pause the moment the clock reaches `day`, as a reader's finger would but within a frame
 * (polling from outside would overshoot by days at 30 days/s).
 */
async function pauseOnDay(page: Page, day: number): Promise<void> {
  await page.evaluate((d) => {
    const clock = document.querySelector('section.time .now');
    if (!clock) throw new Error('pauseOnDay: no clock');
    const observer = new MutationObserver(() => {
      const match = /^Day (\d+),/.exec(clock.textContent ?? '');
      if (!match || Number(match[1]) < d) return;
      observer.disconnect();
      const button = document.querySelector<HTMLButtonElement>('section.time button.primary');
      if (button?.textContent?.trim() === 'Pause') button.click();
    });
    observer.observe(clock, { childList: true, characterData: true, subtree: true });
  }, day);
}

async function goToDay(page: Page, day: number): Promise<void> {
  const time = page.locator('section.time');
  await time.getByRole('textbox', { name: 'Day', exact: true }).fill(String(day));
  await time.getByRole('button', { name: 'Go' }).click();
  await until(`the clock on day ${day}`, async () => (await clockText(page)) === `Day ${day}, 00:00`);
}

/** The session's last day, from the time controls' own message ("Enter a whole day from 1 to 60."). */
async function sessionLength(page: Page): Promise<number> {
  const time = page.locator('section.time');
  await time.getByRole('textbox', { name: 'Day', exact: true }).fill('0');
  await time.getByRole('button', { name: 'Go' }).click();
  const text = (await time.locator('form.jump .error').textContent()) ?? '';
  const match = /from 1 to (\d+)\./.exec(text);
  if (!match?.[1]) throw new BrokenPage(`sessionLength: unexpected message ${JSON.stringify(text)}`);
  await time.getByRole('textbox', { name: 'Day', exact: true }).fill('');
  return Number(match[1]);
}

/** What a busy reader does in a session: 200 numbers typed, and messages and a call to Ben. */
async function activity(page: Page, session: number): Promise<void> {
  await typeAddresses(page, 200, session * 1000);
  const composer = page.locator('section.composer');
  await composer.getByLabel('To', { exact: true }).fill('Ben');
  for (let i = 0; i < 5; i++) {
    await composer.getByLabel('Message', { exact: true }).fill(`Message ${i} of session ${session + 1}`);
    await composer.getByRole('button', { name: 'Send' }).click();
  }
  await composer.getByRole('button', { name: 'Call' }).click();
  await until('200 records held', async () => (await heldCount(page)) >= 200);
}

/**
 * The soak: on /simulator/, a busy session played at 30 days/s, then Reset (which keeps the policy) and again,
 * until `days` simulated days have passed; the heap is read on day 30 of each session, where all its lookups
 * are still held. The first session is warm-up (lazy code, the JIT), so the baseline is day 30 of the second.
 */
async function soak(page: Page, context: BrowserContext, days: number): Promise<{ first: number; last: number; reached: number }> {
  await islandsReady(page);
  const usedHeap = await heapProbe(context, page);
  const length = await sessionLength(page);
  const WARM_UP = 1;
  const sessions = WARM_UP + Math.ceil((days - 30) / length) + 1;
  let first = 0;
  let last = 0;
  for (let session = 0; session < sessions; session++) {
    progress(`soak, session ${session + 1} of ${sessions}`);
    if (session > 0) {
      await page.locator('section.time').getByRole('button', { name: 'Reset' }).click();
      await until('the clock back on day 1', async () => (await clockDay(page)) === 1);
    }
    await activity(page, session);
    await setSpeed(page, 30);
    // A slow frame can carry playback several days on, so pause on day 20 and go to day 30 exactly.
    await pauseOnDay(page, 20);
    await playButton(page).click();
    await waitForDay(page, 20);
    await until('playback to pause', async () => (await playButton(page).textContent())?.trim() === 'Play');
    await goToDay(page, 30);
    const heap = await usedHeap();
    if (session === WARM_UP) first = heap;
    last = heap;
    await playButton(page).click();
    await waitForEnd(page);
  }
  return { first, last, reached: (sessions - WARM_UP) * length - (length - 30) };
}

/** The soak's heap figures, beside the heap of /sources/ (a page with no JavaScript of its own) after the same collection. */
export async function measureSoak(browser: Browser, site: { url: string; origin: string }, days: number): Promise<Figure[]> {
  const result = await onPage(browser, site, 'simulator/', ({ page, context }) => soak(page, context, days));
  const reference = await onPage(browser, site, 'sources/', async ({ page, context }) => (await heapProbe(context, page))());
  return [
    {
      name: 'soak: JS heap on day 30, after a warm-up session (/simulator/)',
      unit: 'MB',
      values: [result.first / MB],
      reference: [reference / MB],
      note:
        `Used JS heap after two forced collections (CDP HeapProfiler.collectGarbage, Runtime.getHeapUsage); each session types 200 numbers, ` +
        `sends five messages and makes a call, plays at 30 days/s, and is Reset after its end. The reference is /sources/ just loaded.`,
    },
    { name: `soak: JS heap on day ${result.reached} (/simulator/)`, unit: 'MB', values: [result.last / MB], reference: [reference / MB] },
    { name: `soak: heap on day ${result.reached} over day 30`, unit: 'ratio', values: [result.last / result.first] },
  ];
}
