import { PRESERVATION_DAYS, dayOf, formatSimTime, type PreservationAnswer } from '../../../model/index.ts';

/**
 * Wording for the legal panel's preservation request. Pure: the model decides the stage and what
 * is kept (selectPreservation); these choose the words, so they are tested without a browser.
 */

/** Where the request stands at the moment viewed, in one sentence. */
export function preservationStatus(answer: PreservationAnswer): string {
  const { stage, request, lapsesAt, keptPastRetention } = answer;
  if (stage === 'drafted' || !request || lapsesAt === undefined) return 'No preservation request sent for this target.';
  const served = `Sent ${formatSimTime(request.servedAt)}`;
  if (stage === 'lapsed') return `${served}; it lapsed on Day ${dayOf(lapsesAt)}, and its records expire by their own clock again.`;
  const renewed = stage === 'renewed' && request.renewedAt !== undefined ? `, renewed ${formatSimTime(request.renewedAt)}` : '';
  const n = keptPastRetention;
  const kept =
    n === 0 ? 'none of them kept longer than its retention' : `${n} record${n === 1 ? '' : 's'} kept longer than ${n === 1 ? 'its' : 'their'} retention`;
  return `${served}${renewed}: the target's records are preserved until Day ${dayOf(lapsesAt)} (${kept}).`;
}

/**
 * Which button the panel offers: send a request (none yet, or the last lapsed), renew the one in
 * force (once), or none (renewed already: the law provides one renewal).
 */
export function preservationAction(answer: PreservationAnswer): 'send' | 'renew' | undefined {
  if (answer.stage === 'drafted' || answer.stage === 'lapsed') return 'send';
  return answer.stage === 'preserved' ? 'renew' : undefined;
}

export const PRESERVATION_EXPLAINER = `A preservation request asks the provider to keep what it holds about the target for ${PRESERVATION_DAYS} days, and ${PRESERVATION_DAYS} more if it is renewed once. It hands nothing over: an order or warrant served later gets what was kept.`;
