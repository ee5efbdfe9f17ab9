import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, islandsReady, test } from '../support/site.ts';

/*
 * A scenario page printed is a worksheet: questions with lines, the discussion questions, and the
 * provider's records on the day the page was left at, as a table; no controls, navigation, iframes
 * or answers. Set PRINT_OUT=<dir> to keep the PDF and a screenshot to look at.
 */

test.describe('print', () => {
  test('a scenario page prints as a worksheet with the ledger of the day shown', async ({ visit }) => {
    await visit('scenarios/a-number-typed/', async ({ page }) => {
      await islandsReady(page);
      await page.getByRole('textbox', { name: 'Day', exact: true }).fill('10');
      await page.getByRole('button', { name: 'Go', exact: true }).click();
      await expect(page.locator('.time .now')).toHaveText('Day 10, 00:00');
      await page.locator('[data-builder] summary').click(); // an open builder with its preview must not print either
      // Nor a revealed answer: the reader commits to a choice, then reveals.
      const first = page.locator('.prompt').first();
      await first.getByRole('radio').first().check();
      await first.locator('details summary').click();
      await expect(first.locator('details')).toHaveAttribute('open', '');

      await page.emulateMedia({ media: 'print' });
      const visible = (selector: string) =>
        page
          .locator(selector)
          .evaluateAll(
            (els) =>
              els.filter((el) => (el as HTMLElement).offsetParent !== null || (getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0))
                .length,
          );
      expect(await visible('button')).toBe(0);
      expect(await visible('iframe')).toBe(0);
      expect(await visible('nav')).toBe(0);
      expect(await visible('.simulator .controls')).toBe(0);
      expect(await visible('.prompt .reveal')).toBe(0);
      expect(await visible('.prompt textarea')).toBe(0);
      expect(await visible('.teacher .notes')).toBe(0);
      // Every question prints, with lines: those the narration's pauses ask, and the rest after it.
      expect(await visible('.prompt')).toBe(3);
      expect(await visible('.prompt .lines')).toBe(3);
      expect(await visible('.teacher .discussion > li')).toBe(3);
      expect(await visible('[data-stepper] .steps li')).toBe(7);
      expect(await visible('.print-only')).toBe(1);
      await expect(page.locator('.ledger .summary')).toHaveText(/records? held at Day 10, 00:00 under Apple, 2016/);
      expect(await visible('.ledger table tbody tr')).toBeGreaterThan(0);
      expect(await visible('[data-panel]:not([data-panel="ledger"])')).toBe(0);

      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const out = process.env['PRINT_OUT'];
      if (out) {
        writeFileSync(join(out, 'worksheet.pdf'), pdf);
        await page.screenshot({ path: join(out, 'worksheet.png'), fullPage: true });
      }
      await page.emulateMedia({ media: 'screen' });
      await page.locator('[data-builder] summary').click();
    });
  });
});
