import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  CATEGORIES,
  DAY,
  DEFAULT_ENGINE,
  LEGAL_PROCESSES,
  PRESETS,
  act,
  advanceTo,
  allRecords,
  createSession,
  heldAt,
  heldAtWith,
  heldPage,
  legalResponse,
  metadataOnlyCrypto,
  preservedUntil,
  retentionEnd,
  type Engine,
  type LedgerRecord,
  type Policy,
  type Session,
  type WorldConfig,
} from '../../../src/model/index.ts';
import { HANDLES, PLAINTEXT_MARKER, stepsArb, type Step } from './arbitraries.ts';
import { castScenario } from './fixtures.ts';

const RUNS = 300;
const fast: Engine = { crypto: metadataOnlyCrypto, policies: PRESETS };

function run(steps: Step[], engine: Engine = fast, seed = 1, config: Partial<WorldConfig> = {}): Session {
  const s = createSession(castScenario({ seed }), { engine, config });
  for (const step of steps) {
    if (step.kind === 'act') act(s, step.action, engine);
    else advanceTo(s, s.world.now + step.ms, engine);
  }
  return s;
}

/** The definition of "held", applied to every record one by one. */
function bruteForceHeld(all: LedgerRecord[], policy: Policy, t: number): number[] {
  return all
    .filter((o) => {
      if (o.recordedAt > t || (o.endedAt !== undefined && o.endedAt <= t)) return false;
      const keep = policy.retention[o.category].keep;
      if (keep.kind === 'latest') {
        return !all.some((n) => n.category === o.category && n.handles[0] === o.handles[0] && n.seq > o.seq && n.recordedAt <= t);
      }
      return t < retentionEnd(policy, o.category, o.recordedAt);
    })
    .map((o) => o.seq)
    .sort((a, b) => a - b);
}

/**
 * Four moments to query, drawn by the property itself as fractions of the session (so a failure
 * replays from its seed), made into times once the session's length is known; plus its end.
 */
const fractionsArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 });
const times = (s: Session, fractions: readonly number[]) => fractions.map((f) => Math.floor(f * Math.max(0, s.world.now))).concat([s.world.now]);

