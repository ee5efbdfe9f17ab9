import { describe, expect, test } from 'vitest';
import { COMPONENT_NAMES } from '../../src/lib/writing/components.ts';
import { islandsReady, useSite } from '../support/site.ts';

// The writers' guide: every component has a section with its props, an example to copy and a live
// rendering; the live figures work. axe, console errors and foreign requests are checked on each visit.
const site = useSite();

describe('writers’ guide', () => {
  test('documents every component with props, a copy-paste example and a live rendering', async () => {
    await site.visit('writing/', async ({ page }) => {
      await islandsReady(page);
      for (const name of COMPONENT_NAMES) {
        const section = page.locator(`section#${name.toLowerCase()}`);
        expect(await section.count(), name).toBe(1);
        expect(await section.locator('table tbody tr').count(), `${name} props`).toBeGreaterThan(0);
        expect(await section.locator('pre code').textContent(), `${name} example`).toContain(`<${name}`);
      }
      expect(await page.locator('#simulation .live .simulator').count()).toBe(1);
      expect(await page.locator('#ledger .live [data-panel="ledger"]').count()).toBe(1);
      expect(await page.locator('#scrolly .live .scrolly-step').count()).toBe(2);
      expect(await page.locator('#cite .live .cite-link').count()).toBe(1);
      expect(await page.getByText('npm run new:explainer', { exact: false }).count()).toBeGreaterThan(0);
    });
  });

  test('a <Simulation> with day={3} opens on day 3, at noon', async () => {
    await site.visit('writing/', async ({ page }) => {
      await islandsReady(page);
      await expect.poll(() => page.locator('#simulation .time .now').textContent()).toBe('Day 3, 12:00');
      // The lookup Maya's phone made on day 1 is held, in the ledger bound to the same simulation.
      await expect.poll(() => page.locator('#ledger .ledger tbody tr', { hasText: 'Lookup record' }).count()).toBe(1);
    });
  });

  test('the live scrub changes the live ledger’s policy', async () => {
    await site.visit('writing/', async ({ page }) => {
      await islandsReady(page);
      const slider = page.getByRole('slider', { name: 'Lookup records kept' });
      await slider.focus();
      await page.keyboard.press('PageUp');
      await expect.poll(() => slider.getAttribute('aria-valuenow')).toBe('40');
      await expect.poll(() => page.locator('#ledger .ledger').textContent()).toContain('Custom');
    });
  });

  test.each([
    [320, 'dark'],
    [1280, 'light'],
  ] as const)('fits %i px without sideways scrolling (%s)', async (width, colorScheme) => {
    await site.visit(
      'writing/',
      async ({ page }) => {
        await islandsReady(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      },
      { viewport: { width, height: 800 }, colorScheme },
    );
  });
});
