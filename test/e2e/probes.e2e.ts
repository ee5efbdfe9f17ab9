import type { Page } from '@playwright/test';
import { clockDay, heldCount, playButton, setSpeed, typeAddresses } from '../../tools/sim-drive.ts';
import { expect, islandsReady, test } from '../support/site.ts';

/*
 * What playback with many records must get right, whatever the machine's speed. How long its frames
 * take (the long-task probe) and how the heap grows over a simulated year (the soak) are figures, not
 * gates: `npm run bench:browser` measures and prints them.
 */
const RECORDS = 1000;

const lookupRows = (page: Page) => page.locator('section.ledger tbody tr').filter({ hasText: 'Lookup record' });

test.describe('playback with 1,000 records held (Chromium)', () => {
  test(`${RECORDS} typed lookups are held, and playing at 30 days/s through their day-31 expiry leaves none`, async ({ visit }) => {
    test.setTimeout(240_000);
    await visit(
      'simulator/',
      async ({ page }) => {
        await islandsReady(page);
        await typeAddresses(page, RECORDS);
        await expect.poll(() => heldCount(page)).toBeGreaterThanOrEqual(RECORDS);
        expect(await clockDay(page)).toBe(1);
        // The scenario's policy (Apple, 2016) keeps lookup records 30 days, so all of them expire at once, mid-playback.
        await setSpeed(page, 30);
        await playButton(page).click();
        await expect(playButton(page)).toHaveText('Ended', { timeout: 120_000 });
        expect(await clockDay(page), 'playback reached the end of the session').toBeGreaterThan(30);
        await expect(lookupRows(page)).toHaveCount(0);
        expect(await heldCount(page)).toBeLessThan(RECORDS);
      },
      // axe over 1,000 graph nodes adds nothing here: the page's accessibility is tested elsewhere.
      { axe: false },
    );
  });
});
