import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, islandsReady, siteUrl, test, type VisitOptions } from '../support/site.ts';
import { cleanName } from '../../src/model/handles.ts';
import { XSS_INVISIBLE_ADDRESSES, XSS_MARKER, XSS_PAYLOADS, XSS_VALID_ADDRESSES } from '../support/xss-corpus.ts';
import { XSS_GUARD, watchDialogs, xssState } from '../support/xss-guard.ts';

/**
 * Every place a reader (or a link) can put text on /simulator/ gets every payload of the corpus.
 * Nothing may run (window.__xss stays unset, no dialog, no console error, no CSP violation), no
 * element or handler may come from a payload, the text shows as text where it is shown, and the
 * page still works afterwards. visit() fails on any console error. axe runs once, after the device
 * names (the one place payloads become labels of controls); the other tests drive states the rest of
 * the suite checks with axe already, and a CPU-bound suite pays seconds for each run.
 */
const GUARDED: VisitOptions = { initScript: XSS_GUARD, axe: false };
/** Each test feeds a whole corpus through one page: allow for a busy CI machine. */
const SLOW = 180_000;

const composer = (page: Page) => page.locator('section.composer');
const to = (page: Page) => composer(page).getByLabel('To', { exact: true });
const message = (page: Page) => composer(page).getByLabel('Message', { exact: true });
const bubbles = (page: Page) => page.locator('section.conversation .msg.sent .bubble');
/** The provider's side and every panel that shows what it holds: message text must never appear there. */
const PROVIDER_SIDE = ['.provider', 'section.timeline', 'section.legal', 'section.graph', 'section.composer .fanout'];

async function expectClean(page: Page, dialogs: string[], where: string): Promise<void> {
  const { xss, log } = await xssState(page);
  expect(xss, `window.__xss after ${where}`).toBeUndefined();
  expect(dialogs, `dialogs after ${where}`).toEqual([]);
  expect(log.elements, `elements a payload added (${where})`).toEqual([]);
  expect(log.attributes, `handlers or javascript: URLs a payload set (${where})`).toEqual([]);
  expect(log.csp, `CSP violations (${where})`).toEqual([]);
}

/** Sends `text` from Ana's phone to Ben and returns what the message box held when sent. */
async function send(page: Page, text: string): Promise<string> {
  const before = await bubbles(page).count();
  await message(page).fill(text);
  const typed = await message(page).inputValue();
  await composer(page).getByRole('button', { name: 'Send' }).click();
  await expect(bubbles(page)).toHaveCount(before + 1);
  return typed;
}

