import { CATEGORIES, CATEGORY_LABELS, DAY, formatSimTime, isolate, type GraphTally, type Keep, type SimTime, type TimelineDay } from '../../../model/index.ts';

/** Words and small derivations the charts show. Pure, so they are tested without a browser. */

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The stretch of time whose lookup records are still held at `now` (held while recordedAt ≤ t <
 * recordedAt + retention, see retentionEnd in the model), and how to say it. No band when the
 * policy keeps no lookup records, or keeps only the latest.
 */
export function retentionWindow(keep: Keep, now: SimTime): { from: SimTime; to: SimTime; label: string } | undefined {
  if (keep.kind === 'forever') return { from: 0, to: now, label: 'Lookup records are held for ever' };
  if (keep.kind !== 'days' || keep.days <= 0) return undefined;
  return {
    from: Math.max(0, now - keep.days * DAY),
    to: now,
    label: `Lookup records younger than ${plural(keep.days, 'day')} are held`,
  };
}

/** What the timeline says about lookup retention when it draws no band. */
export function retentionNote(keep: Keep): string | undefined {
  if (keep.kind === 'days' && keep.days <= 0) return 'Lookup records are not kept under this policy.';
  if (keep.kind === 'latest') return 'Only the latest lookup record is kept under this policy.';
  return undefined;
}

/**
 * The observer's graph against the truth, in words rather than ratios, keeping links whose records
 * show a conversation apart from links that are only an address looked up (which cannot show that
 * a message was sent).
 */
export function graphSummary(t: GraphTally): string {
  const { conversations, conversationsReal, lookupOnly, talked, shownAsConversation, shownAsLookup } = t;
  let first: string;
  if (conversations + lookupOnly === 0) first = 'From the records held, an observer can draw no links';
  else {
    const shows: string[] = [];
    if (conversations > 0) {
      const real =
        conversationsReal === conversations
          ? conversations === 1
            ? 'a real one'
            : conversations === 2
              ? 'both real'
              : 'all real'
          : conversationsReal === 0
            ? conversations === 1
              ? 'not a real one'
              : 'none real'
            : `${conversationsReal} real`;
      shows.push(`${plural(conversations, 'conversation')} (${real})`);
    }
    if (lookupOnly > 0) shows.push(`${plural(lookupOnly, 'address', 'addresses')} looked up and nothing more`);
    first = `The records show ${shows.join(' and ')}`;
  }
  const missing = talked - shownAsConversation - shownAsLookup;
  let second: string;
  if (talked === 0) second = 'nobody has really talked yet';
  else if (talked === 1)
    second = `the one pair who really talked ${shownAsConversation === 1 ? 'shows as a conversation' : shownAsLookup === 1 ? 'shows only as an address looked up' : 'does not show at all'}`;
  else {
    const how: string[] = [];
    if (shownAsConversation === talked) how.push(talked === 2 ? 'both show as conversations' : 'all show as conversations');
    else
      how.push(
        shownAsConversation === 0 ? 'none shows as a conversation' : `${shownAsConversation} ${shownAsConversation === 1 ? 'shows' : 'show'} as a conversation`,
      );
    if (shownAsLookup > 0) how.push(`${shownAsLookup} only as an address looked up`);
    if (missing > 0 && shownAsConversation < talked) how.push(`${missing} not at all`);
    second = `of the ${talked} pairs who really talked, ${how.join(', ')}`;
  }
  return `${first}; ${second}.`;
}

/**
 * How each node is labelled: the person's name when the handle belongs to the cast; when one person
 * has several handles in the graph, "Ana (phone)" and "Ana (email)", or the handle itself where
 * that is still ambiguous; a handle outside the cast is shown as it is.
 */
export function nodeLabels(nodes: readonly string[], cast: readonly { handle: string; name: string }[]): Record<string, string> {
  const names = new Map(cast.map((c) => [c.handle, c.name]));
  const kind = (handle: string) => (handle.includes('@') ? 'email' : 'phone');
  const uses = new Map<string, number>();
  const count = (k: string) => uses.set(k, (uses.get(k) ?? 0) + 1);
  for (const n of nodes) {
    const name = names.get(n);
    if (name !== undefined) {
      count(name);
      count(`${name}\u0000${kind(n)}`);
    }
  }
  return Object.fromEntries(
    nodes.map((n) => {
      const name = names.get(n);
      // Isolated: a name is author-supplied, and these labels are SVG <text>, where <bdi> cannot go.
      if (name === undefined || (uses.get(name) ?? 0) === 1) return [n, name === undefined ? n : isolate(name)];
      return [n, (uses.get(`${name}\u0000${kind(n)}`) ?? 0) === 1 ? `${isolate(name)} (${kind(n)})` : `${isolate(name)} (${n})`];
    }),
  );
}

/** "7 records held (Account: 2, Lookup record: 5)": one day's total and its non-zero counts, in the order given. */
export function countsText(entries: readonly { label: string; count: number }[]): string {
  const parts = entries.filter((e) => e.count > 0).map((e) => `${e.label}: ${e.count}`);
  const total = entries.reduce((n, e) => n + e.count, 0);
  return total === 0 ? 'no records held' : `${plural(total, 'record')} held (${parts.join(', ')})`;
}

/**
 * What the records-held chart says of one day: its counts at the end of the day (so far, for
 * today), or that it has not happened yet and how to get there. "Viewing:" marks a past day shown.
 */
export function timelineDayText(days: readonly TimelineDay[], day: number, at: { today: number; now: SimTime; viewAt: SimTime }): string {
  const d = days[day - 1];
  if (!d || day > at.today) return `Day ${day} has not happened yet. Click it, or press Enter, to let time run to ${formatSimTime((day - 1) * DAY)}.`;
  const counts = countsText(CATEGORIES.map((c) => ({ label: CATEGORY_LABELS[c], count: d.counts[c] })));
  const when = day === at.today ? `Day ${day} so far (now: ${formatSimTime(at.now)})` : `End of day ${day}`;
  return `${d.t === at.viewAt && at.viewAt < at.now ? 'Viewing: ' : ''}${when}: ${counts}.`;
}
