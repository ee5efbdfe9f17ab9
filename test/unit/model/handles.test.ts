import { describe, expect, test } from 'vitest';
import { cleanName, normaliseHandle, parseHandle } from '../../../src/model/index.ts';

/*
 * Addresses and names that look like something they are not: an invisible character makes a second
 * address that reads exactly like Ben's; a text-direction override reverses what follows a name.
 */
describe('handles', () => {
  test.each([
    ['zero-width space', 'ben\u200b@example.org'],
    ['zero-width joiner', '+1 555\u200d 010 0100'],
    ['right-to-left override', '\u202eben@example.org'],
    ['byte-order mark', 'ben@exam\ufeffple.org'],
  ])('an address with a %s is refused with a reason that says so', (_name, address) => {
    const parsed = parseHandle(address);
    expect(parsed).toEqual({ ok: false, reason: 'That address holds an invisible character (a zero-width space or a text-direction mark): retype it.' });
  });

  test('look-alike forms are the address they look like (NFKC): full-width digits and letters', () => {
    expect(normaliseHandle('＋１ ５５５ ０１０ ０１００')).toBe('+15550100100');
    expect(normaliseHandle('ｂｅｎ@example.org')).toBe('ben@example.org');
  });

  test('an address is capped: 254 characters for an email, 15 digits for a phone number', () => {
    const local = 'a'.repeat(64);
    const long = `${local}@${'b'.repeat(254 - 64 - 1 - 4)}.org`;
    expect(long.length).toBe(254);
    expect(parseHandle(long).ok).toBe(true);
    expect(parseHandle(`a${long}`)).toMatchObject({ ok: false, reason: expect.stringMatching(/at most 254 characters/) });
    expect(parseHandle('x'.repeat(100_000))).toMatchObject({ ok: false, reason: expect.stringMatching(/too long/) });
    expect(parseHandle('+123456789012345').ok).toBe(true);
    expect(parseHandle('+1234567890123456').ok).toBe(false);
  });
});

describe('cleanName', () => {
  test.each([
    ['a direction override', 'Ana\u202e’s phone', 'Ana ’s phone'],
    ['isolates and marks', '\u2066Ana\u2069\u200f', 'Ana'],
    ['controls and line breaks', 'a\u0000b\nc\u2028d', 'a b c d'],
    ['a long name', 'x'.repeat(100), 'x'.repeat(60)],
  ])('removes %s', (_name, typed, kept) => {
    expect(cleanName(typed)).toBe(kept);
  });

  test('keeps what a name may hold: right-to-left letters, and emoji joined by a zero-width joiner', () => {
    expect(cleanName('مرحبا בעולם')).toBe('مرحبا בעולם');
    expect(cleanName('👩🏽‍💻 laptop')).toBe('👩🏽‍💻 laptop');
  });
});
