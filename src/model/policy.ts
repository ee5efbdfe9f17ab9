import { cite, type Cited } from './cite.ts';
import { ALL_FIELDS, APPLE_QUEUE, LIFE_OF_ACCOUNT, QUEUE_30_DAYS, never, sameForEveryProcess } from './policy-rules.ts';
import type { Keep, LegalProcess, LegalRule, Policy, RetentionRule } from './policy-rules.ts';
import { SIGNAL_LIKE, WHATSAPP_LIKE } from './presets-comparison.ts';
import { CATEGORIES, type Category } from './records.ts';
import { DAY, type SimTime } from './time.ts';

/**
 * Policies are data: how long each category of record is kept, which fields are kept, and what
 * each legal process can obtain. Every value cites the claims of content/sources/ it rests on
 * (cite.ts), and every value nobody outside the provider knows says so, and why, in `assumption`.
 * This module holds Apple's presets and the counterfactuals; policy-rules.ts the shapes.
 */
export { LEGAL_PROCESSES, LEGAL_PROCESS_LABELS, QUEUE_HOLD_DAYS } from './policy-rules.ts';
export type { BackupMode, Cited, Keep, LegalProcess, LegalRule, Policy, RetentionRule } from './policy-rules.ts';
export { SIGNAL_LIKE, WHATSAPP_LIKE } from './presets-comparison.ts';

const APPLE_SUBSCRIBER: RetentionRule = {
  keep: { kind: 'forever' },
  fields: ALL_FIELDS('account'),
  ...cite('savage-2021#subpoena-subscriber', 'fbi-lawful-access-2020#imessage-subpoena'),
  assumption: LIFE_OF_ACCOUNT,
};

const DEVICE_IDS: RetentionRule = {
  keep: { kind: 'forever' },
  fields: ALL_FIELDS('registration'),
  ...cite('savage-2021#subpoena-subscriber'),
  assumption:
    'How long device registrations are kept is not published; the model keeps them for the life of the account, since a subpoena can return hardware identifiers.',
};

const ROUTING_UNPUBLISHED: RetentionRule = {
  ...never(cite('apple-platform-security-imessage#metadata-not-encrypted')),
  assumption: 'No retention is published for push routing logs. The model assumes they are not kept once a message is delivered.',
};

/** Shown on both Apple presets' pen-register rule: their difference is two sources, not a known change. */
const PEN_REGISTER_SOURCES_DISAGREE =
  'The two Apple presets differ here because two sources disagree, not because Apple is known to have changed anything: The Intercept (2016) named pen-register orders as the route to lookup logs, while the FBI’s chart (capabilities as of 2020) lists no pen-register capability for iMessage. Each preset follows the source of its years.';

const APPLE_BATCH_ASSUMPTION =
  'No source gives a delivery schedule: The Intercept says only that the logs are not handed over in real time. The model assumes one batch a day.';

function appleLegal(order: Cited, warrant: Cited, penRegister: LegalRule): Record<LegalProcess, LegalRule> {
  const subpoena: Category[] = ['account', 'registration', 'connection'];
  const reach: Category[] = [...subpoena, 'lookup', 'call'];
  return {
    subpoena: { categories: subpoena, ...cite('savage-2021#subpoena-subscriber', 'fbi-lawful-access-2020#imessage-subpoena') },
    '2703d': { categories: reach, ...order },
    'pen-register': penRegister,
    warrant: { categories: reach, ...warrant },
  };
}

const APPLE_BACKUP = {
  modes: ['standard'] as const,
  ...cite('apple-icloud-backup#backup-holds-key', 'fbi-lawful-access-2020#imessage-warrant-backups'),
};

/** The 2015 guidelines say FaceTime invitation logs exist, not what they hold. */
const CALL_FIELDS_ASSUMED =
  'Apple’s guidelines say call invitation logs exist but not which fields they hold; the caller, the caller’s IP address and the callee are the model’s assumption.';

