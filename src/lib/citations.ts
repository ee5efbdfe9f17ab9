/**
 * Honesty by construction: every value a policy preset or a legal response shows, with what it
 * rests on. `citedValues` lists them (file, field, a line a reader understands, and the basis);
 * `citationIssues` checks each basis against the sources' claim lists, so a citation of a claim
 * the source does not list, or a value with neither a claim nor an assumption, is named with its
 * file and field. test/unit/honesty.test.ts runs it on every preset, and the sources page runs it
 * too, so the build fails on the same mistakes. Pure: the caller reads the sources.
 */
import {
  ASSUMPTIONS,
  CATEGORIES,
  CATEGORY_LABELS,
  LEGAL_PROCESSES,
  LEGAL_PROCESS_LABELS,
  LEGAL_STANDARDS,
  PRESERVATION_BASIS,
  PRESETS,
} from '../model/index.ts';
import { splitClaimRef, type Cited, type ClaimRef, type Policy } from '../model/index.ts';
import { retentionWords } from './sim/legal/policy.ts';
import type { Source } from './source-schema.ts';

export interface CitedValue {
  /** The module that defines the value. */
  file: string;
  /** Where in it: the preset and the field path, e.g. `apple-2016 legal.2703d`. */
  field: string;
  /** The value as a reader meets it, for the sources page. */
  where: string;
  basis: Cited;
}

/** The comparison presets live in their own module; the rest in policy.ts. */
const PRESET_FILE: Readonly<Record<string, string>> = {
  'signal-like': 'src/model/presets-comparison.ts',
  'whatsapp-like': 'src/model/presets-comparison.ts',
};

function presetValues(policy: Policy): CitedValue[] {
  const file = PRESET_FILE[policy.id] ?? 'src/model/policy.ts';
  const at = (field: string, where: string, basis: Cited): CitedValue => ({ file, field: `${policy.id} ${field}`, where: `${policy.name}: ${where}`, basis });
  return [
    ...CATEGORIES.map((c) =>
      at(`retention.${c}`, `how long it keeps each ${CATEGORY_LABELS[c].toLowerCase()} (${retentionWords(policy.retention[c].keep)})`, policy.retention[c]),
    ),
    ...LEGAL_PROCESSES.map((p) => at(`legal.${p}`, `what a ${LEGAL_PROCESS_LABELS[p].toLowerCase()} obtains`, policy.legal[p])),
    at('penRegisterBatchBasis', 'how often a pen register’s records are handed over', policy.penRegisterBatchBasis),
    at('contentViaBackup', 'whether a warrant reaches message content through cloud backups', policy.contentViaBackup),
    at('contentEncrypted', 'message content not held on the messaging servers', policy.contentEncrypted),
  ];
}

/** Every value the presets and the legal responses show, with its basis. */
export function citedValues(presets: readonly Policy[] = PRESETS): CitedValue[] {
  return [
    ...presets.flatMap(presetValues),
    ...LEGAL_PROCESSES.map((p) => ({
      file: 'src/model/legal.ts',
      field: `LEGAL_STANDARDS.${p}`,
      where: `The legal standard for a ${LEGAL_PROCESS_LABELS[p].toLowerCase()}`,
      basis: LEGAL_STANDARDS[p],
    })),
    // The modelled unknowns: each states why it is an assumption, and a sourced default names its claim.
    ...ASSUMPTIONS.map((a) => ({
      file: 'src/model/assumptions.ts',
      field: `ASSUMPTIONS.${a.key}`,
      where: `The assumption “${a.label}”`,
      basis: { sources: a.sources, ...(a.claims ? { claims: a.claims } : {}), assumption: a.reason },
    })),
    {
      file: 'src/model/preservation.ts',
      field: 'PRESERVATION_BASIS',
      where: `How long a preservation request keeps records (${PRESERVATION_DAYS_WORDS})`,
      basis: PRESERVATION_BASIS,
    },
  ];
}

const PRESERVATION_DAYS_WORDS = '90 days, renewable once';

type Listed = Pick<Source, 'id' | 'claims'>;

/** What is wrong with each value's basis, one message per mistake, naming the file and field. */
export function citationIssues(values: readonly CitedValue[], sources: readonly Listed[]): string[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const issues: string[] = [];
  for (const { file, field, basis } of values) {
    const at = `${file}, ${field}`;
    const claims = basis.claims ?? [];
    claims.forEach((ref, i) => {
      const { source, claim } = splitClaimRef(ref);
      const listed = byId.get(source);
      if (!listed) issues.push(`${at}.claims[${i}]: "${ref}" names no source (expected a file content/sources/${source}.yaml)`);
      else if (!listed.claims.some((c) => c.id === claim)) {
        issues.push(`${at}.claims[${i}]: "${ref}": ${source} lists no claim "${claim}" (it lists ${listed.claims.map((c) => `"${c.id}"`).join(', ')})`);
      }
      if (!basis.sources.includes(source)) issues.push(`${at}.sources: expected "${source}", whose claim "${ref}" it cites`);
    });
    basis.sources.forEach((source, i) => {
      if (!claims.some((ref) => splitClaimRef(ref).source === source)) {
        issues.push(`${at}.sources[${i}]: cites "${source}" without naming which of its claims supports the value (expected a claim "${source}#<claim id>")`);
      }
    });
    if (claims.length === 0 && !basis.assumption?.trim()) {
      issues.push(`${at}: expected a cited claim or an assumption with its reason, got neither`);
    }
  }
  return issues;
}

/** Per source, per claim id: the values on the site that rest on that claim, as readers meet them. */
export function claimsResting(values: readonly CitedValue[]): Map<string, Map<string, string[]>> {
  const resting = new Map<string, Map<string, string[]>>();
  for (const { where, basis } of values) {
    for (const ref of basis.claims ?? ([] as ClaimRef[])) {
      const { source, claim } = splitClaimRef(ref);
      const bySource = resting.get(source) ?? new Map<string, string[]>();
      const list = bySource.get(claim) ?? [];
      if (!list.includes(where)) list.push(where);
      bySource.set(claim, list);
      resting.set(source, bySource);
    }
  }
  return resting;
}
