import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, siteOrigin, siteUrl, test } from '../support/site.ts';

// The site promises its readers: no cookies, nothing written to their browser's storage, no request to
// anyone else (the harness blocks and reports those), and a strict Content-Security-Policy. Every built
// page is checked, so a page added later is covered without anyone remembering to add it here.

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Every built page as a path below the base ('' for home, 'about/'), found by walking dist for index.html. */
function builtPages(dir = DIST, prefix = ''): string[] {
  const pages: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) pages.push(...builtPages(join(dir, entry.name), `${prefix}${entry.name}/`));
    else if (entry.name === 'index.html' && !/^404\//.test(prefix)) pages.push(prefix);
  }
  return pages.sort();
}

const pages = builtPages();

declare global {
  interface Window {
    __storageWrites?: string[];
  }
}

/**
 * Runs in every document before the page's own scripts: records each attempt to store anything on the
 * reader's device (Web Storage, IndexedDB, cookies, Cache Storage, service workers) in window.__storageWrites.
 */
function recordStorageWrites(): void {
  const writes: string[] = [];
  Object.defineProperty(window, '__storageWrites', { value: writes });
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
    writes.push(`Storage.setItem(${String(key)})`);
    return setItem.call(this, key, value);
  };
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
    writes.push(`indexedDB.open(${String(name)})`);
    return version === undefined ? open.call(this, name) : open.call(this, name, version);
  };
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (cookie?.set && cookie.get) {
    const { get, set } = cookie;
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      get() {
        return get.call(this);
      },
      set(value: string) {
        writes.push(`document.cookie = ${String(value).split('=')[0]}`);
        set.call(this, value);
      },
    });
  }
  if (typeof CacheStorage !== 'undefined') {
    const cacheOpen = CacheStorage.prototype.open;
    CacheStorage.prototype.open = function (this: CacheStorage, name: string) {
      writes.push(`caches.open(${String(name)})`);
      return cacheOpen.call(this, name);
    };
  }
  if (typeof ServiceWorkerContainer !== 'undefined') {
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (this: ServiceWorkerContainer, ...args: Parameters<typeof register>) {
      writes.push(`serviceWorker.register(${String(args[0])})`);
      return register.apply(this, args);
    };
  }
}

/** What the page has stored, by every route the recorder watches, plus what it tried to store. */
async function storedState(page: Page) {
  return page.evaluate(async () => ({
    writes: window.__storageWrites,
    documentCookie: document.cookie,
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).map((db) => db.name),
    caches: typeof caches === 'undefined' ? [] : await caches.keys(),
    serviceWorkers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
  }));
}

const NOTHING_STORED = {
  writes: [],
  documentCookie: '',
  localStorage: 0,
  sessionStorage: 0,
  indexedDB: [],
  caches: [],
  serviceWorkers: 0,
};

test('the built site has pages to check', () => {
  expect(pages).toContain('');
});

