import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { Frame, Page } from '@playwright/test';
import { expect, siteOrigin, siteUrl, test } from '../support/site.ts';

/*
 * Auto-height across origins: a teacher's page served by a second loopback server (so on another
 * origin than the site) holds embeds and public/embed-host.js. Each embed posts its height
 * ({type:'wtsk:height',version:1,height}); the host script sizes only iframes marked
 * data-wtsk-embed, sandboxed ones (opaque origin) included.
 */
let host: Server;
let hostUrl = '';

test.beforeAll(async () => {
  const html = readFileSync(new URL('../fixtures/embed-host.html', import.meta.url), 'utf8').replaceAll('{{SITE}}', siteUrl(''));
  host = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((done) => host.listen(0, '127.0.0.1', done));
  const address = host.address();
  if (address === null || typeof address === 'string') throw new Error('host server did not bind');
  hostUrl = `http://127.0.0.1:${address.port}/`;
  expect(new URL(hostUrl).origin).not.toBe(siteOrigin());
});
test.afterAll(() => new Promise<void>((done) => host.close(() => done())));

async function frameOf(page: Page, id: string): Promise<Frame> {
  const handle = await page.locator(`#${id}`).elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`no frame #${id}`);
  return frame;
}
const heightOf = (page: Page, id: string) => page.locator(`#${id}`).evaluate((el) => el.getBoundingClientRect().height);
const contentHeight = (frame: Frame) => frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));

test.describe('embed host script', () => {
  test('iframes on another origin take the height of their content, and follow it when it changes', async ({ visit }) => {
    await visit(
      hostUrl,
      async ({ page }) => {
        // Chromium renders a cross-origin frame only while it is on screen (no layout updates,
        // no ResizeObserver off screen), so each is brought into view, as a reader scrolling would.
        for (const id of ['plain', 'sandboxed']) {
          await page.locator(`#${id}`).scrollIntoViewIfNeeded();
          const frame = await frameOf(page, id);
          await frame.locator('.ledger').waitFor();
          await expect.poll(() => heightOf(page, id)).toBeGreaterThan(400);
          await expect.poll(async () => Math.abs((await heightOf(page, id)) - (await contentHeight(frame)))).toBeLessThanOrEqual(1);
        }
        // The sandboxed embed runs with an opaque origin: no cookies, no storage, and still works.
        const sandboxed = await frameOf(page, 'sandboxed');
        expect(await sandboxed.evaluate(() => self.origin)).toBe('null');
        expect(
          await sandboxed.evaluate(() => {
            try {
              void localStorage.length;
              return 'storage';
            } catch {
              return 'no storage';
            }
          }),
        ).toBe('no storage');
        await expect(sandboxed.locator('.time .now')).toHaveText('Day 5, 00:00');

        // The content grows (the reader unfolds the records' table under the lanes), then shrinks
        // back: the frame follows both ways.
        const before = await heightOf(page, 'sandboxed');
        const table = sandboxed.locator('.ledger details.twin > summary');
        await table.click();
        await expect.poll(() => heightOf(page, 'sandboxed')).toBeGreaterThan(before + 100);
        await expect.poll(async () => Math.abs((await heightOf(page, 'sandboxed')) - (await contentHeight(sandboxed)))).toBeLessThanOrEqual(1);
        await table.click();
        await expect.poll(() => heightOf(page, 'sandboxed')).toBeLessThan(before + 10);
        await expect.poll(async () => Math.abs((await heightOf(page, 'sandboxed')) - (await contentHeight(sandboxed)))).toBeLessThanOrEqual(1);

        // An iframe not marked data-wtsk-embed is left alone.
        expect(await heightOf(page, 'unmarked')).toBe(150);
      },
      // axe is for the site's pages (each embed page passes it in scenarios.e2e.ts); this page is a fixture.
      { axe: false, allowOrigins: [new URL(hostUrl).origin] },
    );
  });
});
