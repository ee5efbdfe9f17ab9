import { COMPONENT_NAMES } from './components.ts';
import type { MarkupUse } from './mdx-components.ts';

/** Elements the site never ships: the page's Content-Security-Policy would block them at run time, with a console error. */
const BLOCKED_ELEMENTS = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'base', 'form', 'link', 'meta']);
/** Attributes that load a resource, which must come from the site itself. */
const LOADS = new Set(['src', 'srcset', 'poster', 'data', 'background']);
const REMOTE = /^\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i;
const SCRIPT_URL = /^\s*(?:javascript|vbscript|data):/i;

/**
 * HTML and Markdown that would build but misbehave: a component written in lower case (HTML to
 * MDX, so it renders nothing), script, styles, frames and event handlers, `javascript:` links and
 * images from other origins. The site's CSP would block the last ones in the browser; the build
 * says so first, with the line.
 */
export function markupProblems(use: MarkupUse): string[] {
  const problems: string[] = [];
  const at = `line ${use.line}: <${use.name}>`;
  if (use.kind === 'html') {
    const component = COMPONENT_NAMES.find((n) => n.toLowerCase() === use.name.toLowerCase());
    if (component) {
      problems.push(`${at} is HTML, not a component: components start with a capital letter (did you mean <${component}>?)`);
      return problems;
    }
    if (BLOCKED_ELEMENTS.has(use.name.toLowerCase())) {
      problems.push(`${at} is not allowed in an explainer: the site's Content-Security-Policy blocks it; use the writers' components`);
      return problems;
    }
  }
  for (const [name, value] of Object.entries(use.attrs)) {
    const text = value.kind === 'literal' && typeof value.value === 'string' ? value.value : undefined;
    if (/^on/i.test(name)) {
      problems.push(`${at} ${name}: event handlers are not allowed in an explainer; use the writers' components`);
    } else if (name.toLowerCase() === 'style' && text !== undefined && /url\s*\(/i.test(text)) {
      problems.push(`${at} style: url(…) is not allowed in an explainer: the page loads nothing from a style`);
    } else if (text !== undefined && SCRIPT_URL.test(text) && (name === 'href' || LOADS.has(name.toLowerCase()))) {
      problems.push(`${at} ${name}: expected a web address, got a "${text.split(':')[0]!.trim()}:" address`);
    } else if (text !== undefined && LOADS.has(name.toLowerCase()) && REMOTE.test(text)) {
      problems.push(`${at} ${name}: "${text}" is on another site; the site loads nothing from other origins, so put the file in public/ and give its path`);
    }
  }
  return problems;
}
