import { FIELD_NAMES, type Category, type LedgerRecord } from './records.ts';
import { retentionEnd, type Policy } from './policy.ts';
import { DAY, type SimTime } from './time.ts';

/** A record as the provider holds it under a policy: only the kept fields, with its expiry. */
export interface HeldRecord {
  seq: number;
  category: Category;
  /** To the day when the policy keeps only dates ("latest" rules). */
  recordedAt: SimTime;
  /** Infinity for records kept for ever or until superseded. */
  expiresAt: SimTime;
  fields: Record<string, string | number>;
  /** Every handle the record names, kept or not, for searching. */
  handles: readonly string[];
  /**
   * Present when a preservation request in force keeps the record past its own clock: the moment
   * the request lapses (after which the record expires by its own clock, or at once if that has run out).
   */
  preservedUntil?: SimTime;
}

/** Projects a ledger record through a policy: the fields it keeps, the precision it keeps. */
export function toHeldRecord(o: LedgerRecord, policy: Policy, preservedUntil?: SimTime): HeldRecord {
  const rule = policy.retention[o.category];
  const fields: Record<string, string | number> = {};
  const source = o.fields as unknown as Record<string, string | number | undefined>;
  for (const name of FIELD_NAMES[o.category]) {
    const value = source[name];
    if (value !== undefined && rule.fields.includes(name)) fields[name] = value;
  }
  const dayOnly = rule.keep.kind === 'latest';
  return {
    seq: o.seq,
    category: o.category,
    recordedAt: dayOnly ? Math.floor(o.recordedAt / DAY) * DAY : o.recordedAt,
    expiresAt: retentionEnd(policy, o.category, o.recordedAt),
    fields,
    handles: o.handles,
    // Added only when present, so a run without preservation requests projects exactly as before.
    ...(preservedUntil === undefined ? {} : { preservedUntil }),
  };
}
