import {
  CATEGORY_LABELS,
  LEGAL_PROCESS_LABELS,
  formatSimTime,
  spanHeldAt,
  type Category,
  type LegalReach,
  type RecordChange,
  type RecordSpan,
  type SimTime,
} from '../../model/index.ts';
import { expiryDay } from './format.ts';

/**
 * The words for a record's span: how it ends, as of a moment. The lanes' marks, the "just
 * happened" strip and the announcements all say it the same way.
 */

/** "kept until Day 31", or once the moment has passed it, "expired Day 31" (and the like for the other endings). */
export function spanEnd(span: RecordSpan, at: SimTime): string {
  return endWords(span, !spanHeldAt(span, at) && span.recordedAt <= at);
}

/** How the span ends, said before (`over` false) or after it has. */
function endWords(span: RecordSpan, over: boolean): string {
  const day = expiryDay(span.endsAt);
  switch (span.ending) {
    case 'never':
      return 'kept with no end date';
    case 'delivered':
      return over ? `deleted on delivery, ${day}` : `held until delivered, ${day}`;
    case 'replaced':
      return over ? `replaced by a newer record, ${day}` : `kept until replaced, ${day}`;
    case 'preserved':
      return over ? `released when its preservation request lapsed, ${day}` : `preserved until ${day} by a preservation request`;
    default:
      // A queued message's hold running out means the push service gave up on the device.
      if (span.category === 'queue') return over ? `dropped undelivered, ${day}` : `held until delivered, or dropped ${day}`;
      return over ? `expired ${day}` : `kept until ${day}`;
  }
}

/**
 * What a mark says to a screen reader: the record, when it was made, and how it ends. It takes
 * whether the span is over rather than a moment, so a mark's label changes only when its state does.
 */
export function spanLabel(span: RecordSpan, over: boolean): string {
  return `${CATEGORY_LABELS[span.category]}, recorded ${formatSimTime(span.recordedAt)}, ${endWords(span, over)}`;
}

/** A mark's label, with what the latest served request did to its record. */
export function markLabel(span: RecordSpan, over: boolean, reach: LegalReach | undefined): string {
  let label = spanLabel(span, over);
  if (reach?.produced.has(span.seq)) label += `; produced to the ${LEGAL_PROCESS_LABELS[reach.process].toLowerCase()}`;
  if (reach?.gone.has(span.seq)) label += '; already gone when the request was served';
  // Timeless on purpose: a mark's label changes only when its state does (see spanLabel).
  if (span.ownEndsAt !== undefined) label += `; its own retention: ${expiryDay(span.ownEndsAt)}`;
  return label;
}

/** A lane's headline: "Lookup record · 1 held, 1 expired", and what the policy saw but never kept. */
export function laneLine(lane: { category: Category; drawn: number; held: number; notKept: number; policyName: string | undefined }): string {
  const parts = [`${lane.held} held`];
  if (lane.drawn > lane.held) parts.push(`${lane.drawn - lane.held} expired`);
  if (lane.notKept > 0) parts.push(`${lane.notKept} seen, not kept${lane.policyName ? ` under ${lane.policyName}` : ''}`);
  return `${CATEGORY_LABELS[lane.category]} · ${parts.join(', ')}`;
}

/** One line of the "just happened" strip. */
export function changeLine(change: RecordChange): string {
  const label = CATEGORY_LABELS[change.span.category];
  return change.kind === 'recorded'
    ? `${label} recorded ${formatSimTime(change.at)}, ${spanEnd(change.span, change.at)}`
    : `${label} ${spanEnd(change.span, change.at)}`;
}
