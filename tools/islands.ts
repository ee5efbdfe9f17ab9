import type { Page } from 'playwright-core';

/**
 * Waits until every island on the page has hydrated (Astro drops the `ssr` attribute then),
 * scrolling each into view first, since panels below the first screen hydrate when visible.
 */
export async function islandsReady(page: Page, timeout = 15_000): Promise<void> {
  const islands = page.locator('astro-island');
  const count = await islands.count();
  for (let i = 0; i < count; i++) {
    const island = islands.nth(i);
    if ((await island.getAttribute('ssr')) === null) continue;
    // Islands are display: contents, so scroll their first element into view instead.
    await island.evaluate((el) => el.firstElementChild?.scrollIntoView({ block: 'center' }));
    await page.waitForFunction((el) => !el?.hasAttribute('ssr'), await island.elementHandle(), { timeout });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}
