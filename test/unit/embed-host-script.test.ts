import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';

/*
 * public/embed-host.js, the script a teacher's page loads, run in Node against a stand-in page with
 * one marked iframe: only a whole number of pixels, sent by the embed's own window, sets a height.
 * (test/e2e/embed-host.e2e.ts checks it in the browser against real iframes.)
 */
function host() {
  const embed = { postMessage: () => undefined };
  const frame = {
    contentWindow: embed,
    src: 'https://site.example/embed/a/',
    style: { height: '' },
    hasAttribute: () => false,
    getAttribute: () => null,
    addEventListener: () => undefined,
  };
  let onMessage: (event: unknown) => void = () => undefined;
  const window = {
    location: { href: 'https://teacher.example/course/' },
    addEventListener: (type: string, listener: (event: unknown) => void) => {
      if (type === 'message') onMessage = listener;
    },
  };
  const document = { readyState: 'complete', querySelectorAll: () => [frame], addEventListener: () => undefined };
  runInNewContext(readFileSync('public/embed-host.js', 'utf8'), { window, document, URL, Number });
  const send = (height: unknown) => onMessage({ data: { type: 'wtsk:height', version: 1, height }, source: embed, origin: 'https://site.example' });
  return { frame, send };
}

describe('embed-host.js takes only whole-number heights', () => {
  test('a whole number sets the height, clamped to 150–20000', () => {
    const { frame, send } = host();
    send(640);
    expect(frame.style.height).toBe('640px');
    send(10);
    expect(frame.style.height).toBe('150px');
    send(99_999);
    expect(frame.style.height).toBe('20000px');
  });

  test.each<[string, unknown]>([
    ['a list', [777]],
    ['a hexadecimal string', '0x300'],
    ['a numeric string', '400'],
    ['a bigint', 400n],
    ['a date', new Date(500)],
    ['a fraction', 400.5],
    ['infinity', Number.POSITIVE_INFINITY],
    ['not a number', Number.NaN],
    ['an object with valueOf', { valueOf: () => 500 }],
  ])('%s is ignored', (_name, height) => {
    const { frame, send } = host();
    send(300);
    send(height);
    expect(frame.style.height).toBe('300px');
  });
});
