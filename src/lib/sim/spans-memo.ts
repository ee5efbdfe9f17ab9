import { selectHistoryKey, selectSpans, type RecordSpan, type SimulationContext } from '../../model/index.ts';

/**
 * A selector of the spans that recomputes only when the history or the policy changed, not on
 * every tick of playback: spans do not depend on the moment viewed (see spans.ts), so while time
 * plays the lanes' layout stays put and only the marks' states change. Each island makes its own.
 *
 * What changes spans: what selectHistoryKey counts, a reset (a new session) and the policy.
 */
export function memoSpans(): (c: SimulationContext) => RecordSpan[] {
  let key = '';
  let session: unknown;
  let policy: unknown;
  let spans: RecordSpan[] = [];
  return (c) => {
    const next = selectHistoryKey(c);
    if (next !== key || c.session !== session || c.policy !== policy) {
      key = next;
      session = c.session;
      policy = c.policy;
      spans = selectSpans(c);
    }
    return spans;
  };
}
