import { configAssumptions, type Assumptions } from './assumptions.ts';
import { countHeldAtWith, heldAtWith, preservationsAt, preservationsKeyAt, preservedUntil, type Preservation } from './preservation.ts';
import type { Policy } from './policy.ts';
import { CATEGORIES, type Category } from './records.ts';
import type { SimTime } from './time.ts';
import { toHeldRecord, type HeldRecord } from './held-record.ts';
import type { SimulationContext } from './machine.ts';
import { sessionEnd } from './session.ts';
import { firstActionSeq, recordSpans, type RecordSpan } from './spans.ts';

/**
 * Selectors: the questions islands ask. Each is a pure function of the simulation's context
 * (and of a moment, where one is asked), so any panel can look at any past moment cheaply.
 */

/** The simulated present. */
export const selectNow = (c: SimulationContext): SimTime => c.session.world.now;

/** The modelled unknowns this run plays under (assumptions.ts), in the scenario's units. */
export const selectAssumptions = (c: SimulationContext): Assumptions => configAssumptions(c.session.world.config);

/**
 * How many records of `category` the provider has written so far, held or not (the store the site
 * runs keeps all history): what a change of assumptions changes, whatever the retention.
 */
export const selectRecordsMade = (c: SimulationContext, category: Category): number => {
  const { ledger } = c.session.world;
  return ledger.byCategory[category].length - ledger.start[category];
};

/** The moment views show: a scrubbed past moment, or now. */
export const selectViewAt = (c: SimulationContext): SimTime => c.viewAt ?? c.session.world.now;

/** The end of the scenario's last day: time stops there. */
export const selectEnd = (c: SimulationContext): SimTime => sessionEnd(c.session);

/** Where time stands: the present, the moment views show, and the end. */
export interface Clock {
  now: SimTime;
  /** A scrubbed past moment, or `now`. */
  viewAt: SimTime;
  end: SimTime;
}

/** A fresh object each time: compare by value (`sameClock`), or by the context's `revision`. */
export const selectClock = (c: SimulationContext): Clock => ({ now: selectNow(c), viewAt: selectViewAt(c), end: selectEnd(c) });

export const sameClock = (a: Clock, b: Clock): boolean => a.now === b.now && a.viewAt === b.viewAt && a.end === b.end;

/** The policy in force (the one records are kept under and legal process is answered by). */
export const selectPolicy = (c: SimulationContext): Policy => c.policy;

/** Records held at `t` under `policy`, newest first, with only the kept fields. */
export function selectHeld(c: SimulationContext, t: SimTime = selectViewAt(c), policy: Policy = c.policy): HeldRecord[] {
  const { ledger } = c.session.world;
  const preservations = selectPreservationsAt(c, t);
  const held = heldAtWith(ledger, policy, t, preservations);
  const preserved = preservedUntil(ledger, policy, preservations, t);
  const out: HeldRecord[] = [];
  for (const category of CATEGORIES) for (const o of held[category]) out.push(toHeldRecord(o, policy, preserved.get(o.seq)));
  return out.sort((a, b) => b.seq - a.seq);
}

export function selectHeldCounts(c: SimulationContext, t: SimTime = selectViewAt(c), policy: Policy = c.policy): Record<Category, number> {
  return countHeldAtWith(c.session.world.ledger, policy, t, c.session.world.preservations);
}

/** Every handle in the cast, for pickers. */
export function selectHandles(c: SimulationContext): { handle: string; person: string; name: string }[] {
  return Object.values(c.session.world.people).flatMap((p) => p.handles.map((handle) => ({ handle, person: p.id, name: p.name })));
}

/** Every device's key seed, so a page can derive keys ahead of the first message that needs them. */
export function selectKeySeeds(c: SimulationContext): string[] {
  return Object.values(c.session.world.devices).map((device) => device.keySeed);
}

/**
 * The preservation requests as they stood at `t` (the moment viewed): served by then, renewed
 * only if the renewal had come. Every view of a moment reads preservation through this.
 */
export function selectPreservationsAt(c: SimulationContext, t: SimTime = selectViewAt(c)): readonly Preservation[] {
  return preservationsAt(c.session.world.preservations, t);
}

/**
 * Every stored record's span under `policy` (see spans.ts), as known at `at`: what the retention
 * lanes draw and the card and labels say. Spans depend on the moment viewed only through the
 * preservation requests in force by then (a request served or renewed later is not known yet),
 * so they change only when scrubbing crosses one (selectSpansKey).
 */
export function selectSpans(c: SimulationContext, policy: Policy = c.policy, at: SimTime = selectViewAt(c)): RecordSpan[] {
  const { ledger, journal } = c.session.world;
  return recordSpans(ledger, policy, firstActionSeq(journal, ledger.nextSeq), selectPreservationsAt(c, at));
}

/** The sequence number the next record will get: records from it on are made after this moment. */
export function selectNextSeq(c: SimulationContext): number {
  return c.session.world.ledger.nextSeq;
}

/**
 * A key that changes whenever the spans could: a new record, a queued message ending (delivered
 * or dropped), records pruned from the live store, a preservation request served or renewed. It
 * is cheap to compute on every tick of playback, which selectSpans is not (see lib/sim/spans-memo.ts).
 */
export function selectHistoryKey(c: SimulationContext): string {
  const { ledger, preservations } = c.session.world;
  let ended = 0;
  const queue = ledger.byCategory.queue;
  for (let i = ledger.start.queue; i < queue.length; i++) if (queue[i]?.endedAt !== undefined) ended++;
  let pruned = 0;
  for (const n of Object.values(ledger.pruned)) pruned += n;
  const renewed = preservations.reduce((n, p) => n + (p.renewedAt === undefined ? 0 : 1), 0);
  return `${ledger.nextSeq}:${ended}:${pruned}:${preservations.length}:${renewed}`;
}

/** A key that changes whenever `selectSpans(c, c.policy, at)` could: the history's, and the requests known at `at`. */
export function selectSpansKey(c: SimulationContext, at: SimTime = selectViewAt(c)): string {
  return `${selectHistoryKey(c)}@${preservationsKeyAt(c.session.world.preservations, at)}`;
}