// 300 runs each take a few seconds, more on a busy machine: the timeout is about load, not a limit.
describe('properties over random action sequences', { timeout: 60_000 }, () => {
  test('nothing is held past its retention, under every preset, unless a preservation request in force keeps it', () => {
    fc.assert(
      fc.property(stepsArb, fractionsArb, (steps, fractions) => {
        const s = run(steps);
        const { ledger, preservations } = s.world;
        for (const policy of PRESETS) {
          for (const t of times(s, fractions)) {
            const kept = preservedUntil(ledger, policy, preservations, t);
            for (const category of CATEGORIES) {
              for (const o of heldAt(ledger, policy, t)[category]) {
                expect(t).toBeLessThan(retentionEnd(policy, category, o.recordedAt));
                expect(o.recordedAt).toBeLessThanOrEqual(t);
              }
              for (const o of heldAtWith(ledger, policy, t, preservations)[category]) {
                expect(o.recordedAt).toBeLessThanOrEqual(t);
                if (t >= retentionEnd(policy, category, o.recordedAt)) expect(kept.get(o.seq) ?? -1, `seq ${o.seq} at ${t}`).toBeGreaterThan(t);
              }
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('the held-at query equals a brute-force recomputation', () => {
    fc.assert(
      fc.property(stepsArb, fractionsArb, (steps, fractions) => {
        const s = run(steps);
        const all = allRecords(s.world.ledger);
        for (const policy of PRESETS) {
          for (const t of times(s, fractions)) {
            const held = Object.values(heldAt(s.world.ledger, policy, t))
              .flat()
              .map((o) => o.seq)
              .sort((a, b) => a - b);
            expect(held).toEqual(bruteForceHeld(all, policy, t));
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('pruning forgets only what no policy in play holds anywhere in the scrub window', () => {
    const window = 2 * DAY;
    // Keep-forever would hold everything, so nothing could ever be forgotten: leave it out.
    const policies = PRESETS.filter((p) => p.retention.lookup.keep.kind !== 'forever');
    const engine: Engine = { crypto: metadataOnlyCrypto, policies };
    let pruned = 0;
    fc.assert(
      // The moments inside the window are drawn by the property itself, so a failure replays from its seed.
      fc.property(stepsArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }), (steps, fractions) => {
        const kept = run(steps, engine);
        const bounded = run(steps, engine, 1, { scrubWindowMs: window });
        // Plain retention, and with the preservation requests served: a frozen record is never pruned.
        const seqs = (s: Session, policy: Policy, t: number) =>
          [heldAt(s.world.ledger, policy, t), heldAtWith(s.world.ledger, policy, t, s.world.preservations)].map((held) =>
            Object.values(held)
              .flat()
              .map((o) => o.seq),
          );
        const now = bounded.world.now;
        const from = Math.max(0, now - window);
        const inWindow = fractions.map((f) => from + Math.floor(f * (now - from))).concat([now, from]);
        for (const policy of policies) for (const t of inWindow) expect(seqs(bounded, policy, t)).toEqual(seqs(kept, policy, t));
        pruned += Object.values(bounded.world.ledger.pruned).reduce((a, b) => a + b, 0);
      }),
      { numRuns: RUNS },
    );
    // Not vacuous: across the runs, pruning really did forget records.
    expect(pruned).toBeGreaterThan(0);
  });

  test('provider-side state never contains any plaintext (real encryption)', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const s = run(steps, { ...DEFAULT_ENGINE, policies: PRESETS });
        const provider = JSON.stringify({ ledger: s.world.ledger, directory: s.world.directory, queue: s.world.queue, legal: s.world.legalRequests });
        expect(provider).not.toContain(PLAINTEXT_MARKER);
        // The property can fail: plaintext really is in device state whenever a message was sent.
        const sent = steps.some((st) => st.kind === 'act' && st.action.type === 'message.sent');
        if (sent && Object.values(s.world.devices).some((d) => d.messages.length > 0)) {
          expect(JSON.stringify(s.world.devices)).toContain(PLAINTEXT_MARKER);
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  test('the same seed and actions give a byte-identical journal', () => {
    fc.assert(
      fc.property(stepsArb, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (steps, seed) => {
        const a = run(steps, fast, seed);
        const b = run(steps, fast, seed);
        expect(JSON.stringify(b.world.journal)).toBe(JSON.stringify(a.world.journal));
        expect(JSON.stringify(b.world.ledger)).toBe(JSON.stringify(a.world.ledger));
      }),
      { numRuns: RUNS },
    );
  });

  test('legal responses only contain categories the policy allows for that process', () => {
    fc.assert(
      fc.property(stepsArb, fc.constantFrom(...HANDLES), fractionsArb, (steps, target, fractions) => {
        const s = run(steps);
        for (const policy of PRESETS) {
          for (const process of LEGAL_PROCESSES) {
            for (const t of times(s, fractions)) {
              const query = { process, target, servedAt: t, at: s.world.now, backupMode: 'standard' as const, preservations: s.world.preservations };
              const r = legalResponse(s.world.ledger, policy, query);
              for (const p of r.produced) {
                expect(policy.legal[process].categories).toContain(p.category);
                expect(p.handles).toContain(target);
              }
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('paginated held-at', () => {
  test('pages, concatenated, equal the full held set newest first', () => {
    fc.assert(
      fc.property(stepsArb, fc.integer({ min: 1, max: 7 }), (steps, size) => {
        const s = run(steps);
        for (const policy of PRESETS) {
          const t = s.world.now;
          const all = Object.values(heldAt(s.world.ledger, policy, t))
            .flat()
            .sort((a, b) => b.seq - a.seq)
            .map((o) => o.seq);
          const paged: number[] = [];
          for (let offset = 0; offset < all.length + size; offset += size) {
            const page = heldPage(s.world.ledger, policy, t, offset, size);
            expect(page.total).toBe(all.length);
            paged.push(...page.records.map((o) => o.seq));
          }
          expect(paged).toEqual(all);
        }
      }),
      { numRuns: 100 },
    );
  });
});