test.describe('XSS corpus on /simulator/', () => {
  test.describe.configure({ timeout: SLOW });

  test(`message text: ${XSS_PAYLOADS.length} payloads sent show as plaintext on the devices and never on the provider's side`, async ({ visit }) => {
    await visit(
      'simulator/',
      async ({ page }) => {
        const dialogs = watchDialogs(page);
        await islandsReady(page);
        await to(page).fill('Ben');
        await to(page).press('Enter');
        const sent: string[] = [];
        for (const payload of XSS_PAYLOADS) {
          const typed = await send(page, payload);
          // The box keeps up to 2,000 characters; what it held is what was sent.
          expect(typed).toBe(payload.slice(0, 2000).replace(/\r\n?/g, '\n'));
          await expect(bubbles(page).last(), `bubble for ${JSON.stringify(payload.slice(0, 40))}`).toHaveText(typed);
          sent.push(typed);
        }
        await expectClean(page, dialogs, 'sending every payload');
        // Every bubble is one text node's worth of text: no payload became markup inside it.
        expect(await bubbles(page).evaluateAll((els) => els.filter((el) => el.children.length > 0).length)).toBe(0);
        // The fan-out shows ciphertext, and the provider's side never shows the words.
        for (const selector of PROVIDER_SIDE) {
          const text = (await page.locator(selector).allTextContents()).join('\n');
          for (const words of sent) {
            if (words.trim().length < 4) continue;
            expect(text.includes(words), `${selector} shows message text ${JSON.stringify(words.slice(0, 40))}`).toBe(false);
          }
          expect(text, selector).not.toContain(XSS_MARKER);
        }
        // Still usable: another message goes through.
        expect(await send(page, 'Still here?')).toBe('Still here?');
        await expect(composer(page).locator('.fanout tbody tr')).toHaveCount(4);
      },
      GUARDED,
    );
  });

  test(`address field: ${XSS_PAYLOADS.length} invalid addresses get an inline reason and are never looked up`, async ({ visit }) => {
    await visit(
      'simulator/',
      async ({ page }) => {
        const dialogs = watchDialogs(page);
        await islandsReady(page);
        const error = composer(page).locator('.error').first();
        // Beside the payloads: addresses with invisible characters (Ben's with a zero-width space would look exactly like his).
        for (const payload of [...XSS_PAYLOADS, ...XSS_INVISIBLE_ADDRESSES]) {
          await to(page).fill(payload);
          await to(page).press('Enter');
          await expect.poll(() => to(page).getAttribute('aria-invalid'), { message: JSON.stringify(payload.slice(0, 40)) }).toBe('true');
          await expect(error).toHaveText(
            /^(Enter a|That is not|That is too long|That address holds an invisible character|Phone numbers need|A phone number has)/,
          );
          // Send and Call say the same and send nothing.
          await message(page).fill('hello');
          await composer(page).getByRole('button', { name: 'Send' }).click();
          await composer(page).getByRole('button', { name: 'Call' }).click();
          await expect(to(page)).toHaveValue(payload.replace(/[\r\n]/g, ''));
        }
        await expectClean(page, dialogs, 'every invalid address');
        await expect(page.locator('.ledger tbody tr').filter({ hasText: 'Lookup record' })).toHaveCount(0);
        await expect(composer(page).locator('.fanout')).toHaveCount(0);
        // Still usable.
        await to(page).fill('Cy');
        expect(await send(page, 'Hi Cy')).toBe('Hi Cy');
      },
      GUARDED,
    );
  });

  test(`hostile but valid addresses (${XSS_VALID_ADDRESSES.length}): looked up, held, graphed and exported as text`, async ({ visit }) => {
    await visit(
      'simulator/',
      async ({ page }) => {
        const dialogs = watchDialogs(page);
        await islandsReady(page);
        for (const address of XSS_VALID_ADDRESSES) {
          await to(page).fill(address);
          await to(page).press('Enter');
          const lookup = composer(page).locator('.lookup .handle');
          await expect.poll(() => lookup.first().textContent(), { message: address }).toBe(address.toLowerCase());
          await message(page).fill(`to ${address}`);
          await composer(page).getByRole('button', { name: 'Send' }).click();
          await expect(composer(page).locator('.sms-note')).toContainText(address.toLowerCase());
        }
        await expectClean(page, dialogs, 'looking up and texting every hostile address');
        // Held as text in the ledger's lookup records, and labelled as text in the contact graph's SVG.
        // The graph follows the clock at most four times a second (lib/sim/throttle.ts): poll it, as a reader would wait.
        const ledger = (await page.locator('section.ledger').textContent()) ?? '';
        const graphLabels = page.locator('section.graph svg text');
        for (const address of XSS_VALID_ADDRESSES) {
          expect(ledger, `ledger holds ${address}`).toContain(address.toLowerCase());
          await expect
            .poll(async () => (await graphLabels.allTextContents()).some((l) => l.includes(address.toLowerCase())), { message: `graph labels ${address}` })
            .toBe(true);
        }
        // The CSV download guards spreadsheet formulas and quotes cells; nothing in it is markup.
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator('section.ledger').getByRole('button', { name: 'Download CSV' }).click(),
        ]);
        const csv = await readFile((await download.path()) ?? '', 'utf8');
        expect(csv).toContain(`'=cmd|'/c+calc'!a0@evil.example`);
        expect(csv).not.toMatch(/(^|,)=cmd/m);
        await expectClean(page, dialogs, 'the CSV download');
      },
      GUARDED,
    );
  });

  test(`device name: ${XSS_PAYLOADS.length} payloads name new devices, shown as text`, async ({ visit }) => {
    await visit(
      'simulator/',
      async ({ page }) => {
        const dialogs = watchDialogs(page);
        await islandsReady(page);
        const people = page.locator('section.people');
        await people.locator('summary', { hasText: 'Add a device for Cy' }).click();
        const cy = people.locator('article').filter({ has: page.getByRole('heading', { name: 'Cy', exact: true }) });
        const name = cy.getByLabel('Device name');
        const labels = cy.locator('.device-list .label');
        for (const payload of XSS_PAYLOADS) {
          const before = await labels.count();
          await name.fill(payload);
          // Kept cleaned: no controls or text-direction overrides (U+202E would reverse the alerts around it).
          const typed = cleanName(await name.inputValue());
          await cy.getByRole('button', { name: 'Add and register' }).click();
          if (typed === '') {
            await expect(cy.locator('.error')).toContainText('Give the device a name');
            continue;
          }
          await expect.poll(() => labels.count(), { message: JSON.stringify(payload.slice(0, 40)) }).toBe(before + 1);
          await expect(labels.last()).toHaveText(typed);
        }
        await expectClean(page, dialogs, 'adding a device for every payload');
        // The new names reach the composer's device picker and Cy's phone's alerts, as text.
        const options = await composer(page).getByLabel('You are using').locator('option').allTextContents();
        expect(options.some((o) => o.includes(XSS_PAYLOADS[0]!.slice(0, 60)))).toBe(true);
        const alerts = (await cy.getByRole('list', { name: "Alerts on Cy's phone, newest first" }).textContent()) ?? '';
        expect(alerts).toContain(XSS_PAYLOADS[0]!.slice(0, 60));
        // Still usable: Ana's message to Cy now fans out to every one of Cy's devices.
        await to(page).fill('Cy');
        await send(page, 'How many devices now?');
        await expect.poll(() => composer(page).locator('.fanout tbody tr').count()).toBeGreaterThan(XSS_PAYLOADS.length);
      },
      { ...GUARDED, axe: true },
    );
  });

  test('day field and custom retention fields reject every payload', async ({ visit }) => {
    await visit(
      'simulator/',
      async ({ page }) => {
        const dialogs = watchDialogs(page);
        await islandsReady(page);
        const time = page.locator('section.time');
        const day = time.getByRole('textbox', { name: 'Day', exact: true });
        // Beside the payloads: numbers Number() reads but a person does not mean as a day.
        for (const payload of [...XSS_PAYLOADS, '0x10', '1e1']) {
          await day.fill(payload);
          await time.getByRole('button', { name: 'Go' }).click();
          await expect
            .poll(() => time.locator('form.jump .error').textContent(), { message: JSON.stringify(payload.slice(0, 40)) })
            .toMatch(/^Enter a whole day from 1 to \d+\.$/);
        }
        await expect(time.locator('.now')).toHaveText('Day 1, 00:00');
        // Number fields take keys, not pasted text: type each payload's first characters into one.
        const policy = page.locator('section.policy');
        const field = policy.locator('form.custom input[type="number"]').first();
        for (const payload of XSS_PAYLOADS) {
          await field.fill('');
          await field.pressSequentially(payload.slice(0, 40));
          await policy.getByRole('button', { name: 'Apply custom retention' }).click();
          await expect(policy.locator('form.custom [role="status"]')).toHaveText(
            /^(Not applied: fix the days marked below\.|Nothing changed\.|Applied: .+\.)$/,
          );
        }
        await expectClean(page, dialogs, 'the day and retention fields');
        // Still usable.
        await day.fill('3');
        await time.getByRole('button', { name: 'Go' }).click();
        await expect(time.locator('.now')).toHaveText('Day 3, 00:00');
      },
      GUARDED,
    );
  });

  test(`URL query and fragment: ${XSS_PAYLOADS.length} payloads leave the page working`, async ({ visit }) => {
    await visit(
      'simulator/',
      async ({ page, errors }) => {
        const dialogs = watchDialogs(page);
        for (const payload of XSS_PAYLOADS) {
          // Hosts cap a request line at a few KB (Node at 16 KB): the long payloads are cut to fit.
          const value = encodeURIComponent(payload.slice(0, 300));
          const query = ['day', 'speed', 'panels', 'policy', 'seed', 'step', 'theme', 'autoplay', 'v'].map((k) => `${k}=${value}`).join('&');
          const response = await page.goto(`${siteUrl('simulator/')}?${query}#${value}`, { waitUntil: 'load' });
          expect(response?.status()).toBe(200);
          // The islands that load at once (time controls, composer) hydrate: the scripts ran with the URL in place.
          await page.locator('astro-island:not([ssr]) > section.time').waitFor();
          await page.locator('astro-island:not([ssr]) > section.composer').waitFor();
          await expect(page.locator('section.time .now')).toHaveText('Day 1, 00:00');
          await expectClean(page, dialogs, `?…=${payload.slice(0, 40)}`);
          expect(errors, `console errors with ?…=${payload.slice(0, 40)}`).toEqual([]);
          await expect(page.locator('body')).not.toContainText(XSS_MARKER);
        }
        // Still usable after the last one, every island included.
        await islandsReady(page);
        await to(page).fill('Ben');
        expect(await send(page, 'After the links')).toBe('After the links');
      },
      GUARDED,
    );
  });
});
