import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  APPLE_2016,
  APPLE_2020S,
  CATEGORIES,
  DAY,
  HOUR,
  KEEP_NOTHING,
  MINUTE,
  SIGNAL_LIKE,
  WHATSAPP_LIKE,
  selectCompare,
  lastServedAt,
  selectLegal,
  selectLegalRequest,
  startSimulation,
  withRetention,
  type Keep,
  type NoLongerHeld,
  type ProducedRecord,
  type GraphTally,
} from '../../src/model/index.ts';
import { batchWords, batches, directionWords, fieldsText, goneWords, groupByCategory, heldWords, recordedWords } from '../../src/lib/sim/legal/legal.ts';
import { compareRows, customPolicy, difference, graphWords, parseRetention, retentionInput, retentionWords } from '../../src/lib/sim/legal/policy.ts';
import { backupOptions, isApplePreset, providerName } from '../../src/lib/sim/legal/provider.ts';
import { SOURCE_LABELS, sourceLabel } from '../../src/lib/sim/legal/source-labels.ts';
import { readSourceIds, sourceByline } from '../../src/lib/sources.ts';
import { castScenario } from './model/fixtures.ts';

const produced = (seq: number, category: ProducedRecord['category'], extra: Partial<ProducedRecord> = {}): ProducedRecord => ({
  seq,
  category,
  recordedAt: 0,
  expiresAt: 30 * DAY,
  fields: {},
  handles: [],
  direction: 'by',
  ...extra,
});

describe('provider wording: "Apple" only under an Apple policy', () => {
  test.each([
    [APPLE_2016, 'Apple', 'Apple'],
    [APPLE_2020S, 'Apple', 'Apple'],
    [SIGNAL_LIKE, 'the provider', 'The provider'],
    [WHATSAPP_LIKE, 'the provider', 'The provider'],
  ])('%s.id', (policy, lower, capital) => {
    expect(providerName(policy)).toBe(lower);
    expect(providerName(policy, true)).toBe(capital);
  });

  test.each([
    ['apple-2016', true],
    ['apple-2020s', true],
    [{ base: 'apple-2020s', retentionDays: { lookup: 3 } }, true],
    ['signal-like', false],
    [{ base: 'keep-forever', retentionDays: {} }, false],
    ['no-such-preset', false],
  ] as const)('isApplePreset(%j) is %s, for preset ids and custom policies alike', (policy, apple) => {
    expect(isApplePreset(policy)).toBe(apple);
  });

  test('a policy object answers from its provider, so a custom policy built on Apple stays Apple', () => {
    expect(isApplePreset(APPLE_2020S)).toBe(true);
    expect(isApplePreset(withRetention(APPLE_2016, { lookup: 3 }))).toBe(true);
    expect(isApplePreset(WHATSAPP_LIKE)).toBe(false);
  });

  test('backup options name Advanced Data Protection only for Apple', () => {
    expect(backupOptions(APPLE_2016).map((o) => o.mode)).toEqual(['off', 'standard', 'adp']);
    expect(backupOptions(APPLE_2016)[2]?.label).toContain('Advanced Data Protection');
    expect(
      backupOptions(SIGNAL_LIKE)
        .map((o) => o.label)
        .join(' '),
    ).not.toContain('Advanced Data Protection');
  });
});

describe('direction wording', () => {
  test.each([
    ['lookup', 'by', 'Looked up by the target'],
    ['lookup', 'of', 'Someone looked up the target'],
    ['routing', 'by', 'Sent by the target'],
    ['routing', 'of', 'Sent to the target'],
    ['call', 'by', 'Call placed by the target'],
    ['call', 'of', 'Call to the target'],
    ['queue', 'by', 'Waiting for the target'],
  ] as const)('%s %s → %s', (category, direction, text) => {
    expect(directionWords(category, direction)).toBe(text);
  });

  test('every category has words for both directions', () => {
    for (const c of CATEGORIES) for (const d of ['by', 'of'] as const) expect(directionWords(c, d)).toMatch(/target/);
  });
});

