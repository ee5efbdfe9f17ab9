import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { axeViolations, launchChromium, openWatched, type LaunchedBrowser } from '../support/browser.ts';
import { siteUrl } from '../support/site.ts';

// The shared checks are only worth something if they can fail: feed them a page that breaks each one.
describe('the page-test harness', () => {
  let launched: LaunchedBrowser;
  beforeAll(async () => {
    launched = await launchChromium();
  });
  afterAll(() => launched.close());

  test('sees foreign requests, console errors, uncaught exceptions and axe violations', async () => {
    // The site's CSP would stop the foreign image before any request: bypass it to test the harness alone.
    const watched = await openWatched(launched.browser, inject('siteOrigin'), { bypassCSP: true });
    try {
      await watched.page.goto(siteUrl(''));
      await watched.page.evaluate(() => {
        document.body.insertAdjacentHTML('beforeend', '<img src="https://example.invalid/pixel.png">');
        console.error('deliberate');
        setTimeout(() => {
          throw new Error('deliberate uncaught');
        });
      });
      await expect.poll(() => watched.errors.join('\n')).toMatch(/console: deliberate[\s\S]*uncaught: deliberate uncaught|uncaught: deliberate uncaught[\s\S]*console: deliberate/);
      await expect.poll(() => watched.foreignRequests).toEqual(['https://example.invalid/pixel.png']);
      const violations = await axeViolations(watched.page);
      expect(violations.map((v) => v.id)).toContain('image-alt');
    } finally {
      await watched.context.close();
    }
  });
});
