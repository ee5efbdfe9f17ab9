import type { Locator, Page } from '@playwright/test';
import { expect, islandsReady, test } from '../support/site.ts';

/**
 * The retention lanes, tried as a reader: on a phone the record a reader's action makes is drawn
 * on the same screen as the action; marks answer keys and taps and open a card; the table twin
 * says the same; a policy switch and a legal request redraw the same history.
 */

const composer = (page: Page) => page.locator('section.composer');
const lanes = (page: Page) => page.locator('section.ledger .provider-lanes > .lanes');
const bars = (page: Page, category: string) => lanes(page).locator(`.bar[aria-label^="${category}"]`);

/** Types an address as a keyboard user does: into the To field, then Enter (which looks it up). */
async function typeAddress(page: Page, address: string): Promise<void> {
  const to = composer(page).getByLabel('To', { exact: true });
  await to.focus();
  await page.keyboard.type(address);
  await page.keyboard.press('Enter');
}

/** The element at the middle of `target` is `target` itself or inside it: on screen and not covered by the clock or the dock. */
async function uncovered(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
  });
}

async function advanceDays(page: Page, days: number): Promise<void> {
  const plus = page.locator('section.time').getByRole('button', { name: '+1 day' });
  for (let i = 0; i < days; i++) await plus.click();
}

