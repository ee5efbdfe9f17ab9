import { CATEGORY_LABELS, everHeld, formatSimTime, spanHeldAt, type Category, type JournalEntry, type RecordSpan, type SimTime } from '../../model/index.ts';
import { spanEnd } from './span-words.ts';

/**
 * What a screen reader hears after a change, in the site's words: records the provider now holds
 * (numbered, so a second lookup never repeats the first one's sentence, which a live region would
 * swallow), records seen but not kept, records that stopped being held, and, when the reader
 * switches policy, what that changed in the holdings (no event happened). Pure, so it is tested
 * without a browser; the live region throttles it.
 */

/** What the provider's side is at one moment: every record's span under the active policy, the present, and the policy. */
export interface Holdings {
  spans: readonly RecordSpan[];
  now: SimTime;
  policyName: string;
}

/** Above this many changes of one kind, they are counted by category instead of read out one by one. */
const READ_OUT = 3;

export function describeChange(before: Holdings, after: Holdings, latest: readonly JournalEntry[]): string {
  const parts: string[] = [];
  const rejected = latest.find((e) => e.outcome === 'rejected');
  if (rejected?.reason) parts.push(`Not done: ${rejected.reason}.`);
  if (before.policyName !== after.policyName) parts.push(describeSwitch(before, after));
  else if (after.now < before.now) parts.push(`Now ${formatSimTime(after.now)}: ${heldCount(after)}.`);
  else parts.push(...describePreservation(before, after, latest), ...describeEvents(before, after));
  return parts.filter(Boolean).join(' ');
}

/**
 * "Back to now" when the views left a past moment for the present: a reader action taken while
 * viewing the past happens now, and the views follow it there.
 */
export function describeReturn(viewedBefore: SimTime | undefined, viewedAfter: SimTime | undefined, now: SimTime): string {
  return viewedBefore !== undefined && viewedAfter === undefined ? `Back to now, ${formatSimTime(now)}.` : '';
}

function describeEvents(before: Holdings, after: Holdings): string[] {
  const known = new Set(before.spans.map((s) => s.seq));
  const fresh = after.spans.filter((s) => !known.has(s.seq));
  const kept = fresh.filter(everHeld);
  const seen = fresh.filter((s) => !everHeld(s));
  const heldAfter = new Set(after.spans.filter((s) => spanHeldAt(s, after.now)).map((s) => s.seq));
  const latestSpan = new Map(after.spans.map((s) => [s.seq, s]));
  // The span as it is now (a delivery may have ended it early); a pruned record keeps its last known one.
  const ended = before.spans.filter((s) => spanHeldAt(s, before.now) && !heldAfter.has(s.seq)).map((s) => latestSpan.get(s.seq) ?? s);
  const number = ordinals(after.spans);
  const name = (s: RecordSpan) => `${CATEGORY_LABELS[s.category]}${s.onFile ? ' on file since sign-up' : ` #${number.get(s.seq) ?? 1}`}`;

  const parts: string[] = [];
  if (kept.length <= READ_OUT) for (const s of kept) parts.push(`${name(s)}, recorded ${formatSimTime(s.recordedAt)}, ${spanEnd(s, after.now)}.`);
  else parts.push(`${kept.length} records recorded: ${byCategory(kept)}.`);
  for (const [category, n] of tally(seen)) {
    parts.push(`${n === 1 ? CATEGORY_LABELS[category] : `${n} × ${CATEGORY_LABELS[category].toLowerCase()}`} seen, not kept under ${after.policyName}.`);
  }
  if (ended.length <= READ_OUT) for (const s of ended) parts.push(`${name(s)} from ${formatSimTime(s.recordedAt)}: ${spanEnd(s, after.now)}.`);
  else parts.push(`${ended.length} records no longer held: ${byCategory(ended)}.`);
  return parts;
}

/**
 * A preservation request served or renewed (the world's note says until when, and how many records
 * it now keeps past their own clock), and one lapsing between the two moments.
 */
function describePreservation(before: Holdings, after: Holdings, latest: readonly JournalEntry[]): string[] {
  const parts: string[] = [];
  const was = new Map(before.spans.map((s) => [s.seq, s.preservedUntil]));
  const newly = after.spans.filter((s) => s.preservedUntil !== undefined && s.recordedAt <= after.now && was.get(s.seq) !== s.preservedUntil).length;
  for (const e of latest) {
    if (e.outcome !== 'ok' || (e.action.type !== 'preservation.requested' && e.action.type !== 'preservation.renewed')) continue;
    const kept = newly > 0 ? ` ${plural(newly)} now kept past ${newly === 1 ? 'its' : 'their'} retention.` : '';
    parts.push(
      `${capitalise(e.notes[0] ?? `${e.action.type === 'preservation.renewed' ? 'preservation request renewed' : 'preservation request served'}`)}.${kept}`,
    );
  }
  const lapses = new Set<SimTime>();
  for (const s of after.spans)
    if (s.preservedUntil !== undefined && s.preservedUntil > before.now && s.preservedUntil <= after.now) lapses.add(s.preservedUntil);
  for (const t of [...lapses].sort((a, b) => a - b))
    parts.push(`A preservation request lapsed ${formatSimTime(t)}: the records it kept expire by their own clock again.`);
  return parts;
}

/** A policy switch changes what is held, not what happened: the totals, and each category that changed. */
function describeSwitch(before: Holdings, after: Holdings): string {
  const was = tally(before.spans.filter((s) => spanHeldAt(s, before.now)));
  const now = tally(after.spans.filter((s) => spanHeldAt(s, after.now)));
  const changed = (Object.keys(CATEGORY_LABELS) as Category[])
    .filter((c) => (was.get(c) ?? 0) !== (now.get(c) ?? 0))
    .map((c) => `${CATEGORY_LABELS[c].toLowerCase()} ${now.get(c) ?? 0}, was ${was.get(c) ?? 0}`);
  const total = (m: Map<Category, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  if (changed.length === 0) return `Under ${after.policyName}: the same ${plural(total(now))} held.`;
  return `Under ${after.policyName}: ${plural(total(now))} held, was ${total(was)}. ${capitalise(changed.join('; '))}.`;
}

/** Each record's number among the records of its category the reader's actions made, oldest first. */
function ordinals(spans: readonly RecordSpan[]): Map<number, number> {
  const counts = new Map<Category, number>();
  const out = new Map<number, number>();
  for (const s of spans) {
    if (s.onFile || !everHeld(s)) continue;
    const n = (counts.get(s.category) ?? 0) + 1;
    counts.set(s.category, n);
    out.set(s.seq, n);
  }
  return out;
}

function tally(spans: readonly RecordSpan[]): Map<Category, number> {
  const counts = new Map<Category, number>();
  for (const s of spans) counts.set(s.category, (counts.get(s.category) ?? 0) + 1);
  return counts;
}

const byCategory = (spans: readonly RecordSpan[]) => [...tally(spans)].map(([category, n]) => `${n} × ${CATEGORY_LABELS[category].toLowerCase()}`).join(', ');
const plural = (n: number) => `${n} ${n === 1 ? 'record' : 'records'}`;
const heldCount = (h: Holdings) => `${plural(h.spans.filter((s) => spanHeldAt(s, h.now)).length)} held`;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
