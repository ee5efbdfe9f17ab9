import { axeViolations } from '../../tools/browser.ts';
import { expect, siteUrl, test } from '../support/site.ts';

// The shared checks are only worth something if they can fail: feed them a page that breaks each one.
test.describe('the page-test harness', () => {
  test('sees foreign requests, console errors, uncaught exceptions and axe violations', async ({ watch }) => {
    // The site's CSP would stop the foreign image before any request: bypass it to test the harness alone.
    const watched = await watch({ bypassCSP: true });
    await watched.page.goto(siteUrl(''));
    await watched.page.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<img src="https://example.invalid/pixel.png">');
      console.error('deliberate');
      setTimeout(() => {
        throw new Error('deliberate uncaught');
      });
    });
    await expect
      .poll(() => watched.errors.join('\n'))
      .toMatch(/console: deliberate[\s\S]*uncaught: deliberate uncaught|uncaught: deliberate uncaught[\s\S]*console: deliberate/);
    await expect.poll(() => watched.foreignRequests).toEqual(['https://example.invalid/pixel.png']);
    const violations = await axeViolations(watched.page);
    expect(violations.map((v) => v.id)).toContain('image-alt');
  });
});
