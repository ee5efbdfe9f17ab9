import { CATEGORIES, FIELD_NAMES, type Category } from './records.ts';
import { DAY, type SimTime } from './time.ts';

/**
 * Policies are data: how long each category of record is kept, which fields are kept, and what
 * each legal process can obtain. Every value cites source ids from content/sources/, and every
 * value nobody outside the provider knows says so in `assumption`.
 */

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

export interface Cited {
  /** Ids of content/sources entries that support the value. */
  sources: readonly string[];
  /** Present when the value is not published: what the model assumes, and why. */
  assumption?: string;
}

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
  /** Whether a warrant can reach message content through cloud backups, and under which backup modes. */
  contentViaBackup: Cited & { modes: readonly BackupMode[] };
  /** Why the messaging servers cannot produce message content: the source for its end-to-end encryption. */
  contentEncrypted: Cited;
}

function sameForEveryProcess(rule: LegalRule): Record<LegalProcess, LegalRule> {
  return { subpoena: rule, '2703d': rule, 'pen-register': rule, warrant: rule };
}

const ALL_FIELDS = (c: Category) => [...FIELD_NAMES[c]];
const never = (sources: readonly string[], assumption?: string): RetentionRule => ({
  keep: { kind: 'days', days: 0 },
  fields: [],
  sources,
  ...(assumption ? { assumption } : {}),
});

/**
 * How long the push service holds a message for an offline device before dropping it (Apple:
 * apple-platform-security-imessage). The queue records' retention and the queue-hold assumption's
 * default and upper bound (assumptions.ts) all read it, so a hold never outlives its record.
 */
export const QUEUE_HOLD_DAYS = 30;

const APPLE_QUEUE: RetentionRule = {
  keep: { kind: 'days', days: QUEUE_HOLD_DAYS },
  fields: ALL_FIELDS('queue'),
  sources: ['apple-platform-security-imessage'],
};

const QUEUE_30_DAYS: RetentionRule = {
  ...APPLE_QUEUE,
  assumption: 'Other providers do not all publish their hold limit; the model uses the 30 days Apple gives for offline devices (QUEUE_HOLD_DAYS).',
};

const SUBSCRIBER: RetentionRule = {
  keep: { kind: 'forever' },
  fields: ALL_FIELDS('account'),
  sources: ['savage-2021', 'fbi-lawful-access-2020'],
  assumption: 'Kept for the life of the account: the model has no account deletion.',
};

const DEVICE_IDS: RetentionRule = {
  keep: { kind: 'forever' },
  fields: ALL_FIELDS('registration'),
  sources: ['savage-2021'],
  assumption:
    'How long device registrations are kept is not published; the model keeps them for the life of the account, since a subpoena can return device identifiers.',
};

const ROUTING_UNPUBLISHED: RetentionRule = {
  ...never(['apple-platform-security-imessage']),
  assumption: 'No retention is published for push routing logs. The model assumes they are not kept once a message is delivered.',
};

function appleLegal(lookupSources: readonly string[], penRegister: LegalRule): Record<LegalProcess, LegalRule> {
  const subpoena: Category[] = ['account', 'registration', 'connection'];
  const order: Category[] = [...subpoena, 'lookup', 'call'];
  return {
    subpoena: { categories: subpoena, sources: ['savage-2021', 'fbi-lawful-access-2020'] },
    '2703d': { categories: order, sources: [...lookupSources, 'apple-lpg-2015'] },
    'pen-register': penRegister,
    warrant: { categories: order, sources: ['apple-lpg-2015', 'fbi-lawful-access-2020'] },
  };
}

const APPLE_BACKUP = {
  modes: ['standard'] as const,
  sources: ['apple-icloud-backup', 'fbi-lawful-access-2020'],
};

