// The CLI's side of the model's assumptions (src/model/assumptions.ts): their flags, and the
// header every run prints, so a result is never read without the unknowns it was computed under.
import { ASSUMPTIONS, assumptionError, assumptionValueWords, type AssumptionKey, type Assumptions } from '../src/model/index.ts';

/** One flag per assumption, named after its scenario field. */
export const ASSUMPTION_FLAG: Record<AssumptionKey, string> = {
  lookupCacheHours: 'lookup-cache-hours',
  queueHoldDays: 'queue-hold-days',
  staleOnDeviceChange: 'stale-on-device-change',
};

export const ASSUMPTION_FLAGS = {
  'lookup-cache-hours': { type: 'string' },
  'queue-hold-days': { type: 'string' },
  'stale-on-device-change': { type: 'string' },
} as const;

/** The usage lines for the flags, with each range from the table. */
export function assumptionUsage(): string {
  return ASSUMPTIONS.map((spec) => {
    const flag = `--${ASSUMPTION_FLAG[spec.key]} ${spec.kind === 'boolean' ? 'on|off' : 'N'}`;
    const range = spec.kind === 'boolean' ? 'on or off' : `${spec.min} to ${spec.max} ${spec.unit}`;
    const fallback = assumptionValueWords(spec, { ...defaults(), [spec.key]: spec.default });
    return `  ${flag}\n${' '.repeat(24)}assumption: ${spec.label.toLowerCase()} (${range});\n${' '.repeat(24)}default: the scenario's "assumptions", else ${fallback}\n`;
  }).join('');
}

const defaults = (): Assumptions => Object.fromEntries(ASSUMPTIONS.map((s) => [s.key, s.default])) as unknown as Assumptions;

/** The assumptions the flags set, or the first flag's error in the CLI's wording. */
export function parseAssumptionFlags(text: (flag: keyof typeof ASSUMPTION_FLAGS) => string | undefined): Partial<Assumptions> | { error: string } {
  const out: Partial<Record<AssumptionKey, number | boolean>> = {};
  for (const spec of ASSUMPTIONS) {
    const flag = ASSUMPTION_FLAG[spec.key] as keyof typeof ASSUMPTION_FLAGS;
    const raw = text(flag);
    if (raw === undefined) continue;
    const value = spec.kind === 'boolean' ? ({ on: true, off: false } as Record<string, boolean>)[raw] : /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    const error = assumptionError(spec, value);
    if (error) return { error: `--${flag} must be ${spec.kind === 'boolean' ? 'on or off' : error}, not "${raw}"` };
    out[spec.key] = value as number | boolean;
  }
  return out as Partial<Assumptions>;
}

/** The assumptions of a run as the JSON header gives them: value, range and why each is one. */
export function assumptionsHeader(a: Assumptions): Record<AssumptionKey, { value: number | boolean; label: string; range: string; assumption: string }> {
  return Object.fromEntries(
    ASSUMPTIONS.map((spec) => [
      spec.key,
      {
        value: a[spec.key],
        label: spec.label,
        range: spec.kind === 'boolean' ? 'true or false' : `${spec.min} to ${spec.max} ${spec.unit}`,
        assumption: spec.reason,
      },
    ]),
  ) as ReturnType<typeof assumptionsHeader>;
}

/** One line for outputs that have no room for a header (CSV, the journal): the CLI writes it to stderr. */
export function assumptionsLine(a: Assumptions): string {
  return `assumptions (not published, or published by one provider only; set them in the scenario's "assumptions" or with flags): ${ASSUMPTIONS.map((s) => `${s.label.toLowerCase()}: ${assumptionValueWords(s, a)}`).join('; ')}\n`;
}
