// The one Lighthouse runner that `npm run lighthouse` (a gate) and `npm run bench:browser` (figures) share:
// which pages to audit, a Chromium for Lighthouse to drive, and one audit of one URL.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS } from '../tools/chromium.ts';

export const THRESHOLDS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 95 } as const;
export type CategoryId = keyof typeof THRESHOLDS;
export const CATEGORY_IDS = Object.keys(THRESHOLDS) as CategoryId[];

/** The report of one Lighthouse run. */
export type LighthouseResult = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

/** Every built page under `dir`, as site-relative paths with a trailing slash ('' for home). */
export function pages(dir: string, root = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...pages(full, root));
    else if (name === 'index.html') out.push(relative(root, dir) === '' ? '' : `${relative(root, dir)}/`);
  }
  return out.sort();
}

/**
 * A page's kind: pages of one collection share a layout, so one of them stands for all.
 * '' → 'home', 'sources/' → 'sources/', 'scenarios/' → 'scenarios/', 'scenarios/x/' → 'scenarios/*'.
 */
export function pageKind(page: string): string {
  if (page === '') return 'home';
  const parts = page.split('/').filter(Boolean);
  return parts.length === 1 ? `${parts[0]}/` : `${parts[0]}/*`;
}

/** The heaviest page of each kind (by HTML size, a fair proxy for what it runs), in page order. */
export function onePerKind(all: readonly string[], htmlBytes: (page: string) => number): string[] {
  const best = new Map<string, string>();
  for (const page of all) {
    const kind = pageKind(page);
    const current = best.get(kind);
    if (current === undefined || htmlBytes(page) > htmlBytes(current)) best.set(kind, page);
  }
  return all.filter((page) => best.get(pageKind(page)) === page);
}

/** The heaviest built page of each kind in `dist`. */
export function heaviestPerKind(dist: string): string[] {
  return onePerKind(pages(dist), (page) => statSync(join(dist, page, 'index.html')).size);
}

export interface LighthouseChrome {
  /** The DevTools port Lighthouse connects to. */
  port: number;
  kill(): void;
}

/** Starts the installed Chromium at `chromePath` for Lighthouse to drive (chrome-launcher, with the project's flags). */
export async function launchForLighthouse(chromePath: string): Promise<LighthouseChrome> {
  const chrome = await launch({ chromePath, chromeFlags: [...CHROMIUM_FLAGS] });
  return { port: chrome.port, kill: () => chrome.kill() };
}

/** One Lighthouse run (mobile defaults) of `url`; throws when Lighthouse reports a runtime error. */
export async function audit(url: string, port: number, categories: readonly CategoryId[] = CATEGORY_IDS): Promise<LighthouseResult> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`lighthouse returned nothing for ${url}`);
  if (lhr.runtimeError) throw new Error(`lighthouse failed on ${url}: ${lhr.runtimeError.message}`);
  return lhr;
}

/** A category's score, 0 to 100. */
export function categoryScore(lhr: LighthouseResult, id: CategoryId): number {
  return Math.round((lhr.categories[id]?.score ?? 0) * 100);
}

/** An audit's numeric value (ms for timings, bytes for weights), or undefined when it did not run. */
export function auditValue(lhr: LighthouseResult, id: string): number | undefined {
  const value = lhr.audits[id]?.numericValue;
  return typeof value === 'number' ? value : undefined;
}
