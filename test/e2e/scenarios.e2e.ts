import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { islandsReady, useSite } from '../support/site.ts';
import { SCENARIOS, endSummary, stepClock } from './scenario-fixtures.ts';
import { DAY, formatSimTime } from '../../src/model/index.ts';

const site = useSite();

/** Runs the scenario to its end through the time controls, and checks the ledger agrees with the model. */
async function runToEnd(page: Page, s: (typeof SCENARIOS)[number]): Promise<void> {
  await page.getByRole('textbox', { name: 'Day', exact: true }).fill(String(s.duration));
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect.poll(() => page.locator('.time .now').textContent()).toBe(formatSimTime((s.duration - 1) * DAY));
  await page.getByRole('button', { name: '+1 day' }).click();
  await expect.poll(() => page.locator('.time .now').textContent()).toBe(formatSimTime(s.duration * DAY));
  await expect.poll(() => page.locator('.time button.primary').textContent()).toBe('Ended');
  await expect.poll(() => page.locator('.ledger .summary').textContent()).toContain(endSummary(s));
}

describe('scenario gallery', () => {
  test('lists every teaching scenario with its summary and a link to its page', async () => {
    await site.visit('scenarios/', async ({ page }) => {
      expect(await page.locator('h1').textContent()).toBe('Scenarios');
      for (const s of SCENARIOS.filter((s) => s.id !== 'sandbox')) {
        const link = page.getByRole('link', { name: s.title, exact: true });
        expect(await link.getAttribute('href'), s.id).toMatch(new RegExp(`/scenarios/${s.id}/$`));
      }
    });
  });
});

describe.each(SCENARIOS.map((s) => [s.id, s] as const))('%s', (id, s) => {
  test('scenario page: narration steps move the simulation, and the script runs to its end', async () => {
    await site.visit(`scenarios/${id}/`, async ({ page }) => {
      await islandsReady(page);
      expect(await page.locator('h1').textContent()).toBe(s.title);
      const count = page.locator('[data-step-count]');
      await expect.poll(() => count.textContent()).toBe(`Step 1 of ${s.narration.length}`);
      await page.getByRole('button', { name: 'Next', exact: true }).first().click();
      await expect.poll(() => count.textContent()).toBe(`Step 2 of ${s.narration.length}`);
      await expect.poll(() => page.locator('.time .now').textContent()).toBe(stepClock(s, 2));
      // Keyboard: the arrow keys inside the stepper.
      await page.locator('[data-stepper] button').last().focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => count.textContent()).toBe(`Step 3 of ${s.narration.length}`);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => count.textContent()).toBe(`Step 2 of ${s.narration.length}`);
      expect(await page.locator('[data-stepper] li:not([hidden])').count()).toBe(1);
      // At either end the button stays focusable (aria-disabled), so the arrows keep working.
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => document.activeElement?.closest('[data-stepper]') !== null)).toBe(true);

      await runToEnd(page, s);

      // Teaching parts are on the page without script: prompts, discussion notes, activity, sources, corrections.
      expect(await page.locator('.prompts .prompt').count()).toBe(s.prompts.length);
      expect(await page.locator('.teacher .discussion > li').count()).toBe(s.discussion.length);
      expect(await page.locator('.teacher .activity li').count()).toBe(s.activity.steps.length);
      expect(await page.locator('#sources li').count()).toBe(s.sources.length);
      expect(await page.locator('#corrections').count()).toBe(1);
      const reveal = page.locator('.prompts details').first();
      await reveal.locator('summary').click();
      expect(await reveal.textContent()).toContain(`Answer ${String.fromCharCode(65 + s.prompts[0]!.answer)}`);
    });
  });

  test('embed page: no site navigation, an attribution link, not indexed, and the script runs to its end', async () => {
    await site.visit(`embed/${id}/`, async ({ page }) => {
      await islandsReady(page);
      expect(await page.locator('nav[aria-label="Site"]').count()).toBe(0);
      expect(await page.locator('footer').count()).toBe(0);
      expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
      const attribution = page.locator('a.attribution');
      expect(await attribution.getAttribute('target')).toBe('_blank');
      expect(await attribution.getAttribute('rel')).toContain('noopener');
      expect(await attribution.getAttribute('href')).toMatch(new RegExp(`/scenarios/${id}/$`));
      await runToEnd(page, s);
    });
  });
});
