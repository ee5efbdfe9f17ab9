import { describe, expect, test } from 'vitest';
import { DAY, HOUR, startSimulation, selectHeld, type HeldRecord } from '../../src/model/index.ts';
import { describeChange, describeReturn } from '../../src/lib/sim/announce.ts';
import { expiresIn, expiryDay } from '../../src/lib/sim/format.ts';
import { ledgerCsv } from '../../src/lib/sim/ledger-export.ts';
import { castScenario } from './model/fixtures.ts';

const record = (seq: number, category: HeldRecord['category'], recordedAt = 0, expiresAt = 30 * DAY): HeldRecord => ({
  seq,
  category,
  recordedAt,
  expiresAt,
  fields: {},
  handles: [],
});

describe('retention clock wording', () => {
  test.each([
    [30 * DAY, 0, 'expires in 30 days'],
    [DAY + 5 * HOUR, 0, 'expires in 1 day'],
    [5 * HOUR, 0, 'expires in 5 hours'],
    [10, 0, 'expires in 1 hour'],
    [Number.POSITIVE_INFINITY, 0, 'kept for ever'],
    [DAY, 2 * DAY, 'expired Day 2, 00:00'],
  ])('expiresAt %d at %d → %s', (expiresAt, now, text) => {
    expect(expiresIn(expiresAt, now)).toBe(text);
  });

  test('expiry day', () => {
    expect(expiryDay(30 * DAY + 9 * HOUR)).toBe('Day 31');
    expect(expiryDay(Number.POSITIVE_INFINITY)).toBe('never');
  });
});

describe('screen-reader announcements', () => {
  test('names each new record and when it will be gone', () => {
    expect(describeChange([], [record(1, 'lookup')], [])).toBe('Lookup record recorded, kept until Day 31.');
  });
  test('names expiring records', () => {
    expect(describeChange([record(1, 'lookup', 9 * HOUR)], [], [])).toBe('Lookup record from Day 1, 09:00 no longer held.');
  });
  test('summarises many changes instead of reading them all', () => {
    const many = [1, 2, 3, 4, 5].map((i) => record(i, i % 2 ? 'lookup' : 'call'));
    expect(describeChange([], many, [])).toBe('5 records added: 3 × lookup record, 2 × call invitation.');
  });
  test('says why an action was refused', () => {
    expect(
      describeChange(
        [],
        [],
        [{ t: 0, action: { type: 'device.offline', device: 'x' }, outcome: 'rejected', reason: 'unknown device "x"', records: [], notes: [] }],
      ),
    ).toBe('Not done: unknown device "x".');
  });
  test('says nothing when nothing changed', () => {
    expect(describeChange([record(1, 'account')], [record(1, 'account')], [])).toBe('');
  });
  test('says when the views come back to now, and only then', () => {
    expect(describeReturn(2 * DAY, undefined, 10 * DAY)).toBe('Back to now, Day 11, 00:00.');
    expect(describeReturn(undefined, undefined, 10 * DAY)).toBe('');
    expect(describeReturn(2 * DAY, 3 * DAY, 10 * DAY)).toBe('');
  });
});

describe('ledger export', () => {
  test('a CSV has one row per record plus a header, with CRLF line ends', () => {
    const actor = startSimulation({ scenario: castScenario() });
    actor.send({ type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' });
    const held = selectHeld(actor.getSnapshot().context);
    const csv = ledgerCsv(held, actor.getSnapshot().context.policy);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(held.length + 1);
    expect(csv).toContain('Lookup record,"Day 1, 00:00","Day 31, 00:00"');
  });
});

describe('reset', () => {
  test('starts the scenario again and keeps the chosen policy', async () => {
    const { APPLE_2020S } = await import('../../src/model/index.ts');
    const actor = startSimulation({ scenario: castScenario() });
    actor.send({ type: 'policy.set', policy: APPLE_2020S });
    actor.send({ type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' });
    actor.send({ type: 'time.advanceBy', ms: 3 * DAY });
    actor.send({ type: 'reset' });
    const c = actor.getSnapshot().context;
    expect(c.session.world.now).toBe(0);
    expect(c.policy.id).toBe('apple-2020s');
    expect(selectHeld(c).some((r) => r.category === 'lookup')).toBe(false);
  });
});

describe('reset with another seed', () => {
  test('rebuilds the same cast with different keys and push tokens', () => {
    const actor = startSimulation({ scenario: castScenario() });
    const token = () => actor.getSnapshot().context.session.world.devices['ana-phone']!.pushToken;
    const first = token();
    actor.send({ type: 'reset', seed: 99 });
    expect(actor.getSnapshot().context.session.world.seed).toBe(99);
    expect(token()).not.toBe(first);
    actor.send({ type: 'reset', seed: 1 });
    expect(token()).toBe(first);
  });
});
