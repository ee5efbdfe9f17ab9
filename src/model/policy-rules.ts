import { cite, type Cited } from './cite.ts';
import { FIELD_NAMES, type Category } from './records.ts';

/**
 * The shapes of a policy, and the rules more than one preset shares. Presets live in policy.ts
 * (Apple's and the counterfactuals) and presets-comparison.ts (Signal-like, WhatsApp-like).
 */
export type { Cited } from './cite.ts';

export const LEGAL_PROCESSES = ['subpoena', '2703d', 'pen-register', 'warrant'] as const;
export type LegalProcess = (typeof LEGAL_PROCESSES)[number];

export const LEGAL_PROCESS_LABELS: Record<LegalProcess, string> = {
  subpoena: 'Subpoena',
  '2703d': '§2703(d) order',
  'pen-register': 'Pen register / trap-and-trace order',
  warrant: 'Search warrant',
};

export type Keep =
  /** Kept for a fixed number of days after it is recorded; 0 means never kept. */
  | { kind: 'days'; days: number }
  | { kind: 'forever' }
  /** Only the newest record per handle is kept, and only to the day (Signal's "last connection date"). */
  | { kind: 'latest' };

export interface RetentionRule extends Cited {
  keep: Keep;
  /** Fields the provider keeps; the rest are dropped. */
  fields: readonly string[];
  /** Fields the servers see at all, which a pen register can capture live. Default: every field. */
  visible?: readonly string[];
}

export interface LegalRule extends Cited {
  /** Categories this process can obtain. For a pen register: what it captures from the order on. */
  categories: readonly Category[];
  note?: string;
}

export type BackupMode = 'off' | 'standard' | 'adp';

export interface Policy {
  id: string;
  name: string;
  /** One line for pickers and compare headings. */
  summary: string;
  /** Say "Apple" only where an Apple preset is active. */
  provider: string;
  retention: Record<Category, RetentionRule>;
  legal: Record<LegalProcess, LegalRule>;
  /** A pen register's output arrives in batches this far apart (0: as it happens). */
  penRegisterBatchMinutes: number;
  /** What the batch interval rests on: no source gives Apple's, so it is an assumption there. */
  penRegisterBatchBasis: Cited;
  /** Whether a warrant can reach message content through cloud backups, and under which backup modes. */
  contentViaBackup: Cited & { modes: readonly BackupMode[] };
  /** Why the messaging servers cannot produce message content: the source for its end-to-end encryption. */
  contentEncrypted: Cited;
}

export function sameForEveryProcess(rule: LegalRule): Record<LegalProcess, LegalRule> {
  return { subpoena: rule, '2703d': rule, 'pen-register': rule, warrant: rule };
}

export const ALL_FIELDS = (c: Category) => [...FIELD_NAMES[c]];
export const never = (basis: Cited): RetentionRule => ({ keep: { kind: 'days', days: 0 }, fields: [], ...basis });

/**
 * How long the push service holds a message for an offline device before dropping it (Apple:
 * apple-platform-security-imessage). The queue records' retention and the queue-hold assumption's
 * default and upper bound (assumptions.ts) all read it, so a hold never outlives its record.
 */
export const QUEUE_HOLD_DAYS = 30;

export const APPLE_QUEUE: RetentionRule = {
  keep: { kind: 'days', days: QUEUE_HOLD_DAYS },
  fields: ALL_FIELDS('queue'),
  ...cite('apple-platform-security-imessage#offline-queue-30-days'),
};

export const QUEUE_30_DAYS: RetentionRule = {
  ...APPLE_QUEUE,
  assumption: 'Other providers do not all publish their hold limit; the model uses the 30 days Apple gives for offline devices (QUEUE_HOLD_DAYS).',
};

export const LIFE_OF_ACCOUNT = 'Kept for the life of the account: the model has no account deletion.';
