import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  APPLE_2016,
  CATEGORIES,
  DAY,
  PRESETS,
  allRecords,
  apply,
  countHeldAt,
  countHeldAtWith,
  createWorld,
  frozenBy,
  heldAt,
  heldAtWith,
  lapsesAt,
  legalResponse,
  metadataOnlyCrypto,
  preservationStage,
  preservedUntil,
  recordSpans,
  spanHeldAt,
  type Action,
  type Cast,
  type Engine,
  type Policy,
  type Preservation,
  type WorldState,
} from '../../../src/model/index.ts';
import { HANDLES, readerStepArb, stepArb, type Step } from './arbitraries.ts';
import { castScenario } from './fixtures.ts';
import { ScenarioError } from '../../../src/model/index.ts';

const ANA = '+15550100100';
const BEN = 'ben@example.org';
const CAST = castScenario().cast as Cast;

const world = (policy: Policy, scrubWindowMs: number | null = null): { world: WorldState; engine: Engine } => {
  const engine: Engine = { crypto: metadataOnlyCrypto, policies: [policy] };
  return { world: createWorld(CAST, 7, { scrubWindowMs }, engine), engine };
};

/** Runs `steps` on `w`; waits advance the clock. */
function play(w: { world: WorldState; engine: Engine }, steps: readonly Step[], after?: () => void): void {
  for (const step of steps) {
    const action: Action = step.kind === 'act' ? step.action : { type: 'time.advance', to: w.world.now + step.ms };
    apply(w.world, action, w.engine);
    after?.();
  }
}

const seqs = (held: Record<string, readonly { seq: number }[]>): number[] =>
  Object.values(held)
    .flat()
    .map((o) => o.seq)
    .sort((a, b) => a - b);

/** Reader steps, with preservation requests and renewals on the cast's handles and waits long enough for them to lapse. */
const withPreservationArb: fc.Arbitrary<Step[]> = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: stepArb },
    {
      weight: 2,
      arbitrary: fc
        .record({ type: fc.constantFrom('preservation.requested' as const, 'preservation.renewed' as const), target: fc.constantFrom(...HANDLES) })
        .map((action): Step => ({ kind: 'act', action })),
    },
    { weight: 1, arbitrary: fc.integer({ min: 20 * DAY, max: 100 * DAY }).map((ms): Step => ({ kind: 'wait', ms })) },
  ),
  { minLength: 1, maxLength: 30 },
);
const policyArb = fc.constantFrom(...PRESETS);

