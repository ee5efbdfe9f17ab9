import { cite } from './cite.ts';
import { countHeldAt, heldInCategory, type Ledger } from './ledger.ts';
import { retentionEnd, type Policy } from './policy.ts';
import { CATEGORIES, type Category, type LedgerRecord } from './records.ts';
import { DAY, type SimTime } from './time.ts';

/**
 * Preservation requests (18 U.S.C. §2703(f)): on request, the provider must keep the records it
 * holds about a target for 90 days, and for 90 more on one renewed request. While a request is in
 * force its frozen records do not expire; when it lapses they expire by their own clock (those
 * already past their retention go at the lapse). Pure functions of the ledger, the policy and the
 * requests served, like "held at t" itself, so scrubbing and policy switches need no replay.
 *
 * With no request in force, every function here returns what the plain ledger query returns: a
 * run without preservation requests is unchanged.
 */

/** How long a preservation request keeps records, and how long its one renewal adds (§2703(f)(2)). */
export const PRESERVATION_DAYS = 90;
/** What the 90 days and the one renewal rest on (lib/citations.ts checks the claim). */
export const PRESERVATION_BASIS = cite('usc-18-2703#2703f-preservation');
export const PRESERVATION_MS = PRESERVATION_DAYS * DAY;

/**
 * Assumption: the statute speaks of records "in its possession"; whether a request also reaches
 * records made after it was served is not settled, and providers differ. The model freezes both.
 */
export const PRESERVATION_ASSUMPTION =
  'Records made while the request is in force are preserved too. The statute speaks of records the provider has; whether later ones count is not settled, and providers differ.';

/** A preservation request as the world keeps it. */
export interface Preservation {
  /** A normalised handle. */
  target: string;
  servedAt: SimTime;
  /** When it was renewed, if it was (at most once, while still in force). */
  renewedAt?: SimTime;
}

/**
 * When the request stops keeping records. A renewal can only come while the request is in force,
 * so before the renewal the request is in force under either deadline: "in force at t" needs no
 * knowledge of the future. `knownAt` gives the deadline as it stood at that moment (for words).
 */
export function lapsesAt(p: Preservation, knownAt: SimTime = Number.POSITIVE_INFINITY): SimTime {
  const renewed = p.renewedAt !== undefined && p.renewedAt <= knownAt;
  return p.servedAt + (renewed ? 2 : 1) * PRESERVATION_MS;
}

export const inForce = (p: Preservation, t: SimTime): boolean => p.servedAt <= t && t < lapsesAt(p);

/**
 * The requests as they stood at `t`: those served by then, each renewal only once it came. What
 * every view of the moment `t` reads (spans, marks, the card, the ledger, legal answers), so a
 * reader looking back to before a request was served, or renewed, sees what was in force then.
 * The same array when nothing served later or renewed later is left out.
 */
export function preservationsAt(preservations: readonly Preservation[], t: SimTime): readonly Preservation[] {
  if (preservations.every((p) => p.servedAt <= t && (p.renewedAt === undefined || p.renewedAt <= t))) return preservations;
  const out: Preservation[] = [];
  for (const p of preservations) {
    if (p.servedAt > t) continue;
    out.push(p.renewedAt === undefined || p.renewedAt <= t ? p : { target: p.target, servedAt: p.servedAt });
  }
  return out;
}

/** A cheap key of `preservationsAt(preservations, t)`: it changes exactly when the requests as they stood at `t` do. */
export function preservationsKeyAt(preservations: readonly Preservation[], t: SimTime): string {
  let served = 0;
  let renewed = 0;
  for (const p of preservations) {
    if (p.servedAt <= t) served++;
    if (p.renewedAt !== undefined && p.renewedAt <= t) renewed++;
  }
  return `${served}.${renewed}`;
}

/** The request for `target` in force at `t`, if there is one (requests for one target never overlap). */
export function preservationInForce(preservations: readonly Preservation[], target: string, t: SimTime): Preservation | undefined {
  return preservations.find((p) => p.target === target && inForce(p, t));
}

/**
 * The records of `category` that `p` freezes under `policy`, in ledger order: those naming the
 * target that are held when it is served, and those made while it is in force (see
 * PRESERVATION_ASSUMPTION). A policy that never keeps a category has nothing there to preserve,
 * and the push queue's records are never frozen (see below).
 */
export function frozenBy(ledger: Ledger, policy: Policy, category: Category, p: Preservation): LedgerRecord[] {
  const keep = policy.retention[category].keep;
  if (keep.kind === 'days' && keep.days === 0) return [];
  // The push queue holds messages, not a log: a queued message leaves it when delivered or at the
  // hold limit whatever a request says, so none is frozen (and none is ever said to be preserved).
  if (category === 'queue') return [];
  const lapse = lapsesAt(p);
  const heldThen = new Set(heldInCategory(ledger, policy, category, p.servedAt).map((o) => o.seq));
  const list = ledger.byCategory[category];
  const out: LedgerRecord[] = [];
  for (let i = ledger.start[category]; i < list.length; i++) {
    const o = list[i] as LedgerRecord;
    if (o.recordedAt >= lapse) break;
    if (!o.handles.includes(p.target)) continue;
    // Made later: frozen if the provider keeps it at all (a queued message delivered at once never is).
    const kept = o.recordedAt <= p.servedAt ? heldThen.has(o.seq) : o.endedAt === undefined || o.endedAt > o.recordedAt;
    if (kept) out.push(o);
  }
  return out;
}

