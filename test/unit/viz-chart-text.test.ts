import { describe, expect, test } from 'vitest';
import { DAY, selectGraph, selectHandles, startSimulation } from '../../src/model/index.ts';
import type { GraphTally } from '../../src/model/index.ts';
import { countsText, graphSummary, nodeLabels, retentionNote, retentionWindow, timelineDayText } from '../../src/components/sim/charts/chart-text.ts';
import { castScenario } from './model/fixtures.ts';

describe('retentionWindow', () => {
  test.each([
    [{ kind: 'days', days: 30 } as const, 40 * DAY, { from: 10 * DAY, to: 40 * DAY, label: 'Lookup records younger than 30 days are held' }],
    [{ kind: 'days', days: 30 } as const, 5 * DAY, { from: 0, to: 5 * DAY, label: 'Lookup records younger than 30 days are held' }],
    [{ kind: 'days', days: 1 } as const, 3 * DAY, { from: 2 * DAY, to: 3 * DAY, label: 'Lookup records younger than 1 day are held' }],
    [{ kind: 'forever' } as const, 3 * DAY, { from: 0, to: 3 * DAY, label: 'Lookup records are held for ever' }],
    [{ kind: 'days', days: 0 } as const, 3 * DAY, undefined],
    [{ kind: 'latest' } as const, 3 * DAY, undefined],
  ])('%j at %d ms', (keep, now, expected) => {
    expect(retentionWindow(keep, now)).toEqual(expected);
  });

  test('says why there is no band', () => {
    expect(retentionNote({ kind: 'days', days: 0 })).toBe('Lookup records are not kept under this policy.');
    expect(retentionNote({ kind: 'latest' })).toMatch(/latest/);
    expect(retentionNote({ kind: 'days', days: 30 })).toBeUndefined();
  });
});

describe('graphSummary', () => {
  const t = (over: Partial<GraphTally>): GraphTally => ({
    conversations: 0,
    conversationsReal: 0,
    lookupOnly: 0,
    talked: 0,
    shownAsConversation: 0,
    shownAsLookup: 0,
    ...over,
  });
  test.each([
    [t({}), 'From the records held, an observer can draw no links; nobody has really talked yet.'],
    // The case a reader met: three pairs talked, two of them linked only by a lookup. Never "all 3 revealed".
    [
      t({ conversations: 1, conversationsReal: 1, lookupOnly: 2, talked: 3, shownAsConversation: 1, shownAsLookup: 2 }),
      'The records show 1 conversation (a real one) and 2 addresses looked up and nothing more; of the 3 pairs who really talked, 1 shows as a conversation, 2 only as an address looked up.',
    ],
    [t({ lookupOnly: 1 }), 'The records show 1 address looked up and nothing more; nobody has really talked yet.'],
    [
      t({ lookupOnly: 1, talked: 1, shownAsLookup: 1 }),
      'The records show 1 address looked up and nothing more; the one pair who really talked shows only as an address looked up.',
    ],
    [
      t({ conversations: 1, conversationsReal: 1, talked: 1, shownAsConversation: 1 }),
      'The records show 1 conversation (a real one); the one pair who really talked shows as a conversation.',
    ],
    [t({ talked: 1 }), 'From the records held, an observer can draw no links; the one pair who really talked does not show at all.'],
    [
      t({ conversations: 1, talked: 3 }),
      'The records show 1 conversation (not a real one); of the 3 pairs who really talked, none shows as a conversation, 3 not at all.',
    ],
    [
      t({ conversations: 4, conversationsReal: 2, talked: 2, shownAsConversation: 2 }),
      'The records show 4 conversations (2 real); of the 2 pairs who really talked, both show as conversations.',
    ],
    [
      t({ conversations: 5, conversationsReal: 5, talked: 6, shownAsConversation: 5, shownAsLookup: 1 }),
      'The records show 5 conversations (all real); of the 6 pairs who really talked, 5 show as a conversation, 1 only as an address looked up.',
    ],
  ])('%j', (counts, words) => {
    expect(graphSummary(counts)).toBe(words);
  });
});

