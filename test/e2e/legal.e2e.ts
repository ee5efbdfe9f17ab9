import type { Page } from '@playwright/test';
import { expect, islandsReady, test } from '../support/site.ts';

/** Islands render on the server first, and panels below the fold hydrate when seen: wait for all of them. */
async function hydrated(page: Page, _panel: string): Promise<void> {
  await islandsReady(page);
}

async function ask(page: Page, process: string, target: string): Promise<void> {
  const legal = page.locator('section.legal');
  await legal.getByLabel('Legal process').selectOption({ label: process });
  await legal.getByLabel('Target').selectOption(target);
}

test.describe('legal request panel', () => {
  test('a §2703(d) order for Ana before any lookup returns no lookup records, and cites its standard', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await hydrated(page, 'section.legal');
      const legal = page.locator('section.legal');
      await ask(page, '§2703(d) order', '+15550100142');
      const produced = legal.locator('.produced');
      await expect.poll(() => produced.locator('h4').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Account')]));
      expect((await produced.locator('h4').allTextContents()).join(' ')).not.toContain('Lookup record');
      await expect(produced).not.toHaveText(/looked up/i);
      await expect(legal.locator('.gone')).toContainText('Nothing has expired yet.');
      // The standard is cited by name (never a bare number, which could clash with an explainer's
      // numbered references), linking to the source's entry on /sources/.
      const cite = legal.getByRole('link', { name: '18 U.S.C. § 2703', exact: true }).first();
      expect(await cite.getAttribute('href')).toMatch(/sources\/#usc-18-2703$/);
      const names = await page.locator('section.legal .cite a, [data-panel="policy"] .cite a').allTextContents();
      expect(names.length).toBeGreaterThan(3);
      for (const name of names) expect(name).not.toMatch(/^\s*\d+\s*$/);
      // Apple's policy is active, so the panel may say "Apple".
      await expect(legal).toContainText('Apple');
    });
  });

  test('a subpoena returns account and connection records now; message content cannot be produced', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await hydrated(page, 'section.legal');
      const legal = page.locator('section.legal');
      await ask(page, 'Subpoena', '+15550100142');
      const headings = legal.locator('.produced h4');
      await expect
        .poll(() => headings.allTextContents())
        .toEqual([expect.stringContaining('Account'), expect.stringContaining('Device registration'), expect.stringContaining('Connection')]);
      await expect(legal.locator('.produced')).toContainText('Held for ever.');
      await expect(legal.locator('.cannot')).toContainText('Message content');
      await expect(legal.locator('.cannot')).toContainText('end-to-end encrypted');

      // Twenty-five days on, the connection records have expired, with the day they went.
      await page.locator('.time').getByRole('textbox', { name: 'Day', exact: true }).fill('27');
      await page.locator('.time').getByRole('button', { name: 'Go' }).click();
      await expect(legal.locator('.gone')).toContainText('expired on Day 26 (kept 25 days)');
      expect((await headings.allTextContents()).join(' ')).not.toContain('Connection');
    });
  });

  test('a typed address leaves a lookup record a §2703(d) order returns', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      const to = page.getByRole('textbox', { name: 'To', exact: true });
      await hydrated(page, 'section.legal');
      await page.locator('astro-island:not([ssr]) input[type="text"]').first().waitFor({ state: 'attached' });
      await to.fill('+1 555 010 0163');
      await to.press('Enter');
      await ask(page, '§2703(d) order', '+15550100142');
      const produced = page.locator('section.legal .produced');
      await expect(produced).toContainText('Looked up by the target');
      await ask(page, '§2703(d) order', '+15550100163');
      await expect(produced).toContainText('Someone looked up the target');
    });
  });

  test('a pen register is prospective: served now, it has collected nothing before', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await hydrated(page, 'section.legal');
      const legal = page.locator('section.legal');
      await ask(page, 'Pen register / trap-and-trace order', '+15550100142');
      await expect(legal).toContainText('A pen register is prospective');
      await expect(legal).toContainText('Not served yet.');
      await legal.getByRole('button', { name: 'Serve this request now' }).click();
      await expect(legal).toContainText('Last served Day 1, 00:00.');
      await page.getByRole('button', { name: '+1 day' }).click();
      await expect(legal).toContainText('Served Day 1, 00:00;');
    });
  });

  test('a preservation request on day 2 keeps a lookup past its 30 days; looking back, each moment says what was in force then', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      const to = page.getByRole('textbox', { name: 'To', exact: true });
      await hydrated(page, 'section.legal');
      await page.locator('astro-island:not([ssr]) input[type="text"]').first().waitFor({ state: 'attached' });
      await to.fill('+1 555 010 0163');
      await to.press('Enter');
      await page.getByRole('button', { name: '+1 day' }).click();
      const legal = page.locator('section.legal');
      await ask(page, '§2703(d) order', '+15550100142');
      await expect(legal.locator('[data-preservation-status]')).toHaveText('No preservation request sent for this target.');
      await legal.getByRole('button', { name: 'Send a preservation request now' }).click();
      await expect(legal.locator('[data-preservation-status]')).toContainText('preserved until Day 92');
      await expect(legal.getByRole('button', { name: 'Renew it now (once)' })).toBeVisible();

      // Day 40: Apple (2016) keeps lookups 30 days, yet the order still produces this one, and says why.
      const day = page.locator('.time').getByRole('textbox', { name: 'Day', exact: true });
      const go = page.locator('.time').getByRole('button', { name: 'Go' });
      await day.fill('40');
      await go.click();
      await legal.getByRole('button', { name: 'Serve this request now' }).click();
      const produced = legal.locator('.produced');
      await expect(produced).toContainText('Looked up by the target');
      await expect(produced).toContainText('Preserved until Day 92 by a preservation request (its retention: Day 31).');

      // The lanes mark it in words and with a hatched end, and the key explains the hatching.
      const lanes = page.locator('section.ledger .provider-lanes');
      const lookup = lanes.locator('.bar[aria-label^="Lookup record"]');
      await expect(lookup).toHaveAttribute(
        'aria-label',
        /^Lookup record, .*preserved until Day 92 by a preservation request; produced to the §2703\(d\) order; its own retention: Day 31$/,
      );
      await expect(lanes.locator('rect.preserved').first()).toBeVisible();
      const key = lanes.getByRole('list', { name: 'Key to the retention lanes' });
      await expect(key).toContainText('Preserved: kept past its retention');

      // Renewed on day 40: 90 days more. Looking back a day, before the renewal, it is preserved until the first lapse.
      await legal.getByRole('button', { name: 'Renew it now (once)' }).click();
      await expect(lookup).toHaveAttribute('aria-label', /preserved until Day 182 by a preservation request/);
      await page.locator('section.time').getByRole('button', { name: 'View −1 day' }).click();
      await expect(page.locator('section.time')).toContainText('viewing Day 39, 00:00');
      await expect(lookup).toHaveAttribute('aria-label', /preserved until Day 92 by a preservation request/);

      // Day 1, before the request was served: its plain retention, no hatch, no key, and a card with no word of preservation.
      await day.fill('1');
      await go.click();
      await expect(page.locator('section.time')).toContainText('viewing Day 1, 00:00');
      await expect(lookup).toHaveAttribute('aria-label', /^Lookup record, recorded Day 1, 00:00, kept until Day 31/);
      await expect(lookup).not.toHaveAttribute('aria-label', /preserv/i);
      await expect(lanes.locator('rect.preserved')).toHaveCount(0);
      await expect(key).toHaveCount(0);
      await lookup.click();
      const card = page.locator('section.ledger .record-card');
      await expect(card).toContainText('Kept until Day 31.');
      await expect(card).not.toContainText(/preserv/i);
    });
  });

  test('backup protection: standard backup lets a warrant reach backed-up content; Advanced Data Protection does not', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await hydrated(page, 'section.legal');
      const legal = page.locator('section.legal');
      await ask(page, 'Search warrant', '+15550100142');
      await legal.getByRole('radio', { name: 'Cloud backup, standard protection' }).check();
      await expect(legal).toContainText('Message content from cloud backups');
      await legal.getByRole('radio', { name: 'Cloud backup, Advanced Data Protection' }).check();
      await expect(legal).not.toContainText('Message content from cloud backups');
    });
  });
});

