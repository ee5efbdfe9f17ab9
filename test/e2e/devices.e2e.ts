import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { islandsReady, useSite } from '../support/site.ts';

const site = useSite();

/** Rows of the provider's ledger that name `category`. */
const ledgerRows = (page: Page, category: string) => page.locator('.ledger tbody tr').filter({ hasText: category });
const composer = (page: Page) => page.locator('section.composer');
const to = (page: Page) => composer(page).getByLabel('To', { exact: true });

/** Waits until the islands are interactive (Astro hydrates them after load). */
const ready = islandsReady;

describe('devices: composer, fan-out, people', () => {
  test('typing an address, without sending, looks it up and leaves a lookup record', async () => {
    await site.visit('simulator/', async ({ page }) => {
      await ready(page);
      expect(await ledgerRows(page, 'Lookup record').count()).toBe(0);
      // Typed key by key: partial addresses such as "ben@example.or" must not be looked up.
      await to(page).pressSequentially('ben@example.org');
      await expect.poll(() => composer(page).locator('.lookup').textContent()).toContain('3 devices');
      const lookup = composer(page).locator('.lookup');
      expect(await lookup.textContent()).toContain('iMessage-style: registered, 3 devices');
      expect(await lookup.textContent()).toContain('lookup recorded');
      expect(await lookup.textContent()).toContain('Walk away now without sending');
      await expect.poll(() => ledgerRows(page, 'Lookup record').count()).toBe(1);
      expect(await ledgerRows(page, 'Lookup record').first().textContent()).toContain('ben@example.org');
      // Leaving the field asks no second time.
      await to(page).blur();
      await page.waitForTimeout(900);
      expect(await ledgerRows(page, 'Lookup record').count()).toBe(1);
      // Clearing and typing it again is answered from the device's cache: nothing new recorded.
      await to(page).fill('');
      await to(page).fill('ben@example.org');
      await to(page).press('Enter');
      await expect.poll(() => lookup.textContent()).toContain('answered from the device cache: nothing recorded');
      expect(await ledgerRows(page, 'Lookup record').count()).toBe(1);
    });
  });

  test('an unregistered number reads as SMS', async () => {
    await site.visit('simulator/', async ({ page }) => {
      await ready(page);
      await to(page).fill('Dee');
      await to(page).press('Enter');
      await expect.poll(() => composer(page).locator('.lookup').textContent()).toContain('not registered: SMS');
    });
  });

  test('sending to Ben from Ana’s phone makes 3 + 1 = 4 ciphertexts, shown on the devices', async () => {
    await site.visit('simulator/', async ({ page }) => {
      await ready(page);
      await to(page).fill('Ben');
      await composer(page).getByLabel('Message', { exact: true }).fill('See you at 6? <b>not bold</b>');
      await composer(page).getByRole('button', { name: 'Send' }).click();
      const rows = composer(page).locator('.fanout tbody tr');
      await expect.poll(() => rows.count()).toBe(4);
      const labels = await rows.locator('th').allTextContents();
      expect(labels).toEqual(["Ben's phone", "Ben's tablet", "Ben's laptop", "Ana's laptop"]);
      expect(await rows.first().locator('code').first().textContent()).toMatch(/^[0-9a-f]{32}…$/);
      expect(await rows.first().textContent()).toContain('delivered');
      // The plaintext is on Ana's phone, as text: the markup in it is not markup.
      const bubble = page.locator('section.conversation .msg.sent .bubble');
      await expect.poll(() => bubble.textContent()).toBe('See you at 6? <b>not bold</b>');
      expect(await bubble.getAttribute('dir')).toBe('auto');
      expect(await page.locator('section.conversation .bubble b').count()).toBe(0);
      // The message box is emptied for the next message.
      expect(await composer(page).getByLabel('Message', { exact: true }).inputValue()).toBe('');
    });
  });

  test('adding a tablet for Ana alerts her phone and registers the device', async () => {
    await site.visit('simulator/', async ({ page }) => {
      await ready(page);
      const before = await ledgerRows(page, 'Device registration').count();
      const people = page.locator('section.people');
      await people.locator('summary', { hasText: 'Add a device for Ana' }).click();
      const ana = people.locator('article').filter({ has: page.getByRole('heading', { name: 'Ana', exact: true }) });
      expect(await ana.getByLabel('Device name').inputValue()).toBe("Ana's tablet");
      await ana.getByRole('button', { name: 'Add and register' }).click();
      await expect.poll(() => ana.locator('.device-list > li').count()).toBe(3);
      const phoneAlerts = ana.getByRole('list', { name: "Alerts on Ana's phone, newest first" });
      await expect.poll(() => phoneAlerts.locator('li').first().textContent()).toContain('A new device, “Ana\'s tablet”');
      // One registration record per handle Ana has (a phone number and an email address).
      await expect.poll(() => ledgerRows(page, 'Device registration').count()).toBe(before + 2);
      // The conversation on her phone shows the alert too.
      expect(await page.locator('section.conversation .alert').last().textContent()).toContain("Ana's tablet");
      // The new device can be composed on.
      expect(await composer(page).getByLabel('You are using').locator('option').allTextContents()).toContain("Ana's tablet (Ana)");
    });
  });

  test('an invalid address gets an inline reason and records nothing', async () => {
    await site.visit('simulator/', async ({ page }) => {
      await ready(page);
      const input = to(page);
      await input.fill('ben@example');
      await input.press('Enter');
      const error = composer(page).locator('.error').first();
      await expect.poll(() => error.textContent()).toBe('That is not a valid email address (expected name@example.org).');
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      const errorId = await error.getAttribute('id');
      expect((await input.getAttribute('aria-describedby'))?.split(' ')).toContain(errorId);
      await page.waitForTimeout(900);
      expect(await ledgerRows(page, 'Lookup record').count()).toBe(0);
      expect(await composer(page).locator('.lookup').count()).toBe(0);
      // Fixing it clears the message.
      await input.fill('ben@example.org');
      await expect.poll(() => input.getAttribute('aria-invalid')).toBeNull();
    });
  });

  test('keyboard only: Tab to the composer, type, Enter, write, Tab to Send, Enter', async () => {
    await site.visit('simulator/', async ({ page }) => {
      await ready(page);
      const isTo = () => page.evaluate(() => document.activeElement?.closest('section.composer') !== null && document.activeElement?.tagName === 'INPUT');
      for (let i = 0; i < 60 && !(await isTo()); i++) await page.keyboard.press('Tab');
      expect(await isTo()).toBe(true);
      await page.keyboard.type('+1 555 010 0163');
      await page.keyboard.press('Enter');
      await expect.poll(() => composer(page).locator('.lookup').textContent()).toContain('registered, 1 device');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Hello Cy');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Send');
      await page.keyboard.press('Enter');
      // Cy's phone and Ana's laptop.
      await expect.poll(() => composer(page).locator('.fanout tbody tr').count()).toBe(2);
    });
  });

  test('an offline device cannot send: the model’s reason is shown', async () => {
    await site.visit('simulator/', async ({ page }) => {
      await ready(page);
      await page.locator('section.people').getByRole('button', { name: "Go offline: Ana's phone" }).click();
      await expect.poll(() => page.locator('section.people').getByRole('button', { name: "Come online: Ana's phone" }).count()).toBe(1);
      await to(page).fill('Ben');
      await composer(page).getByLabel('Message', { exact: true }).fill('hello?');
      await composer(page).getByRole('button', { name: 'Send' }).click();
      await expect.poll(() => composer(page).getByRole('alert').textContent()).toBe("Not done: Ana's phone is offline: it cannot reach the provider.");
      expect(await composer(page).locator('.fanout').count()).toBe(0);
      expect(await ledgerRows(page, 'Lookup record').count()).toBe(0);
    });
  });

  test('moving a device changes its IP; removing asks first', async () => {
    await site.visit('simulator/', async ({ page }) => {
      await ready(page);
      const people = page.locator('section.people');
      const laptop = people.locator('.device-list > li').filter({ has: page.locator('.label', { hasText: "Ana's laptop" }) });
      expect(await laptop.locator('.net').textContent()).toContain('203.0.113.24');
      await laptop.getByRole('combobox', { name: "Network for Ana's laptop" }).selectOption('cafe');
      await expect.poll(() => laptop.locator('.net').textContent()).toContain('192.0.2.77');
      await laptop.getByRole('button', { name: "Remove: Ana's laptop" }).click();
      const confirm = laptop.getByRole('button', { name: 'Yes, remove' });
      expect(await confirm.evaluate((el) => el === document.activeElement)).toBe(true);
      await laptop.getByRole('button', { name: 'Cancel' }).click();
      expect(await laptop.count()).toBe(1);
      await laptop.getByRole('button', { name: "Remove: Ana's laptop" }).click();
      await laptop.getByRole('button', { name: 'Yes, remove' }).click();
      await expect.poll(() => laptop.count()).toBe(0);
      await expect.poll(() => people.getByRole('list', { name: "Alerts on Ana's phone, newest first" }).locator('li').first().textContent()).toContain('no longer receives');
    });
  });

  test('at 320 px the devices side fits without sideways scrolling', async () => {
    await site.visit(
      'simulator/',
      async ({ page }) => {
        await ready(page);
        await to(page).fill('Ben');
        await composer(page).getByLabel('Message', { exact: true }).fill('a'.repeat(300));
        await composer(page).getByRole('button', { name: 'Send' }).click();
        await expect.poll(() => composer(page).locator('.fanout tbody tr').count()).toBe(4);
        const widest = await page.evaluate(() =>
          Math.max(...[...document.querySelectorAll('.sides > .devices *')].map((el) => el.getBoundingClientRect().right)),
        );
        expect(widest).toBeLessThanOrEqual(320);
      },
      { viewport: { width: 320, height: 800 } },
    );
  });
});
