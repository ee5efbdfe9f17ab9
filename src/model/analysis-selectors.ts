import { actualEdges, everLinked, inferGraph, type ContactGraph } from './inference.ts';
import { legalResponse, type LegalResponse } from './legal.ts';
import { heldAtWith } from './preservation.ts';
import type { LegalProcess, Policy } from './policy.ts';
import { CATEGORIES, type Category, type LedgerRecord } from './records.ts';
import type { SimTime } from './time.ts';
import { timeline, type TimelineDay } from './timeline.ts';
import type { SimulationContext } from './machine.ts';
import { selectHeldCounts, selectNow, selectViewAt } from './selectors.ts';

/**
 * The questions an observer asks of the history (the timeline, legal process, the contact graph, two
 * policies side by side), apart from selectors.ts, which the first screen's islands use: the panels
 * that ask these load on sight, and with them legal.ts, inference.ts and timeline.ts, so a page's first
 * load does not carry them (issue #17). Pure functions of the context, like every selector.
 */

/** Held records per category per day, from day 1 to the scenario's last day (future days empty). */
export function selectTimeline(c: SimulationContext, policy: Policy = c.policy): TimelineDay[] {
  const { world } = c.session;
  return timeline(world.ledger, policy, world.now, c.session.duration, world.preservations);
}

export function selectLegal(
  c: SimulationContext,
  process: LegalProcess,
  target: string,
  t: SimTime = selectViewAt(c),
  policy: Policy = c.policy,
): LegalResponse {
  const { ledger, preservations } = c.session.world;
  return legalResponse(ledger, policy, { process, target, servedAt: t, at: selectNow(c), backupMode: c.backupMode, preservations });
}

export function selectGraph(c: SimulationContext, t: SimTime = selectViewAt(c), policy: Policy = c.policy): ContactGraph {
  const { world } = c.session;
  return inferGraph(heldAtWith(world.ledger, policy, t, world.preservations), policy, actualEdges(world, t));
}

/** The frame the contact graph is laid out in: everything linked by now, held or not (see everLinked). */
export function selectGraphFrame(c: SimulationContext): { nodes: string[]; links: { a: string; b: string }[] } {
  const { world } = c.session;
  const recorded = function* () {
    for (const category of CATEGORIES) {
      const list = world.ledger.byCategory[category];
      for (let i = world.ledger.start[category]; i < list.length; i++) yield list[i] as LedgerRecord;
    }
  };
  return everLinked(recorded(), actualEdges(world, world.now));
}

export interface PolicyComparison {
  t: SimTime;
  sides: { policy: Policy; counts: Record<Category, number>; total: number; graph: ContactGraph }[];
}

/** The same history under two policies at `t`. */
export function selectCompare(c: SimulationContext, other: Policy | undefined = c.comparePolicy, t: SimTime = selectViewAt(c)): PolicyComparison {
  const policies = other ? [c.policy, other] : [c.policy];
  return {
    t,
    sides: policies.map((policy) => {
      const counts = selectHeldCounts(c, t, policy);
      return { policy, counts, total: CATEGORIES.reduce((n, k) => n + counts[k], 0), graph: selectGraph(c, t, policy) };
    }),
  };
}
