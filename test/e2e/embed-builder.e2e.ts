import type { Frame, Page } from '@playwright/test';
import { BASE, expect, islandsReady, sitePath, test } from '../support/site.ts';

/** What a view shows: the clock, the panels left visible, and the policy the ledger names. */
async function viewState(where: Page | Frame) {
  return {
    clock: await where.locator('.time .now').textContent(),
    panels: await where.locator('[data-panel]:not([hidden])').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset['panel'])),
    policy: await where.locator('.ledger .summary strong').textContent(),
    step: await where.locator('[data-step-count]').textContent(),
  };
}

/**
 * Like islandsReady, for a view whose URL hides some panels: a hidden panel is never scrolled to,
 * so it never hydrates, and only the shown ones are waited for.
 */
async function shownIslandsReady(where: Page | Frame): Promise<void> {
  const islands = where.locator('astro-island');
  for (let i = 0; i < (await islands.count()); i++) {
    const island = islands.nth(i);
    const shown = await island.evaluate((el) => el.closest('[hidden]') === null);
    if (!shown || (await island.getAttribute('ssr')) === null) continue;
    await island.evaluate((el) => el.firstElementChild?.scrollIntoView({ block: 'center' }));
    await where.waitForFunction((el) => !el?.hasAttribute('ssr'), await island.elementHandle(), { timeout: 15_000 });
  }
}

/** The configured `site` the builder writes its URLs on. */
const SITE = 'https://what-the-server-keeps.example';

/** A site URL as the builder writes it, as a path below the base on the test server. */
const localPath = (url: string) => {
  const u = new URL(url);
  expect(u.pathname.startsWith(BASE), `${url} is under the base ${BASE}`).toBe(true);
  return (u.pathname + u.search).slice(BASE.length);
};

test.describe('embed builder', () => {
  test('the code and the share link, opened, reproduce the previewed view', async ({ visit }) => {
    let embedUrl = '';
    let shareUrl = '';
    let previewed: Awaited<ReturnType<typeof viewState>> | undefined;
    await visit(
      'scenarios/unanswered-call/',
      async ({ page }) => {
        await islandsReady(page);
        await page.locator('[data-builder] summary').click();
        await page.locator('[data-builder] [name=day]').fill('5');
        await page.locator('[data-builder] [name=policy]').selectOption('signal-like');
        for (const name of ['People and devices', 'Composer', 'Conversation', 'Legal request', 'Contact graph']) {
          await page.getByRole('checkbox', { name, exact: true }).uncheck();
        }
        const code = await page.locator('#embed-code').inputValue();
        embedUrl = /src="([^"]+)"/.exec(code)?.[1]?.replace(/&amp;/g, '&') ?? '';
        expect(embedUrl).toBe(`${SITE}${sitePath('embed/unanswered-call/')}?v=3&day=5&panels=ledger%2Ctimeline%2Cpolicy&policy=signal-like`);
        expect(code).toContain('data-wtsk-embed');
        expect(code).toContain('sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"');

        // The live preview is the embed page with the same query.
        const frame = page.frameLocator('[data-preview] iframe');
        await expect(page.locator('[data-preview] iframe')).toHaveAttribute('src', `${sitePath('embed/unanswered-call/')}${new URL(embedUrl).search}`);
        const preview = (await page.locator('[data-preview] iframe').elementHandle())!;
        const previewFrame = (await preview.contentFrame())!;
        await frame.locator('.ledger .summary').waitFor();
        await expect.poll(() => previewFrame.url()).toContain('policy=signal-like');
        // Panels below the frame's first screen hydrate when scrolled to, as on any page.
        await shownIslandsReady(previewFrame);
        await expect.poll(async () => (await viewState(previewFrame)).clock).toBe('Day 5, 00:00');
        await expect.poll(async () => (await viewState(previewFrame)).policy).toBe('Signal-like');
        previewed = await viewState(previewFrame);
        expect(previewed.panels).toEqual(['ledger', 'timeline', 'policy']);

        await page.getByRole('button', { name: 'Copy the link' }).click();
        await expect(page.locator('[data-copy-status]')).toHaveText('Link copied.');
        shareUrl = await page.evaluate(() => navigator.clipboard.readText());
        expect(shareUrl).toBe(`${SITE}${sitePath('scenarios/unanswered-call/')}${new URL(embedUrl).search}`);
        await page.getByRole('button', { name: 'Copy the code' }).click();
        await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(code);

        // Closing the builder removes the preview, so nothing keeps running out of sight. The
        // removal follows the details element's toggle event, which fires after the click returns.
        await page.locator('[data-builder] summary').click();
        await expect(page.locator('[data-preview] iframe')).toHaveCount(0);
      },
      { permissions: ['clipboard-read', 'clipboard-write'] },
    );

    for (const url of [embedUrl, shareUrl]) {
      await visit(localPath(url), async ({ page }) => {
        await page.locator('[data-step-count]').waitFor();
        await shownIslandsReady(page);
        await expect.poll(async () => (await viewState(page)).clock).toBe(previewed!.clock);
        await expect.poll(() => viewState(page)).toEqual(previewed);
        await expect(page.locator('[data-url-notes]')).toBeHidden();
      });
    }
  });

  test('a bad value in the form is reported and left out of the code', async ({ visit }) => {
    await visit('scenarios/a-number-typed/', async ({ page }) => {
      await islandsReady(page);
      await page.locator('[data-builder] summary').click();
      await page.locator('[data-builder] [name=day]').fill('99');
      await expect(page.locator('[data-builder-error]')).toHaveText(/day from 1 to 35/);
      expect(await page.locator('#embed-code').inputValue()).not.toContain('day=');
      await page.locator('[data-builder] summary').click();
    });
  });
});

