import { test as base, expect, type BrowserContextOptions, type Response } from '@playwright/test';
import { axeViolations, describeViolations, openWatched, type Watched } from '../../tools/browser.ts';

export { expect };
export { islandsReady } from '../../tools/islands.ts';

/** The base path the site was built and is served under, with a trailing slash ('/' or e.g. '/wtsk/'). */
export const BASE = process.env['SITE_BASE'] ?? '/';

/** The served site's origin; e2e-setup.ts starts the server and sets it before any worker starts. */
export function siteOrigin(): string {
  const origin = process.env['E2E_SITE_ORIGIN'];
  if (!origin) throw new Error('E2E_SITE_ORIGIN is not set: run the browser tests with `npm run test:e2e` (playwright.config.ts serves the site)');
  return origin;
}

/** Absolute URL of a site-relative path on the local server, under the base. */
export function siteUrl(path = ''): string {
  return siteOrigin() + BASE + path.replace(/^\/+/, '');
}

/** A root-relative href as the site writes it under its base: sitePath('embed/x/') is '/wtsk/embed/x/' under /wtsk/. */
export function sitePath(path: string): string {
  return BASE + path.replace(/^\/+/, '');
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

export type Visit = (path: string, body: (visited: Visited) => Promise<void>, options?: VisitOptions) => Promise<void>;

export interface SiteFixtures {
  /**
   * Opens a page of the site in a fresh context and runs `body` on it, then fails the test on any of
   * the three checks every page gets: an axe WCAG 2.2 AA violation, a console error or uncaught
   * exception, or a request to another origin (each such request is also aborted, so nothing leaks).
   */
  visit: Visit;
  /** Opens a watched context without visiting anything, for tests that check the harness itself. */
  watch: (options?: BrowserContextOptions) => Promise<Watched>;
}

export const test = base.extend<SiteFixtures>({
  visit: async ({ browser }, use) => {
    await use(async (path, body, options = {}) => {
      const { axe = true, initScript, allowOrigins = [], ...contextOptions } = options;
      const watched = await openWatched(browser, siteOrigin(), contextOptions, allowOrigins);
      try {
        if (initScript !== undefined) await watched.context.addInitScript(initScript);
        const url = /^https?:\/\//.test(path) ? path : siteUrl(path);
        const response = await watched.page.goto(url, { waitUntil: 'load' });
        expect(response?.status(), `HTTP status of ${path}`).toBeLessThan(400);
        await body({ ...watched, response });
        // A step of its own, so the report shows how much of a test the checks take.
        if (axe)
          await base.step('axe: WCAG 2.2 AA', async () => {
            const violations = await axeViolations(watched.page);
            expect(violations, describeViolations(violations)).toEqual([]);
          });
        expect(watched.errors, 'console errors and uncaught exceptions').toEqual([]);
        expect(watched.foreignRequests, 'requests to other origins').toEqual([]);
      } finally {
        await watched.context.close();
      }
    });
  },
  watch: async ({ browser }, use) => {
    const opened: Watched[] = [];
    await use(async (options = {}) => {
      const watched = await openWatched(browser, siteOrigin(), options);
      opened.push(watched);
      return watched;
    });
    for (const watched of opened) await watched.context.close();
  },
});
