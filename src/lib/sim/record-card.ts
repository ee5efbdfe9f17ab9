import {
  CATEGORY_LABELS,
  FIELD_LABELS,
  FIELD_NAMES,
  PRESERVATION_ASSUMPTION,
  everHeld,
  formatSimTime,
  isolate,
  toHeldRecord,
  type Category,
  type Policy,
  type RecordSpan,
  type SimTime,
} from '../../model/index.ts';
import { heldRow } from '../held-rows.ts';
import { withBase } from '../site.ts';
import { expiryDay } from './format.ts';
import { retentionWords } from './legal/policy.ts';
import { isApplePreset } from './legal/provider.ts';
import { sourceLabel } from './legal/source-labels.ts';
import { CATEGORY_NOTES, CATEGORY_PLURALS, glossFor, isHandleField } from './record-glossary.ts';

/**
 * A record's card: what a reader sees on choosing a mark in the retention lanes. The record in
 * plain words, each field the provider keeps with a one-line gloss, the fields it drops, and when
 * and why it stops being held: the policy's rule, with its sources, or the model's assumption.
 * Pure, so it is tested without a browser; RecordCard.svelte only renders it.
 */
export interface RecordCard {
  seq: number;
  category: Category;
  /** The category's label: "Lookup record". */
  title: string;
  /** What happened, in one plain sentence, naming people when names are given. */
  sentence: string;
  /** What the record does not show, where the sources say so. */
  note?: string;
  /** "Recorded Day 3, 14:00"; "Recorded Day 3" where only the date is kept; "Seen …" where nothing is. */
  recorded: string;
  /** The fields the provider keeps under the policy, in the model's order. Values are what it holds. */
  fields: { name: string; label: string; value: string; gloss: string; person?: string }[];
  /** The record's other fields. `seen`: whether the servers saw the field at all (sealed sender hides the sender). */
  dropped: { name: string; label: string; gloss: string; seen: boolean }[];
  policyName: string;
  expiry: {
    state: 'held' | 'expired' | 'never-kept';
    /** When it stops being held, then the rule: "Kept until Day 31. Apple, 2016 keeps lookup records for 30 days." */
    text: string;
    /** The sources the policy cites for this retention, as links to the sources page. */
    sources: { id: string; label: string; href: string }[];
    /** Present where the retention is the model's assumption, not a published figure. */
    assumption?: string;
  };
}

/** Display names by handle: a lookup function, or a plain map. A handle with no name shows as itself. */
export type Names = ((handle: string) => string | undefined) | Readonly<Record<string, string>>;

const NO_SOURCE = 'No source is cited for this retention; treat it as an assumption.';

function nameOf(names: Names | undefined): (handle: string) => string | undefined {
  if (names === undefined) return () => undefined;
  if (typeof names === 'function') return (h) => names(h) || undefined;
  return (h) => (Object.hasOwn(names, h) ? names[h] : undefined);
}

/**
 * One sentence from what the servers saw (the record as the world wrote it, less the fields the
 * policy says the servers never see), whether or not the policy keeps it.
 */
