import { selectSpans, selectSpansKey, selectViewAt, type RecordSpan, type SimTime, type SimulationContext } from '../../model/index.ts';

/**
 * A selector of the spans as known at a moment (the moment viewed, unless told otherwise) that
 * recomputes only when they could change, not on every tick of playback: spans depend on the
 * moment only through the preservation requests served or renewed by then (see selectSpans), so
 * while time plays the lanes' layout stays put and only the marks' states change. Each island
 * makes its own.
 *
 * What changes spans: what selectSpansKey counts, a reset (a new session) and the policy.
 */
export function memoSpans(moment: (c: SimulationContext) => SimTime = selectViewAt): (c: SimulationContext) => RecordSpan[] {
  let key = '';
  let session: unknown;
  let policy: unknown;
  let spans: RecordSpan[] = [];
  return (c) => {
    const at = moment(c);
    const next = selectSpansKey(c, at);
    if (next !== key || c.session !== session || c.policy !== policy) {
      key = next;
      session = c.session;
      policy = c.policy;
      spans = selectSpans(c, c.policy, at);
    }
    return spans;
  };
}