describe('record details', () => {
  test('fields in the site’s labels, dates as simulated time', () => {
    expect(fieldsText({ handle: '+15550100142', registeredAt: DAY + 9 * HOUR })).toBe('Handle: +15550100142 · Registered: Day 2, 09:00');
    expect(fieldsText({})).toBe('no fields kept beyond the date');
  });

  test.each([
    [{ expiresAt: 30 * DAY + 9 * HOUR }, 'Held until Day 31.'],
    [{ expiresAt: Number.POSITIVE_INFINITY }, 'Held for ever.'],
    [{ expiresAt: Number.POSITIVE_INFINITY, deliveredAt: DAY + 15 * MINUTE }, 'Delivered Day 2, 00:15.'],
  ])('held %o → %s', (record, text) => {
    expect(heldWords(record)).toBe(text);
  });

  test('grouped in category order, empty groups left out', () => {
    const groups = groupByCategory([produced(3, 'connection'), produced(1, 'account'), produced(2, 'connection')]);
    expect(groups.map((g) => [g.category, g.records.map((r) => r.seq)])).toEqual([
      ['account', [1]],
      ['connection', [3, 2]],
    ]);
  });

  test('"latest only" records show the day; pen-register captures the full time', () => {
    const at = 3 * DAY + 14 * HOUR;
    expect(recordedWords(produced(1, 'connection', { recordedAt: at }), SIGNAL_LIKE)).toBe('Day 4');
    expect(recordedWords(produced(1, 'connection', { recordedAt: at, deliveredAt: at }), SIGNAL_LIKE)).toBe('Day 4, 14:00');
    expect(recordedWords(produced(1, 'connection', { recordedAt: at }), APPLE_2016)).toBe('Day 4, 14:00');
  });
});

describe('no longer held: a concrete deadline', () => {
  const gone = (category: NoLongerHeld['category'], recordedAt: number, goneAt: number): NoLongerHeld => ({
    seq: 1,
    category,
    recordedAt,
    goneAt,
    direction: 'by',
  });
  test.each([
    ['a lookup kept 30 days', gone('lookup', 9 * HOUR, 30 * DAY + 9 * HOUR), APPLE_2016, 'expired on Day 31 (kept 30 days)'],
    ['a connection kept 25 days', gone('connection', 0, 25 * DAY), APPLE_2020S, 'expired on Day 26 (kept 25 days)'],
    ['a queued message delivered', gone('queue', 0, 3 * DAY + HOUR), APPLE_2016, 'deleted on delivery, Day 4'],
    ['a latest-only record superseded', gone('connection', 0, 2 * DAY), SIGNAL_LIKE, 'replaced by a newer record on Day 3'],
  ])('%s', (_, item, policy, text) => {
    expect(goneWords(item, policy)).toBe(text);
  });
});

describe('pen register', () => {
  const requests = [
    { at: DAY, process: 'pen-register' as const, target: '+15550100100' },
    { at: 2 * DAY, process: 'subpoena' as const, target: '+15550100100' },
    { at: 3 * DAY, process: 'pen-register' as const, target: '+15550100100' },
  ];
  test.each([
    ['pen-register', '+15550100100', 5 * DAY, 3 * DAY],
    ['pen-register', '+15550100100', 2 * DAY, DAY],
    ['pen-register', '+15550100100', 0, undefined],
    ['pen-register', 'ben@example.org', 5 * DAY, undefined],
    ['subpoena', '+15550100100', 5 * DAY, 2 * DAY],
  ] as const)('%s for %s viewed at %d → served %s', (process, target, viewAt, expected) => {
    expect(lastServedAt(requests, process, target, viewAt)).toBe(expected);
  });

  test('batches delivered by a moment, oldest first, with their sizes', () => {
    const records = [
      produced(1, 'lookup', { deliveredAt: 2 * DAY }),
      produced(2, 'lookup', { deliveredAt: DAY }),
      produced(3, 'lookup', { deliveredAt: 2 * DAY }),
      produced(4, 'lookup', { deliveredAt: 3 * DAY }),
    ];
    expect(batches(records, 2 * DAY)).toEqual([
      { at: DAY, count: 1 },
      { at: 2 * DAY, count: 2 },
    ]);
    expect(batches([produced(1, 'lookup')], 2 * DAY)).toEqual([]);
  });

  test.each([
    [0, 'as it happens'],
    [15, 'every 15 minutes'],
    [1, 'every 1 minute'],
    [60, 'every hour'],
    [120, 'every 2 hours'],
    [24 * 60, 'once a day'],
  ])('batches of %d minutes: %s', (minutes, text) => {
    expect(batchWords(minutes)).toBe(text);
  });

  test('served, then time passes: the WhatsApp-like pen register delivers batches (model end to end)', () => {
    const actor = startSimulation({ scenario: castScenario(), policy: WHATSAPP_LIKE });
    actor.send({ type: 'legal.request', process: 'pen-register', target: '+15550100100' });
    actor.send({ type: 'time.advanceBy', ms: HOUR });
    actor.send({ type: 'message.sent', device: 'ana-phone', to: ['ben@example.org'], text: 'hi' });
    actor.send({ type: 'time.advanceBy', ms: HOUR });
    const c = actor.getSnapshot().context;
    const request = selectLegalRequest(c, 'pen-register', '+15550100100');
    expect(request).toMatchObject({ stage: 'collecting', servedAt: 0 });
    const from = request.servedAt!;
    const r = request.response;
    expect(r).toEqual(selectLegal(c, 'pen-register', '+15550100100', from));
    expect(r.prospective).toBe(true);
    const delivered = batches(r.produced, c.session.world.now);
    expect(delivered.length).toBeGreaterThan(0);
    expect(delivered.every((b) => (b.at - from) % (15 * MINUTE) === 0)).toBe(true);
  });
});

