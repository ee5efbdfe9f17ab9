import { describe, expect, test } from 'vitest';
import { KEEP_FOREVER, DAY, HOUR, selectHeld, selectNow, selectSpans, startSimulation, type RecordSpan } from '../../src/model/index.ts';
import { describeChange, describeReturn, type Holdings } from '../../src/lib/sim/announce.ts';
import { expiresIn, expiryDay } from '../../src/lib/sim/format.ts';
import { ledgerCsv } from '../../src/lib/sim/ledger-export.ts';
import { castScenario } from './model/fixtures.ts';

const span = (seq: number, category: RecordSpan['category']): RecordSpan => ({
  seq,
  category,
  recordedAt: 0,
  endsAt: 30 * DAY,
  ending: 'retention',
  onFile: false,
  record: {} as RecordSpan['record'],
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
  // A scripted session: each step is what the reader did, and what the live region then says.
  const actor = startSimulation({ scenario: castScenario() });
  const holdings = (): Holdings => {
    const c = actor.getSnapshot().context;
    return { spans: selectSpans(c), now: selectNow(c), policyName: c.policy.name };
  };
  const say = (event: Parameters<typeof actor.send>[0]): string => {
    const before = holdings();
    actor.send(event);
    return describeChange(before, holdings(), actor.getSnapshot().context.latest);
  };

  test('walks a session: every event said once, repeats numbered, a switch said as what changed', () => {
    expect(say({ type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' })).toBe(
      'Lookup record #1, recorded Day 1, 00:00, kept until Day 31.',
    );
    // The second lookup is a sentence of its own, so a live region does not swallow it as a repeat.
    expect(say({ type: 'time.advanceBy', ms: 2 * HOUR })).toBe('');
    expect(say({ type: 'address.entered', device: 'ana-phone', address: '+15550100300' })).toBe('Lookup record #2, recorded Day 1, 02:00, kept until Day 31.');
    // Apple 2016 did not keep push routing: said as seen, never as kept.
    // One push per receiving device: Ben's three and Ana's own laptop.
    expect(say({ type: 'message.sent', device: 'ana-phone', to: ['ben@example.org'], text: 'hi' })).toBe('4 × push routing seen, not kept under Apple, 2016.');
    // The sign-ins on file go first (kept 25 days), then each lookup in turn.
    expect(say({ type: 'time.advanceBy', ms: 25 * DAY })).toBe('6 records no longer held: 6 × connection.');
    expect(say({ type: 'time.advanceBy', ms: 5 * DAY - HOUR })).toBe('Lookup record #1 from Day 1, 00:00: expired Day 31.');
    expect(say({ type: 'time.advanceBy', ms: 2 * HOUR })).toBe('Lookup record #2 from Day 1, 02:00: expired Day 31.');
    // Nothing happened in the world: the announcement says what the new policy holds, not that records arrived.
    const said = say({ type: 'policy.set', policy: KEEP_FOREVER });
    expect(said).toBe('Under Keep forever: 25 records held, was 13. Lookup record 2, was 0; push routing 4, was 0; connection 6, was 0.');
  });

  test('says why an action was refused', () => {
    expect(say({ type: 'device.offline', device: 'x' })).toMatch(/^Not done: .*"x"/);
  });

  test('counts many records instead of reading them all', () => {
    const spans = [1, 2, 3, 4, 5].map((i) => span(i, i % 2 ? 'lookup' : 'call'));
    expect(describeChange({ spans: [], now: DAY, policyName: 'P' }, { spans, now: DAY, policyName: 'P' }, [])).toBe(
      '5 records recorded: 3 × lookup record, 2 × call invitation.',
    );
  });

  test('says nothing when nothing changed', () => {
    const held = { spans: [span(1, 'account')], now: DAY, policyName: 'P' };
    expect(describeChange(held, held, [])).toBe('');
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