test.describe('retention lanes', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [320, 390] as const) {
      test(`at ${width} px (${colorScheme}), the lookup a reader's typing makes is drawn on the same screen, and its expiry too`, async ({ visit }) => {
        await visit(
          'simulator/',
          async ({ page }) => {
            await islandsReady(page);
            await typeAddress(page, '+1 555 010 0163');
            const to = composer(page).getByLabel('To', { exact: true });
            const lookup = bars(page, 'Lookup record');
            await expect(lookup).toHaveCount(1);
            // The cause and its effect on one screen, neither hidden under the clock or the dock.
            await expect(to).toBeInViewport();
            expect(await uncovered(to)).toBe(true);
            await expect(lookup).toBeInViewport();
            expect(await uncovered(lookup)).toBe(true);
            await expect(lookup).toHaveAttribute('aria-label', /kept until Day 31$/);
            const strip = page.locator('section.ledger .just');
            await expect(strip).toContainText('Lookup record recorded Day 1, 00:00, kept until Day 31');
            await expect(strip).toBeInViewport();

            // A month on, the same bar is drawn expired, still without scrolling.
            await advanceDays(page, 31);
            await expect(page.locator('section.time .now')).toHaveText('Day 32, 00:00');
            await expect(lookup).toHaveAttribute('aria-label', /expired Day 31$/);
            await expect(lanes(page).locator('.mark.expired .bar[aria-label^="Lookup record"]')).toBeInViewport();
            await expect(strip).toContainText('Lookup record expired Day 31');
            // The composer no longer claims the lookup is on the servers.
            await expect(composer(page).locator('.lookup')).toContainText('lookup recorded, and since expired');
            await expect(composer(page).locator('.lookup')).not.toContainText('Walk away now without sending');
          },
          { viewport: { width, height: width === 390 ? 844 : 640 }, colorScheme },
        );
      });
    }
  }

  for (const width of [320, 390] as const) {
    test(`at ${width} px, once a preservation request keeps a record past its retention, the hatch's key is in the dock's view above the lanes`, async ({
      visit,
    }) => {
      await visit(
        'simulator/',
        async ({ page }) => {
          await islandsReady(page);
          await typeAddress(page, '+1 555 010 0163');
          await page.locator('section.time').getByRole('button', { name: '+1 day' }).click();
          const legal = page.locator('section.legal');
          await legal.getByLabel('Legal process').selectOption({ label: '§2703(d) order' });
          await legal.getByLabel('Target').selectOption('+15550100142');
          await legal.getByRole('button', { name: 'Send a preservation request now' }).click();
          await expect(legal.locator('[data-preservation-status]')).toContainText('preserved until Day 92');
          // Day 40, past the lookup's 30 days: the phone's clock folds the jump behind "More".
          const time = page.locator('section.time');
          const more = time.getByRole('button', { name: 'More' });
          await more.click();
          await time.getByRole('textbox', { name: 'Day', exact: true }).fill('40');
          await time.getByRole('button', { name: 'Go' }).click();
          await expect(time.locator('.now')).toHaveText('Day 40, 00:00');
          await more.click();
          const hatch = lanes(page).locator('rect.preserved');
          await expect(hatch).toHaveCount(1);

          // Back at the reader's phone, the provider's side docked under it: the key shows in the dock.
          await composer(page).evaluate((el) => el.scrollIntoView({ block: 'start' }));
          const key = page.locator('section.ledger').getByRole('list', { name: 'Key to the retention lanes' });
          await expect(key).toContainText('Preserved: kept past its retention by a preservation request');
          await expect(key).toBeInViewport();
          expect(await uncovered(key.getByRole('listitem').first())).toBe(true);
          // Above the lanes, so wherever the hatch is seen its key is seen first.
          const keyBox = (await key.boundingBox())!;
          const lanesBox = (await lanes(page).boundingBox())!;
          expect(keyBox.y + keyBox.height).toBeLessThanOrEqual(lanesBox.y);
          if (width === 390) {
            // On this screen the hatched end itself is inside the dock's visible part too.
            const dock = (await page.locator('.sides.docked .provider').boundingBox())!;
            const part = (await hatch.boundingBox())!;
            expect(part.y).toBeGreaterThanOrEqual(dock.y);
            expect(part.y + part.height).toBeLessThanOrEqual(dock.y + dock.height);
            await expect(hatch).toBeInViewport();
          }
        },
        { viewport: { width, height: width === 390 ? 844 : 640 } },
      );
    });
  }

  test('marks are one tab stop: arrow keys move between them, Enter opens the card, Close gives focus back', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await islandsReady(page);
      await typeAddress(page, 'ben@example.org');
      await composer(page).getByRole('button', { name: 'Call', exact: true }).click();
      await expect(bars(page, 'Call invitation')).toHaveCount(1);
      const stops = lanes(page).locator('.bar[tabindex="0"]');
      await expect(stops).toHaveCount(1);
      // The tab stop is the newest record; Up goes to the lane above that has marks, the lookup's.
      await stops.focus();
      await expect(stops).toHaveAttribute('aria-label', /^Call invitation/);
      await page.keyboard.press('ArrowUp');
      const focused = page.locator('.lanes .bar:focus');
      await expect(focused).toHaveAttribute('aria-label', /^Lookup record, recorded Day 1, 00:00, kept until Day 31/);
      await page.keyboard.press('Enter');
      await expect(focused).toHaveAttribute('aria-expanded', 'true');
      const card = page.locator('section.ledger .record-card');
      await expect(card.getByRole('heading', { name: 'Lookup record' })).toBeVisible();
      await expect(card).toContainText('asked the key directory about \u2068Ben\u2069');
      await expect(card).toContainText('The handle that was looked up: someone the asking person may have been about to message or call.');
      await expect(card).toContainText('Kept until Day 31. Apple, 2016 keeps lookup records for 30 days.');
      await expect(card.getByRole('link').first()).toHaveAttribute('href', /sources\/#/);
      // Escape on the mark closes the card; Enter opens it again, and Close hands focus back to the mark.
      await expect(card.getByRole('button', { name: 'Close the lookup record card' })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(card).toHaveCount(0);
      await page.keyboard.press('Enter');
      await card.getByRole('button', { name: 'Close the lookup record card' }).click();
      await expect(card).toHaveCount(0);
      await expect(page.locator('.lanes .bar:focus')).toHaveAttribute('aria-label', /^Lookup record/);
    });
  });

  test('a tap anywhere in a lane picks its nearest mark', async ({ visit }) => {
    await visit(
      'simulator/',
      async ({ page }) => {
        await islandsReady(page);
        await typeAddress(page, 'ben@example.org');
        const lookup = bars(page, 'Lookup record');
        await expect(lookup).toHaveCount(1);
        const bar = (await lookup.boundingBox())!;
        // Tap on the lane's label row, above the thin bar, a little right of where it ends.
        await page.touchscreen.tap(bar.x + bar.width + 12, bar.y - 6);
        await expect(page.locator('section.ledger .record-card')).toContainText('Lookup record');
      },
      { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
    );
  });

  test('the table twin holds the same records the lanes draw as held', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await islandsReady(page);
      await typeAddress(page, 'ben@example.org');
      await typeAddress(page, 'Dee');
      await page
        .locator('section.ledger')
        .getByRole('button', { name: /On file since sign-up/ })
        .click();
      await page.locator('section.ledger details.twin > summary').click();
      const held = page.locator('section.ledger .lanes .mark.held');
      const rows = page.locator('section.ledger tbody tr');
      await expect(rows).toHaveCount(await held.count());
      for (const category of ['Lookup record', 'Account', 'Device registration', 'Connection']) {
        await expect(rows.filter({ hasText: category })).toHaveCount(await held.locator(`.bar[aria-label^="${category}"]`).count());
      }
    });
  });

  test('switching policy redraws the same history: Signal-like keeps no lookup', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await islandsReady(page);
      await typeAddress(page, 'ben@example.org');
      await expect(bars(page, 'Lookup record')).toHaveCount(1);
      await page
        .locator('section.policy')
        .getByRole('radio', { name: /Signal-like/ })
        .check();
      await expect(bars(page, 'Lookup record')).toHaveCount(0);
      await expect(lanes(page).getByRole('list', { name: /^Lookup record · 0 held, 1 seen, not kept under Signal-like/ })).toHaveCount(1);
      await page
        .locator('section.policy')
        .getByRole('radio', { name: /Apple, 2016/ })
        .check();
      await expect(bars(page, 'Lookup record')).toHaveCount(1);
    });
  });

  test('a served legal request draws its reach: what it produces is ringed, what is out of reach is dimmed', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await islandsReady(page);
      await typeAddress(page, 'ben@example.org');
      const legal = page.locator('section.legal');
      await legal.getByLabel('Legal process').selectOption({ label: 'Subpoena' });
      await legal.getByRole('button', { name: 'Serve this request now' }).click();
      const reach = page.locator('section.ledger .reach-line');
      await expect(reach).toContainText(/^Subpoena for .+, served Day 1, 00:00: \d+ records? produced \(ringed\)/);
      // Under Apple (2016) a subpoena does not reach lookup records: that lane is out of reach.
      await expect(lanes(page).locator('.lane.dim')).toContainText('Lookup record');
      await page
        .locator('section.ledger')
        .getByRole('button', { name: /On file since sign-up/ })
        .click();
      const produced = Number(/: (\d+) records? produced/.exec((await reach.textContent()) ?? '')?.[1]);
      await expect(page.locator('section.ledger .mark.produced')).toHaveCount(produced);
    });
  });

  test('acting while viewing the past brings the views back to now, and says so', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await islandsReady(page);
      await advanceDays(page, 3);
      await page.locator('section.time').getByRole('button', { name: 'View −1 day' }).click();
      await expect(page.locator('section.time')).toContainText('viewing Day 3, 00:00');
      await typeAddress(page, 'ben@example.org');
      await expect(page.locator('section.time')).not.toContainText('viewing');
      await expect(bars(page, 'Lookup record')).toHaveAttribute('aria-label', /^Lookup record, recorded Day 4, 00:00/);
      await expect(page.locator('[role="status"]').filter({ hasText: 'Back to now' })).toContainText('Back to now, Day 4, 00:00.');
    });
  });
});
