// Static checks for a site built under a sub-path (base), used by scripts/subpath-check.ts.
// A root-relative URL ("/_astro/x.js", "/about/") that is not under the base works on a root
// deploy and breaks on a sub-path one, so the built files must not contain any.

/** Attributes that hold a URL (or, for srcset, a list of them) in the built HTML. */
const URL_ATTRIBUTES = [
  'href',
  'src',
  'action',
  'formaction',
  'poster',
  'data',
  'srcset',
  'component-url',
  'renderer-url',
  'before-hydration-url',
  'xlink:href',
];

const ATTRIBUTE = new RegExp(`\\s(${URL_ATTRIBUTES.map((a) => a.replace(':', '\\:')).join('|')})\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'gi');
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]+))\s*\)/gi;
const STYLE_BLOCK = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
const STYLE_ATTRIBUTE = /\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/** Decodes the few entities Astro writes in attribute values. */
function unescape(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x2F;/gi, '/');
}

/** Whether `url` leaves the base: root-relative outside it, or protocol-relative (another host). */
export function outsideBase(url: string, base: string): boolean {
  const u = url.trim();
  if (u.startsWith('//')) return true;
  return u.startsWith('/') && !u.startsWith(base);
}

/** Every URL in CSS text (url(...) values). */
export function cssUrls(css: string): string[] {
  return [...css.matchAll(CSS_URL)].map((m) => unescape(m[1] ?? m[2] ?? m[3] ?? ''));
}

/** Every URL in HTML: URL attributes (srcset split), <style> blocks and style="" attributes. */
export function htmlUrls(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(ATTRIBUTE)) {
    const name = (m[1] ?? '').toLowerCase();
    const value = unescape(m[2] ?? m[3] ?? m[4] ?? '');
    if (name === 'srcset')
      urls.push(
        ...value
          .split(',')
          .map((part) => part.trim().split(/\s+/)[0] ?? '')
          .filter(Boolean),
      );
    else urls.push(value);
  }
  for (const m of html.matchAll(STYLE_BLOCK)) urls.push(...cssUrls(m[1] ?? ''));
  for (const m of html.matchAll(STYLE_ATTRIBUTE)) urls.push(...cssUrls(unescape(m[1] ?? m[2] ?? '')));
  return urls;
}

/** The URLs in an HTML file that would break under `base`. */
export function htmlOutsideBase(html: string, base: string): string[] {
  return [...new Set(htmlUrls(html).filter((u) => outsideBase(u, base)))];
}

/** The URLs in a CSS file that would break under `base`. */
export function cssOutsideBase(css: string, base: string): string[] {
  return [...new Set(cssUrls(css).filter((u) => outsideBase(u, base)))];
}
