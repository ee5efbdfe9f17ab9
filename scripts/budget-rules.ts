import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { hasFigures } from '../src/lib/writing/figures.ts';

// What a first load of each page may cost, in gzip bytes (level 9). `npm run budget` checks the built
// site against this table. To give a new kind of page its own budget, add a type to BUDGETS and a path
// pattern to PAGE_TYPES; every page no pattern matches is "text-only".

/** One KB here is 1024 bytes. */
export const KB = 1024;

export interface Budget {
  /** Most gzip bytes of JavaScript a first load may fetch or run (external chunks plus inline scripts). */
  js: number;
  /** Most gzip bytes a first load may transfer: the HTML and every same-site file it pulls in. */
  total: number;
  /** Most gzip bytes of JavaScript fetched later: by islands that hydrate when scrolled to (client:visible), and by dynamic imports. */
  jsLater: number;
}

export const BUDGETS = {
  'text-only': { js: 0, total: 250 * KB, jsLater: 0 },
  // An explainer's figures hydrate when they come near the screen: its first load is Astro's island
  // loader and the page script; the simulation, its panels and the cryptography load as figures near.
  explainer: { js: 6 * KB, total: 250 * KB, jsLater: 125 * KB },
  simulator: { js: 66 * KB, total: 250 * KB, jsLater: 80 * KB },
} as const satisfies Record<string, Budget>;

export type PageType = keyof typeof BUDGETS;

/**
 * Page path patterns, first match wins. A page path is relative to the site base, with the trailing
 * slash of its URL: '' (home), 'about/', 'scenarios/two-phones/', '404.html'.
 * `*` matches one or more characters other than '/'; `**` matches anything, '/' included, or nothing.
 */
export const PAGE_TYPES: readonly { pattern: string; type: PageType }[] = [
  // An explainer without figures is held to 0 bytes of JavaScript: one rule per such file, first.
  ...textOnlyExplainers().map((slug) => ({ pattern: `explainers/${slug}/**`, type: 'text-only' as const })),
  // The home page's compact simulator (composer and ledger) sits in its flow, below its opening, and
  // hydrates when it comes near the screen, as an explainer's figures do.
  { pattern: '', type: 'explainer' },
  { pattern: 'simulator/**', type: 'simulator' },
  { pattern: 'scenarios/*/**', type: 'simulator' },
  { pattern: 'embed/*/**', type: 'simulator' },
  { pattern: 'explainers/*/**', type: 'explainer' },
  // The writers' guide shows every component live, so it is held to an explainer's budget.
  { pattern: 'writing/**', type: 'explainer' },
];

/** Slugs of the explainers in `dir` whose text uses no figure component (src/lib/writing/figures.ts). */
export function textOnlyExplainers(dir = 'content/explainers'): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx') && !hasFigures(readFileSync(join(dir, name), 'utf8')))
    .map((name) => name.slice(0, -'.mdx'.length))
    .sort();
}

export const DEFAULT_PAGE_TYPE: PageType = 'text-only';

/** Turns a PAGE_TYPES pattern into an anchored regular expression. */
export function patternToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (char === '*') {
      source += '[^/]+';
    } else {
      source += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

/** The type of the page at `pagePath` (see PAGE_TYPES for the form of a page path). */
export function pageTypeOf(pagePath: string, rules: readonly { pattern: string; type: PageType }[] = PAGE_TYPES): PageType {
  const path = pagePath.replace(/^\/+/, '');
  return rules.find((rule) => patternToRegExp(rule.pattern).test(path))?.type ?? DEFAULT_PAGE_TYPE;
}
