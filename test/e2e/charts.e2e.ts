import type { Page } from '@playwright/test';
import { expect, islandsReady, test } from '../support/site.ts';

const timeline = (page: Page) => page.locator('section.timeline');
const chart = (page: Page) => timeline(page).getByRole('group', { name: 'Records held, day by day' });
/** The day the chart's keyboard cursor is on, as its description says it. */
const cursorDay = (page: Page) => timeline(page).locator('.cursor-day');
/** What the chart's live region last said. */
const spoken = (page: Page) => timeline(page).locator('[aria-live]');
const graph = (page: Page) => page.locator('section.graph');
const clock = (page: Page) => page.locator('.time .now');
const viewing = (page: Page) => page.locator('.time .viewing');

/** Waits until the islands are interactive (Astro hydrates them after load). */
const ready = islandsReady;

async function advanceDays(page: Page, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await page.getByRole('button', { name: '+1 day' }).click();
}

test.describe('charts: records held, day by day', () => {
  test('the table twin shows the records held on day 1, and no day that has not happened', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await ready(page);
      await advanceDays(page, 1);
      await expect(clock(page)).toHaveText('Day 2, 00:00');
      await timeline(page).getByText('Table: records held, day by day').click();
      const rows = timeline(page).locator('table tbody tr');
      await expect(rows).toHaveCount(2);
      const day1 = await rows.first().locator('th, td').allTextContents();
      expect(day1[0]).toBe('1');
      // Day, seven categories, total: the cast's accounts and device registrations are held from the start.
      expect(day1).toHaveLength(9);
      expect(Number(day1.at(-1))).toBeGreaterThan(0);
      const headers = await timeline(page).locator('table thead th').allTextContents();
      const registrations = headers.findIndex((h) => h.includes('Device registration'));
      expect(Number(day1[registrations])).toBeGreaterThan(0);
      await expect(cursorDay(page)).toHaveText(/^Day 2 so far \(now: Day 2, 00:00\): \d+ records held/);
      expect(await chart(page).getAttribute('aria-describedby')).toContain(await timeline(page).locator('.cursor-day').getAttribute('id'));
    });
  });

  test('arrow keys, Home and End move the viewed moment; Enter lets time run to a later day', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await ready(page);
      await advanceDays(page, 2);
      await expect(clock(page)).toHaveText('Day 3, 00:00');
      await chart(page).focus();
      await expect(cursorDay(page)).toHaveText(/^Day 3 so far/);
      await page.keyboard.press('ArrowLeft');
      await expect(viewing(page)).toHaveText('viewing Day 2, 23:59');
      await expect(spoken(page)).toHaveText(/^Viewing: End of day 2: \d+ records held/);
      await page.keyboard.press('Home');
      await expect(viewing(page)).toHaveText('viewing Day 1, 23:59');
      await expect(cursorDay(page)).toHaveText(/^Viewing: End of day 1: /);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      // Back on today: the view follows now again.
      await expect(viewing(page)).toHaveCount(0);
      // A day still to come is only previewed: time moves forward on Enter, never by a key press alone.
      await page.keyboard.press('End');
      await expect(spoken(page)).toHaveText(/^Day 60 has not happened yet/);
      await expect(clock(page)).toHaveText('Day 3, 00:00');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Enter');
      await expect(clock(page)).toHaveText('Day 59, 00:00');
      await expect(cursorDay(page)).toHaveText(/^Day 59 so far/);
    });
  });

  test('clicking a past day views it', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await ready(page);
      await advanceDays(page, 3);
      await expect(clock(page)).toHaveText('Day 4, 00:00');
      const box = await chart(page).boundingBox();
      if (!box) throw new Error('the chart has no box');
      // The plot starts 36 px in (the count axis); day 1 is its first band.
      await chart(page).click({ position: { x: 38, y: box.height / 2 } });
      await expect(viewing(page)).toHaveText('viewing Day 1, 23:59');
    });
  });
});

test.describe('charts: what metadata reveals', () => {
  test('says precision and recall in words, and shows a lookup that led nowhere', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await ready(page);
      const summary = graph(page).locator('.summary');
      await expect(summary).toContainText('From the records held, an observer can draw no links; nobody has really talked yet.');

      // Typing Dee's number (not registered) and sending nothing: one false link.
      const to = page.locator('section.composer').getByLabel('To', { exact: true });
      await to.fill('Dee');
      await to.press('Enter');
      await expect(summary).toContainText('The records show 1 address looked up and nothing more; nobody has really talked yet.');
      await expect(graph(page).getByRole('img', { name: 'What the records show' })).toContainText('lookup only');
      await expect(
        graph(page).locator('#' + (await graph(page).getByRole('img', { name: 'What the records show' }).getAttribute('aria-describedby'))),
      ).toHaveText('Links: \u2068Ana\u2069 and \u2068Dee\u2069 (lookup only).'); // names are bidi-isolated

      await graph(page).getByText('Table: links and their evidence').click();
      const row = graph(page).locator('table tbody tr').first();
      await expect(row.locator('th, td')).toHaveText(['\u2068Ana\u2069 and \u2068Dee\u2069', '1', '0', '0', 'lookup only', 'no']);
    });
  });

  test('once the lookups expire, a real conversation goes missing from the records', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await ready(page);
      const composer = page.locator('section.composer');
      await composer.getByLabel('To', { exact: true }).fill('Ben');
      await composer.getByLabel('Message', { exact: true }).fill('See you at 6?');
      await composer.getByRole('button', { name: 'Send' }).click();
      const summary = graph(page).locator('.summary');
      // A lookup shows that an address was typed, not that a message was sent (push routing is not kept under Apple, 2016).
      await expect(summary).toHaveText(/; the one pair who really talked shows only as an address looked up\.$/);
      // Apple 2016 keeps lookup records 30 days; day 40 is well past that.
      await page.locator('.time').getByRole('textbox', { name: 'Day' }).fill('40');
      await page.locator('.time').getByRole('button', { name: 'Go' }).click();
      await expect(clock(page)).toHaveText('Day 40, 00:00');
      await expect(summary).toContainText('the one pair who really talked does not show at all.');
      await expect(graph(page).getByRole('img', { name: 'Who really talked' })).toContainText('missing from records');
    });
  });
});

test.describe('charts: at 320 px, in the dark theme', () => {
  test('fit the width, and pass axe with their tables open', async ({ visit }) => {
    await visit(
      'simulator/',
      async ({ page }) => {
        await ready(page);
        const to = page.locator('section.composer').getByLabel('To', { exact: true });
        await to.fill('Dee');
        await to.press('Enter');
        await advanceDays(page, 2);
        await chart(page).focus();
        await page.keyboard.press('ArrowLeft');
        await expect(viewing(page)).toHaveCount(1);
        await timeline(page).getByText('Table: records held, day by day').click();
        await graph(page).getByText('Table: links and their evidence').click();
        for (const section of [timeline(page), graph(page)]) {
          // Wide tables scroll inside their own region: nothing in the section needs more than 320 px.
          expect(await section.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
          const minContent = await section.evaluate((el) => {
            const s = (el as HTMLElement).style;
            s.width = 'min-content';
            const w = el.getBoundingClientRect().width;
            s.width = '';
            return w;
          });
          expect(minContent).toBeLessThanOrEqual(288);
          const room = await section.evaluate((el) => el.clientWidth);
          for (const svg of await section.locator('svg[viewBox]').all()) expect((await svg.boundingBox())?.width).toBeLessThanOrEqual(room);
        }
      },
      { viewport: { width: 320, height: 800 }, colorScheme: 'dark' },
    );
  });
});