export const APPLE_2016: Policy = {
  id: 'apple-2016',
  name: 'Apple, 2016',
  summary: 'Lookup records kept 30 days, as Apple confirmed in 2016.',
  provider: 'Apple',
  retention: {
    account: SUBSCRIBER,
    registration: DEVICE_IDS,
    lookup: { keep: { kind: 'days', days: 30 }, fields: ALL_FIELDS('lookup'), sources: ['intercept-2016', 'apple-statement-2016'] },
    routing: ROUTING_UNPUBLISHED,
    queue: APPLE_QUEUE,
    call: { keep: { kind: 'days', days: 30 }, fields: ALL_FIELDS('call'), sources: ['apple-lpg-2015'] },
    connection: {
      keep: { kind: 'days', days: 25 },
      fields: ALL_FIELDS('connection'),
      sources: ['apple-lpg-2025'],
      assumption: 'No 2016 figure is published for connection logs; the model uses the 25 days of Apple’s 2025 guidelines.',
    },
  },
  legal: appleLegal(['intercept-2016'], {
    categories: ['lookup'],
    sources: ['intercept-2016'],
    note: 'The Intercept described pen-register and trap-and-trace orders as the route to lookup logs; the logs are not produced in real time.',
  }),
  penRegisterBatchMinutes: 24 * 60,
  contentViaBackup: APPLE_BACKUP,
  contentEncrypted: { sources: ['apple-platform-security-imessage'] },
};

export const APPLE_2020S: Policy = {
  ...APPLE_2016,
  id: 'apple-2020s',
  name: 'Apple, 2020s',
  summary: 'Lookup, call invitation and connection records kept 25 days, per Apple’s current guidelines.',
  retention: {
    ...APPLE_2016.retention,
    lookup: { keep: { kind: 'days', days: 25 }, fields: ALL_FIELDS('lookup'), sources: ['apple-lpg-2025', 'fbi-lawful-access-2020'] },
    call: { keep: { kind: 'days', days: 25 }, fields: ALL_FIELDS('call'), sources: ['apple-lpg-2025'] },
    connection: { keep: { kind: 'days', days: 25 }, fields: ALL_FIELDS('connection'), sources: ['apple-lpg-2025'] },
  },
  legal: appleLegal(['apple-lpg-imessage', 'fbi-lawful-access-2020'], {
    categories: [],
    sources: ['fbi-lawful-access-2020'],
    note: 'The FBI’s 2020 chart lists no pen-register capability for iMessage (recalled, not yet checked against the chart).',
  }),
};

export const SIGNAL_LIKE: Policy = {
  id: 'signal-like',
  name: 'Signal-like',
  summary: 'Only the account’s registration date and its last connection date.',
  provider: 'the provider',
  retention: {
    account: { keep: { kind: 'forever' }, fields: ['handle', 'registeredAt'], sources: ['signal-bigbrother'] },
    registration: never(['signal-bigbrother']),
    lookup: never(['signal-bigbrother']),
    routing: {
      ...never(['signal-bigbrother', 'signal-sealed-sender-2018']),
      // Sealed sender: the sender's identity travels inside the encryption.
      visible: ['senderIp', 'recipientHandle', 'pushToken', 'size'],
    },
    queue: QUEUE_30_DAYS,
    call: never(['signal-bigbrother']),
    connection: { keep: { kind: 'latest' }, fields: ['handle'], sources: ['signal-bigbrother'] },
  },
  legal: sameForEveryProcess({ categories: ['account', 'connection'], sources: ['signal-bigbrother'] }),
  penRegisterBatchMinutes: 0,
  contentViaBackup: { modes: [], sources: ['signal-bigbrother'] },
  contentEncrypted: { sources: ['signal-bigbrother'] },
};

