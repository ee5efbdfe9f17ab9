import { describe, expect, test } from 'vitest';
import { APPLE_2016, DAY, HOUR, SIGNAL_LIKE, type HeldRecord } from '../../src/model/index.ts';
import { FIELD_COLUMNS, HELD_HEADER, heldCsv, heldRow } from '../../src/lib/held-rows.ts';
import { ledgerCsv, ledgerJson } from '../../src/lib/sim/ledger-export.ts';

const record = (over: Partial<HeldRecord>): HeldRecord => ({
  seq: 7,
  category: 'lookup',
  recordedAt: 2 * DAY + 9 * HOUR,
  expiresAt: 32 * DAY + 9 * HOUR,
  fields: { requesterHandle: '+15550100142', lookedUpHandle: 'ben@example.org', deviceCount: 2 },
  handles: ['+15550100142', 'ben@example.org'],
  ...over,
});

describe('heldRow: one held record as the text the CSV and the CLI print', () => {
  test('times as "Day N, HH:MM", fields as kept', () => {
    expect(heldRow(record({}), APPLE_2016)).toEqual({
      seq: 7,
      category: 'lookup',
      recorded: 'Day 3, 09:00',
      expires: 'Day 33, 09:00',
      fields: { requesterHandle: '+15550100142', lookedUpHandle: 'ben@example.org', deviceCount: 2 },
    });
  });

  test.each([
    ['a record kept for ever', record({ expiresAt: Number.POSITIVE_INFINITY }), 'expires', 'never'],
    [
      'a registration time in a field',
      record({ category: 'account', fields: { handle: '+15550100142', registeredAt: DAY + 30 * 60_000 } }),
      'fields',
      { handle: '+15550100142', registeredAt: 'Day 2, 00:30' },
    ],
  ] as const)('%s', (_what, input, key, expected) => {
    expect(heldRow(input, APPLE_2016)[key]).toEqual(expected);
  });

  test('a record its policy keeps only to the day shows only the day; without the policy, the time the model rounded to', () => {
    const connection = record({ category: 'connection', recordedAt: 4 * DAY, expiresAt: Number.POSITIVE_INFINITY, fields: { handle: '+15550100142' } });
    expect(heldRow(connection, SIGNAL_LIKE).recorded).toBe('Day 5');
    expect(heldRow(connection).recorded).toBe('Day 5, 00:00');
    expect(heldRow(connection, APPLE_2016).recorded).toBe('Day 5, 00:00');
  });
});

describe('heldCsv and the ledger download share one projection', () => {
  test('header, then a row as wide as the header with empty cells for fields not kept', () => {
    const [header, row, end] = heldCsv([heldRow(record({}), APPLE_2016)]).split('\r\n');
    expect(header).toBe(HELD_HEADER.join(','));
    expect(row!.split(',')).toHaveLength(HELD_HEADER.length + 2); // the two dates carry a comma each, quoted
    expect(row).toMatch(/^7,Lookup record,"Day 3, 09:00","Day 33, 09:00",/);
    expect(end).toBe('');
    expect(new Set(FIELD_COLUMNS).size).toBe(FIELD_COLUMNS.length);
  });

  test('ledgerCsv is heldCsv over heldRow; ledgerJson lists the same rows', () => {
    const records = [record({}), record({ seq: 8, category: 'connection', recordedAt: 4 * DAY, fields: { handle: '=1+1' } })];
    expect(ledgerCsv(records, SIGNAL_LIKE)).toBe(heldCsv(records.map((r) => heldRow(r, SIGNAL_LIKE))));
    expect(ledgerCsv(records, SIGNAL_LIKE)).toContain(",'=1+1");
    const json = JSON.parse(ledgerJson(records, 5 * DAY, SIGNAL_LIKE));
    expect(json).toEqual({ at: 'Day 6, 00:00', policy: 'signal-like', held: records.map((r) => heldRow(r, SIGNAL_LIKE)) });
  });
});