function sentence(category: Category, seen: (field: string) => string | undefined, nameFor: (handle: string) => string | undefined, provider: string): string {
  const handle = (field: string) => seen(field) ?? '';
  /** "Ana", or the handle itself when there is no name. */
  const who = (field: string) => isolate(nameFor(handle(field)) ?? handle(field));
  /** "Ana’s handle", or the handle itself. */
  const under = (field: string) => {
    const name = nameFor(handle(field));
    return name ? `${isolate(name)}’s handle` : isolate(handle(field));
  };
  const label = seen('device');
  const device = label === undefined ? 'A device' : isolate(label);
  switch (category) {
    case 'account': {
      const name = nameFor(handle('handle'));
      return `${name ? `An account for ${isolate(name)}, reached at` : 'An account reached at'} ${isolate(handle('handle'))}: ${provider} knows it exists, and since when.`;
    }
    case 'registration':
      return seen('change') === 'removed'
        ? `${device} was removed from the key directory under ${under('handle')}, so messages to that handle no longer reach it.`
        : `${device} was registered in the key directory under ${under('handle')}, so messages to that handle reach it.`;
    case 'lookup': {
      const n = Number(seen('deviceCount') ?? 0);
      const answer = n === 0 ? 'it answered “not registered”, so a message would go by SMS' : `it returned keys for ${n} device${n === 1 ? '' : 's'}`;
      return `A device signed in as ${who('requesterHandle')} asked the key directory about ${who('lookedUpHandle')}; ${answer}.`;
    }
    case 'routing':
      return seen('senderHandle') === undefined
        ? `The push service carried an encrypted message to a device registered under ${under('recipientHandle')}; who sent it was sealed inside the encryption.`
        : `The push service carried an encrypted message from ${who('senderHandle')} to a device registered under ${under('recipientHandle')}.`;
    case 'queue':
      return `The push service held an encrypted message for a device registered under ${under('recipientHandle')}, because that device was offline.`;
    case 'call':
      return `A device signed in as ${who('callerHandle')} invited ${who('calleeHandle')} to a call.`;
    case 'connection': {
      const servers = `${provider}’s servers`;
      const as = `${device}, signed in as ${who('handle')},`;
      const kind = seen('kind');
      if (kind === 'reconnect') return `${as} came back online and reconnected to ${servers}.`;
      if (kind === 'network-change') return `${as} moved to another network and connected to ${servers} from there.`;
      return `${device} signed in to ${servers} as ${who('handle')}.`;
    }
  }
}

/** "Apple, 2016 keeps lookup records for 30 days." */
function ruleLine(policy: Policy, category: Category): string {
  const keep = policy.retention[category].keep;
  const plural = CATEGORY_PLURALS[category];
  if (keep.kind === 'latest') return `${policy.name} keeps only the newest ${plural.replace(/s$/, '')} per handle, and only its date.`;
  if (keep.kind === 'days' && keep.days === 0) return `${policy.name} keeps no ${plural}.`;
  return `${policy.name} keeps ${plural} ${keep.kind === 'forever' ? '' : 'for '}${retentionWords(keep)}.`;
}

/** When the record stops being held, as of `at`. */
function whenLine(span: RecordSpan, policy: Policy, state: RecordCard['expiry']['state'], at: SimTime): string {
  const day = expiryDay(span.endsAt);
  const dropped = span.category === 'queue' && span.record.endedAt === span.endsAt;
  if (state === 'never-kept') return span.ending === 'replaced' ? 'Not kept: a newer one replaced it at once' : 'Not kept: the servers saw it and kept nothing';
  if (state === 'expired') {
    if (span.ending === 'delivered') return `Deleted on delivery, ${day}`;
    if (span.ending === 'replaced') return `Replaced by a newer one, ${day}`;
    if (span.ending === 'preserved')
      return `Kept by a preservation request until it lapsed, ${day}; its own retention ended ${expiryDay(span.ownEndsAt ?? span.endsAt)}`;
    return dropped ? `Dropped undelivered, ${day}` : `Expired on ${day}`;
  }
  switch (span.ending) {
    case 'delivered':
      return `Held until the device collects it, ${day}`;
    case 'replaced':
      return `Kept until a newer one replaces it, ${day}`;
    case 'preserved':
      return `Preserved until ${day} by a preservation request (18 U.S.C. §2703(f)); its own retention ${(span.ownEndsAt ?? 0) <= at ? 'ended' : 'ends'} ${expiryDay(span.ownEndsAt ?? span.endsAt)}`;
    case 'never': {
      const keep = policy.retention[span.category].keep;
      if (keep.kind === 'latest') return 'Kept until a newer one replaces it';
      return span.category === 'account' || span.category === 'registration' ? 'Kept for as long as the account exists' : 'Kept with no end date';
    }
    default:
      return span.category === 'queue' && span.record.endedAt === undefined ? `Held until the device collects it, at most until ${day}` : `Kept until ${day}`;
  }
}

/**
 * The card for one record (a span, as the lanes draw it) under `policy`, as of the moment `at`.
 * `names` names the people behind handles in the sentence, and beside handle fields; the fields'
 * values stay the handles, since that is what the provider holds. A record not yet made at `at`
 * reads as it will be once made.
 */
