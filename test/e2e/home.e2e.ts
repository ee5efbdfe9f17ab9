import { describe, expect, test } from 'vitest';
import { islandsReady, useSite } from '../support/site.ts';

const site = useSite();

describe('home page', () => {
  test('has landmarks, a working skip link and a language', async () => {
    await site.visit('', async ({ page }) => {
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      for (const role of ['banner', 'navigation', 'main', 'contentinfo'] as const) {
        expect(await page.getByRole(role).count(), `${role} landmarks`).toBe(1);
      }
      await page.keyboard.press('Tab');
      const skip = page.locator('.skip-link');
      expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      expect(page.url().endsWith('#main')).toBe(true);
    });
  });

  test.each([
    ['light', 320],
    ['dark', 320],
    ['light', 1280],
    ['dark', 1280],
  ] as const)('reads without sideways scrolling in %s mode at %i px', async (colorScheme, width) => {
    await site.visit(
      '',
      async ({ page }) => {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      },
      { colorScheme, viewport: { width, height: 800 } },
    );
  });

  test('its compact simulator records a lookup typed but never sent, which is gone by day 31', async () => {
    await site.visit('', async ({ page }) => {
      await islandsReady(page);
      const figure = page.locator('.try');
      expect(await figure.locator('[data-panel]').evaluateAll((els) => els.map((el) => el.getAttribute('data-panel')))).toEqual([
        'composer',
        'ledger',
      ]);
      const to = figure.locator('section.composer').getByLabel('To', { exact: true });
      await to.fill('ben@example.org');
      await to.press('Enter');
      const lookups = figure.locator('.ledger tbody tr', { hasText: 'Lookup record' });
      await expect.poll(() => lookups.count()).toBe(1);
      await figure.locator('.time form.jump input').fill('31');
      await figure.locator('.time form.jump').getByRole('button', { name: 'Go' }).click();
      await expect.poll(() => lookups.count()).toBe(0);
      // Only the panels the home page asked for are on it.
      expect(await page.locator('section.timeline, section.legal, section.policy').count()).toBe(0);
    });
  });
});

describe('about page', () => {
  test('ships no JavaScript', async () => {
    await site.visit('about/', async ({ page }) => {
      expect(await page.locator('script').count()).toBe(0);
    });
  });

  test('states the no-tracking promise', async () => {
    await site.visit('about/', async ({ page }) => {
      await expect.poll(() => page.getByRole('heading', { name: /we do not watch you/i }).count()).toBe(1);
    });
  });
});
