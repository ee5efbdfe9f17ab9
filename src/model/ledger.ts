import { CATEGORIES, type Category, type LedgerRecord } from './records.ts';
import { retentionEnd, type Policy } from './policy.ts';
import { DAY, type SimTime } from './time.ts';

/**
 * The provider's store: every record, append-only, kept per category in time order.
 * Because appends arrive in time order, "held at t" for a fixed-retention category is one
 * contiguous run found by binary search, so any past t is a cheap query, never a replay.
 *
 * Plain data (no classes, no Maps) so a snapshot round-trips through JSON.
 */
export interface Ledger {
  /** Per category: records in recordedAt order, from index `start[c]` on (earlier ones pruned). */
  byCategory: Record<Category, LedgerRecord[]>;
  start: Record<Category, number>;
  nextSeq: number;
  /** Records pruned so far, per category: the live store forgets, history says how much. */
  pruned: Record<Category, number>;
}

export function emptyLedger(): Ledger {
  const per = <T>(make: () => T) => Object.fromEntries(CATEGORIES.map((c) => [c, make()])) as Record<Category, T>;
  return { byCategory: per(() => []), start: per(() => 0), nextSeq: 0, pruned: per(() => 0) };
}

/** A record as the world reports it: numbered here, and ended later only by `endRecord` (queued messages). */
type NewLedgerRecord = LedgerRecord extends infer O ? (O extends LedgerRecord ? Omit<O, 'seq' | 'endedAt'> : never) : never;

/**
 * Numbers `draft` and stores it as a record. Every record is built with the same fields in
 * the same order, so all categories share one object shape: adding `seq` to the caller's literal
 * afterwards would give each record a second, out-of-object property store. `endedAt` is added
 * when a queued message is delivered or dropped, as JSON restores it, so a restored ledger writes
 * the same JSON as the original.
 */
export function append(ledger: Ledger, draft: NewLedgerRecord): LedgerRecord {
  const { category, recordedAt, handles, fields } = draft;
  const record = { seq: ledger.nextSeq++, category, recordedAt, handles, fields } as LedgerRecord;
  ledger.byCategory[category].push(record);
  return record;
}

/**
 * Whether records of `category` can end before their retention does: only queued messages do (on
 * delivery, or when dropped). Held-at relies on it: every other category's held records are one
 * run of the list, found by binary search.
 */
const endsEarly = (category: Category): boolean => category === 'queue';

/** Index of the first live record in `list` (from `from`) with recordedAt > t. */
function upperBound(list: readonly LedgerRecord[], from: number, t: SimTime): number {
  let lo = from;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as LedgerRecord).recordedAt <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether `o` is held at `t` under `policy`, judged on its own (the "latest" rule is applied by the caller). */
export function heldByRetention(o: LedgerRecord, policy: Policy, t: SimTime): boolean {
  if (o.recordedAt > t) return false;
  if (o.endedAt !== undefined && o.endedAt <= t) return false;
  return t < retentionEnd(policy, o.category, o.recordedAt);
}

/**
 * The records held at `t` under `policy`, per category, in time order.
 * Pure: it reads the ledger and changes nothing. Exact for any t whose records have not been
 * pruned (see `prune`).
 */
export function heldAt(ledger: Ledger, policy: Policy, t: SimTime): Record<Category, LedgerRecord[]> {
  const out = {} as Record<Category, LedgerRecord[]>;
  for (const category of CATEGORIES) out[category] = heldInCategory(ledger, policy, category, t);
  return out;
}

export function heldInCategory(ledger: Ledger, policy: Policy, category: Category, t: SimTime): LedgerRecord[] {
  const list = ledger.byCategory[category];
  const from = ledger.start[category];
  const end = upperBound(list, from, t);
  const keep = policy.retention[category].keep;
  if (keep.kind === 'latest') return latestPerHandle(list, from, end, t);
  let begin = from;
  if (keep.kind === 'days') {
    // Records made at or before t - retention have expired by t: skip them by binary search.
    begin = upperBound(list, from, t - keep.days * DAY);
    if (keep.days === 0) return [];
  }
  // Every category but the one that ends early is one contiguous run.
  if (!endsEarly(category)) return list.slice(begin, end);
  const held: LedgerRecord[] = [];
  for (let i = begin; i < end; i++) {
    const o = list[i] as LedgerRecord;
    if (o.endedAt === undefined || o.endedAt > t) held.push(o);
  }
  return held;
}

/** Counts held per category: the same rule as `heldInCategory` without building lists where it can. */
export function countHeldAt(ledger: Ledger, policy: Policy, t: SimTime): Record<Category, number> {
  const out = {} as Record<Category, number>;
  for (const category of CATEGORIES) {
    const keep = policy.retention[category].keep;
    const list = ledger.byCategory[category];
    const from = ledger.start[category];
    if (keep.kind === 'latest' || endsEarly(category)) {
      out[category] = heldInCategory(ledger, policy, category, t).length;
      continue;
    }
    if (keep.kind === 'days' && keep.days === 0) {
      out[category] = 0;
      continue;
    }
    const begin = keep.kind === 'days' ? upperBound(list, from, t - keep.days * DAY) : from;
    out[category] = Math.max(0, upperBound(list, from, t) - begin);
  }
  return out;
}

