import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  CATEGORIES,
  DAY,
  HOUR,
  LEGAL_PROCESSES,
  PRESETS,
  persistSimulation,
  restoreSimulation,
  selectCompare,
  selectGraph,
  selectHandles,
  selectHeld,
  selectHeldCounts,
  selectLegal,
  selectSpans,
  selectTimeline,
  selectViewAt,
  spanHeldAt,
  sessionEnd,
  startSimulation,
  withRetention,
  type Policy,
  type SimulationContext,
  type SimulationEvent,
  type SimulationInput,
} from '../../../src/model/index.ts';
import { HANDLES, stepArb } from './arbitraries.ts';
import { castScenario } from './fixtures.ts';

/**
 * Issue #7: 1,000 random valid sequences of everything a page can send the simulation actor
 * (reader actions, time, policy, compare, backup, assumptions, view, reset) never throw, never put the actor
 * in an error state, and leave every selector a panel calls answerable, then survive a save and
 * restore. The 1,000 runs use metadata-only crypto (as the benches do), which keeps them to seconds;
 * 100 more run the real P-256 + AES-GCM crypto the page uses (about 30 ms a sequence).
 */
const RUNS = 1000;
const REAL_CRYPTO_RUNS = 100;
const INPUT: SimulationInput = { scenario: castScenario(), crypto: 'metadata-only' };
const REAL_INPUT: SimulationInput = { scenario: castScenario() };
const END = INPUT.scenario.duration * DAY;

const policyArb: fc.Arbitrary<Policy> = fc.oneof(
  fc.constantFrom(...PRESETS),
  // A custom policy, as the retention form makes: some categories in days (0 = not kept), some for ever.
  fc
    .record({
      base: fc.constantFrom(...PRESETS),
      changes: fc.dictionary(fc.constantFrom(...CATEGORIES), fc.option(fc.integer({ min: 0, max: 3650 }), { nil: null })),
    })
    .map(({ base, changes }) => withRetention(base, changes)),
);
/** Moments before, inside and past the session, as a scrub or a "go to day" can ask for. */
const momentArb = fc.integer({ min: 0, max: END + 10 * DAY });

