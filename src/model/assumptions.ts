import { cite, type ClaimRef } from './cite.ts';
import { QUEUE_HOLD_DAYS } from './policy.ts';
import { DAY, HOUR } from './time.ts';
import type { WorldConfig } from './world/types.ts';

/**
 * The model's unknowns, each a setting: how a device's lookup cache and the push service's queue
 * behave is not published (or is published by one provider only), so the model must pick a value,
 * and the site must say it picked one. This table is their one home: the world's defaults, the
 * scenario field `assumptions`, its validation, the policy panel's "Assumptions" group and the
 * CLI's header all read it, so a range or a reason cannot differ between them.
 */

/** The scenario's names for the assumptions, in reader's units (hours, days), not milliseconds. */
export interface Assumptions {
  lookupCacheHours: number;
  queueHoldDays: number;
  staleOnDeviceChange: boolean;
}
export type AssumptionKey = keyof Assumptions;

interface Common<K extends AssumptionKey> {
  key: K;
  /** What the control and the CLI call it. */
  label: string;
  /** Why it is an assumption, in one sentence. */
  reason: string;
  /** Sources for the default, when there are any (ids in content/sources). */
  sources: readonly string[];
  /** The claims of those sources the default rests on (lib/citations.ts checks them). */
  claims?: readonly ClaimRef[];
  default: Assumptions[K];
}
export interface NumberAssumption<K extends 'lookupCacheHours' | 'queueHoldDays'> extends Common<K> {
  kind: 'number';
  unit: 'hours' | 'days';
  min: number;
  max: number;
}
export type BooleanAssumption = Common<'staleOnDeviceChange'> & { kind: 'boolean' };
export type AssumptionSpec = NumberAssumption<'lookupCacheHours'> | NumberAssumption<'queueHoldDays'> | BooleanAssumption;

export const LOOKUP_CACHE: NumberAssumption<'lookupCacheHours'> = {
  key: 'lookupCacheHours',
  kind: 'number',
  label: 'Device lookup cache',
  unit: 'hours',
  min: 0,
  max: 720,
  default: 24,
  reason:
    'How long a device reuses a key-directory answer before asking again is not published; 0 asks on every address entered and message sent, so every one writes a lookup record.',
  sources: [],
};

/**
 * At most 30 days: the queue record's retention is the 30 days Apple gives (QUEUE_HOLD_DAYS in
 * policy.ts), so a longer hold would outlive its own record.
 */
export const QUEUE_HOLD: NumberAssumption<'queueHoldDays'> = {
  key: 'queueHoldDays',
  kind: 'number',
  label: 'Push-queue hold for offline devices',
  unit: 'days',
  min: 1,
  max: QUEUE_HOLD_DAYS,
  default: QUEUE_HOLD_DAYS,
  reason:
    'Apple says it holds messages for an offline device up to 30 days (reported, not read first hand); "up to" is a maximum, and other providers do not say, so the hold is a parameter.',
  ...cite('apple-platform-security-imessage#offline-queue-30-days'),
};

export const STALE_ON_CHANGE: BooleanAssumption = {
  key: 'staleOnDeviceChange',
  kind: 'boolean',
  label: 'A cached lookup goes stale when the other person’s devices change',
  default: true,
  reason:
    'Whether the provider tells a sender that a recipient added or removed a device is not published. On: the sender asks again (a new lookup record) and reaches every current device. Off: the sender trusts its cache until it expires, so a new device misses messages meanwhile.',
  sources: [],
};

export const ASSUMPTIONS: readonly AssumptionSpec[] = [LOOKUP_CACHE, QUEUE_HOLD, STALE_ON_CHANGE];

export const DEFAULT_ASSUMPTIONS: Assumptions = {
  lookupCacheHours: LOOKUP_CACHE.default,
  queueHoldDays: QUEUE_HOLD.default,
  staleOnDeviceChange: STALE_ON_CHANGE.default,
};

/** The allowed values of a numeric assumption, in the words every error uses. */
export function rangeWords(spec: NumberAssumption<'lookupCacheHours' | 'queueHoldDays'>): string {
  return `a whole number of ${spec.unit} from ${spec.min} to ${spec.max}`;
}

/** What `value` is wrong with for `spec`, or undefined when it is allowed (the panel and CLI flags). */
export function assumptionError(spec: AssumptionSpec, value: unknown): string | undefined {
  if (spec.kind === 'boolean') return typeof value === 'boolean' ? undefined : 'true or false';
  return typeof value === 'number' && Number.isInteger(value) && value >= spec.min && value <= spec.max ? undefined : rangeWords(spec);
}

/** The world settings that stand for `a` (only those given). */
export function assumptionConfig(a: Partial<Assumptions>): Partial<WorldConfig> {
  return {
    ...(a.lookupCacheHours === undefined ? {} : { lookupCacheMs: a.lookupCacheHours * HOUR }),
    ...(a.queueHoldDays === undefined ? {} : { queueHoldMs: a.queueHoldDays * DAY }),
    ...(a.staleOnDeviceChange === undefined ? {} : { staleOnDeviceChange: a.staleOnDeviceChange }),
  };
}

/** The assumptions a world runs under, read back from its settings. */
export function configAssumptions(config: Pick<WorldConfig, 'lookupCacheMs' | 'queueHoldMs' | 'staleOnDeviceChange'>): Assumptions {
  return { lookupCacheHours: config.lookupCacheMs / HOUR, queueHoldDays: config.queueHoldMs / DAY, staleOnDeviceChange: config.staleOnDeviceChange };
}

/** One assumption's value in words: "24 hours", "30 days", "on". */
export function assumptionValueWords(spec: AssumptionSpec, a: Assumptions): string {
  if (spec.kind === 'boolean') return a[spec.key] ? 'on' : 'off';
  const n = a[spec.key];
  return `${n} ${n === 1 ? spec.unit.slice(0, -1) : spec.unit}`;
}
