/**
 * Which explainers are figures-free, read straight from their MDX text. Shared by the build check
 * (scan.ts) and the page budget (scripts/budget-rules.ts), which holds an explainer without figures
 * to the text-only budget of 0 bytes of JavaScript. No imports, so plain Node can load it.
 */

/** Components that hydrate islands: a page with any of them ships JavaScript. */
export const FIGURE_COMPONENTS = ['Simulation', 'Ledger', 'Timeline', 'ContactGraph', 'LegalRequest', 'Scrolly', 'Scrub'] as const;

/** Blanks out what is not MDX markup (frontmatter, code, comments), keeping every newline so lines still count. */
export function blankNonMarkup(source: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  let text = source.replace(/^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/, blank);
  text = text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank);
  text = text.replace(/\{\/\*[\s\S]*?\*\/\}/g, blank);
  text = text.replace(/(`+)[^`\n][\s\S]*?\1/g, blank);
  return text;
}

/** True when the explainer's text uses any figure component. */
export function hasFigures(source: string): boolean {
  const text = blankNonMarkup(source);
  return FIGURE_COMPONENTS.some((name) => new RegExp(`<${name}[\\s/>]`).test(text));
}
