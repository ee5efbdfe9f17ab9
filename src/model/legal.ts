import { cite, type Cited } from './cite.ts';
import type { Ledger } from './ledger.ts';
import { heldInCategoryWith, preservationsAt, preservedUntil, type Preservation } from './preservation.ts';
import { LEGAL_PROCESS_LABELS, retentionEnd, type BackupMode, type LegalProcess, type Policy } from './policy.ts';
import { CATEGORIES, FIELD_NAMES, type Category, type LedgerRecord } from './records.ts';
import { MINUTE, type SimTime } from './time.ts';
import { toHeldRecord, type HeldRecord } from './held-record.ts';

/** The legal standard each process must meet, named and cited. */
export const LEGAL_STANDARDS: Record<LegalProcess, Cited & { standard: string }> = {
  subpoena: {
    standard: 'Issued by a prosecutor or agency without a judge; reaches basic subscriber records and IP logs.',
    ...cite('usc-18-2703#subpoena-subscriber-records', 'savage-2021#subpoena-subscriber'),
  },
  '2703d': {
    standard: 'A court order on specific and articulable facts that the records are relevant and material to an ongoing criminal investigation.',
    ...cite('usc-18-2703#2703d-standard'),
  },
  'pen-register': {
    standard:
      'A court order on a certification that the information is relevant to an ongoing criminal investigation; it collects routing data from the order on, never content.',
    ...cite('usc-18-3123#relevance-certification', 'usc-18-3123#no-content'),
  },
  warrant: {
    standard: 'A search warrant from a judge, on probable cause.',
    ...cite('apple-lpg-2025#content-needs-warrant'),
  },
};

export interface LegalQuery {
  process: LegalProcess;
  /** A normalised handle. */
  target: string;
  /** When the order is served. Retrospective processes return what is held then. */
  servedAt: SimTime;
  /** The moment being viewed; a pen register has collected everything from servedAt up to here. */
  at: SimTime;
  backupMode: BackupMode;
  /** Preservation requests served (18 U.S.C. §2703(f)): what they froze is still held. None when absent. */
  preservations?: readonly Preservation[];
}

export interface ProducedRecord extends HeldRecord {
  /** "by": the target did it (looked up, called, sent); "of": someone did it to the target. */
  direction: 'by' | 'of';
  /** For a pen register: when the provider hands this record over. */
  deliveredAt?: SimTime;
}

export interface NoLongerHeld {
  /** The record's place in the ledger, as on `ProducedRecord`. */
  seq: number;
  category: Category;
  recordedAt: SimTime;
  /** When it stopped being held: retention ran out, or (queue) it was delivered. */
  goneAt: SimTime;
  direction: 'by' | 'of';
}

export interface LegalResponse {
  query: LegalQuery;
  processLabel: string;
  standard: string;
  standardSources: readonly string[];
  /** What this process may obtain under the policy, with the policy's sources. */
  categories: readonly Category[];
  sources: readonly string[];
  note?: string;
  /** Present when what this process may obtain is the model's assumption, not a source's: what, and why. */
  assumption?: string;
  produced: ProducedRecord[];
  noLongerHeld: NoLongerHeld[];
  /** Categories this process could obtain but the policy never keeps. */
  neverKept: Category[];
  /** What cannot be produced, and why. */
  cannotProduce: { what: string; why: string; sources: readonly string[] }[];
  /** What can be produced beyond the records, such as backed-up content. */
  alsoProducible: { what: string; why: string; sources: readonly string[] }[];
  prospective: boolean;
}

function direction(o: LedgerRecord, target: string): 'by' | 'of' {
  return o.handles[0] === target ? 'by' : 'of';
}

/** The records part of a response: what is produced, and what is not and why. */
type RecordsAnswer = Pick<LegalResponse, 'produced' | 'noLongerHeld' | 'neverKept'>;

/**
 * What a legal process served at `servedAt` returns for `target` under `policy`: the records
 * (retrospective: what is held then; a pen register: what is captured from then on), and what can
 * never be produced. Pure: reads the ledger, changes nothing.
 */
export function legalResponse(ledger: Ledger, policy: Policy, query: LegalQuery): LegalResponse {
  const rule = policy.legal[query.process];
  const { standard, sources: standardSources } = LEGAL_STANDARDS[query.process];
  const prospective = query.process === 'pen-register';
  const categories = CATEGORIES.filter((c) => rule.categories.includes(c));
  const records = prospective ? penRegister(ledger, policy, categories, query) : heldWhenServed(ledger, policy, categories, query);
  return {
    query,
    processLabel: LEGAL_PROCESS_LABELS[query.process],
    standard,
    standardSources,
    categories: rule.categories,
    sources: rule.sources,
    ...(rule.note ? { note: rule.note } : {}),
    ...(rule.assumption ? { assumption: rule.assumption } : {}),
    ...records,
    ...aboutContent(policy, query),
    prospective,
  };
}

