import { readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, islandsReady, sitePath, test } from '../support/site.ts';

// Explainer pages as a reader uses them: the scrollytelling figure driven by scrolling and by its
// buttons, the scrubbable number, citations and references, predictions, and the text-only page
// that ships no JavaScript. Every visit also runs axe and fails on console errors and foreign requests.
const slugs = readdirSync('content/explainers')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.slice(0, -4))
  .sort();
const FLAGSHIP = 'explainers/the-2016-lookup-logs/';

const shownTime = (page: Page) => page.locator('.scrolly .scrolly-time').textContent();
/** Lookup records the story's figure draws as held, from its lane's headline ("Lookup record · 1 held"); 0 without the lane. */
async function lookupsHeld(page: Page): Promise<number> {
  const lane = page.locator('.scrolly .lanes [role="list"][aria-label^="Lookup record"]');
  if ((await lane.count()) === 0) return 0;
  return Number((await lane.getAttribute('aria-label'))?.match(/· (\d+) held/)?.[1]);
}
/** The explainers whose story is a Scrolly, and what each step's figure must show of its subject. */
const STORIES = [
  {
    slug: 'the-2016-lookup-logs',
    subjects: ['', 'Lookup record recorded Day 1, 09:00', '', '§2703(d) order for \u2068Sam\u2069', 'Lookup record expired', ''],
  },
  { slug: 'one-key-per-device', subjects: ['', 'Lookup record recorded Day 1, 18:0', '1 ciphertext', 'Alert on Lena', '2 ciphertexts'] },
];

/**
 * Brings the Scrolly's figure into view with its first step still below the reading line, so every
 * island in it hydrates without the story starting, then waits for them.
 */
async function scrollyReady(page: Page): Promise<void> {
  await page.locator('.scrolly').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - window.innerHeight * 0.6));
  await page.waitForFunction(
    () => {
      const islands = [...document.querySelectorAll('.scrolly astro-island')];
      return islands.length > 0 && islands.every((island) => !island.hasAttribute('ssr'));
    },
    undefined,
    { timeout: 15_000 },
  );
}

/** Scrolls so that a step's top sits just above the viewport's half-way line (where the story reads it). */
async function scrollToStep(page: Page, index: number): Promise<void> {
  await page
    .locator('.scrolly-step')
    .nth(index)
    .evaluate((el) => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, top - window.innerHeight * 0.4);
    });
}

