import type { Category } from '../model/index.ts';

/**
 * How each record category looks everywhere on the site: an Okabe–Ito colour (a CSS variable
 * defined in global.css, tuned per theme) and a shape, so colour is never the only cue.
 */
export interface CategoryStyle {
  colour: string;
  /** SVG path for a 12 × 12 marker centred at (6, 6). */
  shape: string;
  shapeName: string;
}

export const CATEGORY_STYLE: Record<Category, CategoryStyle> = {
  lookup: { colour: 'var(--cat-lookup)', shape: 'M6 1a5 5 0 1 0 0.01 0Z', shapeName: 'circle' },
  registration: { colour: 'var(--cat-registration)', shape: 'M1.5 1.5h9v9h-9Z', shapeName: 'square' },
  routing: { colour: 'var(--cat-push)', shape: 'M6 1l5 9.5H1Z', shapeName: 'triangle' },
  queue: { colour: 'var(--cat-queue)', shape: 'M1 3.5h10v5H1Z', shapeName: 'bar' },
  call: { colour: 'var(--cat-call)', shape: 'M6 0.5l5.5 5.5-5.5 5.5-5.5-5.5Z', shapeName: 'diamond' },
  connection: { colour: 'var(--cat-connection)', shape: 'M1 1.5h10L6 10.5Z', shapeName: 'down triangle' },
  account: { colour: 'var(--ink-muted)', shape: 'M6 0.8l1.5 3.4 3.7 0.4-2.8 2.5 0.8 3.6L6 8.9l-3.2 1.8 0.8-3.6L0.8 4.6l3.7-0.4Z', shapeName: 'star' },
};
