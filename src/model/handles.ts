/**
 * Handles are the addresses a person is reached at: E.164 phone numbers and email addresses.
 * They are normalised before they touch the key directory, so "+1 (555) 010-0100" and
 * "+15550100100" are the same handle.
 */
export type HandleKind = 'phone' | 'email';

export interface Handle {
  kind: HandleKind;
  /** Normalised form: "+15550100100" or "ana@example.org". */
  value: string;
}

const E164 = /^\+[1-9]\d{6,14}$/;
// Deliberately simple: one @, no spaces, a dot in the domain. Enough to tell a typo from an address.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

/** The longest email address (RFC 5321's path limit, less its angle brackets). */
export const MAX_EMAIL_LENGTH = 254;

/**
 * Characters no handle or name may hold: controls, and format characters (zero-width spaces and
 * joiners, text-direction overrides and isolates, the byte-order mark). They are invisible, so
 * `ben\u200b@example.org` would look exactly like Ben's address while being another one.
 */
export const UNSAFE_TEXT = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

export type HandleParse = { ok: true; handle: Handle } | { ok: false; reason: string };

/** Parses what a person typed into an address field. */
export function parseHandle(input: string): HandleParse {
  if (input.length > 4 * MAX_EMAIL_LENGTH)
    return { ok: false, reason: `That is too long for an address (an email address has at most ${MAX_EMAIL_LENGTH} characters).` };
  // NFKC first, so full-width digits and other look-alike forms become the one address they look like.
  const text = input.normalize('NFKC').trim();
  if (text === '') return { ok: false, reason: 'Enter a phone number or an email address.' };
  if (UNSAFE_TEXT.test(text)) {
    return { ok: false, reason: 'That address holds an invisible character (a zero-width space or a text-direction mark): retype it.' };
  }
  if (text.length > MAX_EMAIL_LENGTH)
    return { ok: false, reason: `That is too long for an address (an email address has at most ${MAX_EMAIL_LENGTH} characters).` };
  if (text.includes('@')) {
    const value = text.toLowerCase();
    return EMAIL.test(value)
      ? { ok: true, handle: { kind: 'email', value } }
      : { ok: false, reason: 'That is not a valid email address (expected name@example.org).' };
  }
  const compact = text.replace(/[\s().-]/g, '');
  if (/^\+?\d+$/.test(compact)) {
    if (!compact.startsWith('+')) {
      return { ok: false, reason: 'Phone numbers need a country code in international form, such as +1 555 010 0100.' };
    }
    return E164.test(compact)
      ? { ok: true, handle: { kind: 'phone', value: compact } }
      : { ok: false, reason: 'A phone number has 7 to 15 digits after the + and its country code.' };
  }
  return { ok: false, reason: 'Enter a phone number (+1 555 010 0100) or an email address (name@example.org).' };
}

/** The normalised handle, or undefined when `input` is not a handle. */
export function normaliseHandle(input: string): string | undefined {
  const parsed = parseHandle(input);
  return parsed.ok ? parsed.handle.value : undefined;
}

/** The longest name a person or device may have, in characters. */
export const MAX_NAME_LENGTH = 60;

// One rule for every name, typed by a reader (cleanName) or written in a scenario (nameIsSafe):
// no control, format or line-separator character, since they are invisible and a U+202E would
// show "Ana's phone" reversed, except a zero-width joiner inside an emoji sequence, which holds
// 👩🏽‍💻 together: after a pictograph (or its skin tone, or VS16) and before another pictograph.
const EMOJI_ZWJ = /(?<=[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f])\u200d(?=\p{Extended_Pictographic})/gu;
const UNSAFE_ALL = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** The offsets of `text`'s unsafe characters, leaving out the joiners of emoji sequences. */
function unsafeAt(text: string): number[] {
  const joins = new Set([...text.matchAll(EMOJI_ZWJ)].map((m) => m.index));
  return [...text.matchAll(UNSAFE_ALL)].map((m) => m.index).filter((i) => !joins.has(i));
}

/** A name holds no invisible character but the joiners of emoji sequences (the rule cleanName applies). */
export function nameIsSafe(text: string): boolean {
  return unsafeAt(text).length === 0;
}

/** A name a reader typed (a device's), as it is kept and shown: cleaned, spaces collapsed, capped. */
export function cleanName(text: string): string {
  const nfc = text.normalize('NFC');
  const unsafe = new Set(unsafeAt(nfc));
  const safe = unsafe.size === 0 ? nfc : Array.from(nfc.matchAll(/[\s\S]/gu), (m) => (unsafe.has(m.index) ? ' ' : m[0])).join('');
  const clean = safe.replace(/\s+/g, ' ').trim();
  return Array.from(clean).slice(0, MAX_NAME_LENGTH).join('').trim();
}