const controlArb: fc.Arbitrary<SimulationEvent> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 12 * DAY }).map((ms) => ({ type: 'time.advanceBy' as const, ms })) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 6 * HOUR }).map((ms) => ({ type: 'time.advanceBy' as const, ms })) },
  { weight: 1, arbitrary: momentArb.map((t) => ({ type: 'time.jumpTo' as const, t })) },
  { weight: 1, arbitrary: policyArb.map((policy) => ({ type: 'policy.set' as const, policy })) },
  { weight: 1, arbitrary: fc.option(fc.constantFrom(...PRESETS), { nil: undefined }).map((policy) => ({ type: 'compare.set' as const, policy })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('off', 'standard', 'adp').map((mode) => ({ type: 'backup.set' as const, mode: mode as SimulationContext['backupMode'] })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record(
        { lookupCacheHours: fc.integer({ min: 0, max: 720 }), queueHoldDays: fc.integer({ min: 1, max: 30 }), staleOnDeviceChange: fc.boolean() },
        { requiredKeys: [] },
      )
      .map((assumptions) => ({ type: 'assumptions.set' as const, assumptions })),
  },
  { weight: 2, arbitrary: momentArb.map((t) => ({ type: 'view.scrub' as const, t })) },
  { weight: 1, arbitrary: fc.constant({ type: 'view.live' as const }) },
  {
    weight: 1,
    arbitrary: fc.option(fc.nat(1000), { nil: undefined }).map((seed) => (seed === undefined ? { type: 'reset' as const } : { type: 'reset' as const, seed })),
  },
);

const readerArb: fc.Arbitrary<SimulationEvent> = stepArb.map((step) =>
  step.kind === 'act' ? (step.action as SimulationEvent) : { type: 'time.advanceBy' as const, ms: step.ms },
);

const eventsArb = fc.array(fc.oneof({ weight: 3, arbitrary: readerArb }, { weight: 2, arbitrary: controlArb }), { minLength: 1, maxLength: 40 });

/** Every question a panel asks of the context, as the islands ask it. */
function askEverything(c: SimulationContext): void {
  const held = selectHeld(c);
  const counts = selectHeldCounts(c);
  expect(CATEGORIES.reduce((n, k) => n + counts[k], 0)).toBe(held.length);
  lanesAgree(c, held);
  selectTimeline(c);
  selectGraph(c);
  selectCompare(c);
  for (const process of LEGAL_PROCESSES) selectLegal(c, process, HANDLES[0]!);
  for (const h of selectHandles(c)) selectLegal(c, '2703d', h.handle);
}

/**
 * The lanes (spans as known at the moment viewed) hold what the ledger holds then, and say
 * "preserved until" exactly what the ledger says a request in force then keeps, never a request
 * served or renewed after the moment viewed.
 */
function lanesAgree(c: SimulationContext, held = selectHeld(c)): void {
  const viewAt = selectViewAt(c);
  const spans = selectSpans(c).filter((s) => spanHeldAt(s, viewAt));
  expect(spans.map((s) => s.seq).sort((a, b) => a - b)).toEqual(held.map((r) => r.seq).sort((a, b) => a - b));
  const preserved = new Map(held.map((r) => [r.seq, r.preservedUntil]));
  for (const s of spans) expect(preserved.get(s.seq), `record ${s.seq} at ${viewAt}`).toBe(s.preservedUntil);
}

/** Runs one sequence through a fresh actor and checks everything; throws on any failure. */
function runSequence(input: SimulationInput, events: SimulationEvent[]): void {
  const actor = startSimulation(input);
  const failures: unknown[] = [];
  actor.subscribe({ error: (err) => failures.push(err) });
  let last = -1;
  for (const event of events) {
    actor.send(event);
    const snapshot = actor.getSnapshot();
    expect(snapshot.status, `after ${event.type}`).toBe('active');
    const c = snapshot.context;
    // Time never goes back (a reset starts again at 0), never passes the end, and views stay inside it.
    if (event.type !== 'reset') expect(c.session.world.now).toBeGreaterThanOrEqual(Math.max(0, last));
    // Playing the story again under other assumptions comes back to the same moment.
    if (event.type === 'assumptions.set') expect(c.session.world.now).toBe(Math.max(0, last));
    expect(c.session.world.now).toBeLessThanOrEqual(sessionEnd(c.session));
    if (c.viewAt !== undefined) expect(c.viewAt).toBeLessThanOrEqual(c.session.world.now);
    // Looking back is where a view could say what was not yet so: check the lanes at every scrub.
    if (event.type === 'view.scrub') lanesAgree(c);
    last = c.session.world.now;
  }
  expect(failures).toEqual([]);
  const context = actor.getSnapshot().context;
  askEverything(context);
  // Saved and restored, the actor is the same moment with the same records, and carries on.
  const restored = restoreSimulation(persistSimulation(actor), input);
  const again = restored.getSnapshot().context;
  expect(again.session.world.now).toBe(context.session.world.now);
  expect(selectHeld(again).map((r) => r.seq)).toEqual(selectHeld(context).map((r) => r.seq));
  restored.send({ type: 'time.advanceBy', ms: DAY });
  expect(restored.getSnapshot().status).toBe('active');
  actor.stop();
  restored.stop();
}

describe('fuzz: random valid event sequences through the simulation actor', () => {
  test(`${RUNS} sequences never throw, never error the actor, and round-trip a save (metadata-only crypto)`, () => {
    fc.assert(
      fc.property(eventsArb, (events) => runSequence(INPUT, events)),
      { numRuns: RUNS },
    );
  }, 120_000);

  test(`${REAL_CRYPTO_RUNS} more with the real crypto the page uses`, () => {
    fc.assert(
      fc.property(eventsArb, (events) => runSequence(REAL_INPUT, events)),
      { numRuns: REAL_CRYPTO_RUNS },
    );
  }, 120_000);
});
