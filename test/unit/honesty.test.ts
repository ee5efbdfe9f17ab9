import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { citationIssues, citedValues, claimsResting, type CitedValue } from '../../src/lib/citations.ts';
import { sourceSchema, type Source } from '../../src/lib/content-schemas.ts';
import { SOURCES_DIR } from '../../src/lib/sources.ts';
import {
  APPLE_2016,
  LEGAL_PROCESSES,
  PRESETS,
  emptyLedger,
  legalResponse,
  withRetention,
  type BackupMode,
  type Cited,
  type LegalResponse,
} from '../../src/model/index.ts';

const sources: Source[] = readdirSync(SOURCES_DIR)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => sourceSchema.parse(parse(readFileSync(join(SOURCES_DIR, name), 'utf8'), { schema: 'yaml-1.1' })));
const values = citedValues();

describe('every value a preset or a legal response shows rests on a listed claim or a stated assumption', () => {
  test('the presets and legal standards have no citation issue', () => {
    expect(citationIssues(values, sources)).toEqual([]);
  });

  test('every preset contributes each of its shown values', () => {
    for (const preset of PRESETS) expect(values.filter((v) => v.field.startsWith(`${preset.id} `)).length).toBe(7 + 4 + 3);
  });

  // The legal panel shows only what the response carries; each cited list in it must be one the
  // check above has seen, so no value reaches the screen around the check.
  const BACKUP_MODES: BackupMode[] = ['off', 'standard', 'adp'];
  const seen = new Set(values.map((v) => v.basis.sources));
  test.each(PRESETS.flatMap((p) => LEGAL_PROCESSES.flatMap((process) => BACKUP_MODES.map((mode) => [p.id, process, mode] as const))))(
    '%s, %s, backup %s: the response cites only checked values and carries the rule’s assumption',
    (id, process, backupMode) => {
      const policy = PRESETS.find((p) => p.id === id)!;
      const r: LegalResponse = legalResponse(emptyLedger(), policy, { process, target: '+15550100', servedAt: 0, at: 0, backupMode });
      for (const list of [r.standardSources, r.sources, ...r.cannotProduce.map((c) => c.sources), ...r.alsoProducible.map((c) => c.sources)]) {
        expect(seen.has(list)).toBe(true);
      }
      expect(r.assumption).toBe(policy.legal[process].assumption);
    },
  );

  test('the legal output labels what no source says (issue #15, item 4)', () => {
    const apple = PRESETS.find((p) => p.id === 'apple-2016')!;
    expect(apple.penRegisterBatchBasis.assumption).toMatch(/not handed over in real time/);
    expect(apple.legal['pen-register'].assumption).toMatch(/two sources disagree/);
    expect(PRESETS.find((p) => p.id === 'apple-2020s')!.legal['pen-register'].assumption).toMatch(/two sources disagree/);
    expect(apple.legal['2703d'].sources).not.toContain('intercept-2016');
    const signal = PRESETS.find((p) => p.id === 'signal-like')!;
    expect(signal.legal['pen-register'].assumption).toMatch(/publishes nothing about pen registers/);
    const whatsapp = PRESETS.find((p) => p.id === 'whatsapp-like')!;
    expect(whatsapp.retention.routing.visible).toEqual(['senderHandle', 'recipientHandle']);
    expect(whatsapp.legal.warrant.categories).not.toContain('registration');
  });
});

describe('citationIssues', () => {
  const value = (basis: CitedValue['basis']): CitedValue => ({ file: 'src/model/policy.ts', field: 'apple-2016 retention.lookup', where: 'x', basis });

  test('names the file, the field and the claims the source does list, for a claim it does not', () => {
    const [issue, ...rest] = citationIssues([value({ sources: ['savage-2021'], claims: ['savage-2021#pen-registers'] })], sources);
    expect(rest).toEqual([]);
    expect(issue).toContain('src/model/policy.ts, apple-2016 retention.lookup.claims[0]');
    expect(issue).toContain('savage-2021 lists no claim "pen-registers"');
    expect(issue).toContain('"subpoena-subscriber"');
  });

  test.each<[string, Cited, string]>([
    ['an unknown source', { sources: ['nobody-2020'], claims: ['nobody-2020#x'] }, 'names no source'],
    ['a source with no claim named', { sources: ['savage-2021'] }, 'without naming which of its claims'],
    ['a claim whose source is not listed', { sources: [], claims: ['savage-2021#subpoena-subscriber'] }, 'expected "savage-2021"'],
    ['neither a claim nor an assumption', { sources: [] }, 'got neither'],
    ['a blank assumption', { sources: [], assumption: '  ' }, 'got neither'],
  ])('flags %s', (_, basis, words) => {
    expect(citationIssues([value(basis)], sources).join('\n')).toContain(words);
  });

  test('accepts an assumption with its reason and no source', () => {
    expect(citationIssues([value({ sources: [], assumption: 'Nothing is published; the model assumes none.' })], sources)).toEqual([]);
  });

  test('a reader’s custom retention is labelled as set by the reader and cites nothing', () => {
    const custom = withRetention(APPLE_2016, { lookup: 3 });
    expect(custom.retention.lookup).toMatchObject({ sources: [], claims: [], assumption: 'Set by the reader.' });
    expect(citationIssues(citedValues([custom]), sources)).toEqual([]);
  });
});

describe('claimsResting', () => {
  test('lists, per source and claim, the values resting on it, once each', () => {
    const resting = claimsResting(values);
    const lookups = resting.get('intercept-2016')?.get('kept-30-days') ?? [];
    expect(lookups).toEqual(['Apple, 2016: how long it keeps each lookup record (30 days)']);
    expect(resting.get('fbi-lawful-access-2020')?.get('whatsapp-pen-register')).toContain('WhatsApp-like: what a pen register / trap-and-trace order obtains');
  });
});
