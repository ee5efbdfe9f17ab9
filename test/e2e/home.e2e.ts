import { describe, expect, test } from 'vitest';
import { useSite } from '../support/site.ts';

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

  test('ships no JavaScript', async () => {
    await site.visit('', async ({ page }) => {
      expect(await page.locator('script').count()).toBe(0);
    });
  });
});

describe('about page', () => {
  test('states the no-tracking promise', async () => {
    await site.visit('about/', async ({ page }) => {
      await expect.poll(() => page.getByRole('heading', { name: /we do not watch you/i }).count()).toBe(1);
    });
  });
});
