import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  APPLE_2016,
  CATEGORIES,
  DAY,
  HOUR,
  KEEP_NOTHING,
  PRESETS,
  SIGNAL_LIKE,
  act,
  advanceTo,
  createSession,
  firstActionSeq,
  heldAt,
  heldAtWith,
  metadataOnlyCrypto,
  preservationsAt,
  recentChanges,
  recordSpans,
  spanHeldAt,
  type Engine,
  type Session,
} from '../../../src/model/index.ts';
import { stepsArb, type Step } from './arbitraries.ts';
import { castScenario } from './fixtures.ts';

const fast: Engine = { crypto: metadataOnlyCrypto, policies: PRESETS };

function run(steps: Step[]): Session {
  const s = createSession(castScenario(), { engine: fast });
  for (const step of steps) {
    if (step.kind === 'act') act(s, step.action, fast);
    else advanceTo(s, s.world.now + step.ms, fast);
  }
  return s;
}

const spansOf = (s: Session, policy = APPLE_2016) => recordSpans(s.world.ledger, policy, firstActionSeq(s.world.journal, s.world.ledger.nextSeq));
/** The spans as known at `t`: with the preservation requests as they stood then. */
const spansAt = (s: Session, policy: typeof APPLE_2016, t: number) =>
  recordSpans(s.world.ledger, policy, firstActionSeq(s.world.journal, s.world.ledger.nextSeq), preservationsAt(s.world.preservations, t));

describe('record spans', () => {
  test('a span holds its record exactly when the held-at query does, under every preset and at any moment', () => {
    fc.assert(
      fc.property(stepsArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }), (steps, fractions) => {
        const s = run(steps);
        for (const policy of PRESETS) {
          const spans = spansOf(s, policy);
          for (const t of fractions.map((f) => Math.floor(f * s.world.now)).concat([s.world.now])) {
            const held = CATEGORIES.flatMap((c) => heldAt(s.world.ledger, policy, t)[c].map((o) => o.seq)).sort((a, b) => a - b);
            expect(spans.filter((span) => spanHeldAt(span, t)).map((span) => span.seq)).toEqual(held);
            // With the preservation requests as they stood at t, the spans say what held-at with them says,
            // and none says "preserved" for a request not served by then or until a renewal not made by then.
            const known = preservationsAt(s.world.preservations, t);
            const withHeld = CATEGORIES.flatMap((c) => heldAtWith(s.world.ledger, policy, t, known)[c].map((o) => o.seq)).sort((a, b) => a - b);
            const asOf = spansAt(s, policy, t);
            expect(asOf.filter((span) => spanHeldAt(span, t)).map((span) => span.seq)).toEqual(withHeld);
            const lapses = known.map((p) => p.servedAt + (p.renewedAt === undefined ? 90 : 180) * DAY);
            for (const span of asOf) if (span.preservedUntil !== undefined) expect(lapses).toContain(span.preservedUntil);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  test('what the world starts with is on file since sign-up; what the reader does is not', () => {
    const s = run([]);
    const before = spansOf(s);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((span) => span.onFile)).toBe(true);
    act(s, { type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' }, fast);
    const lookup = spansOf(s).find((span) => span.category === 'lookup');
    expect(lookup).toMatchObject({ onFile: false, endsAt: lookup!.recordedAt + 30 * DAY, ending: 'retention' });
  });

  test('a "latest only" record is replaced by the next one about the same handle; kept-for-ever ones never end', () => {
    const s = run([{ kind: 'wait', ms: 2 * DAY }]);
    act(s, { type: 'device.network', device: 'ana-phone', network: 'cafe' }, fast);
    const connections = spansOf(s, SIGNAL_LIKE).filter((span) => span.category === 'connection' && span.record.handles[0] === '+15550100100');
    expect(connections.length).toBeGreaterThanOrEqual(2);
    const [older, newest] = [connections.at(-2)!, connections.at(-1)!];
    expect(older).toMatchObject({ ending: 'replaced', endsAt: newest.recordedAt });
    expect(newest).toMatchObject({ ending: 'never', endsAt: Number.POSITIVE_INFINITY });
    expect(spansOf(s).find((span) => span.category === 'account')).toMatchObject({ ending: 'never' });
  });

  test('a queued message ends when it is delivered', () => {
    const s = run([]);
    act(s, { type: 'device.offline', device: 'ben-phone' }, fast);
    act(s, { type: 'message.sent', device: 'ana-phone', to: ['ben@example.org'], text: 'hi' }, fast);
    advanceTo(s, 3 * HOUR, fast);
    act(s, { type: 'device.online', device: 'ben-phone' }, fast);
    const queued = spansOf(s).find((span) => span.category === 'queue');
    expect(queued).toMatchObject({ ending: 'delivered', endsAt: 3 * HOUR });
  });

  test('a policy that keeps nothing holds no span for any time at all', () => {
    const s = run([]);
    act(s, { type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' }, fast);
    const lookup = spansOf(s, KEEP_NOTHING).find((span) => span.category === 'lookup')!;
    expect(lookup.endsAt).toBe(lookup.recordedAt);
    expect(spanHeldAt(lookup, lookup.recordedAt)).toBe(false);
  });
});

describe('recent changes', () => {
  test('names the newest recordings and expiries first, and leaves out what was on file', () => {
    const s = run([]);
    act(s, { type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' }, fast);
    advanceTo(s, 2 * HOUR, fast);
    act(s, { type: 'address.entered', device: 'ana-phone', address: 'cy@example.org' }, fast);
    const spans = spansOf(s);
    const [first, second] = spans.filter((span) => span.category === 'lookup');
    expect(recentChanges(spans, HOUR)).toEqual([{ kind: 'recorded', at: first!.recordedAt, span: first }]);
    expect(recentChanges(spans, 3 * HOUR).map((c) => c.span.seq)).toEqual([second!.seq, first!.seq]);
    // Thirty days after the first lookup it expires: the newest change is now that expiry.
    const later = recentChanges(spans, first!.endsAt, 1);
    expect(later).toEqual([{ kind: 'expired', at: first!.endsAt, span: first }]);
  });

  test('the newest few are the head of every change sorted newest first, in any run', () => {
    fc.assert(
      fc.property(stepsArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 6 }), (steps, f, count) => {
        const s = run(steps);
        const spans = spansOf(s, APPLE_2016);
        const at = Math.floor(f * s.world.now);
        // The reference: every change up to `at`, sorted in full.
        const all = spans
          .filter((span) => !span.onFile && span.endsAt > span.recordedAt)
          .flatMap((span) => [
            ...(span.recordedAt <= at ? [{ kind: 'recorded' as const, at: span.recordedAt, span }] : []),
            ...(span.endsAt <= at ? [{ kind: 'expired' as const, at: span.endsAt, span }] : []),
          ])
          .sort((a, b) => b.at - a.at || (a.kind === b.kind ? b.span.seq - a.span.seq : a.kind === 'expired' ? -1 : 1));
        expect(recentChanges(spans, at, count)).toEqual(all.slice(0, count));
      }),
      { numRuns: 100 },
    );
  });
});
