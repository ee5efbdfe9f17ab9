import { describe, expect, test } from 'vitest';
import { readSourceIds } from '../../src/lib/sources.ts';
import { useSite } from '../support/site.ts';

const site = useSite();
const ids = [...readSourceIds()].sort();

describe('sources page', () => {
  test('has an anchor for every source, so other pages can link to /sources/#<id>', async () => {
    expect(ids.length).toBeGreaterThan(0);
    await site.visit('sources/', async ({ page }) => {
      for (const id of ids) {
        expect(await page.locator(`[id="${id}"]`).count(), `element with id ${id}`).toBe(1);
      }
    });
  });

  test('ships no JavaScript', async () => {
    await site.visit('sources/', async ({ page }) => {
      expect(await page.locator('script').count()).toBe(0);
    });
  });

  test('sends no referrer to the sites it links to', async () => {
    await site.visit('sources/', async ({ page }) => {
      const external = page.locator('a[href^="http"]');
      expect(await external.count()).toBeGreaterThan(0);
      const rels = await external.evaluateAll((links) => links.map((link) => link.getAttribute('rel') ?? ''));
      for (const rel of rels) expect(rel.split(/\s+/)).toContain('noreferrer');
    });
  });

  test('explains the markers and lists corrections', async () => {
    await site.visit('sources/', async ({ page }) => {
      expect(await page.getByRole('heading', { name: 'How to read the markers' }).count()).toBe(1);
      expect(await page.getByRole('heading', { name: 'Corrections' }).count()).toBe(1);
      expect(await page.locator('.corrections time[datetime]').count()).toBeGreaterThan(0);
    });
  });

  test('is in the site navigation and marked as the current page', async () => {
    await site.visit('sources/', async ({ page }) => {
      const link = page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Sources' });
      expect(await link.getAttribute('aria-current')).toBe('page');
    });
  });

  test('a link to one source lands on it', async () => {
    await site.visit('sources/#intercept-2016', async ({ page }) => {
      const top = await page.locator('#intercept-2016').evaluate((el) => el.getBoundingClientRect().top);
      expect(Math.abs(top)).toBeLessThan(40);
    });
  });

  test.each([
    ['light', 320],
    ['dark', 320],
    ['light', 1280],
    ['dark', 1280],
  ] as const)('reads without sideways scrolling in %s mode at %i px', async (colorScheme, width) => {
    await site.visit(
      'sources/',
      async ({ page }) => {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      },
      { colorScheme, viewport: { width, height: 800 } },
    );
  });
});
