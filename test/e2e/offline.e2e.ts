import type { Page, Request } from '@playwright/test';
import { expect, islandsReady, test } from '../support/site.ts';
import { clockDay, playButton, setSpeed } from '../../tools/sim-drive.ts';

/**
 * Issue #7: once /simulator/ has loaded, the simulator needs no network. Every action runs in the
 * page (the model is client-side), so a reader who loses the connection can go on using it.
 */

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

test.describe('offline: the loaded simulator keeps working without a network', () => {
  test('send, look up, advance and play, switch policy, serve a legal request, add a device, download', async ({ visit }) => {
    await visit('simulator/', async ({ page, context }) => {
      // As a reader would: scroll through the page, so every panel has loaded, then lose the network.
      await islandsReady(page);
      await context.setOffline(true);
      const { requests, failed } = watchRequests(page);

      // Send a message: four ciphertexts, the words on Ana's phone.
      await composer(page).getByLabel('To', { exact: true }).fill('Ben');
      await composer(page).getByLabel('Message', { exact: true }).fill('Written on the train');
      await composer(page).getByRole('button', { name: 'Send' }).click();
      await expect(composer(page).locator('.fanout tbody tr')).toHaveCount(4);
      // Sealed for real on view: the cryptography loaded in idle time, before the network went.
      await expect(composer(page).locator('.fanout tbody tr').first().locator('code').first()).toHaveText(/^[0-9a-f]{32}…$/);
      await expect(page.locator('section.conversation .msg.sent .bubble').last()).toHaveText('Written on the train');

      // Type an address: the key directory lookup is recorded.
      const lookups = page.locator('.ledger tbody tr').filter({ hasText: 'Lookup record' });
      const before = await lookups.count();
      await composer(page).getByLabel('To', { exact: true }).fill('+1 555 010 0163');
      await composer(page).getByLabel('To', { exact: true }).press('Enter');
      await expect(composer(page).locator('.lookup')).toContainText('registered, 1 device');
      await expect(lookups).toHaveCount(before + 1);

      // Advance a day, then play for a few days and pause. At 3 days/s the session's end is many
      // seconds away, so even a busy machine presses Pause before playback runs out.
      await page.locator('section.time').getByRole('button', { name: '+1 day' }).click();
      await expect.poll(() => clockDay(page)).toBe(2);
      await setSpeed(page, 3);
      await playButton(page).click();
      await expect.poll(() => clockDay(page)).toBeGreaterThanOrEqual(4);
      await playButton(page).click();
      await expect(playButton(page)).toHaveText('Play');

      // Switch the retention policy: the ledger follows.
      await page
        .locator('section.policy')
        .getByRole('radio', { name: /^Signal-like/ })
        .check();
      await expect(page.locator('section.ledger .summary strong')).toHaveText('Signal-like');

      // Serve a legal request.
      const legal = page.locator('section.legal');
      await legal.getByLabel('Legal process').selectOption({ label: 'Subpoena' });
      await legal.getByRole('button', { name: 'Serve this request now' }).click();
      await expect(legal.locator('.serve .muted').first()).toHaveText(/^Last served Day \d+, \d\d:\d\d\.$/);

      // Add a device for Ana.
      const people = page.locator('section.people');
      await people.locator('summary', { hasText: 'Add a device for Ana' }).click();
      const ana = people.locator('article').filter({ has: page.getByRole('heading', { name: 'Ana', exact: true }) });
      await ana.getByRole('button', { name: 'Add and register' }).click();
      await expect(ana.locator('.device-list > li')).toHaveCount(3);

      // Download the ledger (made in the page, from a blob: URL).
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('section.ledger').getByRole('button', { name: 'Download JSON' }).click(),
      ]);
      expect(await download.failure()).toBeNull();

      expect(requests, 'requests made while offline').toEqual([]);
      expect(failed, 'failed requests').toEqual([]);
    });
  });

  // Panels that hydrate when scrolled into view (client:visible) would fetch their code only then;
  // the simulator fetches every island's code once the page is idle (src/lib/sim/warm-islands.ts),
  // so a reader who goes offline once the page has loaded, before scrolling, still gets every panel.
  test('going offline once the page has loaded, before scrolling, still leaves every panel working', async ({ visit }) => {
    await visit(
      'simulator/',
      async ({ page, context }) => {
        await page.locator('astro-island:not([ssr]) > section.composer').waitFor();
        // Loaded: every island's code has been fetched in idle time (warm-islands.ts marks <html> when
        // all its imports settled). A quiet network alone is not proof: on a busy machine the idle
        // callback can come after half a second of quiet.
        await page.locator('html[data-islands-warm]').waitFor({ state: 'attached' });
        await context.setOffline(true);
        const { failed } = watchRequests(page);
        // Scrolled to, as a reader would, each island must hydrate from code already fetched.
        const islands = page.locator('astro-island');
        for (let i = 0; i < (await islands.count()); i++) {
          const island = islands.nth(i);
          await island.evaluate((el) => el.firstElementChild?.scrollIntoView({ block: 'center' }));
          await expect(island, `island ${await island.getAttribute('component-url')} hydrates offline`).not.toHaveAttribute('ssr');
        }
        expect(failed, 'failed requests').toEqual([]);
      },
      { axe: false },
    );
  });

  // An explainer runs no simulation at load: a figure's islands hydrate when it comes near the screen
  // (client:queued="near"). Their code is fetched in idle time like any panel's, and the cryptography
  // is fetched without being run, so a reader who goes offline before scrolling to a figure can use it.
  test('an explainer figure hydrates only when the reader nears it, and works offline', async ({ visit }) => {
    await visit('writing/', async ({ page, context }) => {
      const figure = page.locator('#simulation');
      const island = figure.locator('astro-island', { has: page.locator('section.composer') });
      await page.locator('html[data-islands-warm]').waitFor({ state: 'attached' });
      await expect(island, 'far from the screen, the figure has not hydrated').toHaveAttribute('ssr');
      await context.setOffline(true);
      const { requests, failed } = watchRequests(page);

      await island.evaluate((el) => el.firstElementChild?.scrollIntoView({ block: 'center' }));
      await expect(island).not.toHaveAttribute('ssr');
      // Its first island to hydrate put it where the writer said it starts (day={3}).
      await expect(figure.locator('.time .now')).toHaveText('Day 3, 12:00');
      const figureComposer = figure.locator('section.composer');
      await figureComposer.getByLabel('To', { exact: true }).fill('Sam');
      await figureComposer.getByLabel('Message', { exact: true }).fill('Read on the train');
      await figureComposer.getByRole('button', { name: 'Send' }).click();
      await expect(figureComposer.locator('.fanout tbody tr').first().locator('code').first()).toHaveText(/^[0-9a-f]{32}…$/);

      expect(requests, 'requests made while offline').toEqual([]);
      expect(failed, 'failed requests').toEqual([]);
    });
  });
});
