import fc from 'fast-check';
import { expect, siteUrl, test } from '../support/site.ts';
import { XSS_MARKER, XSS_PAYLOADS } from '../support/xss-corpus.ts';

/*
 * 32 random or hostile query strings at one embed page. They are fast-check runs of one property
 * with fixed seeds, so the same 32 queries come in the same order on every run, and a failure
 * names its query and replays from the seed. Names and values mix the real option names and good
 * values, the XSS corpus and arbitrary text. After each load: no console error, window.__xss never
 * set, no element made from a payload, the notes hold text only, and a control still works.
 */
const PAGE = 'embed/a-number-typed/';
const NAMES = ['day', 'speed', 'autoplay', 'panels', 'policy', 'seed', 'step', 'motion', 'theme', 'v'];
const GOOD = ['1', '0', '3', '12', '35', 'ledger,timeline', 'signal-like', 'dark', 'light', 'reduce', 'true'];
// Node's HTTP server refuses request lines over 16 KB (hosts often stop at 8 KB): long payloads are cut.
const cut = (s: string) => s.slice(0, 3000);

const name = fc.oneof(fc.constantFrom(...NAMES), fc.constantFrom(...XSS_PAYLOADS).map(cut), fc.string({ maxLength: 12 }));
const value = fc.oneof(fc.constantFrom(...GOOD), fc.constantFrom(...XSS_PAYLOADS).map(cut), fc.string({ maxLength: 40 }), fc.integer().map(String));
const encoded = fc
  .array(fc.tuple(name, value), { maxLength: 6 })
  .map((pairs) => pairs.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join('&'));
// Raw text straight into the query: broken escapes, stray separators, unencoded markup.
const raw = fc.oneof(
  fc.constantFrom(...XSS_PAYLOADS).map((p) => `day=${cut(p)}`),
  fc.string({ maxLength: 60 }).map((s) => s.replace(/#/g, '')),
);
const query = fc.oneof({ arbitrary: encoded, weight: 3 }, { arbitrary: raw, weight: 1 });
const SEED = 20261127;
/**
 * 32 queries in four parts of 8, each its own test with its own fixed seed, so workers can share
 * them out. The option parser itself takes thousands of random queries in Node
 * (test/unit/embed-options.test.ts), and xss.e2e.ts loads /simulator/ with every payload of the
 * corpus in every option; here each query is a page load, and the browser suite is CPU-bound on
 * two cores, so 32 prove the embed page's wiring (100 were a fifth of the suite's time, 60 a tenth).
 */
const PARTS = 4;
const RUNS = 8;

test.describe('embed page under hostile URLs', () => {
  for (let part = 0; part < PARTS; part++) {
    test(`random or hostile queries, part ${part + 1} of ${PARTS} (seed ${SEED + part}): no script runs, nothing is injected, the page stays usable`, async ({
      visit,
    }) => {
      test.setTimeout(300_000);
      await visit(
        PAGE,
        async ({ page, errors }) => {
          // What a payload could create, if it ever became markup: counted on the clean page first
          // (the page has its own inline scripts and one <style>), then after every hostile load.
          const inspect = (marker: string) => ({
            xss: (window as unknown as { __xss?: unknown }).__xss,
            risky: document.querySelectorAll('iframe, img, math, svg a, style, script:not([src])').length,
            handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
            scriptWithMarker: [...document.scripts].some((s) => s.text.includes(marker)),
            noteElements: document.querySelectorAll('[data-url-notes] li *').length,
          });
          const clean = await page.evaluate(inspect, XSS_MARKER);
          expect(clean).toMatchObject({ xss: undefined, handlers: 0, scriptWithMarker: false, noteElements: 0 });
          let run = 0;
          await fc.assert(
            fc.asyncProperty(query, async (q) => {
              const i = run++;
              const label = `query #${i}: ${q.slice(0, 160)}`;
              const response = await page.goto(`${siteUrl(PAGE)}?${q}`, { waitUntil: 'load' });
              expect(response?.status(), label).toBe(200);
              expect(await page.evaluate(inspect, XSS_MARKER), label).toEqual(clean);

              // A control still works: the narration stepper moves (it runs once the page's script has).
              const count = page.locator('[data-step-count]');
              await expect(page.locator('[data-stepper-nav]'), label).toBeVisible();
              const before = (await count.textContent()) ?? '';
              const next = page.locator('[data-stepper-nav] button').last();
              const button = (await next.isDisabled()) ? page.locator('[data-stepper-nav] button').first() : next;
              await button.click();
              await expect(count, label).not.toHaveText(before);
              // Every 10th: the simulation's own controls hydrate and answer too.
              if (i % 10 === 0) {
                const clock = page.locator('.time .now');
                await page.waitForFunction(() => !document.querySelector('.controls astro-island')?.hasAttribute('ssr'));
                const time = (await clock.textContent()) ?? '';
                const plus = page.getByRole('button', { name: '+1 hour' });
                if (await plus.isEnabled()) {
                  await plus.click();
                  await expect(clock, label).not.toHaveText(time);
                }
              }
              expect(errors, `console errors after ${label}`).toEqual([]);
            }),
            // Shrinking would replay page loads for many minutes; the failing query and the seed are enough to replay it.
            { seed: SEED + part, numRuns: RUNS, endOnFailure: true },
          );
          expect(run).toBe(RUNS);
        },
        { axe: false },
      );
    });
  }
});
