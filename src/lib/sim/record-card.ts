import {
  CATEGORY_LABELS,
  FIELD_LABELS,
  FIELD_NAMES,
  spanHeldAt,
  everHeld,
  toHeldRecord,
  type Category,
  type Policy,
  type RecordSpan,
  type SimTime,
} from '../../model/index.ts';
import { heldRow } from '../held-rows.ts';
import { spanEnd } from './span-words.ts';
import { retentionWords } from './legal/policy.ts';
import { CATEGORY_GLOSS, FIELD_GLOSSARY } from './record-glossary.ts';

/**
 * A record's card: what a reader sees on choosing a mark in the lanes. What the record is in
 * plain words, each field the provider keeps with a one-line gloss, the fields it drops, and
 * when and why it stops being held: the policy's rule, with its sources or its assumption.
 */
export interface RecordCard {
  seq: number;
  category: Category;
  title: string;
  /** What happened, naming the people involved. */
  sentence: string;
  /** What this kind of record is, for someone who has never heard of it. */
  gloss: string;
  recorded: string;
  fields: { name: string; label: string; value: string; gloss: string }[];
  /** Fields the provider saw but does not keep under the policy. */
  dropped: { name: string; label: string }[];
  expiry: {
    state: 'held' | 'expired' | 'never-kept';
    /** "Kept until Day 31" / "Expired Day 31" / "Seen, but not kept under Signal-like". */
    text: string;
    /** The policy's rule for the category: "Under Apple (2016): kept 30 days". */
    rule: string;
    sources: readonly string[];
    assumption?: string;
  };
}

type Name = (handle: string) => string;

const str = (v: unknown): string => (v === undefined ? '' : String(v));

/** One sentence per category, from the record as the world wrote it (before the policy drops fields). */
function sentence(category: Category, f: Record<string, unknown>, name: Name): string {
  const n = (field: string) => name(str(f[field]));
  switch (category) {
    case 'account':
      return `An account for ${n('handle')}.`;
    case 'registration':
      return `${str(f.device)} was ${f.change === 'removed' ? 'removed from' : 'registered to'} ${n('handle')}'s account.`;
    case 'lookup':
      return `${n('requesterHandle')} looked up ${n('lookedUpHandle')}; the key directory answered with ${str(f.deviceCount)} device${f.deviceCount === 1 ? '' : 's'}.`;
    case 'routing':
      return `An encrypted message from ${n('senderHandle')} to ${n('recipientHandle')} was pushed to one of their devices.`;
    case 'queue':
      return `An encrypted message for ${n('recipientHandle')} was held while their device was offline.`;
    case 'call':
      return `${n('callerHandle')} called ${n('calleeHandle')}.`;
    case 'connection':
      return `${str(f.device)} (${n('handle')}) connected: ${str(f.kind)}.`;
  }
}

/** "Under Apple (2016): kept 30 days", "Under Signal-like: not kept". */
function ruleWords(policy: Policy, keep: Policy['retention'][Category]['keep']): string {
  const words = retentionWords(keep);
  return `Under ${policy.name}: ${words === 'not kept' ? words : `kept ${words}`}`;
}

export function recordCard(span: RecordSpan, policy: Policy, at: SimTime, name: Name = (h) => h): RecordCard {
  const { category } = span;
  const rule = policy.retention[category];
  const state = !everHeld(span) ? 'never-kept' : spanHeldAt(span, at) ? 'held' : 'expired';
  const row = heldRow(toHeldRecord(span.record, policy), policy);
  // A record the policy never keeps keeps no field either, whatever its field list says.
  if (state === 'never-kept') row.fields = {};
  const kept = new Set(Object.keys(row.fields));
  const end = spanEnd(span, at);
  return {
    seq: span.seq,
    category,
    title: CATEGORY_LABELS[category],
    sentence: sentence(category, span.record.fields as unknown as Record<string, unknown>, name),
    gloss: CATEGORY_GLOSS[category],
    recorded: `Recorded ${row.recorded}`,
    fields: Object.entries(row.fields).map(([field, value]) => ({
      name: field,
      label: FIELD_LABELS[field] ?? field,
      value: field.endsWith('Handle') || field === 'handle' ? name(String(value)) : String(value),
      gloss: FIELD_GLOSSARY[field] ?? '',
    })),
    dropped: FIELD_NAMES[category].filter((f) => !kept.has(f)).map((f) => ({ name: f, label: FIELD_LABELS[f] ?? f })),
    expiry: {
      state,
      text: state === 'never-kept' ? `Seen, but not kept under ${policy.name}` : end.charAt(0).toUpperCase() + end.slice(1),
      rule: ruleWords(policy, rule.keep),
      sources: rule.sources,
      ...(rule.assumption ? { assumption: rule.assumption } : {}),
    },
  };
}

/** The card as plain text, one line per part: for copying, and for tests to read. */
export function cardText(card: RecordCard): string {
  return [
    card.title,
    card.sentence,
    card.recorded,
    ...card.fields.map((f) => `${f.label}: ${f.value}`),
    ...(card.dropped.length ? [`Not kept: ${card.dropped.map((d) => d.label).join(', ')}`] : []),
    card.expiry.text,
    card.expiry.rule,
    ...(card.expiry.assumption ? [`Assumption: ${card.expiry.assumption}`] : []),
  ].join('\n');
}