describe('sourceByline: how pages cite a source', () => {
  test.each([
    [{ publisher: 'The Intercept (Sam Biddle)', date: '2016-09-28' }, 'The Intercept (Sam Biddle), 28 September 2016'],
    [{ publisher: 'Apple', date: '2015-09' }, 'Apple, September 2015'],
    [{ publisher: 'Apple' }, 'Apple'],
  ])('%o → %s', (source, byline) => {
    expect(sourceByline(source)).toBe(byline);
  });
});

describe('citations', () => {
  // Panels cite by name, not number, so they never clash with an explainer's numbered references.
  const ids = [...readSourceIds()].sort();

  test('every source in content/sources/ has a short label, and no label is left over', () => {
    expect(Object.keys(SOURCE_LABELS).sort()).toEqual(ids);
  });

  test('labels are unique, short, and never a bare number', () => {
    const labels = Object.values(SOURCE_LABELS);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) {
      expect(label.length, label).toBeLessThanOrEqual(36);
      expect(label, label).not.toMatch(/^\s*\d+\s*$/);
    }
  });

  test.each(ids)('%s: its label carries the year of a dated source', (id) => {
    const date = /^date:\s*"?(\d{4})/m.exec(readFileSync(`content/sources/${id}.yaml`, 'utf8'))?.[1];
    if (date) expect(sourceLabel(id)).toContain(date);
    else expect(sourceLabel(id)).not.toMatch(/\b(19|20)\d\d\b/);
  });

  test('every source the presets cite has a label; an unknown id shows as itself', () => {
    for (const preset of [APPLE_2016, APPLE_2020S, SIGNAL_LIKE, WHATSAPP_LIKE, KEEP_NOTHING]) {
      const cited = [...CATEGORIES.flatMap((c) => preset.retention[c].sources), ...preset.contentViaBackup.sources];
      for (const id of cited) expect(sourceLabel(id), `${preset.name}: ${id}`).not.toBe(id);
    }
    expect(sourceLabel('not-a-source')).toBe('not-a-source');
    expect(sourceLabel('toString')).toBe('toString');
  });
});

describe('retention wording', () => {
  test.each([
    [{ kind: 'days', days: 30 }, '30 days', '30'],
    [{ kind: 'days', days: 1 }, '1 day', '1'],
    [{ kind: 'days', days: 0 }, 'not kept', '0'],
    [{ kind: 'forever' }, 'for ever', ''],
    [{ kind: 'latest' }, 'latest only, date only', ''],
  ] as [Keep, string, string][])('%o → %s', (keep, words, input) => {
    expect(retentionWords(keep)).toBe(words);
    expect(retentionInput(keep)).toBe(input);
  });
});

