import type { ComposerLookup, Policy } from '../../../model/index.ts';
import { isApplePreset } from '../legal/provider.ts';

/**
 * Wording and small choices for the devices' side. The facts (each device's state, its lookups,
 * its fan-out) come from the model's device selectors; these only choose the words.
 */

/** `preferred` when it is among `choices`, else the first choice. */
export function pick(choices: readonly { id: string }[], preferred: string | undefined): string | undefined {
  return choices.some((c) => c.id === preferred) ? preferred : choices[0]?.id;
}

export interface LookupLine {
  handle: string;
  tone: 'registered' | 'sms';
  answer: string;
  recorded: string;
  cached: boolean;
  /** For an answer from the cache: the assumption that made it one (how long a lookup is cached). */
  assumption?: string;
  /** The lookup record is on the provider's servers at the moment viewed. */
  held: boolean;
}

/**
 * The words for each lookup the composer made: what the key directory answered, and whether it
 * was recorded. "iMessage-style" only under an Apple preset (DESIGN, habit 13).
 */
export function lookupLines(results: readonly ComposerLookup[], policy: Pick<Policy, 'provider' | 'retention'>, cacheHours: number): LookupLine[] {
  const service = isApplePreset(policy) ? 'iMessage-style: ' : '';
  const keep = policy.retention.lookup.keep;
  const kept = keep.kind !== 'days' || keep.days > 0;
  const recorded = (r: ComposerLookup) =>
    r.cached
      ? 'answered from the device cache: nothing recorded'
      : !kept
        ? 'lookup seen, not kept under this policy'
        : r.held
          ? 'lookup recorded'
          : 'lookup recorded, and since expired';
  return results.map((r) => ({
    handle: r.handle,
    tone: r.registered ? 'registered' : 'sms',
    answer: r.registered ? `${service}registered, ${r.deviceCount} device${r.deviceCount === 1 ? '' : 's'}` : 'not registered: SMS',
    recorded: recorded(r),
    cached: r.cached,
    ...(r.cached
      ? { assumption: `devices reuse a lookup for ${cacheHours} hour${cacheHours === 1 ? '' : 's'} (not published; set it under Assumptions)` }
      : {}),
    held: r.held,
  }));
}

/** The reason the model gave for refusing the latest action, if it refused it. */
export function rejectionOf(latest: readonly { outcome: 'ok' | 'rejected'; reason?: string }[]): string | undefined {
  const first = latest[0];
  return first?.outcome === 'rejected' ? first.reason : undefined;
}
