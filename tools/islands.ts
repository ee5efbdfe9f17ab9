import type { Page } from 'playwright-core';

/**
 * Waits until every island on the page has hydrated (Astro drops the `ssr` attribute then),
 * scrolling each into view first, since panels below the first screen hydrate when visible.
 * The whole walk runs inside the page in one call: island by island from the test process cost
 * three round trips and a polling wait each, a second of a busy machine's time per page.
 */
export async function islandsReady(page: Page, timeout = 15_000): Promise<void> {
  await page.evaluate(async (limit) => {
    // Scrolling an island into view scrolls every box around it, such as the provider's dock on a
    // phone; each is put back afterwards, so a test starts where a reader would, not mid-dock.
    const scrolled = new Map<Element, [number, number]>();
    for (const island of Array.from(document.querySelectorAll('astro-island[ssr]'))) {
      if (!island.hasAttribute('ssr')) continue;
      for (let box = island.parentElement; box; box = box.parentElement) {
        if (!scrolled.has(box)) scrolled.set(box, [box.scrollTop, box.scrollLeft]);
      }
      // Islands are display: contents, so scroll their first element into view instead.
      island.firstElementChild?.scrollIntoView({ block: 'center' });
      await new Promise<void>((resolve, reject) => {
        const done = () => {
          if (island.hasAttribute('ssr')) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve();
        };
        const observer = new MutationObserver(done);
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`island ${island.getAttribute('component-url') ?? '?'} did not hydrate within ${limit} ms`));
        }, limit);
        observer.observe(island, { attributes: true, attributeFilter: ['ssr'] });
        done();
      });
    }
    for (const [box, [top, left]] of scrolled) {
      box.scrollTop = top;
      box.scrollLeft = left;
    }
    window.scrollTo(0, 0);
  }, timeout);
}
