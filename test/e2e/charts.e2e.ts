import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { islandsReady, useSite } from '../support/site.ts';

const site = useSite();

const timeline = (page: Page) => page.locator('section.timeline');
const chart = (page: Page) => timeline(page).getByRole('group', { name: 'Records held, day by day' });
/** The day the chart's keyboard cursor is on, as its description says it. */
const cursorDay = (page: Page) => timeline(page).locator('.cursor-day').textContent();
/** What the chart's live region last said. */
const spoken = (page: Page) => timeline(page).locator('[aria-live]').textContent();
const graph = (page: Page) => page.locator('section.graph');
const clock = (page: Page) => page.locator('.time .now');
const viewing = (page: Page) => page.locator('.time .viewing');

/** Waits until the islands are interactive (Astro hydrates them after load). */
const ready = islandsReady;

async function advanceDays(page: Page, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await page.getByRole('button', { name: '+1 day' }).click();
}

describe('charts: records held, day by day', () => {
  test('the table twin shows the records held on day 1, and no day that has not happened', async () => {
    await site.visit('simulator/', async ({ page }) => {
      await ready(page);
      await advanceDays(page, 1);
      await expect.poll(() => clock(page).textContent()).toBe('Day 2, 00:00');
      await timeline(page).getByText('Table: records held, day by day').click();
      const rows = timeline(page).locator('table tbody tr');
      await expect.poll(() => rows.count()).toBe(2);
      const day1 = await rows.first().locator('th, td').allTextContents();
      expect(day1[0]).toBe('1');
      // Day, seven categories, total: the cast's accounts and device registrations are held from the start.
      expect(day1).toHaveLength(9);
      expect(Number(day1.at(-1))).toBeGreaterThan(0);
      const headers = await timeline(page).locator('table thead th').allTextContents();
      const registrations = headers.findIndex((h) => h.includes('Device registration'));
      expect(Number(day1[registrations])).toBeGreaterThan(0);
      expect(await cursorDay(page)).toMatch(/^Day 2 so far \(now: Day 2, 00:00\): \d+ records held/);
      expect(await chart(page).getAttribute('aria-describedby')).toContain(await timeline(page).locator('.cursor-day').getAttribute('id'));
    });
  });

  test('arrow keys, Home and End move the viewed moment; Enter lets time run to a later day', async () => {
    await site.visit('simulator/', async ({ page }) => {
      await ready(page);
      await advanceDays(page, 2);
      await expect.poll(() => clock(page).textContent()).toBe('Day 3, 00:00');
      await chart(page).focus();
      expect(await cursorDay(page)).toMatch(/^Day 3 so far/);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => viewing(page).textContent()).toBe('viewing Day 2, 23:59');
      await expect.poll(() => spoken(page)).toMatch(/^Viewing: End of day 2: \d+ records held/);
      await page.keyboard.press('Home');
      await expect.poll(() => viewing(page).textContent()).toBe('viewing Day 1, 23:59');
      expect(await cursorDay(page)).toMatch(/^Viewing: End of day 1: /);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      // Back on today: the view follows now again.
      await expect.poll(() => viewing(page).count()).toBe(0);
      // A day still to come is only previewed: time moves forward on Enter, never by a key press alone.
      await page.keyboard.press('End');
      await expect.poll(() => spoken(page)).toMatch(/^Day 60 has not happened yet/);
      expect(await clock(page).textContent()).toBe('Day 3, 00:00');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Enter');
      await expect.poll(() => clock(page).textContent()).toBe('Day 59, 00:00');
      await expect.poll(() => cursorDay(page)).toMatch(/^Day 59 so far/);
    });
  });

  test('clicking a past day views it', async () => {
    await site.visit('simulator/', async ({ page }) => {
      await ready(page);
      await advanceDays(page, 3);
      await expect.poll(() => clock(page).textContent()).toBe('Day 4, 00:00');
      const box = await chart(page).boundingBox();
      if (!box) throw new Error('the chart has no box');
      // The plot starts 36 px in (the count axis); day 1 is its first band.
      await chart(page).click({ position: { x: 38, y: box.height / 2 } });
      await expect.poll(() => viewing(page).textContent()).toBe('viewing Day 1, 23:59');
    });
  });
});

describe('charts: what metadata reveals', () => {
  test('says precision and recall in words, and shows a lookup that led nowhere', async () => {
    await site.visit('simulator/', async ({ page }) => {
      await ready(page);
      const summary = graph(page).locator('.summary');
      await expect.poll(() => summary.textContent()).toContain('From the records held, an observer can draw no links; nobody has really talked yet.');

      // Typing Dee's number (not registered) and sending nothing: one false link.
      const to = page.locator('section.composer').getByLabel('To', { exact: true });
      await to.fill('Dee');
      await to.press('Enter');
      await expect.poll(() => summary.textContent()).toContain('The one link an observer can draw is not a real conversation; nobody has really talked yet.');
      expect(await graph(page).getByRole('img', { name: 'What the records show' }).textContent()).toContain('lookup only');
      expect(await graph(page).locator('#' + (await graph(page).getByRole('img', { name: 'What the records show' }).getAttribute('aria-describedby'))).textContent()).toBe(
        'Links: Ana and Dee (lookup only).',
      );

      await graph(page).getByText('Table: links and their evidence').click();
      const row = graph(page).locator('table tbody tr').first();
      expect(await row.locator('th, td').allTextContents()).toEqual(['Ana and Dee', '1', '0', '0', 'lookup only', 'no']);
    });
  });

  test('once the lookups expire, a real conversation goes missing from the records', async () => {
    await site.visit('simulator/', async ({ page }) => {
      await ready(page);
      const composer = page.locator('section.composer');
      await composer.getByLabel('To', { exact: true }).fill('Ben');
      await composer.getByLabel('Message', { exact: true }).fill('See you at 6?');
      await composer.getByRole('button', { name: 'Send' }).click();
      const summary = graph(page).locator('.summary');
      await expect.poll(() => summary.textContent()).toMatch(/an observer can draw.*; the records reveal the one pair who really talked\./);
      // Apple 2016 keeps lookup records 30 days; day 40 is well past that.
      await page.locator('.time').getByRole('textbox', { name: 'Day' }).fill('40');
      await page.locator('.time').getByRole('button', { name: 'Go' }).click();
      await expect.poll(() => clock(page).textContent()).toBe('Day 40, 00:00');
      await expect.poll(() => summary.textContent()).toContain('the records do not reveal the one pair who really talked.');
      expect(await graph(page).getByRole('img', { name: 'Who really talked' }).textContent()).toContain('missing from records');
    });
  });
});

describe('charts: at 320 px, in the dark theme', () => {
  test('fit the width, and pass axe with their tables open', async () => {
    await site.visit(
      'simulator/',
      async ({ page }) => {
        await ready(page);
        const to = page.locator('section.composer').getByLabel('To', { exact: true });
        await to.fill('Dee');
        await to.press('Enter');
        await advanceDays(page, 2);
        await chart(page).focus();
        await page.keyboard.press('ArrowLeft');
        await expect.poll(() => viewing(page).count()).toBe(1);
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
