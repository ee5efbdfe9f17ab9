import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { BrowserContextOptions, Response } from 'playwright-core';
import { axeViolations, describeViolations, launchChromium, openWatched, type LaunchedBrowser, type Watched } from './browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built site is served, with its base path and a trailing slash. */
    siteUrl: string;
    siteOrigin: string;
  }
}

/** Absolute URL of a site-relative path on the local server. */
export function siteUrl(path = ''): string {
  return inject('siteUrl') + path.replace(/^\/+/, '');
}

export interface VisitOptions extends BrowserContextOptions {
  /** Run axe's WCAG 2.2 AA checks after the body (default true). */
  axe?: boolean;
  /** A script run in every document of the context before the page's own scripts (context.addInitScript). */
  initScript?: string | (() => unknown);
  /**
   * Origins besides the site's that the test itself serves, such as a teacher's page on a second
   * loopback server; requests to them are allowed. To open a page there, pass its absolute URL as the path.
   */
  allowOrigins?: readonly string[];
}

/** What a visit body gets: the watched page, and the response to its navigation. */
export interface Visited extends Watched {
  response: Response | null;
}

/**
 * Gives a test file one shared Chromium, and `visit()`, which opens a page with the three
 * checks every page test gets: axe finds no WCAG 2.2 AA violation, no console error or
 * uncaught exception, and no request to another origin.
 */
export function useSite() {
  let launched: LaunchedBrowser | undefined;
  beforeAll(async () => {
    launched = await launchChromium();
  });
  afterAll(async () => {
    await launched?.close();
  });

  async function visit(
    path: string,
    body: (visited: Visited) => Promise<void>,
    options: VisitOptions = {},
  ): Promise<void> {
    if (!launched) throw new Error('useSite(): the browser did not start');
    const { axe = true, initScript, allowOrigins = [], ...contextOptions } = options;
    const watched = await openWatched(launched.browser, inject('siteOrigin'), contextOptions, allowOrigins);
    try {
      if (initScript !== undefined) await watched.context.addInitScript(initScript);
      const url = /^https?:\/\//.test(path) ? path : siteUrl(path);
      const response = await watched.page.goto(url, { waitUntil: 'load' });
      expect(response?.status(), `HTTP status of ${path}`).toBeLessThan(400);
      await body({ ...watched, response });
      if (axe) {
        const violations = await axeViolations(watched.page);
        expect(violations, describeViolations(violations)).toEqual([]);
      }
      expect(watched.errors, 'console errors and uncaught exceptions').toEqual([]);
      expect(watched.foreignRequests, 'requests to other origins').toEqual([]);
    } finally {
      await watched.context.close();
    }
  }

  return {
    visit,
    get browser() {
      if (!launched) throw new Error('useSite(): the browser did not start');
      return launched.browser;
    },
  };
}

/**
 * Waits until every island on the page has hydrated (Astro drops the `ssr` attribute then),
 * scrolling each into view first, since panels below the first screen hydrate when visible.
 */
export async function islandsReady(page: import('playwright-core').Page): Promise<void> {
  const islands = page.locator('astro-island');
  const count = await islands.count();
  for (let i = 0; i < count; i++) {
    const island = islands.nth(i);
    if ((await island.getAttribute('ssr')) === null) continue;
    // Islands are display: contents, so scroll their first element into view instead.
    await island.evaluate((el) => el.firstElementChild?.scrollIntoView({ block: 'center' }));
    await page.waitForFunction((el) => !el?.hasAttribute('ssr'), await island.elementHandle(), { timeout: 15_000 });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}
