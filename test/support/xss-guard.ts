import type { Page } from 'playwright-core';

/** What the guard saw in the page: each entry names the element or attribute and where. */
export interface XssLog {
  /** Elements added after the page loaded that only an injection would add. */
  elements: string[];
  /** Event-handler attributes or javascript: URLs set after the page loaded. */
  attributes: string[];
  /** Content-Security-Policy violations (a blocked injection still counts). */
  csp: string[];
}

/**
 * An init script (runs before the page's own scripts): from DOMContentLoaded on, records every
 * element the page's islands would never add (script, iframe, img, object, embed, math, style,
 * base, link, meta, form; not the page's own module preloads), every on* attribute and every javascript: URL set anywhere, and every
 * CSP violation. Even when the CSP blocks a payload, an injected element is still a bug.
 */
export const XSS_GUARD = () => {
  const log = { elements: [] as string[], attributes: [] as string[], csp: [] as string[] };
  (window as unknown as { __xssLog: typeof log }).__xssLog = log;
  const BANNED = new Set(['SCRIPT', 'IFRAME', 'IMG', 'OBJECT', 'EMBED', 'MATH', 'STYLE', 'BASE', 'LINK', 'META', 'FORM', 'BODY', 'FRAME', 'FRAMESET']);
  const describe = (el: Element) => `<${el.tagName.toLowerCase()}> in ${el.parentElement?.closest('section,[data-panel],body')?.className ?? '?'}`;
  const checkAttributes = (el: Element) => {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      // Browsers skip control characters inside a URL's scheme, so `java\tscript:` still runs.
      // eslint-disable-next-line no-control-regex
      const value = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (
        name.startsWith('on') ||
        ((name === 'href' || name.endsWith(':href') || name === 'src' || name === 'action' || name === 'formaction') && value.startsWith('javascript:'))
      ) {
        log.attributes.push(`${name}="${attr.value.slice(0, 80)}" on ${describe(el)}`);
      }
    }
  };
  // The page's own module preloads (warm-islands.ts fetches the cryptography in idle time this way): a
  // <link rel="modulepreload"> the page appends to <head>, for one of its own built chunks. No reader's
  // text reaches <head>, and an injected link anywhere else, or for anything else, is still reported.
  const ownPreload = (el: Element) =>
    el.tagName === 'LINK' &&
    el.parentElement === document.head &&
    el.getAttribute('rel') === 'modulepreload' &&
    new URL((el as HTMLLinkElement).href).origin === location.origin &&
    /\/_astro\/[\w.-]+\.js$/.test(new URL((el as HTMLLinkElement).href).pathname);
  const checkTree = (node: Node) => {
    if (node.nodeType !== 1) return;
    const el = node as Element;
    for (const each of [el, ...Array.from(el.querySelectorAll('*'))]) {
      if (BANNED.has(each.tagName.toUpperCase()) && !ownPreload(each)) log.elements.push(describe(each));
      checkAttributes(each);
    }
  };
  document.addEventListener('securitypolicyviolation', (e) => log.csp.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`));
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        if (m.type === 'childList') m.addedNodes.forEach(checkTree);
        else if (m.type === 'attributes' && m.target.nodeType === 1) checkAttributes(m.target as Element);
      }
    }).observe(document.documentElement, { childList: true, subtree: true, attributes: true });
  });
};

/** Collects every dialog (alert, confirm, prompt) the page opens, dismissing it. */
export function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return dialogs;
}

/** What the page says now: whether window.__xss was set, and the guard's log. */
export async function xssState(page: Page): Promise<{ xss: unknown; log: XssLog }> {
  return page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown; __xssLog: XssLog };
    return { xss: w.__xss, log: w.__xssLog };
  });
}