export const APPLE_2016: Policy = {
  id: 'apple-2016',
  name: 'Apple, 2016',
  summary: 'Lookup records kept 30 days, as Apple confirmed in 2016.',
  provider: 'Apple',
  retention: {
    account: APPLE_SUBSCRIBER,
    registration: DEVICE_IDS,
    lookup: { keep: { kind: 'days', days: 30 }, fields: ALL_FIELDS('lookup'), ...cite('intercept-2016#kept-30-days', 'intercept-2016#sample-fields') },
    routing: ROUTING_UNPUBLISHED,
    queue: APPLE_QUEUE,
    call: { keep: { kind: 'days', days: 30 }, fields: ALL_FIELDS('call'), ...cite('apple-lpg-2015#facetime-30-days'), assumption: CALL_FIELDS_ASSUMED },
    connection: {
      keep: { kind: 'days', days: 25 },
      fields: ALL_FIELDS('connection'),
      ...cite('apple-lpg-2025#connection-logs-25-days'),
      assumption: 'No 2016 figure is published for connection logs; the model uses the 25 days of Apple’s 2025 guidelines.',
    },
  },
  legal: appleLegal(
    {
      ...cite('apple-lpg-2015#facetime-2703d-or-warrant'),
      assumption:
        'No 2016 source says which order reaches lookup records: the FAQ and The Intercept speak of pen-register orders, and the §2703(d) wording comes from Apple’s later guidelines. The model applies that later rule to 2016.',
    },
    {
      ...cite('apple-lpg-2015#facetime-2703d-or-warrant'),
      assumption: 'No 2016 source says a warrant reaches lookup records; the model lets it reach what a §2703(d) order does, as Apple’s later guidelines say.',
    },
    {
      categories: ['lookup'],
      ...cite('intercept-2016#pen-register-route', 'intercept-2016#not-real-time'),
      note: 'The Intercept described pen-register and trap-and-trace orders as the route to lookup logs; the logs are not produced in real time.',
      assumption: PEN_REGISTER_SOURCES_DISAGREE,
    },
  ),
  penRegisterBatchMinutes: 24 * 60,
  penRegisterBatchBasis: { ...cite('intercept-2016#not-real-time'), assumption: APPLE_BATCH_ASSUMPTION },
  contentViaBackup: APPLE_BACKUP,
  contentEncrypted: cite('apple-statement-2016#content-e2e', 'apple-platform-security-imessage#per-device-fanout'),
};

export const APPLE_2020S: Policy = {
  ...APPLE_2016,
  id: 'apple-2020s',
  name: 'Apple, 2020s',
  summary: 'Lookup, call invitation and connection records kept 25 days, per Apple’s current guidelines.',
  retention: {
    ...APPLE_2016.retention,
    lookup: {
      keep: { kind: 'days', days: 25 },
      fields: ALL_FIELDS('lookup'),
      ...cite('apple-lpg-2025#imessage-logs-25-days', 'fbi-lawful-access-2020#imessage-2703d-lookups'),
    },
    call: { keep: { kind: 'days', days: 25 }, fields: ALL_FIELDS('call'), ...cite('apple-lpg-2025#facetime-logs-25-days'), assumption: CALL_FIELDS_ASSUMED },
    connection: { keep: { kind: 'days', days: 25 }, fields: ALL_FIELDS('connection'), ...cite('apple-lpg-2025#connection-logs-25-days') },
  },
  legal: appleLegal(
    cite(
      'apple-lpg-imessage#2703d-or-warrant',
      'fbi-lawful-access-2020#imessage-2703d-lookups',
      'apple-lpg-2015#facetime-2703d-or-warrant',
      'savage-2021#2703d-to-from-when',
    ),
    cite('apple-lpg-imessage#2703d-or-warrant', 'apple-lpg-2015#facetime-2703d-or-warrant', 'fbi-lawful-access-2020#imessage-warrant-backups'),
    {
      categories: [],
      ...cite('fbi-lawful-access-2020#imessage-no-pen-register'),
      note: 'The FBI’s chart lists no pen-register capability for iMessage (recalled, not yet checked against the chart).',
      assumption: PEN_REGISTER_SOURCES_DISAGREE,
    },
  ),
  penRegisterBatchBasis: { ...cite('fbi-lawful-access-2020#delayed-returns'), assumption: APPLE_BATCH_ASSUMPTION },
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
  legal: sameForEveryProcess({ categories: [], sources: [], assumption: 'A counterfactual: nothing is kept, so no process can obtain anything.' }),
  penRegisterBatchBasis: { sources: [], assumption: 'A counterfactual: nothing is kept, so nothing is handed over.' },
  contentViaBackup: { modes: [], sources: [], assumption: 'A counterfactual provider with no cloud backup.' },
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
      claims: [],
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
