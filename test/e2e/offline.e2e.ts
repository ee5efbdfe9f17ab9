import { describe, expect, test } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { islandsReady, useSite } from '../support/site.ts';
import { clockDay, playButton, setSpeed } from '../support/sim-drive.ts';

/**
 * Issue #7: once /simulator/ has loaded, the simulator needs no network. Every action runs in the
 * page (the model is client-side), so a reader who loses the connection can go on using it.
 */
const site = useSite();

/** Records every request and every failed one from now on (blob: and data: URLs need no network). */
function watchRequests(page: Page): { requests: string[]; failed: string[] } {
  const requests: string[] = [];
  const failed: string[] = [];
  const network = (r: Request) => !/^(blob|data):/.test(r.url());
  page.on('request', (r) => network(r) && requests.push(r.url()));
  page.on('requestfailed', (r) => network(r) && failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  return { requests, failed };
}

const composer = (page: Page) => page.locator('section.composer');

describe('offline: the loaded simulator keeps working without a network', () => {
  test('send, look up, advance and play, switch policy, serve a legal request, add a device, download', async () => {
    await site.visit('simulator/', async ({ page, context }) => {
      // As a reader would: scroll through the page, so every panel has loaded, then lose the network.
      await islandsReady(page);
      await context.setOffline(true);
      const { requests, failed } = watchRequests(page);

      // Send a message: four ciphertexts, the words on Ana's phone.
      await composer(page).getByLabel('To', { exact: true }).fill('Ben');
      await composer(page).getByLabel('Message', { exact: true }).fill('Written on the train');
      await composer(page).getByRole('button', { name: 'Send' }).click();
      await expect.poll(() => composer(page).locator('.fanout tbody tr').count()).toBe(4);
      await expect.poll(() => page.locator('section.conversation .msg.sent .bubble').last().textContent()).toBe('Written on the train');

      // Type an address: the key directory lookup is recorded.
      const lookups = page.locator('.ledger tbody tr').filter({ hasText: 'Lookup record' });
      const before = await lookups.count();
      await composer(page).getByLabel('To', { exact: true }).fill('+1 555 010 0163');
      await composer(page).getByLabel('To', { exact: true }).press('Enter');
      await expect.poll(() => composer(page).locator('.lookup').textContent()).toContain('registered, 1 device');
      await expect.poll(() => lookups.count()).toBe(before + 1);

      // Advance a day, then play at 30 days/s for a moment.
      await page.locator('section.time').getByRole('button', { name: '+1 day' }).click();
      await expect.poll(() => clockDay(page)).toBe(2);
      await setSpeed(page, 30);
      await playButton(page).click();
      await expect.poll(() => clockDay(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(10);
      await playButton(page).click();
      expect(await playButton(page).textContent()).toContain('Play');

      // Switch the retention policy: the ledger follows.
      await page.locator('section.policy').getByRole('radio', { name: /^Signal-like/ }).check();
      await expect.poll(() => page.locator('section.ledger .summary strong').textContent()).toBe('Signal-like');

      // Serve a legal request.
      const legal = page.locator('section.legal');
      await legal.getByLabel('Legal process').selectOption({ label: 'Subpoena' });
      await legal.getByRole('button', { name: 'Serve this request now' }).click();
      await expect.poll(() => legal.locator('.serve .muted').first().textContent()).toMatch(/^Last served Day \d+, \d\d:\d\d\.$/);

      // Add a device for Ana.
      const people = page.locator('section.people');
      await people.locator('summary', { hasText: 'Add a device for Ana' }).click();
      const ana = people.locator('article').filter({ has: page.getByRole('heading', { name: 'Ana', exact: true }) });
      await ana.getByRole('button', { name: 'Add and register' }).click();
      await expect.poll(() => ana.locator('.device-list > li').count()).toBe(3);

      // Download the ledger (made in the page, from a blob: URL).
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('section.ledger').getByRole('button', { name: 'Download JSON' }).click()]);
      expect(await download.failure()).toBeNull();

      expect(requests, 'requests made while offline').toEqual([]);
      expect(failed, 'failed requests').toEqual([]);
    });
  });

  // Panels that hydrate when scrolled into view (client:visible) would fetch their code only then;
  // the simulator fetches every island's code once the page is idle (src/lib/sim/warm-islands.ts),
  // so a reader who goes offline once the page has loaded, before scrolling, still gets every panel.
  test('going offline once the page has loaded, before scrolling, still leaves every panel working', async () => {
    await site.visit(
      'simulator/',
      async ({ page, context }) => {
        await page.locator('astro-island:not([ssr]) > section.composer').waitFor();
        // Loaded: the load event has fired and the network has been quiet for half a second.
        await page.waitForLoadState('networkidle');
        await context.setOffline(true);
        const { failed } = watchRequests(page);
        const islands = page.locator('astro-island');
        for (let i = 0; i < (await islands.count()); i++) {
          await islands.nth(i).evaluate((el) => el.firstElementChild?.scrollIntoView({ block: 'center' }));
          await page.waitForTimeout(150);
        }
        await page.waitForTimeout(1000);
        const dead = await page.evaluate(() => [...document.querySelectorAll('astro-island[ssr]')].map((el) => el.getAttribute('component-url')));
        expect(dead, 'islands that could not hydrate offline').toEqual([]);
        expect(failed, 'failed requests').toEqual([]);
      },
      { axe: false },
    );
  });
});
