import { legalRequestStage, preservationStage, type LegalRequestStage, type PreservationStage } from './legal-request-machine.ts';
import { lapsesAt, preservedUntil, type Preservation } from './preservation.ts';
import type { SimulationContext } from './machine.ts';
import type { LegalProcess } from './policy.ts';
import type { Category } from './records.ts';
import type { LegalRequestRecord } from './world/index.ts';
import { selectLegal } from './analysis-selectors.ts';
import { selectViewAt } from './selectors.ts';
import { sessionEnd } from './session.ts';
import type { LegalResponse } from './legal.ts';
import type { SimTime } from './time.ts';

/**
 * When the request being shown was served: the latest matching request served at or before `at`.
 * A pen register collects from that moment on; undefined means none has been served yet.
 */
export function lastServedAt(
  requests: readonly { at: SimTime; process: LegalProcess; target: string }[],
  process: LegalProcess,
  target: string,
  at: SimTime,
): SimTime | undefined {
  let found: SimTime | undefined;
  for (const r of requests) if (r.process === process && r.target === target && r.at <= at) found = r.at;
  return found;
}

/** The request's stage, when it was served (once it was), and what it returns. */
export type LegalRequestAnswer = (
  { stage: Extract<LegalRequestStage, 'drafted'>; servedAt: undefined } | { stage: Exclude<LegalRequestStage, 'drafted'>; servedAt: SimTime }
) & {
  /**
   * For a retrospective process, what it would produce if served at the moment viewed; for a pen
   * register, what it has collected since it was served.
   */
  response: LegalResponse;
};

/** A drafted request (`process`, `target`) as the legal panel shows it at the moment viewed. */
export function selectLegalRequest(c: SimulationContext, process: LegalProcess, target: string): LegalRequestAnswer {
  const at = selectViewAt(c);
  const servedAt = lastServedAt(c.session.world.legalRequests, process, target, at);
  const stage = legalRequestStage({ process, target, collectsUntil: sessionEnd(c.session) }, servedAt, at);
  // A pen register collects from when it was served; the other processes answer for the moment viewed.
  const response = selectLegal(c, process, target, process === 'pen-register' ? (servedAt ?? at) : at);
  return stage === 'drafted' || servedAt === undefined ? { stage: 'drafted', servedAt: undefined, response } : { stage, servedAt, response };
}

/** A served request's reach, as the retention lanes draw it. */
export interface LegalReach {
  servedAt: SimTime;
  process: LegalProcess;
  target: string;
  /** The categories the process may obtain under the policy. */
  categories: readonly Category[];
  /** Seqs of the records it produces (a pen register: has captured so far). */
  produced: ReadonlySet<number>;
  /** Seqs of the target's records that were gone before it was served. */
  gone: ReadonlySet<number>;
}

/** The reach of the latest legal request served at or before the moment viewed; undefined before any. */
export function selectLegalReach(c: SimulationContext): LegalReach | undefined {
  const at = selectViewAt(c);
  let latest: LegalRequestRecord | undefined;
  for (const r of c.session.world.legalRequests) if (r.at <= at) latest = r;
  if (!latest) return undefined;
  const response = selectLegal(c, latest.process, latest.target, latest.at);
  // A pen register hands over what it has captured by the moment viewed, not all it ever will.
  const produced = response.produced.filter((p) => (p.deliveredAt ?? p.recordedAt) <= at);
  return {
    servedAt: latest.at,
    process: latest.process,
    target: latest.target,
    categories: response.categories,
    produced: new Set(produced.map((p) => p.seq)),
    gone: new Set(response.noLongerHeld.map((g) => g.seq)),
  };
}

/** A preservation request for `target` as the legal panel shows it at the moment viewed. */
export interface PreservationAnswer {
  stage: PreservationStage;
  /** The latest request for the target served by then, if any. */
  request: Preservation | undefined;
  /** When it lapses, as known at the moment viewed (a later renewal is not known yet). */
  lapsesAt: SimTime | undefined;
  /** How many records it keeps past their own clock at the moment viewed. */
  keptPastRetention: number;
}

export function selectPreservation(c: SimulationContext, target: string, at: SimTime = selectViewAt(c)): PreservationAnswer {
  const { ledger, preservations } = c.session.world;
  let request: Preservation | undefined;
  for (const p of preservations) if (p.target === target && p.servedAt <= at) request = p;
  const stage = preservationStage(target, request, at);
  // Only this request's own records count: the ones a request for another handle keeps are its own.
  const kept = request && stage !== 'lapsed' ? preservedUntil(ledger, c.policy, [request], at) : new Map<number, SimTime>();
  let keptPastRetention = 0;
  for (const seq of kept.keys()) if (heldSeqAt(c, seq, at)) keptPastRetention++;
  return { stage, request, lapsesAt: request ? lapsesAt(request, at) : undefined, keptPastRetention };
}

/** Whether the record `seq` exists by `at` (it is frozen, so being recorded is enough to be held unless delivered). */
function heldSeqAt(c: SimulationContext, seq: number, at: SimTime): boolean {
  for (const list of Object.values(c.session.world.ledger.byCategory)) {
    const o = list.find((r) => r.seq === seq);
    if (o) return o.recordedAt <= at && (o.endedAt === undefined || o.endedAt > at);
  }
  return false;
}
