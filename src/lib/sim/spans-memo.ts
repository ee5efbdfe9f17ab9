import { selectSpans, type RecordSpan, type SimulationContext } from '../../model/index.ts';

/**
 * A selector of the spans that recomputes only when the history or the policy changed, not on
 * every tick of playback: spans do not depend on the moment viewed (see spans.ts), so while time
 * plays the lanes' layout stays put and only the marks' states change. Each island makes its own.
 *
 * What changes spans: a new record (`nextSeq`), a queued message ending (delivered or dropped),
 * records pruned from the live store, a preservation request served or renewed, a reset (a new
 * session) and the policy.
 */
export function memoSpans(): (c: SimulationContext) => RecordSpan[] {
  let key = '';
  let session: unknown;
  let policy: unknown;
  let spans: RecordSpan[] = [];
  return (c) => {
    const { ledger } = c.session.world;
    let ended = 0;
    const queue = ledger.byCategory.queue;
    for (let i = ledger.start.queue; i < queue.length; i++) if (queue[i]?.endedAt !== undefined) ended++;
    let pruned = 0;
    for (const n of Object.values(ledger.pruned)) pruned += n;
    // A preservation request, or its renewal, lengthens the spans it keeps.
    const { preservations } = c.session.world;
    const renewed = preservations.reduce((n, p) => n + (p.renewedAt === undefined ? 0 : 1), 0);
    const next = `${ledger.nextSeq}:${ended}:${pruned}:${preservations.length}:${renewed}`;
    if (next !== key || c.session !== session || c.policy !== policy) {
      key = next;
      session = c.session;
      policy = c.policy;
      spans = selectSpans(c);
    }
    return spans;
  };
}