const stillThere = (o: LedgerRecord, t: SimTime): boolean => o.recordedAt <= t && (o.endedAt === undefined || o.endedAt > t);

/**
 * The records of `category` held at `t`: those retention holds, and those a request in force at `t`
 * froze. Preservation stops expiry, not delivery: a queued message still leaves the queue when it
 * is delivered.
 */
export function heldInCategoryWith(ledger: Ledger, policy: Policy, category: Category, t: SimTime, preservations: readonly Preservation[]): LedgerRecord[] {
  const base = heldInCategory(ledger, policy, category, t);
  const active = preservations.filter((p) => inForce(p, t));
  if (active.length === 0) return base;
  const seen = new Set(base.map((o) => o.seq));
  const extra: LedgerRecord[] = [];
  for (const p of active) {
    for (const o of frozenBy(ledger, policy, category, p)) {
      if (seen.has(o.seq) || !stillThere(o, t)) continue;
      seen.add(o.seq);
      extra.push(o);
    }
  }
  return extra.length === 0 ? base : [...base, ...extra].sort((a, b) => a.seq - b.seq);
}

/** `heldAt` with preservation requests. */
export function heldAtWith(ledger: Ledger, policy: Policy, t: SimTime, preservations: readonly Preservation[]): Record<Category, LedgerRecord[]> {
  const out = {} as Record<Category, LedgerRecord[]>;
  for (const category of CATEGORIES) out[category] = heldInCategoryWith(ledger, policy, category, t, preservations);
  return out;
}

/** `countHeldAt` with preservation requests: the fast count whenever none is in force. */
export function countHeldAtWith(ledger: Ledger, policy: Policy, t: SimTime, preservations: readonly Preservation[]): Record<Category, number> {
  if (!preservations.some((p) => inForce(p, t))) return countHeldAt(ledger, policy, t);
  const out = {} as Record<Category, number>;
  for (const category of CATEGORIES) out[category] = heldInCategoryWith(ledger, policy, category, t, preservations).length;
  return out;
}

/**
 * When each record would stop being held by its own clock under `policy`, ignoring delivery:
 * retention, or for "latest" rules the moment a newer record about the same handle replaces it.
 */
function ownEnds(ledger: Ledger, policy: Policy, category: Category): (o: LedgerRecord) => SimTime {
  if (policy.retention[category].keep.kind !== 'latest') return (o) => retentionEnd(policy, category, o.recordedAt);
  const replacedAt = new Map<number, SimTime>();
  const newer = new Map<string, SimTime>();
  const list = ledger.byCategory[category];
  for (let i = list.length - 1; i >= ledger.start[category]; i--) {
    const o = list[i] as LedgerRecord;
    const subject = o.handles[0] ?? '';
    const next = newer.get(subject);
    if (next !== undefined) replacedAt.set(o.seq, next);
    newer.set(subject, o.recordedAt);
  }
  return (o) => replacedAt.get(o.seq) ?? Number.POSITIVE_INFINITY;
}

/**
 * The records a preservation request keeps past their own clock, each with the lapse it is kept
 * until (the latest, if two requests froze it). With `at`, only the requests in force then, with
 * their deadline as known then: what "preserved until Day N" says at that moment. Without it,
 * every request ever served: how far each record's life reaches (the retention lanes' bars).
 */
export function preservedUntil(ledger: Ledger, policy: Policy, preservations: readonly Preservation[], at?: SimTime): Map<number, SimTime> {
  const out = new Map<number, SimTime>();
  const requests = at === undefined ? preservations : preservationsAt(preservations, at).filter((p) => inForce(p, at));
  if (requests.length === 0) return out;
  for (const category of CATEGORIES) {
    const ownEnd = ownEnds(ledger, policy, category);
    for (const p of requests) {
      const lapse = lapsesAt(p);
      for (const o of frozenBy(ledger, policy, category, p)) {
        if (ownEnd(o) >= lapse) continue;
        const ended = o.endedAt ?? Number.POSITIVE_INFINITY;
        // Delivered (or dropped) before its own clock ran out: the request never kept it longer.
        if (ended <= ownEnd(o)) continue;
        out.set(o.seq, Math.max(out.get(o.seq) ?? 0, lapse));
      }
    }
  }
  return out;
}

/**
 * For pruning: the latest moment any request might still need `o`, or -Infinity. Deliberately
 * generous (any record naming the target, made before the lapse, whatever the policy): keeping a
 * record longer than needed costs memory, pruning a frozen one would lose evidence.
 */
export function keepForPreservation(preservations: readonly Preservation[]): ((o: LedgerRecord) => SimTime) | undefined {
  if (preservations.length === 0) return undefined;
  return (o) => {
    let until = Number.NEGATIVE_INFINITY;
    for (const p of preservations) {
      const lapse = lapsesAt(p);
      if (o.recordedAt < lapse && o.handles.includes(p.target)) until = Math.max(until, lapse);
    }
    return until;
  };
}
