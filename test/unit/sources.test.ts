import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { correctionEntrySchema, sourceSchema, type Source } from '../../src/lib/content-schemas.ts';
import { MARKER_ORDER, SOURCES_DIR, claimMarker, claimText, formatSourceDate, readSourceIds } from '../../src/lib/sources.ts';

const files = readdirSync(SOURCES_DIR)
  .filter((name) => name.endsWith('.yaml'))
  .sort();

// YAML 1.1 turns an unquoted 2016-09-28 into a Date, as Astro's loader does; parsing the same way
// here makes the schema catch it in the unit tests rather than in the build.
function load(file: string): unknown {
  return parse(readFileSync(join(SOURCES_DIR, file), 'utf8'), { schema: 'yaml-1.1' });
}

const sources: Source[] = files.map((file) => sourceSchema.parse(load(file)));
const byId = new Map(sources.map((source) => [source.id, source]));

describe('content/sources', () => {
  test('has sources', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test.each(files)('%s matches the source schema', (file) => {
    const result = sourceSchema.safeParse(load(file));
    expect(result.success, result.error?.message).toBe(true);
  });

  test.each(files)('%s has an id equal to its file name', (file) => {
    expect(sourceSchema.parse(load(file)).id).toBe(file.replace(/\.yaml$/, ''));
  });

  test('ids are unique', () => {
    const ids = sources.map((source) => source.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('"via" names other sources that exist', () => {
    for (const source of sources) {
      for (const via of source.via ?? []) {
        expect(via, `${source.id} is read via itself`).not.toBe(source.id);
        expect(byId.has(via), `${source.id} is read via unknown source ${via}`).toBe(true);
      }
    }
  });

  // A claim may only be marked weaker than its source: a source read through a secondary cannot
  // hold a claim that was read first-hand.
  test('no claim is marked as better checked than its source', () => {
    for (const source of sources) {
      for (const claim of source.claims) {
        const claimRank = MARKER_ORDER.indexOf(claimMarker(claim, source));
        expect(claimRank, `${source.id}: "${claimText(claim)}"`).toBeGreaterThanOrEqual(MARKER_ORDER.indexOf(source.marker));
      }
    }
  });

  // The model and pages cite these ids; renaming one breaks them.
  test.each([
    'intercept-2016',
    'securityaffairs-2016',
    'daring-fireball-2016',
    'apple-statement-2016',
    'apple-lpg-2015',
    'apple-lpg-imessage',
    'apple-lpg-2025',
    'apple-ios-security-2016',
    'apple-platform-security-imessage',
    'apple-icloud-backup',
    'apple-pq3-2024',
    'apple-ckv-2023',
    'fbi-lawful-access-2020',
    'savage-2021',
    'signal-bigbrother',
    'signal-sealed-sender-2018',
    'telegram-2024',
  ])('cited id %s exists', (id) => {
    expect(byId.has(id)).toBe(true);
  });
});

describe('sourceSchema', () => {
  const valid = {
    id: 'some-source',
    title: 'A title',
    publisher: 'A publisher',
    date: '2016-09',
    marker: 'C',
    claims: [{ id: 'a-claim', text: 'A claim.' }],
  };

  test('accepts a minimal source', () => {
    expect(sourceSchema.safeParse(valid).success).toBe(true);
  });

  test.each([
    ['an id that is not kebab-case', { id: 'Some_Source' }],
    ['a Date rather than a string', { date: new Date('2016-09-28') }],
    ['a date with a 13th month', { date: '2016-13' }],
    ['an unknown marker', { marker: 'C3' }],
    ['an http link', { url: 'http://example.com/' }],
    ['no claims', { claims: [] }],
    ['a bare sentence as a claim', { claims: ['A claim.'] }],
    ['a claim without an id', { claims: [{ text: 'A claim.' }] }],
    ['a claim id that is not kebab-case', { claims: [{ id: 'A_Claim', text: 'A claim.' }] }],
    [
      'a claim id given twice',
      {
        claims: [
          { id: 'a-claim', text: 'A claim.' },
          { id: 'a-claim', text: 'Another.' },
        ],
      },
    ],
    ['an unknown field', { author: 'Someone' }],
  ])('rejects %s', (_, change) => {
    expect(sourceSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});

describe('readSourceIds', () => {
  test('returns the id of every source file', () => {
    expect(readSourceIds()).toEqual(new Set(files.map((file) => file.replace(/\.yaml$/, ''))));
  });
});

describe('formatSourceDate', () => {
  test.each([
    ['2016-09-28', '28 September 2016'],
    ['2015-09', 'September 2015'],
    ['2016', '2016'],
    ['2025-10-01', '1 October 2025'],
  ])('%s reads as %s', (date, expected) => {
    expect(formatSourceDate(date)).toBe(expected);
  });
});

describe('content/corrections.yaml', () => {
  const entries = (parse(readFileSync('content/corrections.yaml', 'utf8'), { schema: 'yaml-1.1' }) as unknown[]).map((entry, i) => {
    const result = correctionEntrySchema.safeParse(entry);
    if (!result.success) throw new Error(`content/corrections.yaml, entry ${i + 1}: ${result.error.message}`);
    return result.data;
  });

  test('ids are unique, so each entry can be linked', () => {
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  // One entry per fix of the December 2026 fact-check (issue #15, items 2, 4 and 5).
  test('logs each fix of the 2026-12 fact-check', () => {
    const december = entries.filter((e) => e.date.startsWith('2026-12')).map((e) => e.id);
    expect(december).toEqual(
      expect.arrayContaining([
        'new-device-alert',
        'pen-register-cadence',
        'apple-presets-pen-register',
        'signal-pen-register',
        'whatsapp-pen-register-warrant',
        'apple-2016-citations',
        'savage-2021',
        'app-started-queries',
        'push-routing-kept',
        'pq3-tense',
        'facetime-fields',
        'up-to-days',
        'unsent-draft-attachments',
        'sealed-sender-ip',
        'source-entries',
      ]),
    );
  });

  test('rejects an entry citing an unknown source, naming the field', () => {
    const result = correctionEntrySchema.safeParse({ id: 'x', date: '2026-12-03', text: 'A fix.', sources: ['nobody-2020'] });
    expect(result.error?.issues[0]).toMatchObject({ path: ['sources', 0], message: expect.stringContaining('unknown source id "nobody-2020"') });
  });
});
