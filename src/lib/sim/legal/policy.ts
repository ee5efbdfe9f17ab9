import { CATEGORIES, withRetention, type Category, type ContactGraph, type Keep, type Policy, type PolicyComparison } from '../../../model/index.ts';

/** Wording and input handling for the retention-policy panel. Pure, so it is tested without a browser. */

/** "30 days", "for ever", "latest only, date only", "not kept". */
export function retentionWords(keep: Keep): string {
  if (keep.kind === 'forever') return 'for ever';
  if (keep.kind === 'latest') return 'latest only, date only';
  if (keep.days === 0) return 'not kept';
  return `${keep.days} day${keep.days === 1 ? '' : 's'}`;
}

export const MAX_DAYS = 3650;

/** What a custom-retention input starts with: its days, or empty for "for ever" (and for "latest only", which days cannot express). */
export function retentionInput(keep: Keep): string {
  return keep.kind === 'days' ? String(keep.days) : '';
}

/** A custom-retention input: whole days from 0 to 3650, or empty for "for ever". */
export function parseRetention(text: string): { ok: true; days: number | null } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, days: null };
  if (!/^\d+$/.test(trimmed) || Number(trimmed) > MAX_DAYS) {
    return { ok: false, error: `Enter whole days from 0 to ${MAX_DAYS}, or leave it empty for “for ever”.` };
  }
  return { ok: true, days: Number(trimmed) };
}

/**
 * The custom policy the reader's inputs describe, or the errors to show. Only inputs the reader
 * changed count, so a rule days cannot express ("latest only") stays as it was unless edited.
 * Customising a custom policy keeps its name ("Custom (from Apple, 2016)").
 */
export function customPolicy(
  active: Policy,
  inputs: Partial<Record<Category, string>>,
): { ok: true; policy: Policy; changed: number } | { ok: false; errors: Partial<Record<Category, string>> } {
  const changes: Partial<Record<Category, number | null>> = {};
  const errors: Partial<Record<Category, string>> = {};
  for (const category of CATEGORIES) {
    const text = inputs[category];
    if (text === undefined || text.trim() === retentionInput(active.retention[category].keep)) continue;
    const parsed = parseRetention(text);
    if (parsed.ok) changes[category] = parsed.days;
    else errors[category] = parsed.error;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const policy = withRetention(active, changes);
  return { ok: true, policy: active.id === 'custom' ? { ...policy, name: active.name } : policy, changed: Object.keys(changes).length };
}

/** One row per category: held counts under each side, and whether they differ. */
export function compareRows(comparison: PolicyComparison): { category: Category; counts: number[]; differs: boolean }[] {
  return CATEGORIES.map((category) => {
    const counts = comparison.sides.map((s) => s.counts[category]);
    return { category, counts, differs: counts.some((n) => n !== counts[0]) };
  });
}

/** "+3", "−3" or "same": the second side against the first, in words a table cell can hold. */
export function difference(counts: readonly number[]): string {
  const d = (counts[1] ?? 0) - (counts[0] ?? 0);
  return d === 0 ? 'same' : d > 0 ? `+${d}` : `−${-d}`;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * The inferred contact graph's precision and recall, in words. Both count only links whose records
 * show a conversation: a lookup alone cannot show that a message was sent, so it is said apart.
 */
export function graphWords({ tally: t }: Pick<ContactGraph, 'tally'>): { precision: string; recall: string } {
  const s = (n: number) => (n === 1 ? '' : 's');
  const lookups = t.lookupOnly === 0 ? '' : ` ${t.lookupOnly} more ${t.lookupOnly === 1 ? 'is' : 'are'} only an address looked up.`;
  return {
    precision:
      t.conversations === 0
        ? `The records show no conversation.${lookups}`
        : `The records show ${t.conversations} conversation${s(t.conversations)}; ${t.conversationsReal} ${t.conversationsReal === 1 ? 'is' : 'are'} real (precision ${pct(t.conversationsReal / t.conversations)}).${lookups}`,
    recall:
      t.talked === 0
        ? 'Nobody has talked yet.'
        : `Of ${t.talked} real conversation${s(t.talked)}, ${t.shownAsConversation} show${t.shownAsConversation === 1 ? 's' : ''} in the records as one (recall ${pct(t.shownAsConversation / t.talked)})${t.shownAsLookup > 0 ? `, ${t.shownAsLookup} only as a lookup` : ''}.`,
  };
}