describe('nodeLabels', () => {
  const cast = [
    { handle: '+15550100142', name: 'Ana' },
    { handle: 'ana@example.org', name: 'Ana' },
    { handle: 'ben@example.org', name: 'Ben' },
  ];
  test('names for the cast, the handle when a name would be ambiguous, and the handle for strangers', () => {
    expect(nodeLabels(['+15550100142', 'ben@example.org', '+15550100999'], cast)).toEqual({
      // Names are isolated (FSI…PDI): these labels are SVG text, where <bdi> cannot go.
      '+15550100142': '\u2068Ana\u2069',
      'ben@example.org': '\u2068Ben\u2069',
      '+15550100999': '+15550100999',
    });
    expect(nodeLabels(['+15550100142', 'ana@example.org'], cast)).toEqual({
      '+15550100142': '\u2068Ana\u2069 (phone)',
      'ana@example.org': '\u2068Ana\u2069 (email)',
    });
    const twoPhones = [...cast, { handle: '+15550100143', name: 'Ana' }];
    expect(nodeLabels(['+15550100142', '+15550100143', 'ana@example.org'], twoPhones)).toEqual({
      '+15550100142': '\u2068Ana\u2069 (+15550100142)',
      '+15550100143': '\u2068Ana\u2069 (+15550100143)',
      'ana@example.org': '\u2068Ana\u2069 (email)',
    });
  });

  test('with the model: a looked-up stranger and a contact', () => {
    const actor = startSimulation({ scenario: castScenario(), crypto: 'metadata-only' });
    actor.send({ type: 'address.entered', device: 'ana-phone', address: '+1 555 010 0999' });
    actor.send({ type: 'address.entered', device: 'ana-phone', address: 'Ben' });
    const context = actor.getSnapshot().context;
    const graph = selectGraph(context);
    const labels = nodeLabels(graph.nodes, selectHandles(context));
    expect(Object.values(labels).sort()).toEqual(['+15550100999', '\u2068Ana\u2069', '\u2068Ben\u2069']);
    actor.stop();
  });
});

describe('countsText', () => {
  test('a total and the non-zero counts, in order', () => {
    expect(
      countsText([
        { label: 'Account', count: 2 },
        { label: 'Lookup record', count: 0 },
        { label: 'Connection', count: 1 },
      ]),
    ).toBe('3 records held (Account: 2, Connection: 1)');
    expect(countsText([{ label: 'Account', count: 1 }])).toBe('1 record held (Account: 1)');
    expect(countsText([{ label: 'Account', count: 0 }])).toBe('no records held');
  });
});

describe('timelineDayText: what the records-held chart says of a day', () => {
  const counts = (lookup: number) => ({ account: 2, registration: 3, connection: 3, lookup, routing: 0, queue: 0, call: 0 });
  const days = [1, 2, 3].map((day) => ({ day, t: day * DAY, counts: counts(day), total: 8 + day }));
  const at = { today: 2, now: 1.5 * DAY, viewAt: 1.5 * DAY };

  test('a day that has ended gives its counts at its end', () => {
    expect(timelineDayText(days, 1, at)).toMatch(/^End of day 1: 9 records held \(.*Lookup[^:]*: 1\b/);
  });
  test('today gives what is held so far, with the time now', () => {
    expect(timelineDayText(days, 2, at)).toMatch(/^Day 2 so far \(now: Day 2, 12:00\): /);
  });
  test('a day still to come says how to get there', () => {
    expect(timelineDayText(days, 3, at)).toBe('Day 3 has not happened yet. Click it, or press Enter, to let time run to Day 3, 00:00.');
  });
  test('a past day being viewed is marked', () => {
    expect(timelineDayText(days, 1, { ...at, viewAt: DAY })).toMatch(/^Viewing: End of day 1/);
  });
});