test.describe('explainers', () => {
  test('the index lists every explainer, and each link opens it', async ({ visit }) => {
    expect(slugs.length).toBeGreaterThanOrEqual(3);
    await visit(
      'explainers/',
      async ({ page }) => {
        const hrefs = await page.locator('main ul a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
        for (const slug of slugs) expect(hrefs).toContain(sitePath(`explainers/${slug}/`));
        const link = page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Explainers' });
        await expect(link).toHaveAttribute('aria-current', 'page');
      },
      { axe: false },
    );
  });

  for (const [slug, width, colorScheme] of slugs.flatMap(
    (slug) =>
      [
        [slug, 320, 'light'],
        [slug, 1280, 'dark'],
      ] as const,
  )) {
    test(`${slug} renders, hydrates and fits ${width} px (${colorScheme})`, async ({ visit }) => {
      await visit(
        `explainers/${slug}/`,
        async ({ page }) => {
          await islandsReady(page);
          await expect(page.locator('h1')).toHaveCount(1);
          expect(await page.locator('.prose p').count()).toBeGreaterThan(3);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow).toBeLessThanOrEqual(0);
        },
        { viewport: { width, height: 800 }, colorScheme },
      );
    });
  }

  test('scrolling the story moves the simulation: a lookup appears, is held on day 10 and gone on day 31', async ({ visit }) => {
    await visit(
      FLAGSHIP,
      async ({ page }) => {
        await scrollyReady(page);
        expect(await shownTime(page)).toBe('Day 1, 00:00');
        await scrollToStep(page, 1);
        await expect.poll(() => shownTime(page)).toBe('Day 1, 09:01');
        await expect.poll(() => lookupsHeld(page)).toBe(1);
        await expect(page.locator('.scrolly-step').nth(1)).toHaveAttribute('data-active');
        await scrollToStep(page, 3);
        await expect.poll(() => shownTime(page)).toBe('Day 10, 12:30');
        await expect.poll(() => lookupsHeld(page)).toBe(1);
        await scrollToStep(page, 4);
        await expect.poll(() => shownTime(page)).toBe('Day 31, 10:00');
        await expect.poll(() => lookupsHeld(page)).toBe(0);
        // Back up the page: the view looks back in time, and the record is there again.
        await scrollToStep(page, 1);
        await expect.poll(() => shownTime(page)).toBe('Day 1, 09:01');
        await expect.poll(() => lookupsHeld(page)).toBe(1);
        // The mouse wheel over the pinned figure scrolls the page: the figure has nothing to scroll itself.
        const from = await page.evaluate(() => window.scrollY);
        await page.locator('.scrolly-figure').hover();
        await page.mouse.wheel(0, 400);
        await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(from + 100);
      },
      { viewport: { width: 1280, height: 900 } },
    );
  });

  for (const story of STORIES) {
    test(`at 390 × 844, a touch swipe over ${story.slug}'s figure moves the page, and each step's subject is in the figure`, async ({ visit }) => {
      await visit(
        `explainers/${story.slug}/`,
        async ({ page }) => {
          await scrollyReady(page);
          const root = page.locator('.scrolly');
          const figure = page.locator('.scrolly-figure');
          await expect(root).toHaveAttribute('data-mode', 'scroll');
          await expect(root).toHaveAttribute('data-fits', '');
          const cdp = await page.context().newCDPSession(page);
          const steps = page.locator('.scrolly-step');
          await expect(steps).toHaveCount(story.subjects.length);
          for (let i = 0; i < story.subjects.length; i++) {
            // Put the step's top just into the band under the pinned figure, where the story reads it.
            await steps.nth(i).evaluate((el) => {
              const fig = document.querySelector<HTMLElement>('.scrolly-figure')!;
              window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - fig.offsetHeight - 20);
            });
            await expect(page.locator('.scrolly-position')).toContainText(`Step ${i + 1} of ${story.subjects.length}`);
            const subject = story.subjects[i]!;
            if (subject) await expect(figure).toContainText(subject);
            // Pinned, it fits the screen and has nothing to scroll inside itself.
            const box = await figure.evaluate((el) => ({
              top: el.getBoundingClientRect().top,
              height: (el as HTMLElement).offsetHeight,
              inner: el.scrollHeight - el.clientHeight,
            }));
            expect(box.top).toBeGreaterThanOrEqual(-1);
            expect(box.height).toBeLessThanOrEqual(844 * 0.75);
            expect(box.inner).toBeLessThanOrEqual(1);
          }
          // A swipe up over the middle of the figure scrolls the page, not the figure.
          const fig = (await figure.boundingBox())!;
          const from = await page.evaluate(() => window.scrollY);
          // Raw touch events: a finger drags up the middle of the figure (the synthesized touch gesture does not run headless).
          const x = Math.round(fig.x + fig.width / 2);
          const y = Math.round(Math.min(fig.height, 500) / 2 + 100);
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
          for (let i = 1; i <= 10; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - i * 20 }] });
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
          await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(from + 100);
        },
        { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
      );
    });
  }

  test('every step is reachable with the buttons and the keyboard, without scrolling', async ({ visit }) => {
    await visit(FLAGSHIP, async ({ page }) => {
      await scrollyReady(page);
      const next = page.getByRole('button', { name: 'Next step' });
      await next.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => shownTime(page)).toBe('Day 1, 08:00');
      await page.keyboard.press('Enter');
      await expect.poll(() => shownTime(page)).toBe('Day 1, 09:01');
      await expect.poll(() => lookupsHeld(page)).toBe(1);
      await page.getByRole('button', { name: /^Step 5: / }).click();
      await expect.poll(() => shownTime(page)).toBe('Day 31, 10:00');
      await expect.poll(() => lookupsHeld(page)).toBe(0);
      await expect(page.getByRole('button', { name: /^Step 5: / })).toHaveAttribute('aria-current', 'step');
      // The last step switches the policy to 25 days: on day 27 the record is already gone.
      await page.getByRole('button', { name: /^Step 6: / }).click();
      await expect.poll(() => shownTime(page)).toBe('Day 27, 10:00');
      await expect(page.locator('.scrolly .ledger')).toContainText('Apple, 2020s');
      await expect.poll(() => lookupsHeld(page)).toBe(0);
      // Previous goes back to the 2016 policy, where day 31 is past the 30 days too.
      await page.getByRole('button', { name: 'Previous step' }).click();
      await expect(page.locator('.scrolly .ledger')).toContainText('Apple, 2016');
      await expect(page.locator('.scrolly-position')).toContainText('Step 5 of 6');
    });
  });

  test('step-through mode shows one step at a time and needs no scrolling', async ({ visit }) => {
    await visit(FLAGSHIP, async ({ page }) => {
      await scrollyReady(page);
      const toggle = page.getByRole('button', { name: 'Step through without scrolling' });
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');
      await expect.poll(() => shownTime(page)).toBe('Day 1, 08:00');
      await expect(page.locator('.scrolly-step:visible')).toHaveCount(1);
      await page.getByRole('button', { name: 'Next step' }).click();
      await expect.poll(() => shownTime(page)).toBe('Day 1, 09:01');
      await expect(page.locator('.scrolly-step:visible')).toContainText('Maya picks Sam');
      // Scrolling no longer drives the figure. Proving that it did NOT move needs a pause: the story
      // follows a scroll within a frame or two, so a few hundred ms is ample.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(500);
      expect(await shownTime(page)).toBe('Day 1, 09:01');
    });
  });

  test('without JavaScript every step still reads, in order', async ({ visit }) => {
    await visit(
      FLAGSHIP,
      async ({ page }) => {
        const steps = page.locator('.scrolly-step');
        await expect(steps).toHaveCount(6);
        for (let i = 0; i < 6; i++) await expect(steps.nth(i)).toBeVisible();
      },
      { javaScriptEnabled: false, axe: false },
    );
  });

  test('the scrubbable number is a keyboard slider that changes its own figure’s retention, not the story’s', async ({ visit }) => {
    await visit(FLAGSHIP, async ({ page }) => {
      await scrollyReady(page);
      // The story ends on day 27 under the 2020s policy; the figures after it start where they say.
      await page.getByRole('button', { name: /^Step 6: / }).click();
      await expect(page.locator('.scrolly .ledger')).toContainText('Apple, 2020s');
      const slider = page.getByRole('slider', { name: 'Lookup records kept' });
      await slider.scrollIntoViewIfNeeded();
      await islandsReady(page);
      await expect(slider).toHaveAttribute('aria-valuenow', '30');
      await expect(slider).toHaveAttribute('aria-valuetext', 'Lookup records kept: 30 days');
      const timeline = page.locator('[data-panel="timeline"]');
      await expect(timeline).toContainText('now: Day 35, 12:00');
      await expect(timeline).toContainText('Under Apple, 2016.');
      // On day 35 the 30-day lookup record is gone; kept 90 days, it is held again.
      await expect(timeline.locator('.readout')).not.toContainText('Lookup record');
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      await expect(slider).toHaveAttribute('aria-valuenow', '31');
      await page.keyboard.press('PageDown');
      await expect(slider).toHaveAttribute('aria-valuenow', '21');
      await page.keyboard.press('Home');
      await expect(slider).toHaveAttribute('aria-valuetext', 'Lookup records kept: 0 days');
      await page.keyboard.press('End');
      await expect(slider).toHaveText('90 days');
      await expect(timeline.locator('.readout')).toContainText('Lookup record: 1');
      // The story's own figure is untouched.
      await expect(page.locator('.scrolly .ledger')).toContainText('Apple, 2020s');
      await expect(page.locator('.scrolly .scrolly-time')).toHaveText('Day 27, 10:00');
    });
  });

  test('citations are numbered in order, link to the references, and preview their source in a popover that Escape closes', async ({ visit }) => {
    await visit(FLAGSHIP, async ({ page }) => {
      const first = page.locator('.cite-link').first();
      await expect(first).toHaveText('source 1');
      await expect(first).toHaveAttribute('href', '#ref-intercept-2016');
      const preview = page.locator('.cite-preview').first();
      await expect(preview).toBeHidden();
      // Hovering or focusing the number shows nothing (SC 1.4.13): the preview appears only when asked for.
      await first.hover();
      await first.focus();
      await expect(preview).toBeHidden();
      // The preview button is the next stop in the tab order; Enter opens the preview.
      await page.keyboard.press('Tab');
      const peek = page.locator('.cite-peek').first();
      expect(await peek.evaluate((el) => el === document.activeElement)).toBe(true);
      await expect(peek).toContainText('Preview source 1');
      await page.keyboard.press('Enter');
      await expect(preview).toBeVisible();
      await expect(preview.locator('.cite-title')).toHaveText('Apple Logs Your iMessage Contacts — and May Share Them With Police');
      await expect(preview).toContainText('The Intercept');
      // It sits inside the viewport, even at the narrowest width the site supports.
      const box = await preview.boundingBox();
      const width = page.viewportSize()?.width ?? 0;
      expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
      // Escape dismisses it, and focus stays on the button that opened it.
      await page.keyboard.press('Escape');
      await expect(preview).toBeHidden();
      expect(await peek.evaluate((el) => el === document.activeElement)).toBe(true);
      // A click opens it; its Close button closes it; a click elsewhere (light dismiss) closes it too.
      await peek.click();
      await expect(preview).toBeVisible();
      await preview.getByRole('button', { name: 'Close' }).click();
      await expect(preview).toBeHidden();
      await peek.click();
      await expect(preview).toBeVisible();
      await page.locator('main h1').click();
      await expect(preview).toBeHidden();
      const refs = page.locator('.references ol li');
      await expect(refs.first()).toHaveAttribute('id', 'ref-intercept-2016');
      const numbers = await page.locator('.cite-link').evaluateAll((links) => links.map((a) => Number(a.textContent?.replace('source ', ''))));
      // Numbers first appear in order 1, 2, 3, … and the list has one entry per number.
      const firsts = numbers.filter((n, i) => numbers.indexOf(n) === i);
      expect(firsts).toEqual(firsts.map((_, i) => i + 1));
      await expect(refs).toHaveCount(firsts.length);
    });
  });

  test("the legal panel's citations name their sources, so they cannot be mistaken for the page's numbered references", async ({ visit }) => {
    await visit(FLAGSHIP, async ({ page }) => {
      const panel = page.locator('[data-panel="legal"]');
      await panel.scrollIntoViewIfNeeded();
      await islandsReady(page);
      const links = panel.locator('.cite a');
      expect(await links.count()).toBeGreaterThan(0);
      const names = await links.allTextContents();
      for (const name of names) expect(name).not.toMatch(/^\s*\d+\s*$/);
      // Each names a real source and goes to its entry on /sources/, not to this page's references.
      for (const link of await links.all()) {
        expect(await link.getAttribute('href')).toMatch(/sources\/#[a-z0-9-]+$/);
      }
      expect(names).toContain('Apple legal guide, 2015');
      // What no source says is labelled, in the policy panel's words (issue #15, item 4).
      await expect(panel.locator('.assumption').first()).toContainText('Assumption: No 2016 source says which order reaches lookup records');
      // The page's own citations stay numbered, in the text, and the panel uses none of them.
      expect(await page.locator('.cite-link').count()).toBeGreaterThan(5);
      await expect(panel.locator('.cite-link')).toHaveCount(0);
    });
  });

  test('at 320 px a citation preview opens on a tap, fits the screen and closes on Escape', async ({ visit }) => {
    await visit(
      FLAGSHIP,
      async ({ page }) => {
        const peek = page.locator('.cite-peek').first();
        const preview = page.locator('.cite-preview').first();
        await peek.scrollIntoViewIfNeeded();
        await peek.tap();
        await expect(preview).toBeVisible();
        const box = await preview.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 320).toBe(true);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
        await page.keyboard.press('Escape');
        await expect(preview).toBeHidden();
      },
      { viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true },
    );
  });

  test('a prediction is answered first, then revealed', async ({ visit }) => {
    await visit(FLAGSHIP, async ({ page }) => {
      const predict = page.locator('.predict').first();
      // No reveal to open until the reader has chosen.
      await expect(predict.getByText('Reveal the answer')).toBeHidden();
      await expect(predict.locator('.commit')).toBeVisible();
      await predict.getByRole('radio').nth(0).check();
      await expect(predict.locator('.commit')).toBeHidden();
      await expect(predict.locator('.answer')).toBeHidden();
      await predict.getByText('Reveal the answer').click();
      await expect(predict.locator('.answer')).toContainText("Maya's phone asked about Sam's number");
    });
  });

  test('the text-only explainer ships no JavaScript at all', async ({ visit }) => {
    await visit(
      'explainers/four-kinds-of-legal-process/',
      async ({ page }) => {
        await expect(page.locator('script')).toHaveCount(0);
        await expect(page.locator('astro-island')).toHaveCount(0);
        expect(await page.locator('.cite-link').count()).toBeGreaterThan(5);
        // Its citation previews still open and close, natively, without a line of JavaScript.
        const preview = page.locator('.cite-preview').first();
        await page.locator('.cite-peek').first().click();
        await expect(preview).toBeVisible();
        expect(await preview.locator('.cite-title').textContent()).toBeTruthy();
        await page.keyboard.press('Escape');
        await expect(preview).toBeHidden();
      },
      { axe: false },
    );
  });
});
