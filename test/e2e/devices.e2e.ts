import type { Page } from '@playwright/test';
import { expect, islandsReady, test } from '../support/site.ts';

/** Rows of the provider's ledger that name `category`. */
const ledgerRows = (page: Page, category: string) => page.locator('.ledger tbody tr').filter({ hasText: category });
const composer = (page: Page) => page.locator('section.composer');
const to = (page: Page) => composer(page).getByLabel('To', { exact: true });

/** Waits until the islands are interactive (Astro hydrates them after load). */
const ready = islandsReady;

test.describe('devices: composer, fan-out, people', () => {
  test('typing an address, without sending, looks it up and leaves a lookup record', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await ready(page);
      await expect(ledgerRows(page, 'Lookup record')).toHaveCount(0);
      // Typed key by key: partial addresses such as "ben@example.or" must not be looked up.
      await to(page).pressSequentially('ben@example.org');
      await expect(composer(page).locator('.lookup')).toContainText('3 devices');
      const lookup = composer(page).locator('.lookup');
      await expect(lookup).toContainText('iMessage-style: registered, 3 devices');
      await expect(lookup).toContainText('lookup recorded');
      await expect(lookup).toContainText('Walk away now without sending');
      await expect(ledgerRows(page, 'Lookup record')).toHaveCount(1);
      await expect(ledgerRows(page, 'Lookup record').first()).toContainText('ben@example.org');
      // Leaving the field asks no second time.
      await to(page).blur();
      // Proving that no second lookup happens needs a pause: the composer looks up 700 ms after the
      // last keystroke (lookupDelay), so twice that leaves a busy machine room to have done it.
      await page.waitForTimeout(1500);
      await expect(ledgerRows(page, 'Lookup record')).toHaveCount(1);
      // Clearing and typing it again is answered from the device's cache: nothing new recorded.
      await to(page).fill('');
      await to(page).fill('ben@example.org');
      await to(page).press('Enter');
      await expect(lookup).toContainText('answered from the device cache: nothing recorded');
      await expect(lookup).toContainText('Assumption: devices reuse a lookup for 24 hours');
      await expect(ledgerRows(page, 'Lookup record')).toHaveCount(1);
      // The cache is an assumption the policy panel sets: with none, the same story plays again and both entries record.
      const assumptions = page.locator('form[data-assumptions]');
      await assumptions.getByRole('spinbutton', { name: /Device lookup cache/ }).fill('0');
      await assumptions.getByRole('button', { name: 'Apply assumptions' }).click();
      await expect(assumptions.getByRole('status')).toHaveText(/^Played again with device lookup cache: 0 hours\. Lookup records made so far: 2 \(were 1\)\.$/);
      await expect(ledgerRows(page, 'Lookup record')).toHaveCount(2);
      await expect(lookup).toContainText('lookup recorded');
    });
  });

  test('an unregistered number reads as SMS', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await ready(page);
      await to(page).fill('Dee');
      await to(page).press('Enter');
      await expect(composer(page).locator('.lookup')).toContainText('not registered: SMS');
    });
  });

  test('sending to Ben from Ana’s phone makes 3 + 1 = 4 ciphertexts, shown on the devices', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await ready(page);
      await to(page).fill('Ben');
      await composer(page).getByLabel('Message', { exact: true }).fill('See you at 6? <b>not bold</b>');
      await composer(page).getByRole('button', { name: 'Send' }).click();
      const rows = composer(page).locator('.fanout tbody tr');
      await expect(rows).toHaveCount(4);
      const labels = await rows.locator('th').allTextContents();
      expect(labels).toEqual(["Ben's phone", "Ben's tablet", "Ben's laptop", "Ana's laptop"]);
      await expect(rows.first().locator('code').first()).toHaveText(/^[0-9a-f]{32}…$/);
      await expect(rows.first()).toContainText('delivered');
      // The plaintext is on Ana's phone, as text: the markup in it is not markup.
      const bubble = page.locator('section.conversation .msg.sent .bubble');
      await expect(bubble).toHaveText('See you at 6? <b>not bold</b>');
      await expect(bubble).toHaveAttribute('dir', 'auto');
      await expect(page.locator('section.conversation .bubble b')).toHaveCount(0);
      // The message box is emptied for the next message.
      await expect(composer(page).getByLabel('Message', { exact: true })).toHaveValue('');
    });
  });

  test('adding a tablet for Ana alerts her phone and registers the device', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await ready(page);
      const before = await ledgerRows(page, 'Device registration').count();
      const people = page.locator('section.people');
      await people.locator('summary', { hasText: 'Add a device for Ana' }).click();
      const ana = people.locator('article').filter({ has: page.getByRole('heading', { name: 'Ana', exact: true }) });
      await expect(ana.getByLabel('Device name')).toHaveValue("Ana's tablet");
      await ana.getByRole('button', { name: 'Add and register' }).click();
      await expect(ana.locator('.device-list > li')).toHaveCount(3);
      const phoneAlerts = ana.getByRole('list', { name: "Alerts on Ana's phone, newest first" });
      await expect(phoneAlerts.locator('li').first()).toContainText("A new device, “\u2068Ana's tablet\u2069”");
      // One registration record per handle Ana has (a phone number and an email address).
      await expect(ledgerRows(page, 'Device registration')).toHaveCount(before + 2);
      // In the lanes they are the reader's doing, not part of what was on file since sign-up.
      await expect(page.locator('section.ledger .provider-lanes > .lanes .bar[aria-label^="Device registration"]')).toHaveCount(2);
      // The conversation on her phone shows the alert too.
      await expect(page.locator('section.conversation .alert').last()).toContainText("\u2068Ana's tablet\u2069");
      // The new device can be composed on.
      await expect
        .poll(() => composer(page).getByLabel('You are using').locator('option').allTextContents())
        .toContain("\u2068Ana's tablet\u2069 (\u2068Ana\u2069)");
    });
  });

  test('a device named with a right-to-left override is isolated, so the words after its name keep their order', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await ready(page);
      const people = page.locator('section.people');
      await people.locator('summary', { hasText: 'Add a device for Ana' }).click();
      const ana = people.locator('article').filter({ has: page.getByRole('heading', { name: 'Ana', exact: true }) });
      // U+202E would reverse everything after it; the Hebrew name is right-to-left on its own.
      await ana.getByLabel('Device name').fill('\u202eטאבלט 2');
      await ana.getByRole('button', { name: 'Add and register' }).click();
      // The name sits between FSI (U+2068) and PDI (U+2069); the words after it are outside.
      await expect(ana.locator('.add .done')).toContainText('Added: \u2068טאבלט 2\u2069 registered its keys under +15550100142');
      const phoneAlerts = ana.getByRole('list', { name: "Alerts on Ana's phone, newest first" });
      await expect(phoneAlerts.locator('li').first()).toContainText('A new device, “\u2068טאבלט 2\u2069”, now receives messages sent to');
      await expect(page.locator('section.conversation .alert').last()).toContainText('“\u2068טאבלט 2\u2069”, now receives');
      // In markup, the device's name is its own <bdi>, and the override never reaches the page.
      await expect(ana.locator('.device-list .label > bdi').last()).toHaveText('טאבלט 2');
      await expect(ana).not.toContainText('\u202e');
      await expect
        .poll(() => composer(page).getByLabel('You are using').locator('option').allTextContents())
        .toContain('\u2068טאבלט 2\u2069 (\u2068Ana\u2069)');
    });
  });

  test('an invalid address gets an inline reason and records nothing', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await ready(page);
      const input = to(page);
      await input.fill('ben@example');
      await input.press('Enter');
      const error = composer(page).locator('.error').first();
      await expect(error).toHaveText('That is not a valid email address (expected name@example.org).');
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      const errorId = await error.getAttribute('id');
      expect((await input.getAttribute('aria-describedby'))?.split(' ')).toContain(errorId);
      // Proving that no lookup happens needs a pause past the composer's 700 ms lookup delay (see above).
      await page.waitForTimeout(1500);
      await expect(ledgerRows(page, 'Lookup record')).toHaveCount(0);
      await expect(composer(page).locator('.lookup')).toHaveCount(0);
      // Fixing it clears the message.
      await input.fill('ben@example.org');
      await expect(input).not.toHaveAttribute('aria-invalid');
    });
  });

  test('keyboard only: Tab to the composer, type, Enter, write, Tab to Send, Enter', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await ready(page);
      const isTo = () => page.evaluate(() => document.activeElement?.closest('section.composer') !== null && document.activeElement?.tagName === 'INPUT');
      for (let i = 0; i < 60 && !(await isTo()); i++) await page.keyboard.press('Tab');
      expect(await isTo()).toBe(true);
      await page.keyboard.type('+1 555 010 0163');
      await page.keyboard.press('Enter');
      await expect(composer(page).locator('.lookup')).toContainText('registered, 1 device');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Hello Cy');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Send');
      await page.keyboard.press('Enter');
      // Cy's phone and Ana's laptop.
      await expect(composer(page).locator('.fanout tbody tr')).toHaveCount(2);
    });
  });

  test('an offline device cannot send: the model’s reason is shown', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await ready(page);
      await page.locator('section.people').getByRole('button', { name: "Go offline: Ana's phone" }).click();
      await expect(page.locator('section.people').getByRole('button', { name: "Come online: Ana's phone" })).toHaveCount(1);
      await to(page).fill('Ben');
      await composer(page).getByLabel('Message', { exact: true }).fill('hello?');
      await composer(page).getByRole('button', { name: 'Send' }).click();
      await expect(composer(page).getByRole('alert')).toHaveText("Not done: \u2068Ana's phone\u2069 is offline: it cannot reach the provider.");
      await expect(composer(page).locator('.fanout')).toHaveCount(0);
      await expect(ledgerRows(page, 'Lookup record')).toHaveCount(0);
    });
  });

  test('moving a device changes its IP; removing asks first', async ({ visit }) => {
    await visit('simulator/', async ({ page }) => {
      await ready(page);
      const people = page.locator('section.people');
      const laptop = people.locator('.device-list > li').filter({ has: page.locator('.label', { hasText: "Ana's laptop" }) });
      await expect(laptop.locator('.net')).toContainText('203.0.113.24');
      await laptop.getByRole('combobox', { name: "Network for Ana's laptop" }).selectOption('cafe');
      await expect(laptop.locator('.net')).toContainText('192.0.2.77');
      await laptop.getByRole('button', { name: "Remove: Ana's laptop" }).click();
      const confirm = laptop.getByRole('button', { name: 'Yes, remove' });
      expect(await confirm.evaluate((el) => el === document.activeElement)).toBe(true);
      await laptop.getByRole('button', { name: 'Cancel' }).click();
      await expect(laptop).toHaveCount(1);
      await laptop.getByRole('button', { name: "Remove: Ana's laptop" }).click();
      await laptop.getByRole('button', { name: 'Yes, remove' }).click();
      await expect(laptop).toHaveCount(0);
      await expect(people.getByRole('list', { name: "Alerts on Ana's phone, newest first" }).locator('li').first()).toContainText('no longer receives');
    });
  });

  test('at 320 px the devices side fits without sideways scrolling', async ({ visit }) => {
    await visit(
      'simulator/',
      async ({ page }) => {
        await ready(page);
        await to(page).fill('Ben');
        await composer(page).getByLabel('Message', { exact: true }).fill('a'.repeat(300));
        await composer(page).getByRole('button', { name: 'Send' }).click();
        await expect(composer(page).locator('.fanout tbody tr')).toHaveCount(4);
        const widest = await page.evaluate(() =>
          Math.max(...[...document.querySelectorAll('.sides > .devices *')].map((el) => el.getBoundingClientRect().right)),
        );
        expect(widest).toBeLessThanOrEqual(320);
      },
      { viewport: { width: 320, height: 800 } },
    );
  });
});