/**
 * Retrospective: the records held at `servedAt`, searched both ways (by the target and of the
 * target); what was recorded by then but is no longer held, and since when; and the categories
 * the policy never keeps.
 */
function heldWhenServed(ledger: Ledger, policy: Policy, categories: readonly Category[], query: LegalQuery): RecordsAnswer {
  const answer: RecordsAnswer = { produced: [], noLongerHeld: [], neverKept: [] };
  // The requests as they stood when this one was served: one served or renewed later is not known yet.
  const preservations = preservationsAt(query.preservations ?? [], query.servedAt);
  // Frozen now: marked "preserved until"; frozen ever: how long a record lived before it went.
  const preservedNow = preservedUntil(ledger, policy, preservations, query.servedAt);
  const preservedEver = preservedUntil(ledger, policy, preservations);
  for (const category of categories) {
    const keep = policy.retention[category].keep;
    if (keep.kind === 'days' && keep.days === 0) {
      answer.neverKept.push(category);
      continue;
    }
    const held = new Set(heldInCategoryWith(ledger, policy, category, query.servedAt, preservations).map((o) => o.seq));
    for (const o of about(ledger, category, query.target)) {
      if (o.recordedAt > query.servedAt) break;
      if (held.has(o.seq)) answer.produced.push({ ...toHeldRecord(o, policy, preservedNow.get(o.seq)), direction: direction(o, query.target) });
      else {
        const ownEnd = Math.max(retentionEnd(policy, category, o.recordedAt), preservedEver.get(o.seq) ?? Number.NEGATIVE_INFINITY);
        const goneAt = Math.min(o.endedAt ?? Number.POSITIVE_INFINITY, ownEnd);
        if (goneAt <= query.servedAt) {
          answer.noLongerHeld.push({ seq: o.seq, category, recordedAt: o.recordedAt, goneAt, direction: direction(o, query.target) });
        }
      }
    }
  }
  return answer;
}

/**
 * Prospective (pen register): what the provider captures about the target from `servedAt` on,
 * whatever the retention, handed over in the policy's delivery batches up to the moment viewed.
 */
function penRegister(ledger: Ledger, policy: Policy, categories: readonly Category[], query: LegalQuery): RecordsAnswer {
  const produced: ProducedRecord[] = [];
  const batch = policy.penRegisterBatchMinutes * MINUTE;
  for (const category of categories) {
    for (const o of about(ledger, category, query.target)) {
      if (o.recordedAt < query.servedAt || o.recordedAt > query.at) continue;
      const deliveredAt = batch > 0 ? Math.ceil((o.recordedAt + 1) / batch) * batch : o.recordedAt;
      if (deliveredAt > query.at) continue;
      produced.push({ ...captured(o, policy), direction: direction(o, query.target), deliveredAt });
    }
  }
  return { produced, noLongerHeld: [], neverKept: [] };
}

/** Message content: never on the messaging servers; reachable through cloud backups by a warrant when the backup mode allows. */
function aboutContent(policy: Policy, query: LegalQuery): Pick<LegalResponse, 'cannotProduce' | 'alsoProducible'> {
  const canBackup = query.process === 'warrant' && policy.contentViaBackup.modes.includes(query.backupMode);
  const cannotProduce = [
    {
      what: canBackup ? 'Message content from the messaging servers' : 'Message content',
      why:
        'Not held (end-to-end encrypted): only the devices have the keys.' +
        (policy.contentEncrypted.assumption ? ` Assumption: ${policy.contentEncrypted.assumption}` : ''),
      sources: policy.contentEncrypted.sources,
    },
  ];
  const alsoProducible = canBackup
    ? [
        {
          what: 'Message content from cloud backups',
          why:
            'With standard backup protection the provider holds a key to backed-up messages, and a warrant reaches it.' +
            (policy.contentViaBackup.assumption ? ` Assumption: ${policy.contentViaBackup.assumption}` : ''),
          sources: policy.contentViaBackup.sources,
        },
      ]
    : [];
  return { cannotProduce, alsoProducible };
}

/** A pen register captures as things happen, whatever the retention: every field the servers see. */
function captured(o: LedgerRecord, policy: Policy): HeldRecord {
  const record = toHeldRecord(o, policy);
  const visible = policy.retention[o.category].visible ?? FIELD_NAMES[o.category];
  const fields = o.fields as unknown as Record<string, string | number | undefined>;
  const seen: Record<string, string | number> = {};
  for (const name of visible) {
    const value = fields[name];
    if (value !== undefined) seen[name] = value;
  }
  return { ...record, recordedAt: o.recordedAt, fields: seen };
}

function* about(ledger: Ledger, category: Category, target: string): Generator<LedgerRecord> {
  const list = ledger.byCategory[category];
  for (let i = ledger.start[category]; i < list.length; i++) {
    const o = list[i] as LedgerRecord;
    if (o.handles.includes(target)) yield o;
  }
}
