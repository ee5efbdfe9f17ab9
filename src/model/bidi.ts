/**
 * Bidi isolation for a name or text that someone typed, inside a sentence of the site's own
 * words. Between FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE (U+2069), a name in
 * Arabic or Hebrew, or one ending in a digit or holding a stray override, is laid out on its own
 * and cannot reorder the words around it (Unicode UAX #9, §2.7). For plain strings that must stay
 * text: live-region announcements, SVG <text>, <option> labels, attributes; HTML markup uses <bdi>.
 */

export const FSI = '\u2068';
export const PDI = '\u2069';

// Embeddings and overrides (U+202A–U+202E) left open inside the text would end at the PDI anyway,
// but an unmatched PDI inside would close our isolate early: drop the isolate controls it holds.
const ISOLATES = /[\u2066-\u2069]/g;

/** `text` wrapped in FSI…PDI, with any isolate controls of its own removed. */
export function isolate(text: string): string {
  return `${FSI}${text.replace(ISOLATES, '')}${PDI}`;
}

/** `text` without the isolate marks `isolate` added: for output that is not laid out (CSV, tests). */
export function unisolate(text: string): string {
  return text.replace(ISOLATES, '');
}
