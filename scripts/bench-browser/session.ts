import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { openWatched, type Watched } from '../../tools/browser.ts';

/** A page that failed to load or threw: a real error, unlike a slow figure. */
export class BrokenPage extends Error {}

/**
 * Opens `path` of the served site in a fresh context (foreign requests blocked, errors recorded, as in the
 * browser tests), runs `body`, and throws BrokenPage if the page did not load or logged an error.
 */
export async function onPage<T>(
  browser: Browser,
  site: { url: string; origin: string },
  path: string,
  body: (watched: Watched) => Promise<T>,
  options: BrowserContextOptions & { initScript?: string | (() => unknown) } = {},
): Promise<T> {
  const { initScript, ...contextOptions } = options;
  const watched = await openWatched(browser, site.origin, contextOptions);
  try {
    if (initScript !== undefined) await watched.context.addInitScript(initScript);
    const response = await watched.page.goto(site.url + path, { waitUntil: 'load' });
    if (!response || response.status() >= 400) throw new BrokenPage(`/${path} answered HTTP ${response?.status() ?? 'nothing'}`);
    const result = await body(watched);
    const problems = [...watched.errors, ...watched.foreignRequests.map((url) => `request to another origin: ${url}`)];
    if (problems.length > 0) throw new BrokenPage(`/${path}: ${problems.join('; ')}`);
    return result;
  } finally {
    await watched.context.close();
  }
}

/** Waits until `condition` holds in Node, checking every `every` ms; throws after `timeout` ms. */
export async function until(what: string, condition: () => Promise<boolean>, timeout = 20_000, every = 250): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new BrokenPage(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, every));
  }
}

/** Slows the page's main thread `rate` times, as Lighthouse's mobile profile and DevTools' "4× slowdown" do. */
export async function throttleCpu(page: Page, rate: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** Progress for the person waiting, on stderr so stdout is the report alone. */
export const progress = (message: string) => process.stderr.write(`bench:browser: ${message}\n`);
