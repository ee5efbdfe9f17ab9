import { expect, islandsReady, test } from '../support/site.ts';

test.describe('home page', () => {
  test('has landmarks, a working skip link and a language', async ({ visit }) => {
    await visit('', async ({ page }) => {
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      for (const role of ['banner', 'navigation', 'main', 'contentinfo'] as const) {
        await expect(page.getByRole(role), `${role} landmarks`).toHaveCount(1);
      }
      await page.keyboard.press('Tab');
      const skip = page.locator('.skip-link');
      expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/#main$/);
    });
  });

  for (const [colorScheme, width] of [
    ['light', 320],
    ['dark', 320],
    ['light', 1280],
    ['dark', 1280],
  ] as const) {
    test(`reads without sideways scrolling in ${colorScheme} mode at ${width} px`, async ({ visit }) => {
      await visit(
        '',
        async ({ page }) => {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow).toBeLessThanOrEqual(0);
        },
        { colorScheme, viewport: { width, height: 800 } },
      );
    });
  }

  test('its compact simulator records a lookup typed but never sent, which is gone by day 31', async ({ visit }) => {
    await visit('', async ({ page }) => {
      await islandsReady(page);
      const figure = page.locator('.try');
      expect(await figure.locator('[data-panel]').evaluateAll((els) => els.map((el) => el.getAttribute('data-panel')))).toEqual(['composer', 'ledger']);
      const to = figure.locator('section.composer').getByLabel('To', { exact: true });
      await to.fill('ben@example.org');
      await to.press('Enter');
      const lookups = figure.locator('.ledger tbody tr', { hasText: 'Lookup record' });
      await expect(lookups).toHaveCount(1);
      await figure.locator('.time form.jump input').fill('31');
      await figure.locator('.time form.jump').getByRole('button', { name: 'Go' }).click();
      await expect(lookups).toHaveCount(0);
      // Only the panels the home page asked for are on it.
      await expect(page.locator('section.timeline, section.legal, section.policy')).toHaveCount(0);
      // The "two sides" card agrees with the simulator's default policy, which keeps no push routing:
      // a message sent adds nothing, and the card says so rather than listing routing as kept.
      await expect(figure.locator('.ledger .summary')).toContainText('Apple, 2016');
      const card = page.locator('.side-provider');
      await expect(card).toContainText('kept 30 days under Apple, 2016');
      await expect(card).toContainText('a device token, a time and a size: seen, not known to be kept (assumed not kept under Apple, 2016)');
      await expect(card).toContainText('So, in the simulator below, a sent message adds no record of its own');
    });
  });
});

test.describe('about page', () => {
  test('ships no JavaScript', async ({ visit }) => {
    await visit(
      'about/',
      async ({ page }) => {
        await expect(page.locator('script')).toHaveCount(0);
      },
      { axe: false },
    );
  });

  test('states the no-tracking promise', async ({ visit }) => {
    await visit(
      'about/',
      async ({ page }) => {
        await expect(page.getByRole('heading', { name: /we do not watch you/i })).toHaveCount(1);
      },
      { axe: false },
    );
  });
});
