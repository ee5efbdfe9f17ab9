import { getCollection, type CollectionEntry } from 'astro:content';

/**
 * The order the gallery and the teaching page show scenarios in: from the simplest idea (one
 * lookup) to comparing whole policies, then the open sandbox. A scenario not listed here comes
 * before the sandbox, by title, so a new file never goes missing from the gallery.
 */
const ORDER = [
  'a-number-typed',
  'unanswered-call',
  'new-tablet',
  'offline-two-weeks',
  'order-day-10-or-40',
  'reporter-and-source',
  'same-week-different-messengers',
];
const LAST = 'sandbox';

export async function scenariosInOrder(): Promise<CollectionEntry<'scenarios'>[]> {
  const rank = (id: string) => (id === LAST ? ORDER.length + 1 : ORDER.includes(id) ? ORDER.indexOf(id) : ORDER.length);
  return (await getCollection('scenarios')).sort((a, b) => rank(a.id) - rank(b.id) || a.data.title.localeCompare(b.data.title));
}

/** Static paths for the pages made once per scenario (its page, its embed), in gallery order. */
export async function scenarioPaths() {
  return (await scenariosInOrder()).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