describe('custom retention input', () => {
  test.each([
    ['', { ok: true, days: null }],
    ['  ', { ok: true, days: null }],
    ['0', { ok: true, days: 0 }],
    [' 7 ', { ok: true, days: 7 }],
    ['3650', { ok: true, days: 3650 }],
  ])('%j is valid', (text, result) => {
    expect(parseRetention(text)).toEqual(result);
  });

  test.each(['3651', '-1', '2.5', '1e3', 'abc', '?'])('%j is refused with a message', (text) => {
    const result = parseRetention(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/0 to 3650/);
  });

  test('only changed inputs count; a "latest only" rule left alone stays as it was', () => {
    const inputs = Object.fromEntries(CATEGORIES.map((c) => [c, retentionInput(SIGNAL_LIKE.retention[c].keep)]));
    const unchanged = customPolicy(SIGNAL_LIKE, inputs);
    expect(unchanged.ok && unchanged.changed).toBe(0);
    const result = customPolicy(SIGNAL_LIKE, { ...inputs, lookup: '7' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.changed).toBe(1);
    expect(result.policy.id).toBe('custom');
    expect(result.policy.name).toBe('Custom (from Signal-like)');
    expect(result.policy.retention.lookup.keep).toEqual({ kind: 'days', days: 7 });
    expect(result.policy.retention.lookup.assumption).toBe('Set by the reader.');
    expect(result.policy.retention.connection.keep).toEqual({ kind: 'latest' });
  });

  test('empty means for ever; customising a custom policy keeps its name and earlier changes', () => {
    const first = customPolicy(APPLE_2016, { lookup: '' });
    if (!first.ok) throw new Error('expected ok');
    expect(first.policy.retention.lookup.keep).toEqual({ kind: 'forever' });
    const second = customPolicy(first.policy, { call: '2' });
    if (!second.ok) throw new Error('expected ok');
    expect(second.policy.name).toBe('Custom (from Apple, 2016)');
    expect(second.policy.retention.lookup.keep).toEqual({ kind: 'forever' });
    expect(second.policy.retention.call.keep).toEqual({ kind: 'days', days: 2 });
  });

  test('any invalid input: errors per category and no policy', () => {
    const result = customPolicy(APPLE_2016, { lookup: '4000', call: 'x', connection: '5' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['call', 'lookup']);
  });
});

describe('compare', () => {
  test('rows flag the categories that differ, and the difference reads as text', () => {
    const actor = startSimulation({ scenario: castScenario() });
    actor.send({ type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' });
    actor.send({ type: 'compare.set', policy: KEEP_NOTHING });
    const comparison = selectCompare(actor.getSnapshot().context);
    const rows = compareRows(comparison);
    expect(rows.map((r) => r.category)).toEqual([...CATEGORIES]);
    const lookup = rows.find((r) => r.category === 'lookup');
    expect(lookup?.counts).toEqual([1, 0]);
    expect(lookup?.differs).toBe(true);
    expect(rows.find((r) => r.category === 'queue')?.differs).toBe(false);
  });

  test.each([
    [[3, 3], 'same'],
    [[3, 5], '+2'],
    [[5, 3], '−2'],
  ])('difference %j → %s', (counts, text) => {
    expect(difference(counts)).toBe(text);
  });

  test('precision and recall in words, counting only links that show a conversation', () => {
    const tally = (t: Partial<GraphTally>): { tally: GraphTally } => ({
      tally: { conversations: 0, conversationsReal: 0, lookupOnly: 0, talked: 0, shownAsConversation: 0, shownAsLookup: 0, ...t },
    });
    expect(graphWords(tally({}))).toEqual({ precision: 'The records show no conversation.', recall: 'Nobody has talked yet.' });
    expect(graphWords(tally({ conversations: 2, conversationsReal: 1, talked: 1, shownAsConversation: 1 }))).toEqual({
      precision: 'The records show 2 conversations; 1 is real (precision 50%).',
      recall: 'Of 1 real conversation, 1 shows in the records as one (recall 100%).',
    });
    // Two pairs talked; the records hold only a lookup between one of them, which is said apart, never as a conversation.
    expect(graphWords(tally({ lookupOnly: 1, talked: 2, shownAsLookup: 1 }))).toEqual({
      precision: 'The records show no conversation. 1 more is only an address looked up.',
      recall: 'Of 2 real conversations, 0 show in the records as one (recall 0%), 1 only as a lookup.',
    });
  });
});
