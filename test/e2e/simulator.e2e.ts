import { expect, islandsReady, test } from '../support/site.ts';

test.describe('simulator: time and ledger', () => {
  test('starts on Day 1 with the registration records held, and time moves forward', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await islandsReady(page);
      const clock = page.locator('.time .now');
      await expect(clock).toHaveText('Day 1, 00:00');
      await expect(page.locator('.ledger h2')).toHaveCount(1);
      expect(await page.locator('.ledger tbody tr').count()).toBeGreaterThan(0);
      await page.getByRole('button', { name: '+1 day' }).click();
      await expect(clock).toHaveText('Day 2, 00:00');
      await page.getByRole('button', { name: 'View −1 day' }).click();
      await expect(page.locator('.time .viewing')).toHaveText('viewing Day 1, 00:00');
      await page.getByRole('button', { name: 'Back to now' }).click();
      await expect(page.locator('.time .viewing')).toHaveCount(0);
    });
  });

  test('the scrub slider speaks the simulated time', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await islandsReady(page);
      await page.getByRole('button', { name: '+1 day' }).click();
      const slider = page.getByRole('slider');
      await expect(slider).toHaveAttribute('aria-valuetext', 'Day 2, 00:00');
      await slider.focus();
      await page.keyboard.press('ArrowLeft');
      await expect(slider).toHaveAttribute('aria-valuetext', 'Day 1, 23:00');
    });
  });
});
