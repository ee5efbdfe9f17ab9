import { readSourceIds } from '../../src/lib/sources.ts';
import { expect, test } from '../support/site.ts';

const ids = [...readSourceIds()].sort();

test.describe('sources page', () => {
  test('has an anchor for every source, so other pages can link to /sources/#<id>', async ({ visit }) => {
    expect(ids.length).toBeGreaterThan(0);
    await visit(
      'sources/',
      async ({ page }) => {
        for (const id of ids) {
          await expect(page.locator(`[id="${id}"]`), `element with id ${id}`).toHaveCount(1);
        }
      },
      { axe: false },
    );
  });

  test('ships no JavaScript', async ({ visit }) => {
    await visit(
      'sources/',
      async ({ page }) => {
        await expect(page.locator('script')).toHaveCount(0);
      },
      { axe: false },
    );
  });

  test('sends no referrer to the sites it links to', async ({ visit }) => {
    await visit(
      'sources/',
      async ({ page }) => {
        const external = page.locator('a[href^="http"]');
        expect(await external.count()).toBeGreaterThan(0);
        const rels = await external.evaluateAll((links) => links.map((link) => link.getAttribute('rel') ?? ''));
        for (const rel of rels) expect(rel.split(/\s+/)).toContain('noreferrer');
      },
      { axe: false },
    );
  });

  test('explains the markers and lists corrections', async ({ visit }) => {
    await visit('sources/', async ({ page }) => {
      await expect(page.getByRole('heading', { name: 'How to read the markers' })).toHaveCount(1);
      await expect(page.getByRole('heading', { name: 'Corrections' })).toHaveCount(1);
      expect(await page.locator('.corrections time[datetime]').count()).toBeGreaterThan(0);
      await expect(page.locator('#correction-savage-2021')).toContainText('Pen registers are now cited');
      // Per source: which simulator values rest on each claim, and which pages cite it.
      const claim = page.locator('#intercept-2016 .claims li', { hasText: 'Apple confirmed that the logs are kept' });
      await claim.getByText(/The simulator rests \d+ values? on this/).click();
      await expect(claim.locator('.uses li')).toContainText(['Apple, 2016: how long it keeps each lookup record (30 days)']);
      await expect(page.locator('#intercept-2016 .cited-on a[href$="explainers/the-2016-lookup-logs/"]')).toHaveCount(1);
    });
  });

  test('is in the site navigation and marked as the current page', async ({ visit }) => {
    await visit(
      'sources/',
      async ({ page }) => {
        const link = page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Sources' });
        await expect(link).toHaveAttribute('aria-current', 'page');
      },
      { axe: false },
    );
  });

  test('a link to one source lands on it', async ({ visit }) => {
    await visit(
      'sources/#intercept-2016',
      async ({ page }) => {
        const top = await page.locator('#intercept-2016').evaluate((el) => el.getBoundingClientRect().top);
        expect(Math.abs(top)).toBeLessThan(40);
      },
      { axe: false },
    );
  });

  for (const [colorScheme, width] of [
    ['light', 320],
    ['dark', 320],
    ['light', 1280],
    ['dark', 1280],
  ] as const) {
    test(`reads without sideways scrolling in ${colorScheme} mode at ${width} px`, async ({ visit }) => {
      await visit(
        'sources/',
        async ({ page }) => {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow).toBeLessThanOrEqual(0);
        },
        { colorScheme, viewport: { width, height: 800 } },
      );
    });
  }
});
