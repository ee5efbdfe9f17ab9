import { describe, expect, test } from 'vitest';
import { CATEGORIES, LEGAL_PROCESSES, LEGAL_STANDARDS, PRESETS, withRetention, APPLE_2016, retentionEnd, DAY } from '../../../src/model/index.ts';
import { readSourceIds } from '../../../src/lib/sources.ts';

const known = readSourceIds();

describe.each(PRESETS.map((p) => [p.id, p] as const))('preset %s', (_id, policy) => {
  test('every retention value cites known sources or says it is an assumption', () => {
    for (const category of CATEGORIES) {
      const rule = policy.retention[category];
      for (const id of rule.sources) expect(known, `${policy.id}.retention.${category} cites ${id}`).toContain(id);
      expect(rule.sources.length > 0 || rule.assumption !== undefined, `${policy.id}.retention.${category} has neither source nor assumption`).toBe(true);
    }
  });

  test('every legal rule cites known sources', () => {
    for (const process of LEGAL_PROCESSES) {
      for (const id of policy.legal[process].sources) expect(known, `${policy.id}.legal.${process} cites ${id}`).toContain(id);
    }
    for (const id of policy.contentViaBackup.sources) expect(known).toContain(id);
  });

  test('why content cannot be produced cites known sources or says it is an assumption', () => {
    const { sources, assumption } = policy.contentEncrypted;
    for (const id of sources) expect(known, `${policy.id}.contentEncrypted cites ${id}`).toContain(id);
    expect(sources.length > 0 || assumption !== undefined).toBe(true);
  });
});

test('the legal standards cite known sources', () => {
  for (const process of LEGAL_PROCESSES) for (const id of LEGAL_STANDARDS[process].sources) expect(known).toContain(id);
});

test('a custom policy changes only the retention asked for, and labels it', () => {
  const custom = withRetention(APPLE_2016, { lookup: 7, call: null });
  expect(retentionEnd(custom, 'lookup', 0)).toBe(7 * DAY);
  expect(retentionEnd(custom, 'call', 0)).toBe(Number.POSITIVE_INFINITY);
  expect(custom.retention.lookup.assumption).toBe('Set by the reader.');
  expect(custom.retention.connection).toBe(APPLE_2016.retention.connection);
});
