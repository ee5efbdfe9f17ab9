import { ASSUMPTIONS, assumptionError, assumptionValueWords, type AssumptionKey, type Assumptions, type AssumptionSpec } from '../../../model/index.ts';

/**
 * The policy panel's "Assumptions" group: the reader's inputs read against the model's table of
 * assumptions (its ranges, its words), so the panel checks exactly what a scenario file is checked
 * against.
 */

/** What the inputs of the form say: a number input's text, or a checkbox's state. */
export type AssumptionInputs = Partial<Record<AssumptionKey, string | boolean>>;

/**
 * The assumptions the reader's inputs set, only those that differ from `active`, or an error per
 * field that is out of range or not a whole number.
 */
export function readAssumptions(
  active: Assumptions,
  inputs: AssumptionInputs,
): { ok: true; changes: Partial<Assumptions> } | { ok: false; errors: Partial<Record<AssumptionKey, string>> } {
  const changes: Partial<Record<AssumptionKey, number | boolean>> = {};
  const errors: Partial<Record<AssumptionKey, string>> = {};
  for (const spec of ASSUMPTIONS) {
    const raw = inputs[spec.key];
    if (raw === undefined) continue;
    const value = spec.kind === 'boolean' ? raw === true : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
    const error = assumptionError(spec, value);
    if (error) errors[spec.key] = `Expected ${error}.`;
    else if (value !== active[spec.key]) changes[spec.key] = value;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, changes: changes as Partial<Assumptions> };
}

/** "Allowed: 0 to 720 hours. Default: 24 hours." for a number; "Default: on." for a switch. */
export function rangeLine(spec: AssumptionSpec): string {
  const d = `Default: ${assumptionValueWords(spec, { ...defaults(), [spec.key]: spec.default })}.`;
  return spec.kind === 'boolean' ? d : `Allowed: ${spec.min} to ${spec.max} ${spec.unit}. ${d}`;
}

const defaults = (): Assumptions => Object.fromEntries(ASSUMPTIONS.map((s) => [s.key, s.default])) as unknown as Assumptions;

/** What applying changed, in one sentence for the status line. */
export function appliedWords(before: Assumptions, after: Assumptions, lookupsBefore: number, lookupsAfter: number): string {
  const changed = ASSUMPTIONS.filter((s) => before[s.key] !== after[s.key]).map((s) => `${s.label.toLowerCase()}: ${assumptionValueWords(s, after)}`);
  if (changed.length === 0) return 'Nothing changed.';
  return `Played again with ${changed.join('; ')}. Lookup records made so far: ${lookupsAfter} (were ${lookupsBefore}).`;
}
