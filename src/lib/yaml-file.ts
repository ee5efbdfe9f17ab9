/**
 * The one way a content file is read, for the content loader (src/lib/yaml-loader.ts), the CLI and
 * the tests, so a file can never mean one thing on the site and another in the terminal. Node-side.
 *
 * YAML 1.2 core schema (no timestamps, no yes/no booleans), duplicate keys refused, and merge keys
 * (`<<:`) refused with a message: YAML 1.2 dropped them, parsers disagree about them, and a scenario
 * is short enough to write out.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { isScalar, LineCounter, parseDocument, visit } from 'yaml';

/** Larger than any scenario a person writes (the biggest is a few kilobytes), small enough to parse at once. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** A file that cannot be read as content: the message names the file and what is wrong. */
export class ContentFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentFileError';
  }
}

/** The offset of the first byte that is not well-formed UTF-8, or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * The text of a regular file of at most `MAX_FILE_BYTES`, strictly UTF-8. The file is checked with
 * stat before it is opened, because opening a FIFO blocks until someone writes to it, and reading a
 * device such as /dev/zero never ends.
 */
export function readTextFile(path: string, shown: string = path): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new ContentFileError(`cannot read ${shown}: that is a folder`);
    if (!stat.isFile()) throw new ContentFileError(`cannot read ${shown}: not a regular file (a pipe, a device or a socket)`);
    size = stat.size;
  } catch (e) {
    if (e instanceof ContentFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ContentFileError(`cannot read ${shown}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  if (size > MAX_FILE_BYTES) throw new ContentFileError(`${shown} is ${megabytes(size)}, over the ${megabytes(MAX_FILE_BYTES)} a content file may be`);
  // Read at most one byte past the cap, in case the file grew after stat.
  const fd = openSync(path, 'r');
  let bytes: Buffer;
  try {
    if (!fstatSync(fd).isFile()) throw new ContentFileError(`cannot read ${shown}: not a regular file`);
    const buffer = Buffer.alloc(Math.min(size, MAX_FILE_BYTES) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_FILE_BYTES) throw new ContentFileError(`${shown} is over the ${megabytes(MAX_FILE_BYTES)} a content file may be`);
    bytes = buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
  const bad = invalidUtf8Offset(bytes);
  if (bad >= 0)
    throw new ContentFileError(`${shown}: not valid UTF-8: byte ${bad} (0x${(bytes[bad] as number).toString(16).padStart(2, '0')}) starts no character`);
  // A leading byte-order mark is allowed and dropped, as editors on Windows write one.
  const text = bytes.toString('utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;

/** Parses YAML text as every content reader does. Throws ContentFileError naming the file and line. */
export function parseYaml(text: string, shown: string): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { version: '1.2', schema: 'core', merge: false, uniqueKeys: true, strict: true, prettyErrors: true, lineCounter });
  const [error] = doc.errors;
  if (error) throw new ContentFileError(`${shown}: not valid YAML: ${error.message.split('\n')[0]}`);
  let merge: number | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (merge === undefined && isScalar(pair.key) && pair.key.value === '<<') merge = pair.key.range?.[0] ?? 0;
    },
  });
  if (merge !== undefined) {
    const { line } = lineCounter.linePos(merge);
    throw new ContentFileError(`${shown}:${line}: a YAML merge key (<<:) is not supported: write the fields out in full`);
  }
  // Aliases are allowed (they mean the same to every parser) but bounded, against an alias bomb.
  return doc.toJS({ maxAliasCount: 1000 });
}

/** Reads and parses a scenario or source file: `.json` as JSON, anything else as YAML. */
export function readContentFile(path: string, shown: string = path): unknown {
  const text = readTextFile(path, shown);
  if (!path.toLowerCase().endsWith('.json')) return parseYaml(text, shown);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new ContentFileError(`${shown}: not valid JSON: ${(e as Error).message}`);
  }
}
