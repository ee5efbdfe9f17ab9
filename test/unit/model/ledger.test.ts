import { describe, expect, test } from 'vitest';
import { APPLE_2020S, DAY, append, countHeldAt, emptyLedger, heldAt, prune, storedCount } from '../../../src/model/index.ts';

/** A lookup every 90 simulated seconds for `days` days, pruned at the end of each day as the world does. */
function busyDirectory(days: number, scrubWindowMs: number) {
  const ledger = emptyLedger();
  const checks: { day: number; stored: number; held: number; dead: number; length: number }[] = [];
  for (let day = 1; day <= days; day++) {
    for (let t = (day - 1) * DAY; t < day * DAY; t += 90_000) {
      append(ledger, {
        category: 'lookup',
        recordedAt: t,
        handles: ['+15550100100', '+15550100200'],
        fields: { requesterHandle: '+15550100100', requesterIp: '203.0.113.1', lookedUpHandle: '+15550100200', deviceCount: 1 },
      });
    }
    prune(ledger, [APPLE_2020S], day * DAY, scrubWindowMs);
    const list = ledger.byCategory.lookup;
    checks.push({ day, stored: storedCount(ledger), held: countHeldAt(ledger, APPLE_2020S, day * DAY).lookup, dead: ledger.start.lookup, length: list.length });
  }
  return { ledger, checks };
}

describe('the live store', () => {
  test('holds what the policy holds now and nothing more, once nobody may look back', () => {
    const { checks } = busyDirectory(60, 0);
    for (const c of checks) expect(c.stored).toBe(c.held);
    // 960 lookups a day, kept 25 days: the store stops growing at 24,000 less the one made exactly
    // 25 days ago, which expires at this very moment.
    expect(checks.at(-1)!.stored).toBe(25 * 960 - 1);
  });

  test('keeps the scrub window answerable', () => {
    const { ledger } = busyDirectory(40, 5 * DAY);
    const now = 40 * DAY;
    const unpruned = busyDirectory(40, Number.POSITIVE_INFINITY).ledger;
    for (const t of [now - 5 * DAY, now - 2 * DAY, now]) {
      expect(heldAt(ledger, APPLE_2020S, t).lookup.map((o) => o.seq)).toEqual(heldAt(unpruned, APPLE_2020S, t).lookup.map((o) => o.seq));
    }
    expect(ledger.pruned.lookup).toBeGreaterThan(0);
  });

  test('lets go of forgotten records: the dead part of a list stays under an eighth, or 1,024 records', () => {
    const { checks } = busyDirectory(120, 0);
    for (const c of checks) expect(c.dead).toBeLessThanOrEqual(Math.max(1024, c.length / 8));
    // Memory follows what is held, not elapsed time: the list is no longer at day 120 than at day 30.
    expect(checks.at(-1)!.length).toBeLessThanOrEqual(Math.ceil((checks[29]!.length * 9) / 8));
  });
});