describe('preservation requests: properties', () => {
  test('nothing a request in force froze is ever pruned, and held-at answers as if nothing were pruned', () => {
    fc.assert(
      fc.property(withPreservationArb, policyArb, (steps, policy) => {
        const full = world(policy);
        const pruned = world(policy, 0);
        let i = 0;
        play(pruned, steps, () => {
          play(full, [steps[i++] as Step]);
          const now = pruned.world.now;
          const stored = new Set(allRecords(pruned.world.ledger).map((o) => o.seq));
          for (const p of full.world.preservations.filter((q) => q.servedAt <= now && now < lapsesAt(q))) {
            for (const c of CATEGORIES) for (const o of frozenBy(full.world.ledger, policy, c, p)) expect(stored.has(o.seq)).toBe(true);
          }
          expect(seqs(heldAtWith(pruned.world.ledger, policy, now, pruned.world.preservations))).toEqual(
            seqs(heldAtWith(full.world.ledger, policy, now, full.world.preservations)),
          );
        });
      }),
      { numRuns: 150 },
    );
  });

  test('while in force a request adds exactly what it froze; once lapsed, held-at is what retention alone holds', () => {
    fc.assert(
      fc.property(withPreservationArb, policyArb, fc.integer({ min: 0, max: 400 * DAY }), (steps, policy, t) => {
        const w = world(policy);
        play(w, steps);
        const { ledger, preservations } = w.world;
        const inForce = preservations.filter((p) => p.servedAt <= t && t < lapsesAt(p));
        const frozen = new Set<number>();
        for (const p of inForce)
          for (const c of CATEGORIES)
            for (const o of frozenBy(ledger, policy, c, p)) if (o.recordedAt <= t && (o.endedAt === undefined || o.endedAt > t)) frozen.add(o.seq);
        const expected = [...new Set([...seqs(heldAt(ledger, policy, t)), ...frozen])].sort((a, b) => a - b);
        expect(seqs(heldAtWith(ledger, policy, t, preservations))).toEqual(expected);
        const counts = countHeldAtWith(ledger, policy, t, preservations);
        expect(CATEGORIES.reduce((n, c) => n + counts[c], 0)).toBe(expected.length);
        // The retention lanes' bars say the same.
        const spans = recordSpans(ledger, policy, 0, preservations);
        expect(spans.filter((s) => spanHeldAt(s, t)).map((s) => s.seq)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  test('a lapsed request releases exactly what it froze: each goes by its own clock, or at the lapse if that has run out', () => {
    fc.assert(
      fc.property(withPreservationArb, policyArb, (steps, policy) => {
        const w = world(policy);
        play(w, [...steps, { kind: 'act', action: { type: 'preservation.requested', target: ANA } }, ...steps]);
        const { ledger, preservations } = w.world;
        const p = preservations.find((q) => q.target === ANA) as Preservation;
        const lapse = lapsesAt(p);
        // Only this request, so nothing else is in force at its lapse.
        const only = [p];
        const before = new Set(seqs(heldAtWith(ledger, policy, lapse - 1, only)));
        const at = new Set(seqs(heldAtWith(ledger, policy, lapse, only)));
        const released = [...before].filter((s) => !at.has(s));
        const plainBefore = new Set(seqs(heldAt(ledger, policy, lapse - 1)));
        const plainAt = new Set(seqs(heldAt(ledger, policy, lapse)));
        const kept = preservedUntil(ledger, policy, only, lapse - 1);
        // Released at the lapse: the frozen records whose own clock had already run out, and what retention releases then anyway.
        expect(released.sort((a, b) => a - b)).toEqual([...before].filter((s) => kept.has(s) || (plainBefore.has(s) && !plainAt.has(s))).sort((a, b) => a - b));
        expect(seqs(heldAtWith(ledger, policy, lapse, only))).toEqual(seqs(heldAt(ledger, policy, lapse)));
      }),
      { numRuns: 150 },
    );
  });

  test('with no preservation request, every query answers exactly as the plain ledger does', () => {
    fc.assert(
      fc.property(fc.array(readerStepArb, { minLength: 1, maxLength: 24 }), policyArb, fc.integer({ min: 0, max: 80 * DAY }), (steps, policy, t) => {
        const w = world(policy);
        play(w, steps);
        const { ledger } = w.world;
        expect(w.world.preservations).toEqual([]);
        expect(heldAtWith(ledger, policy, t, [])).toEqual(heldAt(ledger, policy, t));
        expect(countHeldAtWith(ledger, policy, t, [])).toEqual(countHeldAt(ledger, policy, t));
        expect(recordSpans(ledger, policy, 0, [])).toEqual(recordSpans(ledger, policy, 0));
        const query = { process: '2703d' as const, target: ANA, servedAt: t, at: t, backupMode: 'off' as const };
        expect(legalResponse(ledger, policy, { ...query, preservations: [] })).toEqual({
          ...legalResponse(ledger, policy, query),
          query: { ...query, preservations: [] },
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe('preservation requests in the world', () => {
  const served = () => {
    const w = world(APPLE_2016);
    apply(w.world, { type: 'address.entered', device: 'ana-phone', address: BEN }, w.engine);
    apply(w.world, { type: 'time.advance', to: 5 * DAY }, w.engine);
    return w;
  };

  test('a day-5 request keeps a day-1 lookup past its 30 days, until the request lapses on day 96', () => {
    const w = served();
    const entry = apply(w.world, { type: 'preservation.requested', target: ANA }, w.engine);
    expect(entry.notes).toEqual([`preservation request served for ${ANA}: records held until Day 96`]);
    // Made while the request is in force: frozen too (PRESERVATION_ASSUMPTION), and Ben's own lookup of Ana names her.
    apply(w.world, { type: 'time.advance', to: 10 * DAY }, w.engine);
    apply(w.world, { type: 'address.entered', device: 'ben-phone', address: ANA }, w.engine);
    apply(w.world, { type: 'time.advance', to: 60 * DAY }, w.engine);
    const lookup = heldAtWith(w.world.ledger, APPLE_2016, 60 * DAY, w.world.preservations).lookup;
    expect(lookup.map((o) => o.recordedAt)).toEqual([0, 10 * DAY]);
    expect(lookup.map((o) => o.handles[0])).toEqual([ANA, BEN]);
    expect(heldAt(w.world.ledger, APPLE_2016, 60 * DAY).lookup).toHaveLength(0);
    expect(heldAtWith(w.world.ledger, APPLE_2016, 60 * DAY, []).lookup).toHaveLength(0);
    expect(preservedUntil(w.world.ledger, APPLE_2016, w.world.preservations, 60 * DAY).get(lookup[0]!.seq)).toBe(95 * DAY);
    expect(heldAtWith(w.world.ledger, APPLE_2016, 95 * DAY, w.world.preservations).lookup).toHaveLength(0);
    // An order served on day 60 produces it, and says why it is still there.
    const order = legalResponse(w.world.ledger, APPLE_2016, {
      process: '2703d',
      target: ANA,
      servedAt: 60 * DAY,
      at: 60 * DAY,
      backupMode: 'off',
      preservations: w.world.preservations,
    });
    expect(order.produced.filter((r) => r.category === 'lookup').map((r) => r.preservedUntil)).toEqual([95 * DAY, 95 * DAY]);
  });

  test('one renewal, while in force, adds 90 days; a second renewal, or one after the lapse, is rejected with the reason', () => {
    const w = served();
    expect(apply(w.world, { type: 'preservation.renewed', target: ANA }, w.engine).reason).toBe(
      `no preservation request for ${ANA} is in force: serve one first`,
    );
    apply(w.world, { type: 'preservation.requested', target: ANA }, w.engine);
    expect(apply(w.world, { type: 'preservation.requested', target: '+1 555 010 0100' }, w.engine).reason).toBe(
      `a preservation request for ${ANA} is in force until Day 96: renew it instead`,
    );
    apply(w.world, { type: 'time.advance', to: 80 * DAY }, w.engine);
    expect(apply(w.world, { type: 'preservation.renewed', target: ANA }, w.engine).notes).toEqual([
      `preservation request renewed for ${ANA}: records held until Day 186`,
    ]);
    expect(apply(w.world, { type: 'preservation.renewed', target: ANA }, w.engine).reason).toBe(
      `the preservation request for ${ANA} was already renewed once: the law provides one renewal`,
    );
    expect(apply(w.world, { type: 'preservation.requested', target: 'not a handle' }, w.engine).reason).toBe(
      'target "not a handle" is not a phone number or email address',
    );
    expect(w.world.preservations).toEqual([{ target: ANA, servedAt: 5 * DAY, renewedAt: 80 * DAY }]);
  });

  test('a policy that keeps nothing of a category has nothing there to preserve', () => {
    const keepNothing = PRESETS.find((p) => p.id === 'keep-nothing') as Policy;
    const w = world(keepNothing);
    apply(w.world, { type: 'preservation.requested', target: ANA }, w.engine);
    apply(w.world, { type: 'address.entered', device: 'ana-phone', address: BEN }, w.engine);
    expect(frozenBy(w.world.ledger, keepNothing, 'lookup', w.world.preservations[0]!)).toEqual([]);
  });

  test('a message queued for an offline device is never said to be preserved: it leaves the queue at the hold limit', () => {
    const w = world(APPLE_2016);
    apply(w.world, { type: 'device.offline', device: 'ben-tablet' }, w.engine);
    apply(w.world, { type: 'preservation.requested', target: BEN }, w.engine);
    apply(w.world, { type: 'message.sent', device: 'ana-phone', to: [BEN], text: 'Still there?' }, w.engine);
    const queued = w.world.ledger.byCategory.queue.filter((o) => o.handles.includes(BEN));
    expect(queued).toHaveLength(1);
    expect(frozenBy(w.world.ledger, APPLE_2016, 'queue', w.world.preservations[0]!)).toEqual([]);
    expect(preservedUntil(w.world.ledger, APPLE_2016, w.world.preservations, 1 * DAY).has(queued[0]!.seq)).toBe(false);
    // Dropped at the 30-day hold, it is gone, though the request is in force until day 91.
    apply(w.world, { type: 'time.advance', to: 31 * DAY }, w.engine);
    expect(heldAtWith(w.world.ledger, APPLE_2016, 31 * DAY, w.world.preservations).queue.filter((o) => o.handles.includes(BEN))).toEqual([]);
  });
});

describe('preservation request statechart', () => {
  const p = { target: ANA, servedAt: 5 * DAY };
  test.each([
    ['not served', undefined, 3 * DAY, 'drafted'],
    ['served later than the moment seen', p, 4 * DAY, 'drafted'],
    ['in force', p, 50 * DAY, 'preserved'],
    ['lapsed after 90 days', p, 95 * DAY, 'lapsed'],
    ['renewed, seen before the renewal', { ...p, renewedAt: 80 * DAY }, 70 * DAY, 'preserved'],
    ['renewed, in force past the first 90 days', { ...p, renewedAt: 80 * DAY }, 150 * DAY, 'renewed'],
    ['renewed, lapsed after 180 days', { ...p, renewedAt: 80 * DAY }, 185 * DAY, 'lapsed'],
  ] as const)('%s', (_d, request, at, stage) => {
    expect(preservationStage(ANA, request, at)).toBe(stage);
  });
});

describe('preservation steps in scenario files', () => {
  const withScript = (script: unknown[]) => () => castScenario({ script, duration: 200 } as never);
  const message = (script: unknown[]): string => {
    try {
      withScript(script)();
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      return (e as Error).message;
    }
    throw new Error('expected a ScenarioError');
  };

  test('a request, then its one renewal within 90 days, is a valid script', () => {
    expect(
      withScript([
        { at: 'day 2', do: 'preservation-request', target: '+1 555 010 0100' },
        { at: 'day 80', do: 'renew-preservation', target: '+15550100100' },
      ]),
    ).not.toThrow();
  });

  test.each([
    ['a target that is no handle', [{ at: 'day 2', do: 'preservation-request', target: 'Ana' }], 'script[0].target: a phone number in international form'],
    ['a renewal with no request', [{ at: 'day 2', do: 'renew-preservation', target: ANA }], 'script[0].target: a target with a preservation request in force'],
    [
      'a renewal after the lapse',
      [
        { at: 'day 1', do: 'preservation-request', target: ANA },
        { at: 'day 95', do: 'renew-preservation', target: ANA },
      ],
      'script[1].target: a target with a preservation request in force',
    ],
    [
      'a second renewal',
      [
        { at: 'day 1', do: 'preservation-request', target: ANA },
        { at: 'day 2', do: 'renew-preservation', target: ANA },
        { at: 'day 3', do: 'renew-preservation', target: ANA },
      ],
      'script[2].do: at most one renew-preservation per request',
    ],
    [
      'a second request while one is in force',
      [
        { at: 'day 1', do: 'preservation-request', target: ANA },
        { at: 'day 2', do: 'preservation-request', target: ANA },
      ],
      'script[1].do: renew-preservation: a preservation request for +15550100100 is still in force',
    ],
  ])('%s is rejected, naming the field', (_d, script, expected) => {
    expect(message(script)).toContain(expected);
  });
});