test.describe('versioned links', () => {
  test('a link made for an older version opens with a notice that links to the corrections', async ({ visit }) => {
    await visit('scenarios/unanswered-call/?v=1', async ({ page }) => {
      const notice = page.locator('[data-version-notice]');
      await expect(notice).toBeVisible();
      await expect(notice).toHaveText(/made for version 1 of this scenario.*now version 3/s);
      await notice.getByRole('link', { name: 'See what changed' }).click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#corrections');
      const corrections = page.locator('#corrections');
      await expect(corrections).toHaveText(/2026-11-27, version 2:.*lookup that comes before each call/s);
    });
  });

  test('the current version, or none, shows no notice; the embed links to the full corrections in a new tab', async ({ visit }) => {
    await visit('scenarios/unanswered-call/?v=3', async ({ page }) => {
      await islandsReady(page);
      await expect(page.locator('[data-version-notice]')).toBeHidden();
    });
    await visit('embed/unanswered-call/?v=1', async ({ page }) => {
      const link = page.locator('[data-version-notice] a');
      await expect(link).toBeVisible();
      await expect(link).toHaveAttribute('href', sitePath('scenarios/unanswered-call/#corrections'));
      await expect(link).toHaveAttribute('target', '_blank');
    });
  });
});

test.describe('view options', () => {
  test('autoplay plays at the speed asked, follows the narration and stops at its pause points', async ({ visit }) => {
    await visit('embed/a-number-typed/?autoplay=1&speed=30&panels=ledger', async ({ page }) => {
      const play = page.locator('.controls button[aria-pressed]');
      const count = page.locator('[data-step-count]');
      // The moment shown: the view, when a frame carried time past the pause and the view went back.
      const shown = async () =>
        (await page.locator('.time .viewing').count()) > 0
          ? (await page.locator('.time .viewing').textContent())!.replace('viewing ', '')
          : await page.locator('.time .now').textContent();
      await expect(page.locator('.controls select')).toHaveValue('30');
      // Step 1 (day 1, 09:00) is a pause point: playback stops there, on that step.
      await expect(page.locator('.time .now')).not.toHaveText('Day 1, 00:00');
      await expect(play).toHaveAttribute('aria-pressed', 'false');
      await expect(count).toHaveText('Step 1 of 7');
      await expect.poll(shown).toBe('Day 1, 09:00');
      // Play on: steps 2 and 3 pass, and it stops at step 4 (day 10), the next pause.
      await play.click();
      await expect(count).toHaveText('Step 4 of 7');
      await expect(play).toHaveAttribute('aria-pressed', 'false');
      await expect.poll(shown).toBe('Day 10, 12:00');
    });
  });

  test('motion=reduce never autoplays, and theme sets the page theme', async ({ visit }) => {
    await visit('embed/a-number-typed/?autoplay=1&motion=reduce&theme=dark', async ({ page }) => {
      await expect(page.locator('[data-stepper-nav]')).toBeVisible();
      await page.waitForFunction(() => !document.querySelector('.controls astro-island')?.hasAttribute('ssr'));
      // Proving that playback did NOT start needs a pause: half a second at the default speed would have moved the clock.
      await page.waitForTimeout(500);
      // A still view opens on step 1's moment, where the narration is.
      await expect(page.locator('.time .now')).toHaveText('Day 1, 09:00');
      await expect(page.locator('.controls button[aria-pressed]')).toHaveAttribute('aria-pressed', 'false');
      expect(await page.evaluate(() => [document.documentElement.dataset['motion'], document.documentElement.dataset['theme']])).toEqual(['reduce', 'dark']);
    });
  });
});