export function recordCard(span: RecordSpan, policy: Policy, at: SimTime, names?: Names): RecordCard {
  const { category, record } = span;
  const rule = policy.retention[category];
  const row = heldRow(toHeldRecord(record, policy), policy);
  const nameFor = nameOf(names);
  const source = record.fields as unknown as Readonly<Record<string, string | number | undefined>>;
  const visible = new Set<string>(rule.visible ?? FIELD_NAMES[category]);
  const seenValue = (field: string) => (visible.has(field) && source[field] !== undefined ? String(source[field]) : undefined);
  const state = !everHeld(span) ? 'never-kept' : at >= span.endsAt ? 'expired' : 'held';

  const fields: RecordCard['fields'] = [];
  const dropped: RecordCard['dropped'] = [];
  for (const name of FIELD_NAMES[category] as readonly string[]) {
    const label = FIELD_LABELS[name] ?? name;
    // A record never held keeps none of its fields, whatever the rule would keep of a held one.
    const kept = state === 'never-kept' ? undefined : row.fields[name];
    if (kept === undefined) {
      dropped.push({ name, label, gloss: glossFor(name), seen: seenValue(name) !== undefined });
      continue;
    }
    const value = String(kept);
    const person = isHandleField(name) ? nameFor(value) : undefined;
    fields.push({ name, label, value, gloss: glossFor(name, kept), ...(person ? { person } : {}) });
  }

  const note = CATEGORY_NOTES[category];
  const dayOnly = rule.keep.kind === 'latest';
  // A record a preservation request keeps cites the statute, and carries the model's assumption about later records.
  const preserved = span.preservedUntil !== undefined;
  const ids = preserved ? [...rule.sources, 'usc-18-2703', ...(isApplePreset(policy) ? ['apple-lpg-preservation'] : [])] : rule.sources;
  const sources = ids.map((id) => ({ id, label: sourceLabel(id), href: withBase(`sources/#${id}`) }));
  const assumption = preserved
    ? [rule.assumption, `Preservation: ${PRESERVATION_ASSUMPTION}`].filter(Boolean).join(' ')
    : (rule.assumption ?? (sources.length === 0 ? NO_SOURCE : undefined));
  return {
    seq: span.seq,
    category,
    title: CATEGORY_LABELS[category],
    sentence: sentence(category, seenValue, nameFor, policy.provider),
    ...(note ? { note } : {}),
    recorded: state === 'never-kept' ? `Seen ${formatSimTime(record.recordedAt)}` : `Recorded ${row.recorded}${dayOnly ? ' (only the date is kept)' : ''}`,
    fields,
    dropped,
    policyName: policy.name,
    expiry: {
      state,
      text: `${whenLine(span, policy, state, at)}. ${ruleLine(policy, category)}`,
      sources,
      ...(assumption ? { assumption } : {}),
    },
  };
}

/**
 * The card as plain text, one line per part: for a live announcement (`glosses: false` keeps it
 * short) and for copying.
 */
export function cardText(card: RecordCard, options: { glosses?: boolean } = {}): string {
  const glosses = options.glosses ?? true;
  const field = (f: RecordCard['fields'][number]) => `${f.label}: ${f.value}${f.person ? ` (${f.person})` : ''}${glosses ? ` (${f.gloss})` : ''}`;
  const droppedLine = card.dropped.map((d) => `${d.label}${d.seen ? '' : ', never seen by the servers'}`).join('; ');
  return [
    card.title,
    card.sentence,
    ...(card.note && glosses ? [card.note] : []),
    card.recorded,
    ...card.fields.map(field),
    ...(card.dropped.length > 0 ? [`Not kept under ${card.policyName}: ${droppedLine}`] : []),
    card.expiry.text,
    ...(card.expiry.sources.length > 0 && glosses ? [`Sources: ${card.expiry.sources.map((s) => s.label).join('; ')}`] : []),
    ...(card.expiry.assumption ? [`Assumption: ${card.expiry.assumption}`] : []),
  ].join('\n');
}
