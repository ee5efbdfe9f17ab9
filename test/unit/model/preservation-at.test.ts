import { describe, expect, test } from 'vitest';
import {
  DAY,
  preservationsAt,
  preservationsKeyAt,
  selectHeld,
  selectLegal,
  selectPreservationsAt,
  selectSpans,
  selectSpansKey,
  startSimulation,
  type Preservation,
  type RecordSpan,
} from '../../../src/model/index.ts';
import { castScenario } from './fixtures.ts';

const ANA = '+15550100100';

describe('preservationsAt: the requests as they stood at a moment', () => {
  const p: Preservation = { target: ANA, servedAt: 5 * DAY, renewedAt: 80 * DAY };
  test.each([
    ['before it was served: none', 4 * DAY, [], '0.0'],
    ['served, not yet renewed: the first 90 days only', 50 * DAY, [{ target: ANA, servedAt: 5 * DAY }], '1.0'],
    ['renewed: as it is', 80 * DAY, [p], '1.1'],
    ['after the lapse: still the request that was served and renewed', 200 * DAY, [p], '1.1'],
  ] as const)('%s', (_d, t, expected, key) => {
    expect(preservationsAt([p], t)).toEqual(expected);
    expect(preservationsKeyAt([p], t)).toBe(key);
  });

  test('the same array when nothing is left out, so nothing downstream recomputes', () => {
    const all = [p];
    expect(preservationsAt(all, 100 * DAY)).toBe(all);
  });
});

/**
 * Ana looks Ben up on day 1 (Apple 2016 keeps it 30 days, until Day 31); a preservation request for
 * her number is served on day 5 (lapse Day 95) and renewed on day 80 (lapse Day 185). Each view of
 * a moment says what was in force then.
 */
describe('selectSpans and selectHeld at the moment viewed', () => {
  const actor = startSimulation({ scenario: castScenario({ duration: 200 }), crypto: 'metadata-only' });
  const c = () => actor.getSnapshot().context;
  actor.send({ type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' });
  actor.send({ type: 'time.jumpTo', t: 4 * DAY });
  actor.send({ type: 'preservation.requested', target: ANA });
  actor.send({ type: 'time.jumpTo', t: 79 * DAY });
  actor.send({ type: 'preservation.renewed', target: ANA });
  actor.send({ type: 'time.jumpTo', t: 199 * DAY });
  const lookupAt = (t: number) => selectSpans(c(), c().policy, t).find((s) => s.category === 'lookup' && !s.onFile) as RecordSpan;
  const heldLookup = (t: number) => selectHeld(c(), t).find((r) => r.category === 'lookup');

  test('before the request was served: its plain retention, nothing preserved', () => {
    expect(selectPreservationsAt(c(), 2 * DAY)).toEqual([]);
    const span = lookupAt(2 * DAY);
    expect(span).toMatchObject({ ending: 'retention', endsAt: 30 * DAY });
    expect(span.preservedUntil).toBeUndefined();
    expect(span.ownEndsAt).toBeUndefined();
    expect(heldLookup(2 * DAY)?.preservedUntil).toBeUndefined();
  });

  test('served, before the renewal: preserved until the first lapse', () => {
    expect(lookupAt(40 * DAY)).toMatchObject({ ending: 'preserved', preservedUntil: 94 * DAY, ownEndsAt: 30 * DAY, endsAt: 94 * DAY });
    expect(heldLookup(40 * DAY)?.preservedUntil).toBe(94 * DAY);
    const order = selectLegal(c(), '2703d', ANA, 40 * DAY);
    expect(order.produced.filter((r) => r.category === 'lookup').map((r) => r.preservedUntil)).toEqual([94 * DAY]);
  });

  test('after the renewal: preserved until the renewed lapse', () => {
    expect(lookupAt(100 * DAY)).toMatchObject({ ending: 'preserved', preservedUntil: 184 * DAY, endsAt: 184 * DAY });
    expect(heldLookup(100 * DAY)?.preservedUntil).toBe(184 * DAY);
  });

  test('after the lapse: released at the lapse, and no longer held', () => {
    expect(lookupAt(190 * DAY)).toMatchObject({ ending: 'preserved', endsAt: 184 * DAY });
    expect(heldLookup(190 * DAY)).toBeUndefined();
  });

  test('the spans key changes exactly when scrubbing crosses the service or the renewal', () => {
    const key = (t: number) => selectSpansKey(c(), t);
    expect(key(1 * DAY)).toBe(key(3 * DAY));
    expect(key(3 * DAY)).not.toBe(key(4 * DAY));
    expect(key(4 * DAY)).toBe(key(78 * DAY));
    expect(key(78 * DAY)).not.toBe(key(79 * DAY));
    expect(key(79 * DAY)).toBe(key(199 * DAY));
  });
});