// One visit per page checks both promises (a page load is most of a browser test's cost), and the
// visit runs axe on it, so every built page gets the WCAG checks too.
for (const path of pages)
  test(`/${path}: sets no cookie, stores nothing, and has the strict Content-Security-Policy and the deploy headers`, async ({ visit }) => {
    await visit(
      path,
      async ({ page, context, response }) => {
        expect(await context.cookies(), 'cookies after load').toEqual([]);
        expect(await storedState(page), 'after load').toEqual(NOTHING_STORED);

        const headers = response?.headers() ?? {};
        expect(headers['content-security-policy']).toBe(path.startsWith('embed/') ? 'frame-ancestors *' : "frame-ancestors 'none'");
        expect(headers['referrer-policy']).toBe('no-referrer');
        expect(headers['x-content-type-options']).toBe('nosniff');
        expect(headers['permissions-policy']).toMatch(/(^|, )camera=\(\)/);

        const metas = page.locator('meta[http-equiv="content-security-policy" i]');
        await expect(metas, 'one CSP <meta>').toHaveCount(1);
        const policy = parsePolicy((await metas.getAttribute('content')) ?? '');
        expect(policy.get('default-src')).toEqual(["'self'"]);
        expect(policy.get('object-src')).toEqual(["'none'"]);
        expect(policy.get('base-uri')).toEqual(["'none'"]);
        const scriptSrc = policy.get('script-src') ?? [];
        expect(scriptSrc).toContain("'self'");
        expect(scriptSrc.filter((s) => !/^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(s))).toEqual(["'self'"]);
        // style="…" attributes are the one inline allowance (see astro.config.mjs); they can fetch nothing.
        expect(policy.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
        for (const [directive, sources] of policy) {
          if (directive === 'style-src-attr') continue;
          for (const source of sources) {
            // Only 'self', 'none', hashes: no host, no scheme, no wildcard, no 'unsafe-…'.
            expect(source, `${directive} allows ${source}`).toMatch(/^'(self|none|sha(256|384|512)-[A-Za-z0-9+/=]+)'$/);
          }
        }

        // Proving that nothing is stored later either (a timer, an idle callback) needs a pause.
        await page.waitForTimeout(500);
        expect(await context.cookies(), 'cookies after 500 ms').toEqual([]);
        expect(await storedState(page), 'after 500 ms').toEqual(NOTHING_STORED);
      },
      { initScript: recordStorageWrites },
    );
  });

/** A CSP string as a map from directive to its source list. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

// The checks above are only worth something if they can fail.
test.describe('the privacy checks', () => {
  test('see every kind of storage write', async ({ visit }) => {
    await visit(
      '',
      async ({ page, context }) => {
        await page.evaluate(async () => {
          localStorage.setItem('a', '1');
          sessionStorage.setItem('b', '2');
          document.cookie = 'c=3; path=/';
          await new Promise((done) => {
            indexedDB.open('d').onsuccess = done;
          });
          await caches.open('e');
        });
        expect((await storedState(page)).writes).toEqual([
          'Storage.setItem(a)',
          'Storage.setItem(b)',
          'document.cookie = c',
          'indexedDB.open(d)',
          'caches.open(e)',
        ]);
        expect((await context.cookies()).map((c) => c.name)).toEqual(['c']);
        expect(await storedState(page)).toMatchObject({ documentCookie: 'c=3', localStorage: 1, sessionStorage: 1, indexedDB: ['d'], caches: ['e'] });
      },
      { initScript: recordStorageWrites, axe: false },
    );
  });

  test('the CSP stops an injected inline script and a request to another origin', async ({ watch }) => {
    const watched = await watch();
    await watched.page.goto(siteUrl(''));
    await watched.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      document.body.insertAdjacentHTML('beforeend', '<img alt="" src="https://example.invalid/pixel.png">');
    });
    await expect.poll(() => watched.errors.join('\n')).toMatch(/inline script[^\n]*Content Security Policy/);
    await expect.poll(() => watched.errors.join('\n')).toMatch(/example\.invalid\/pixel\.png[^\n]*Content Security Policy/);
    expect(await watched.page.evaluate(() => '__injected' in window)).toBe(false);
    expect(watched.foreignRequests).toEqual([]);
  });

  test('a page that is not an embed refuses to be framed', async ({ watch }) => {
    const watched = await watch();
    const framer = `${siteOrigin()}/__framer__`;
    await watched.page.route(framer, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>framer</title><iframe src="${siteUrl('')}"></iframe>` }),
    );
    await watched.page.goto(framer);
    await expect.poll(() => watched.errors.join('\n')).toMatch(/frame-ancestors 'none'/);
    const child = watched.page.frames().find((frame) => frame !== watched.page.mainFrame());
    expect(await child?.evaluate(() => document.querySelector('main') !== null).catch(() => false)).toBe(false);
  });
});
