import type { Ledger } from './ledger.ts';
import { preservedUntil, type Preservation } from './preservation.ts';
import { retentionEnd, type Policy } from './policy.ts';
import { CATEGORIES, type Category, type LedgerRecord } from './records.ts';
import type { SimTime } from './time.ts';
import type { JournalEntry } from './world/index.ts';

/**
 * Each record's life on the provider's servers under one policy, as one interval: held from
 * `recordedAt` until `endsAt`. This is what the retention lanes draw. "Held at t" is then
 * `recordedAt <= t < endsAt`, the same answer as `heldAt` (a property test holds them together),
 * but an interval does not depend on t, so a bar is laid out once and only its state changes as
 * time plays. Preservation requests are the one exception: pass the requests as they stood at
 * the moment viewed (`preservationsAt`), so a view of the past never says a record is preserved
 * by a request not yet served, or until a renewal not yet made.
 */
export interface RecordSpan {
  seq: number;
  category: Category;
  recordedAt: SimTime;
  /** When the provider stops holding it; Infinity when nothing ends it (kept for ever). */
  endsAt: SimTime;
  /**
   * What ends it: retention running out, delivery or drop (queued messages), a newer record
   * replacing it, or a preservation request lapsing after its own clock had run out.
   */
  ending: 'retention' | 'delivered' | 'replaced' | 'never' | 'preserved';
  /** Present when a preservation request kept it past its own clock: when that request lapses. */
  preservedUntil?: SimTime;
  /** Present with `preservedUntil`: when its own clock would have ended it. */
  ownEndsAt?: SimTime;
  /** On file before anything happened: the accounts, registrations and sign-ins the world starts with. */
  onFile: boolean;
  record: LedgerRecord;
}

/** The world's records whose seq is below this were made when the world was built, before any action. */
export function firstActionSeq(journal: readonly JournalEntry[], nextSeq: number): number {
  for (const entry of journal) if (entry.records.length > 0) return entry.records[0] as number;
  return nextSeq;
}

/**
 * Every stored record's span under `policy`, in seq order. Records the policy never keeps
 * (retention of 0 days) have an empty span (`endsAt === recordedAt`): they were seen, never held.
 */
export function recordSpans(ledger: Ledger, policy: Policy, onFileBelow: number, preservations: readonly Preservation[] = []): RecordSpan[] {
  const spans: RecordSpan[] = [];
  const preserved = preservedUntil(ledger, policy, preservations);
  for (const category of CATEGORIES) {
    const list = ledger.byCategory[category];
    const latestOnly = policy.retention[category].keep.kind === 'latest';
    // "Latest" keeps only the newest record per handle: a record is replaced when the next one about the same handle arrives.
    const replacedAt = new Map<number, SimTime>();
    if (latestOnly) {
      const newer = new Map<string, SimTime>();
      for (let i = list.length - 1; i >= ledger.start[category]; i--) {
        const o = list[i] as LedgerRecord;
        const subject = o.handles[0] ?? '';
        const next = newer.get(subject);
        if (next !== undefined) replacedAt.set(o.seq, next);
        newer.set(subject, o.recordedAt);
      }
    }
    for (let i = ledger.start[category]; i < list.length; i++) {
      const o = list[i] as LedgerRecord;
      const retained = retentionEnd(policy, category, o.recordedAt);
      const ended = o.endedAt ?? Number.POSITIVE_INFINITY;
      const replaced = replacedAt.get(o.seq) ?? Number.POSITIVE_INFINITY;
      const endsAt = Math.max(o.recordedAt, Math.min(retained, ended, replaced));
      const ending =
        endsAt === Number.POSITIVE_INFINITY ? 'never' : endsAt === replaced ? 'replaced' : endsAt === ended && ended < retained ? 'delivered' : 'retention';
      const span: RecordSpan = { seq: o.seq, category, recordedAt: o.recordedAt, endsAt, ending, onFile: o.seq < onFileBelow, record: o };
      const lapse = preserved.get(o.seq);
      if (lapse !== undefined) {
        // Held until the request lapses, unless delivery ends it first; its own clock would have ended it at `endsAt`.
        const kept = Math.min(lapse, ended);
        spans.push({ ...span, endsAt: kept, ending: kept === lapse ? 'preserved' : 'delivered', preservedUntil: lapse, ownEndsAt: endsAt });
      } else spans.push(span);
    }
  }
  return spans.sort((a, b) => a.seq - b.seq);
}

/** Whether the provider holds the span's record at `t`. */
export const spanHeldAt = (span: RecordSpan, t: SimTime): boolean => span.recordedAt <= t && t < span.endsAt;

/** Whether the policy keeps the record at all (a 0-day retention sees it and keeps nothing). */
export const everHeld = (span: RecordSpan): boolean => span.endsAt > span.recordedAt;

/** A record coming onto the provider's servers, or leaving them. */
export interface RecordChange {
  kind: 'recorded' | 'expired';
  at: SimTime;
  span: RecordSpan;
}

/**
 * The `count` latest changes at or before `at`, newest first: what the "just happened" strip names.
 * Records on file since sign-up are left out; they are the background, not news.
 */
export function recentChanges(spans: readonly RecordSpan[], at: SimTime, count = 3): RecordChange[] {
  // Newest first; at one moment, an expiry after the recording it ends, and later records first.
  const newer = (a: RecordChange, b: RecordChange) => b.at - a.at || (a.kind === b.kind ? b.span.seq - a.span.seq : a.kind === 'expired' ? -1 : 1);
  // Runs on every frame of playback: keep only the `count` newest, never sorting the whole history,
  // and make a change object only for one that makes the list.
  const top: RecordChange[] = [];
  const offer = (kind: RecordChange['kind'], t: SimTime, span: RecordSpan) => {
    const last = top[count - 1];
    if (last && (t < last.at || (t === last.at && newer({ kind, at: t, span }, last) >= 0))) return;
    const change: RecordChange = { kind, at: t, span };
    let i = top.length;
    while (i > 0 && newer(change, top[i - 1] as RecordChange) < 0) i--;
    top.splice(i, 0, change);
    if (top.length > count) top.pop();
  };
  for (const span of spans) {
    if (span.onFile || !everHeld(span)) continue;
    if (span.recordedAt <= at) offer('recorded', span.recordedAt, span);
    if (span.endsAt <= at) offer('expired', span.endsAt, span);
  }
  return top;
}