test.describe('retention policy panel', () => {
  test('Signal-like changes what the ledger holds and the policy table; switching back restores both', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await hydrated(page, 'section.policy');
      const summary = page.locator('.ledger .summary');
      const policy = page.locator('section.policy');
      const lookupRow = policy.locator('table.rules tr', { hasText: 'Lookup record' });
      const before = (await summary.textContent()) ?? '';
      await expect(lookupRow).toContainText('30 days');

      await policy.getByRole('radio', { name: /Signal-like/ }).check();
      await expect(summary).not.toHaveText(before);
      await expect(summary).toContainText('Signal-like');
      await expect(lookupRow).toContainText('not kept');
      await expect(policy.locator('table.rules')).toContainText('latest only, date only');
      // Under a non-Apple policy, the legal panel says "the provider".
      await expect(page.locator('section.legal')).not.toContainText('Apple');

      await policy.getByRole('radio', { name: /Apple, 2016/ }).check();
      await expect(summary).toHaveText(before);
      // The policy panel follows the clock at most four times a second (throttle.ts), so wait for it.
      await expect(lookupRow).toContainText('30 days');
    });
  });

  test('the preset radio group works from the keyboard', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await hydrated(page, 'section.policy');
      await page
        .locator('section.policy')
        .getByRole('radio', { name: /Apple, 2016/ })
        .focus();
      await page.keyboard.press('ArrowDown');
      await expect(page.locator('.ledger .summary')).toContainText('Apple, 2020s');
      await expect(page.locator('section.policy table.rules tr', { hasText: 'Lookup record' })).toContainText('25 days');
    });
  });

  test('custom retention: invalid days show an error and change nothing; valid days apply', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await hydrated(page, 'section.policy');
      const policy = page.locator('section.policy');
      const connection = policy.getByRole('spinbutton', { name: 'Connection' });
      await connection.fill('4000');
      await policy.getByRole('button', { name: 'Apply custom retention' }).click();
      await expect(policy.locator('.error')).toHaveCount(1);
      await expect(connection).toHaveAttribute('aria-invalid', 'true');
      await expect(connection, 'what the reader typed stays, to be fixed').toHaveValue('4000');
      await expect(page.locator('.ledger .summary')).toContainText('Apple, 2016');

      await connection.fill('0');
      await policy.getByRole('button', { name: 'Apply custom retention' }).click();
      await expect(page.locator('.ledger .summary')).toContainText('Custom (from Apple, 2016)');
      await expect(policy.locator('table.rules tr', { hasText: 'Connection' })).toContainText('Assumption: Set by the reader.');
    });
  });

  test('compare mode shows the two policies side by side', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await hydrated(page, 'section.policy');
      const policy = page.locator('section.policy');
      await policy.getByLabel('Set beside it').selectOption({ label: 'Keep nothing' });
      const table = policy.locator('table.compare');
      await expect.poll(() => table.locator('thead th').allTextContents()).toEqual(['Record', 'Apple, 2016', 'Keep nothing', 'Difference']);
      const total = table.locator('tr.total');
      await expect(total).toHaveClass(/\bdiffers\b/);
      await expect(policy.locator('h4')).toHaveText(['Contact graph under Apple, 2016', 'Contact graph under Keep nothing']);
      await policy.getByLabel('Set beside it').selectOption({ label: 'No comparison' });
      await expect(table).toHaveCount(0);
    });
  });

  test('both panels fit a 320 px screen without sideways scrolling', async ({ visit }) => {
    await visit(
      'simulator/',
      async ({ page }) => {
        await hydrated(page, 'section.policy');
        await page.locator('section.policy').getByLabel('Set beside it').selectOption({ label: 'WhatsApp-like' });
        await page.locator('section.policy table.compare').waitFor();
        for (const panel of ['section.legal', 'section.policy']) {
          const [scroll, client] = await page.locator(panel).evaluate((el) => [el.scrollWidth, el.clientWidth]);
          expect(scroll, panel).toBeLessThanOrEqual(client);
        }
      },
      { viewport: { width: 320, height: 800 } },
    );
  });
});
