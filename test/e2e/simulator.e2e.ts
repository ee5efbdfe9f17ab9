import { describe, expect, test } from 'vitest';
import { islandsReady, useSite } from '../support/site.ts';

const site = useSite();

describe('simulator: time and ledger', () => {
  test('starts on Day 1 with the registration records held, and time moves forward', async () => {
    await site.visit('simulator/', async ({ page }) => {
      await islandsReady(page);
      const clock = page.locator('.time .now');
      await expect.poll(() => clock.textContent()).toBe('Day 1, 00:00');
      await expect.poll(() => page.locator('.ledger h2').count()).toBe(1);
      expect(await page.locator('.ledger tbody tr').count()).toBeGreaterThan(0);
      await page.getByRole('button', { name: '+1 day' }).click();
      await expect.poll(() => clock.textContent()).toBe('Day 2, 00:00');
      await page.getByRole('button', { name: 'View −1 day' }).click();
      await expect.poll(() => page.locator('.time .viewing').textContent()).toBe('viewing Day 1, 00:00');
      await page.getByRole('button', { name: 'Back to now' }).click();
      await expect.poll(() => page.locator('.time .viewing').count()).toBe(0);
    });
  });

  test('the scrub slider speaks the simulated time', async () => {
    await site.visit('simulator/', async ({ page }) => {
      await islandsReady(page);
      await page.getByRole('button', { name: '+1 day' }).click();
      const slider = page.getByRole('slider');
      await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('Day 2, 00:00');
      await slider.focus();
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('Day 1, 23:00');
    });
  });
});
