import type { Page } from '@playwright/test';
import { expect, islandsReady, test } from '../support/site.ts';

// The simulator issue's end-to-end journeys, driven only through what a reader can click and type.
const composer = (page: Page) => page.locator('section.composer');
const lookupRows = (page: Page) => page.locator('.ledger tbody tr', { hasText: 'Lookup record' });
/** The marks the retention lanes draw for `category`'s records. */
const laneBars = (page: Page, category: string) => page.locator(`.ledger .provider-lanes > .lanes .bar[aria-label^="${category}"]`);

async function jumpToDay(page: Page, day: number): Promise<void> {
  await page.locator('.time form.jump input').fill(String(day));
  await page.locator('.time form.jump').getByRole('button', { name: 'Go' }).click();
  await expect(page.locator('.time .now')).toHaveText(`Day ${day}, 00:00`);
}

async function typeAddress(page: Page, address: string): Promise<void> {
  const field = composer(page).getByLabel('To', { exact: true });
  await field.fill(address);
  await field.press('Enter');
}

test.describe('journeys', () => {
  for (const [policyName, goneDay, heldDay] of [
    ['Apple, 2016', 31, 30],
    ['Apple, 2020s', 26, 25],
  ] as const) {
    test(`under ${policyName} a lookup typed but never sent is held, then gone on day ${goneDay}`, async ({ visit }) => {
      await visit('simulator/', async ({ page }) => {
        await islandsReady(page);
        await page
          .locator('section.policy')
          .getByRole('radio', { name: new RegExp(policyName.replace(/[(),]/g, '.')) })
          .check();
        await typeAddress(page, 'ben@example.org');
        await expect(lookupRows(page)).toHaveCount(1);
        await jumpToDay(page, heldDay);
        await expect(lookupRows(page)).toHaveCount(1);
        await expect(laneBars(page, 'Lookup record')).toHaveAttribute('aria-label', new RegExp(`kept until Day ${goneDay}$`));
        await jumpToDay(page, goneDay);
        await expect(lookupRows(page)).toHaveCount(0);
        await expect(laneBars(page, 'Lookup record')).toHaveAttribute('aria-label', new RegExp(`expired Day ${goneDay}$`));
      });
    });
  }

  test('an offline tablet gets the message when it comes back within 30 days', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await islandsReady(page);
      await page.getByRole('button', { name: "Go offline: Ben's tablet" }).click();
      await typeAddress(page, 'Ben');
      await composer(page).getByLabel('Message', { exact: true }).fill('Are you there?');
      await composer(page).getByRole('button', { name: 'Send' }).click();
      await expect(page.locator('.ledger tbody tr', { hasText: 'Queued message' })).toHaveCount(1);
      await expect(laneBars(page, 'Queued message')).toHaveAttribute('aria-label', /held until delivered, or dropped Day 31$/);
      await jumpToDay(page, 20);
      await page.getByRole('button', { name: "Come online: Ben's tablet" }).click();
      await expect(page.locator('.ledger tbody tr', { hasText: 'Queued message' })).toHaveCount(0);
      await expect(laneBars(page, 'Queued message')).toHaveAttribute('aria-label', /deleted on delivery, Day 20$/);
      const conversation = page.locator('section', { has: page.getByRole('heading', { name: 'On the devices' }) });
      await conversation.getByRole('combobox').selectOption({ label: "\u2068Ben's tablet\u2069 (\u2068Ben\u2069)" });
      await expect(conversation).toContainText('Are you there?');
    });
  });

  test('after the 30-day hold the offline tablet never gets the message', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await islandsReady(page);
      await page.getByRole('button', { name: "Go offline: Ben's tablet" }).click();
      await typeAddress(page, 'Ben');
      await composer(page).getByLabel('Message', { exact: true }).fill('Too late');
      await composer(page).getByRole('button', { name: 'Send' }).click();
      await jumpToDay(page, 32);
      await page.getByRole('button', { name: "Come online: Ben's tablet" }).click();
      const conversation = page.locator('section', { has: page.getByRole('heading', { name: 'On the devices' }) });
      await conversation.getByRole('combobox').selectOption({ label: "\u2068Ben's tablet\u2069 (\u2068Ben\u2069)" });
      await expect(composer(page)).toContainText('dropped');
      await expect(conversation).not.toContainText('Too late');
    });
  });
});