export const WHATSAPP_LIKE: Policy = {
  id: 'whatsapp-like',
  name: 'WhatsApp-like',
  summary: 'A pen register returns the source and destination of each message, every 15 minutes.',
  provider: 'the provider',
  retention: {
    account: SUBSCRIBER,
    registration: DEVICE_IDS,
    lookup: never(['fbi-lawful-access-2020'], 'Contact-discovery logs are not described in the sources; the model assumes none are kept.'),
    routing: {
      ...never(['fbi-lawful-access-2020']),
      assumption: 'The sources describe routing data captured live for a pen register, not stored history; the model keeps none after delivery.',
    },
    queue: QUEUE_30_DAYS,
    call: never(['fbi-lawful-access-2020'], 'Call logs are not described in the sources; the model assumes none are kept.'),
    connection: {
      keep: { kind: 'days', days: 25 },
      fields: ALL_FIELDS('connection'),
      sources: [],
      assumption: 'No retention is published; the model borrows 25 days so that a subpoena has something to find.',
    },
  },
  legal: {
    subpoena: { categories: ['account', 'connection'], sources: ['fbi-lawful-access-2020'] },
    '2703d': {
      categories: ['account', 'connection'],
      sources: ['fbi-lawful-access-2020'],
      note: 'A court order also returns blocked users, which the model does not simulate.',
    },
    'pen-register': {
      categories: ['routing'],
      sources: ['fbi-lawful-access-2020'],
      note: 'Source and destination of each message, delivered every 15 minutes.',
    },
    warrant: {
      categories: ['account', 'registration', 'connection'],
      sources: ['fbi-lawful-access-2020'],
      note: 'A warrant also returns address-book contacts, which the model does not simulate.',
    },
  },
  penRegisterBatchMinutes: 15,
  contentViaBackup: APPLE_BACKUP,
  contentEncrypted: { sources: ['fbi-lawful-access-2020'] },
};

function everything(keep: Keep, sources: readonly string[], assumption: string): Record<Category, RetentionRule> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, c === 'queue' ? QUEUE_30_DAYS : { keep, fields: ALL_FIELDS(c), sources, assumption }])) as Record<
    Category,
    RetentionRule
  >;
}

export const KEEP_FOREVER: Policy = {
  ...APPLE_2020S,
  id: 'keep-forever',
  name: 'Keep forever',
  summary: 'A counterfactual: every record kept for ever.',
  provider: 'the provider',
  retention: everything({ kind: 'forever' }, [], 'A counterfactual for comparison: no provider is known to do this.'),
  contentEncrypted: { sources: [], assumption: 'A counterfactual provider with the same end-to-end encryption as the others.' },
};

export const KEEP_NOTHING: Policy = {
  ...APPLE_2020S,
  id: 'keep-nothing',
  name: 'Keep nothing',
  summary: 'A counterfactual: no logs at all; only undelivered messages wait in the queue.',
  provider: 'the provider',
  retention: everything({ kind: 'days', days: 0 }, [], 'A counterfactual for comparison: no provider is known to do this.'),
  legal: sameForEveryProcess({ categories: [], sources: [] }),
  contentViaBackup: { modes: [], sources: [] },
  contentEncrypted: { sources: [], assumption: 'A counterfactual provider with the same end-to-end encryption as the others.' },
};

export const PRESETS: readonly Policy[] = [APPLE_2016, APPLE_2020S, SIGNAL_LIKE, WHATSAPP_LIKE, KEEP_FOREVER, KEEP_NOTHING];
export type PresetId = 'apple-2016' | 'apple-2020s' | 'signal-like' | 'whatsapp-like' | 'keep-forever' | 'keep-nothing';
export const PRESET_IDS = PRESETS.map((p) => p.id) as readonly string[];

export function presetById(id: string): Policy | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** A custom policy: a preset with some categories' retention changed (days, or null for forever). */
export function withRetention(base: Policy, changes: Partial<Record<Category, number | null>>): Policy {
  const retention = { ...base.retention };
  for (const [category, days] of Object.entries(changes) as [Category, number | null][]) {
    retention[category] = {
      ...retention[category],
      keep: days === null ? { kind: 'forever' } : { kind: 'days', days },
      fields: retention[category].fields.length > 0 ? retention[category].fields : ALL_FIELDS(category),
      sources: [],
      assumption: 'Set by the reader.',
    };
  }
  return { ...base, id: 'custom', name: `Custom (from ${base.name})`, summary: 'Retention set by the reader.', retention };
}

/** When a record in `category` made at `recordedAt` stops being held under `policy` by retention alone. */
export function retentionEnd(policy: Policy, category: Category, recordedAt: SimTime): SimTime {
  const keep = policy.retention[category].keep;
  return keep.kind === 'days' ? recordedAt + keep.days * DAY : Number.POSITIVE_INFINITY;
}

/** Retention in ms for 'days' rules; Infinity for 'forever' and 'latest'. */
export function retentionMs(policy: Policy, category: Category): number {
  const keep = policy.retention[category].keep;
  return keep.kind === 'days' ? keep.days * DAY : Number.POSITIVE_INFINITY;
}
