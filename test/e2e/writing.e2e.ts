import { COMPONENT_NAMES } from '../../src/lib/writing/components.ts';
import { expect, islandsReady, test } from '../support/site.ts';

// The writers' guide: every component has a section with its props, an example to copy and a live
// rendering; the live figures work. axe, console errors and foreign requests are checked on each visit.

test.describe('writers’ guide', () => {
  test('documents every component with props, a copy-paste example and a live rendering', async ({ visit }) => {
    await visit('writing/', async ({ page }) => {
      await islandsReady(page);
      for (const name of COMPONENT_NAMES) {
        const section = page.locator(`section#${name.toLowerCase()}`);
        await expect(section, name).toHaveCount(1);
        expect(await section.locator('table tbody tr').count(), `${name} props`).toBeGreaterThan(0);
        await expect(section.locator('pre code'), `${name} example`).toContainText(`<${name}`);
      }
      await expect(page.locator('#simulation .live .simulator')).toHaveCount(1);
      await expect(page.locator('#ledger .live [data-panel="ledger"]')).toHaveCount(1);
      await expect(page.locator('#scrolly .live .scrolly-step')).toHaveCount(2);
      await expect(page.locator('#cite .live .cite-link')).toHaveCount(1);
      expect(await page.getByText('npm run new:explainer', { exact: false }).count()).toBeGreaterThan(0);
    });
  });

  test('a <Simulation> with day={3} opens on day 3, at noon', async ({ visit }) => {
    await visit('writing/', async ({ page }) => {
      await islandsReady(page);
      await expect(page.locator('#simulation .time .now')).toHaveText('Day 3, 12:00');
      // The lookup Maya's phone made on day 1 is held, in the ledger bound to the same simulation.
      await expect(page.locator('#ledger .ledger tbody tr', { hasText: 'Lookup record' })).toHaveCount(1);
    });
  });

  // The figure hydrates only when it comes near the screen, so what the page was built with must already
  // be its start: what a reader without JavaScript, or one who prints before scrolling there, sees.
  test('a <Simulation> with day={3} is built showing day 3, before any script runs', async ({ visit }) => {
    await visit(
      'writing/',
      async ({ page }) => {
        await expect(page.locator('#simulation .time .now')).toHaveText('Day 3, 12:00');
      },
      { javaScriptEnabled: false, axe: false },
    );
  });

  test('the live scrub changes the live ledger’s policy', async ({ visit }) => {
    await visit('writing/', async ({ page }) => {
      await islandsReady(page);
      const slider = page.getByRole('slider', { name: 'Lookup records kept' });
      await slider.focus();
      await page.keyboard.press('PageUp');
      await expect(slider).toHaveAttribute('aria-valuenow', '40');
      await expect(page.locator('#ledger .ledger')).toContainText('Custom');
    });
  });

  for (const [width, colorScheme] of [
    [320, 'dark'],
    [1280, 'light'],
  ] as const) {
    test(`fits ${width} px without sideways scrolling (${colorScheme})`, async ({ visit }) => {
      await visit(
        'writing/',
        async ({ page }) => {
          await islandsReady(page);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow).toBeLessThanOrEqual(0);
        },
        { viewport: { width, height: 800 }, colorScheme },
      );
    });
  }
});
