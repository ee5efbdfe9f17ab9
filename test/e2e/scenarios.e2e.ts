import type { Locator, Page } from '@playwright/test';
import { expect, islandsReady, test } from '../support/site.ts';
import { SCENARIOS, endSummary, stepClock } from './scenario-fixtures.ts';
import { DAY, formatSimTime, parseDayTime } from '../../src/model/index.ts';
import { promptSteps } from '../../src/components/scenario/prompt-steps.ts';

/** A prompt on screen: its answer hidden until a choice is made, then revealed with the model's records (for a prompt with a moment). */
async function expectPredictThenReveal(prompt: Locator, data: (typeof SCENARIOS)[number]['prompts'][number]): Promise<void> {
  await expect(prompt).toBeVisible();
  const reveal = prompt.locator('details');
  await expect(reveal).toBeHidden();
  await expect(prompt.locator('.commit')).toHaveText('Choose an answer to reveal it.');
  await prompt.getByRole('radio').last().check();
  await reveal.locator('summary').click();
  await expect(reveal).toContainText(`Answer ${String.fromCharCode(65 + data.answer)}`);
  if (data.at) await expect(reveal.locator('.records')).toContainText(`In this simulation at ${formatSimTime(parseDayTime(data.at) ?? 0)}`);
}

/** Runs the scenario to its end through the time controls, and checks the ledger agrees with the model. */
async function runToEnd(page: Page, s: (typeof SCENARIOS)[number]): Promise<void> {
  await page.getByRole('textbox', { name: 'Day', exact: true }).fill(String(s.duration));
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(page.locator('.time .now')).toHaveText(formatSimTime((s.duration - 1) * DAY));
  await page.getByRole('button', { name: '+1 day' }).click();
  await expect(page.locator('.time .now')).toHaveText(formatSimTime(s.duration * DAY));
  await expect(page.locator('.time button.primary')).toHaveText('Ended');
  await expect(page.locator('.ledger .summary')).toContainText(endSummary(s));
}

test.describe('scenario gallery', () => {
  test('lists every teaching scenario with its summary and a link to its page', async ({ visit }) => {
    await visit(
      'scenarios/',
      async ({ page }) => {
        await expect(page.locator('h1')).toHaveText('Scenarios');
        for (const s of SCENARIOS.filter((s) => s.id !== 'sandbox')) {
          const link = page.getByRole('link', { name: s.title, exact: true });
          expect(await link.getAttribute('href'), s.id).toMatch(new RegExp(`/scenarios/${s.id}/$`));
        }
      },
      { axe: false },
    );
  });
});

for (const s of SCENARIOS)
  test.describe(s.id, () => {
    const id = s.id;
    test('scenario page: narration steps move the simulation, and the script runs to its end', async ({ visit }) => {
      await visit(`scenarios/${id}/`, async ({ page }) => {
        await islandsReady(page);
        await expect(page.locator('h1')).toHaveText(s.title);
        const count = page.locator('[data-step-count]');
        await expect(count).toHaveText(`Step 1 of ${s.narration.length}`);
        // The first screen: the clock shows step 1's moment, the moment the narration describes.
        await expect(page.locator('.time .now')).toHaveText(stepClock(s, 1));
        await expect(page.locator('[data-stepper] li:not([hidden]) time')).toHaveText(stepClock(s, 1));
        await page.getByRole('button', { name: 'Next', exact: true }).first().click();
        await expect(count).toHaveText(`Step 2 of ${s.narration.length}`);
        await expect(page.locator('.time .now')).toHaveText(stepClock(s, 2));
        // Keyboard: the arrow keys inside the stepper.
        await page.locator('[data-stepper] button').last().focus();
        await page.keyboard.press('ArrowRight');
        await expect(count).toHaveText(`Step 3 of ${s.narration.length}`);
        await page.keyboard.press('ArrowLeft');
        await expect(count).toHaveText(`Step 2 of ${s.narration.length}`);
        await expect(page.locator('[data-stepper] li:not([hidden])')).toHaveCount(1);
        // At either end the button stays focusable (aria-disabled), so the arrows keep working.
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        expect(await page.evaluate(() => document.activeElement?.closest('[data-stepper]') !== null)).toBe(true);

        await runToEnd(page, s);

        // Teaching parts are on the page without script: prompts, discussion notes, activity, sources, corrections.
        await expect(page.locator('.prompt')).toHaveCount(s.prompts.length);
        // The first pause that asks brings up its questions in the stepper; the first question not
        // asked at a pause follows the narration. Either way, the answer appears only once the reader
        // has chosen one, and it quotes the model's records. (Which pause asks what: prompt-steps.test.ts.)
        const { byStep, asked } = promptSteps(s.narration, s.prompts);
        const asking = byStep.findIndex((ps) => ps.length > 0);
        if (asking >= 0) {
          // The run left the stepper on the last step; back to the pause.
          for (let k = s.narration.length - 1; k > asking; k--) await page.locator('[data-stepper-nav] button').first().click();
          await expect(count).toHaveText(`Step ${asking + 1} of ${s.narration.length}`);
          const p = byStep[asking]![0]!;
          await expectPredictThenReveal(page.locator('[data-stepper] li:not([hidden])').locator(`#prompt-${p + 1}`), s.prompts[p]!);
        }
        const later = s.prompts.findIndex((_, p) => !asked.has(p));
        if (later >= 0) await expectPredictThenReveal(page.locator('.prompts').locator(`#prompt-${later + 1}`), s.prompts[later]!);
        await expect(page.locator('.teacher .discussion > li')).toHaveCount(s.discussion.length);
        await expect(page.locator('.teacher .activity li')).toHaveCount(s.activity.steps.length);
        await expect(page.locator('#sources li')).toHaveCount(s.sources.length);
        await expect(page.locator('#corrections')).toHaveCount(1);
      });
    });

    // The embed runs the same Simulator as the scenario page, whose test above runs the script to its
    // end; here the embed's own frame, its first moment, its stepper and its questions.
    test('embed page: no site navigation, an attribution link, not indexed, and its stepper moves the simulation', async ({ visit }) => {
      await visit(
        `embed/${id}/`,
        async ({ page }) => {
          await islandsReady(page);
          await expect(page.locator('nav[aria-label="Site"]')).toHaveCount(0);
          await expect(page.locator('footer')).toHaveCount(0);
          await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
          const attribution = page.locator('a.attribution');
          await expect(attribution).toHaveAttribute('target', '_blank');
          expect(await attribution.getAttribute('rel')).toContain('noopener');
          expect(await attribution.getAttribute('href')).toMatch(new RegExp(`/scenarios/${id}/$`));
          await expect(page.locator('.time .now')).toHaveText(stepClock(s, 1));
          // An embed carries every question: at its pauses, and after the narration.
          await expect(page.locator('.prompt')).toHaveCount(s.prompts.length);
          await page.getByRole('button', { name: 'Next', exact: true }).first().click();
          await expect(page.locator('[data-step-count]')).toHaveText(`Step 2 of ${s.narration.length}`);
          await expect(page.locator('.time .now')).toHaveText(stepClock(s, 2));
        },
        { axe: false },
      );
    });
  });
