import { KB, type PageType } from '../budget-rules.ts';
import { measureSite, type PageCost } from '../budget.ts';
import type { Figure } from './figures.ts';

export const REFERENCE_PAGE = 'sources/';

/** The page of each budget type with the most first-load JavaScript: the one that stands for its type below. */
export function heaviestPerType(pages: readonly PageCost[]): Map<PageType, PageCost> {
  const heaviest = new Map<PageType, PageCost>();
  for (const page of pages) {
    if (!page.page.endsWith('/') && page.page !== '') continue; // 404.html and other bare files are not pages a reader opens
    const current = heaviest.get(page.type);
    if (!current || page.js > current.js || (page.js === current.js && page.total > current.total)) heaviest.set(page.type, page);
  }
  return heaviest;
}

/** First-load gzip bytes per page type, measured by `npm run budget`'s own code, beside /sources/. */
export function measureWeight(dist: string, base: string): { figures: Figure[]; heaviest: Map<PageType, PageCost> } {
  const pages = measureSite(dist, { base });
  const heaviest = heaviestPerType(pages);
  const reference = pages.find((p) => p.page === REFERENCE_PAGE);
  const figures: Figure[] = [];
  for (const [type, page] of heaviest) {
    figures.push({
      name: `first-load JS, ${type} (/${page.page})`,
      unit: 'KB',
      values: [page.js / KB],
      ...(figures.length === 0 ? { note: 'gzip level 9, 1 KB = 1024 B, as `npm run budget` counts it; the heaviest page of each budget type.' } : {}),
    });
    figures.push({
      name: `first-load total, ${type} (/${page.page})`,
      unit: 'KB',
      values: [page.total / KB],
      ...(reference ? { reference: [reference.total / KB] } : {}),
    });
  }
  return { figures, heaviest };
}