function latestPerHandle(list: readonly LedgerRecord[], from: number, end: number, t: SimTime): LedgerRecord[] {
  const seen = new Set<string>();
  const held: LedgerRecord[] = [];
  for (let i = end - 1; i >= from; i--) {
    const o = list[i] as LedgerRecord;
    const subject = o.handles[0] ?? '';
    if (seen.has(subject)) continue;
    seen.add(subject);
    if (o.endedAt === undefined || o.endedAt > t) held.unshift(o);
  }
  return held;
}

/**
 * Forgets what no query needs any more: records whose retention under every policy in
 * `policies` ended more than `scrubWindowMs` before `now`, and ended queue items likewise; never a
 * record a preservation request may still need (`keepUntil`).
 * With a finite window the live store is bounded by retention, not by elapsed time.
 */
export function prune(
  ledger: Ledger,
  policies: readonly Policy[],
  now: SimTime,
  scrubWindowMs: number | null,
  /** The latest moment a preservation request may still need a record (see preservation.ts). */
  keepUntil?: (o: LedgerRecord) => SimTime,
): void {
  if (scrubWindowMs === null) return;
  for (const category of CATEGORIES) {
    const list = ledger.byCategory[category];
    let start = ledger.start[category];
    // Runs every time the clock moves, once per record as it goes: no arrays or closures per record.
    while (start < list.length) {
      const o = list[start] as LedgerRecord;
      const ended = o.endedAt ?? Number.POSITIVE_INFINITY;
      let lastNeeded = Number.NEGATIVE_INFINITY;
      for (const p of policies) lastNeeded = Math.max(lastNeeded, Math.min(ended, retentionEnd(p, category, o.recordedAt)));
      if (keepUntil) lastNeeded = Math.max(lastNeeded, Math.min(ended, keepUntil(o)));
      if (lastNeeded + scrubWindowMs > now) break;
      start++;
    }
    ledger.pruned[category] += start - ledger.start[category];
    ledger.start[category] = start;
    // The dead prefix still holds its records until the list is compacted: compact once it is an
    // eighth of the list, so memory stays within an eighth of what is held (a copy of the live
    // part every few simulated days costs far less than carrying a month of dead records).
    if (start > 1024 && start * 8 > list.length) {
      ledger.byCategory[category] = list.slice(start);
      ledger.start[category] = 0;
    }
  }
}

/** Every record still stored, in seq order: for brute-force checks and exports. */
export function allRecords(ledger: Ledger): LedgerRecord[] {
  const all: LedgerRecord[] = [];
  for (const category of CATEGORIES) all.push(...ledger.byCategory[category].slice(ledger.start[category]));
  return all.sort((a, b) => a.seq - b.seq);
}

/** Live records stored right now, across categories. */
export function storedCount(ledger: Ledger): number {
  return CATEGORIES.reduce((n, c) => n + ledger.byCategory[c].length - ledger.start[c], 0);
}

/**
 * One page of the records held at `t`, newest first across categories, and how many there are
 * in all: what a paginated ledger view needs, without materialising every held record.
 * Fixed-retention categories are index ranges found by binary search; the rest are filtered.
 */
export function heldPage(
  ledger: Ledger,
  policy: Policy,
  t: SimTime,
  offset: number,
  limit: number,
  categories: readonly Category[] = CATEGORIES,
): { total: number; records: LedgerRecord[] } {
  // Each source is a list and a [begin, end) window; reading from the end gives newest first.
  const sources: { list: readonly LedgerRecord[]; begin: number; end: number }[] = [];
  let total = 0;
  for (const category of categories) {
    const keep = policy.retention[category].keep;
    const list = ledger.byCategory[category];
    const from = ledger.start[category];
    if (keep.kind === 'latest' || endsEarly(category)) {
      const held = heldInCategory(ledger, policy, category, t);
      sources.push({ list: held, begin: 0, end: held.length });
      total += held.length;
      continue;
    }
    if (keep.kind === 'days' && keep.days === 0) continue;
    const begin = keep.kind === 'days' ? upperBound(list, from, t - keep.days * DAY) : from;
    const end = upperBound(list, from, t);
    if (end > begin) {
      sources.push({ list, begin, end });
      total += end - begin;
    }
  }
  const records: LedgerRecord[] = [];
  const cursors = sources.map((s) => s.end - 1);
  for (let taken = 0; taken < offset + limit; taken++) {
    let best = -1;
    for (let i = 0; i < sources.length; i++) {
      const c = cursors[i] as number;
      if (c < (sources[i] as { begin: number }).begin) continue;
      if (best === -1 || (sources[i]!.list[c] as LedgerRecord).seq > (sources[best]!.list[cursors[best] as number] as LedgerRecord).seq) best = i;
    }
    if (best === -1) break;
    const record = sources[best]!.list[cursors[best] as number] as LedgerRecord;
    cursors[best] = (cursors[best] as number) - 1;
    if (taken >= offset) records.push(record);
  }
  return { total, records };
}
