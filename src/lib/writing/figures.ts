/**
 * Which explainers are figures-free, read from their MDX tree. Shared by the build check (scan.ts)
 * and the page budget (scripts/budget-rules.ts), which holds an explainer without figures to the
 * text-only budget of 0 bytes of JavaScript. Plain Node loads it: it imports no Astro and no zod.
 */
import { componentsOf } from './mdx-components.ts';

/** Components that hydrate islands: a page with any of them ships JavaScript. */
export const FIGURE_COMPONENTS = ['Simulation', 'Ledger', 'Timeline', 'ContactGraph', 'LegalRequest', 'Scrolly', 'Scrub'] as const;

const FIGURES: ReadonlySet<string> = new Set(FIGURE_COMPONENTS);

/**
 * True when the explainer's text uses any figure component. MDX that does not parse counts as having
 * figures: the build fails on it anyway, and the text-only budget must never excuse a page it cannot read.
 */
export function hasFigures(source: string): boolean {
  const read = componentsOf(source);
  return 'error' in read || read.components.some((use) => FIGURES.has(use.name));
}
