import { CATEGORIES, CATEGORY_LABELS, DAY, formatSimTime, type Keep, type SimTime, type TimelineDay } from '../../../model/index.ts';

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

/** Precision and recall of the observer's graph, in words rather than ratios. */
export function graphSummary(counts: { inferred: number; real: number; actual: number; seen: number }): string {
  const { inferred, real, actual, seen } = counts;
  let first: string;
  if (inferred === 0) first = 'From the records held, an observer can draw no links';
  else if (inferred === 1) first = `The one link an observer can draw ${real === 1 ? 'is' : 'is not'} a real conversation`;
  else {
    const which =
      real === 0
        ? 'none are real conversations'
        : real === inferred
          ? `${inferred === 2 ? 'both' : `all ${inferred}`} are real conversations`
          : real === 1
            ? '1 is a real conversation'
            : `${real} are real conversations`;
    first = `Of the ${inferred} links an observer can draw, ${which}`;
  }
  let second: string;
  if (actual === 0) second = 'nobody has really talked yet';
  else if (actual === 1) second = `the records ${seen === 1 ? 'reveal' : 'do not reveal'} the one pair who really talked`;
  else if (seen === 0) second = `the records reveal none of the ${actual} pairs who really talked`;
  else if (seen === actual) second = `the records reveal ${actual === 2 ? 'both' : `all ${actual}`} pairs who really talked`;
  else second = `the records reveal ${seen} of the ${actual} pairs who really talked`;
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
      if (name === undefined || (uses.get(name) ?? 0) === 1) return [n, name ?? n];
      return [n, (uses.get(`${name}\u0000${kind(n)}`) ?? 0) === 1 ? `${name} (${kind(n)})` : `${name} (${n})`];
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
