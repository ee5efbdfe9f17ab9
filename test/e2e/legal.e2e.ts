import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { islandsReady, useSite } from '../support/site.ts';

const site = useSite();

/** Islands render on the server first, and panels below the fold hydrate when seen: wait for all of them. */
async function hydrated(page: Page, _panel: string): Promise<void> {
  await islandsReady(page);
}

async function ask(page: Page, process: string, target: string): Promise<void> {
  const legal = page.locator('section.legal');
  await legal.getByLabel('Legal process').selectOption({ label: process });
  await legal.getByLabel('Target').selectOption(target);
}

describe('legal request panel', () => {
  test('a §2703(d) order for Ana before any lookup returns no lookup records, and cites its standard', async () => {
    await site.visit('simulator/', async ({ page }) => {
      await hydrated(page, 'section.legal');
      const legal = page.locator('section.legal');
      await ask(page, '§2703(d) order', '+15550100142');
      const produced = legal.locator('.produced');
      await expect.poll(() => produced.locator('h4').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Account')]));
      expect((await produced.locator('h4').allTextContents()).join(' ')).not.toContain('Lookup record');
      expect(await produced.textContent()).not.toMatch(/looked up/i);
      await expect.poll(() => legal.locator('.gone').textContent()).toContain('Nothing has expired yet.');
      // The standard is cited by name (never a bare number, which could clash with an explainer's
      // numbered references), linking to the source's entry on /sources/.
      const cite = legal.getByRole('link', { name: '18 U.S.C. § 2703', exact: true }).first();
      expect(await cite.getAttribute('href')).toMatch(/sources\/#usc-18-2703$/);
      const names = await page.locator('section.legal .cite a, [data-panel="policy"] .cite a').allTextContents();
      expect(names.length).toBeGreaterThan(3);
      for (const name of names) expect(name).not.toMatch(/^\s*\d+\s*$/);
      // Apple's policy is active, so the panel may say "Apple".
      expect(await legal.textContent()).toContain('Apple');
    });
  });

  test('a subpoena returns account and connection records now; message content cannot be produced', async () => {
    await site.visit('simulator/', async ({ page }) => {
      await hydrated(page, 'section.legal');
      const legal = page.locator('section.legal');
      await ask(page, 'Subpoena', '+15550100142');
      const headings = legal.locator('.produced h4');
      await expect.poll(() => headings.allTextContents()).toEqual([
        expect.stringContaining('Account'),
        expect.stringContaining('Device registration'),
        expect.stringContaining('Connection'),
      ]);
      expect(await legal.locator('.produced').textContent()).toContain('Held for ever.');
      expect(await legal.locator('.cannot').textContent()).toContain('Message content');
      expect(await legal.locator('.cannot').textContent()).toContain('end-to-end encrypted');

      // Twenty-five days on, the connection records have expired, with the day they went.
      await page.locator('.time').getByRole('textbox', { name: 'Day', exact: true }).fill('27');
      await page.locator('.time').getByRole('button', { name: 'Go' }).click();
      await expect.poll(() => legal.locator('.gone').textContent()).toContain('expired on Day 26 (kept 25 days)');
      expect((await headings.allTextContents()).join(' ')).not.toContain('Connection');
    });
  });

  test('a typed address leaves a lookup record a §2703(d) order returns', async () => {
    await site.visit('simulator/', async ({ page }) => {
      const to = page.getByRole('textbox', { name: 'To', exact: true });
      if ((await to.count()) === 0) return; // no composer on the page yet
      await hydrated(page, 'section.legal');
      await page.locator('astro-island:not([ssr]) input[type="text"]').first().waitFor({ state: 'attached' });
      await to.fill('+1 555 010 0163');
      await to.press('Enter');
      await ask(page, '§2703(d) order', '+15550100142');
      const produced = page.locator('section.legal .produced');
      await expect.poll(() => produced.textContent()).toContain('Looked up by the target');
      await ask(page, '§2703(d) order', '+15550100163');
      await expect.poll(() => produced.textContent()).toContain('Someone looked up the target');
    });
  });

  test('a pen register is prospective: served now, it has collected nothing before', async () => {
    await site.visit('simulator/', async ({ page }) => {
      await hydrated(page, 'section.legal');
      const legal = page.locator('section.legal');
      await ask(page, 'Pen register / trap-and-trace order', '+15550100142');
      await expect.poll(() => legal.textContent()).toContain('A pen register is prospective');
      expect(await legal.textContent()).toContain('Not served yet.');
      await legal.getByRole('button', { name: 'Serve this request now' }).click();
      await expect.poll(() => legal.textContent()).toContain('Last served Day 1, 00:00.');
      await page.getByRole('button', { name: '+1 day' }).click();
      await expect.poll(() => legal.textContent()).toContain('Served Day 1, 00:00;');
    });
  });

  test('backup protection: standard backup lets a warrant reach backed-up content; Advanced Data Protection does not', async () => {
    await site.visit('simulator/', async ({ page }) => {
      await hydrated(page, 'section.legal');
      const legal = page.locator('section.legal');
      await ask(page, 'Search warrant', '+15550100142');
      await legal.getByRole('radio', { name: 'Cloud backup, standard protection' }).check();
      await expect.poll(() => legal.textContent()).toContain('Message content from cloud backups');
      await legal.getByRole('radio', { name: 'Cloud backup, Advanced Data Protection' }).check();
      await expect.poll(() => legal.textContent()).not.toContain('Message content from cloud backups');
    });
  });
});

describe('retention policy panel', () => {
  test('Signal-like changes what the ledger holds and the policy table; switching back restores both', async () => {
    await site.visit('simulator/', async ({ page }) => {
      await hydrated(page, 'section.policy');
      const summary = page.locator('.ledger .summary');
      const policy = page.locator('section.policy');
      const lookupRow = policy.locator('table.rules tr', { hasText: 'Lookup record' });
      const before = await summary.textContent();
      expect(await lookupRow.textContent()).toContain('30 days');

      await policy.getByRole('radio', { name: /Signal-like/ }).check();
      await expect.poll(() => summary.textContent()).not.toBe(before);
      expect(await summary.textContent()).toContain('Signal-like');
      await expect.poll(() => lookupRow.textContent()).toContain('not kept');
      expect(await policy.locator('table.rules').textContent()).toContain('latest only, date only');
      // Under a non-Apple policy, the legal panel says "the provider".
      expect(await page.locator('section.legal').textContent()).not.toContain('Apple');

      await policy.getByRole('radio', { name: /Apple, 2016/ }).check();
      await expect.poll(() => summary.textContent()).toBe(before);
      // The policy panel follows the clock at most four times a second (throttle.ts), so wait for it.
      await expect.poll(() => lookupRow.textContent()).toContain('30 days');
    });
  });

  test('the preset radio group works from the keyboard', async () => {
    await site.visit('simulator/', async ({ page }) => {
      await hydrated(page, 'section.policy');
      await page.locator('section.policy').getByRole('radio', { name: /Apple, 2016/ }).focus();
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => page.locator('.ledger .summary').textContent()).toContain('Apple, 2020s');
      expect(await page.locator('section.policy table.rules tr', { hasText: 'Lookup record' }).textContent()).toContain('25 days');
    });
  });

  test('custom retention: invalid days show an error and change nothing; valid days apply', async () => {
    await site.visit('simulator/', async ({ page }) => {
      await hydrated(page, 'section.policy');
      const policy = page.locator('section.policy');
      const connection = policy.getByRole('spinbutton', { name: 'Connection' });
      await connection.fill('4000');
      await policy.getByRole('button', { name: 'Apply custom retention' }).click();
      await expect.poll(() => policy.locator('.error').count()).toBe(1);
      expect(await connection.getAttribute('aria-invalid')).toBe('true');
      expect(await connection.inputValue(), 'what the reader typed stays, to be fixed').toBe('4000');
      expect(await page.locator('.ledger .summary').textContent()).toContain('Apple, 2016');

      await connection.fill('0');
      await policy.getByRole('button', { name: 'Apply custom retention' }).click();
      await expect.poll(() => page.locator('.ledger .summary').textContent()).toContain('Custom (from Apple, 2016)');
      expect(await policy.locator('table.rules tr', { hasText: 'Connection' }).textContent()).toContain('Assumption: Set by the reader.');
    });
  });

  test('compare mode shows the two policies side by side', async () => {
    await site.visit('simulator/', async ({ page }) => {
      await hydrated(page, 'section.policy');
      const policy = page.locator('section.policy');
      await policy.getByLabel('Set beside it').selectOption({ label: 'Keep nothing' });
      const table = policy.locator('table.compare');
      await expect.poll(() => table.locator('thead th').allTextContents()).toEqual(['Record', 'Apple, 2016', 'Keep nothing', 'Difference']);
      const total = table.locator('tr.total');
      expect(await total.getAttribute('class')).toContain('differs');
      expect(await policy.locator('h4').allTextContents()).toEqual(['Contact graph under Apple, 2016', 'Contact graph under Keep nothing']);
      await policy.getByLabel('Set beside it').selectOption({ label: 'No comparison' });
      await expect.poll(() => table.count()).toBe(0);
    });
  });

  test('both panels fit a 320 px screen without sideways scrolling', async () => {
    await site.visit(
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
