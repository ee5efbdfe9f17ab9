// Sub-path deploy check (issue #7): serves a site built with SITE_BASE=/wtsk/ under /wtsk/ the way a
// static host would, and in the installed Chromium visits every built page: every same-origin link,
// script, stylesheet and asset must resolve, nothing may be requested outside /wtsk/, the simulator's
// islands must hydrate, and no page may log an error. First, every built HTML and CSS file is read for
// root-relative URLs that forget the base.
// Usage: npm run test:subpath [-- --dist dist]
//   --dist DIR  check a site already built under /wtsk/ (CI builds once, with SITE_BASE=/wtsk/);
//   without it, the site is built under /wtsk/ into a temporary folder (dist/ is left alone).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, openWatched } from '../tools/browser.ts';
import { islandsReady } from '../tools/islands.ts';
import { serveStatic } from '../tools/static-server.ts';
import { cssOutsideBase, htmlOutsideBase } from './subpath-lib.ts';

const BASE = '/wtsk/';
const failures: string[] = [];
const fail = (message: string) => failures.push(message);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

const distFlag = process.argv.indexOf('--dist');
const given = distFlag >= 0 ? process.argv[distFlag + 1] : undefined;
if (distFlag >= 0 && !given) throw new Error('--dist needs a folder');
const out = given ?? mkdtempSync(join(tmpdir(), 'wtsk-'));
try {
  if (given) {
    if (!existsSync(join(out, 'index.html'))) throw new Error(`${out}/index.html is missing: build with SITE_BASE=${BASE} first`);
    console.log(`subpath: checking ${out}, built earlier under ${BASE}`);
  } else {
    const started = Date.now();
    execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
      stdio: 'inherit',
      env: { ...process.env, SITE_BASE: BASE, ASTRO_OUT_DIR: out },
    });
    console.log(`subpath: built under ${BASE} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  // 1. Static: no root-relative URL without the base in any built HTML or CSS file.
  const built = files(out);
  const pages: string[] = [];
  for (const file of built) {
    const rel = relative(out, file);
    if (file.endsWith('.html')) {
      for (const url of htmlOutsideBase(readFileSync(file, 'utf8'), BASE)) fail(`${rel}: "${url}" does not start with ${BASE}`);
      if (rel.endsWith('index.html')) pages.push(rel.slice(0, -'index.html'.length));
    } else if (file.endsWith('.css')) {
      for (const url of cssOutsideBase(readFileSync(file, 'utf8'), BASE)) fail(`${rel}: url(${url}) does not start with ${BASE}`);
    }
  }
  pages.sort();
  if (pages.length === 0) fail('no pages were built');

  // 2. In Chromium: every page, every same-origin URL it names, and the simulator's islands.
  const server = await serveStatic(out, BASE);
  const { browser, close } = await launchChromium();
  let checked = 0;
  try {
    const watched = await openWatched(browser, server.origin);
    const { context, page, errors, foreignRequests } = watched;
    const outside: string[] = [];
    const broken: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.origin === server.origin && !url.pathname.startsWith(BASE)) outside.push(url.pathname);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) broken.push(`${r.status()} ${r.url()}`);
    });
    const seen = new Map<string, Promise<string | undefined>>();
    for (const path of pages) {
      const response = await page.goto(server.url + path, { waitUntil: 'load' });
      if ((response?.status() ?? 0) !== 200) fail(`${BASE}${path}: HTTP ${response?.status()}`);
      if (path === 'simulator/') {
        await islandsReady(page).catch((e: Error) => fail(`${BASE}${path}: islands did not hydrate: ${e.message.split('\n')[0]}`));
        const unhydrated = await page.locator('astro-island[ssr]').count();
        if (unhydrated > 0) fail(`${BASE}${path}: ${unhydrated} island(s) not hydrated`);
        if ((await page.locator('section.ledger tbody tr').count()) === 0) fail(`${BASE}${path}: the ledger shows no records`);
      }
      for (const url of await namedUrls(page)) {
        const target = new URL(url);
        if (target.origin !== server.origin) continue;
        if (!target.pathname.startsWith(BASE)) fail(`${BASE}${path}: links to ${target.pathname}, outside ${BASE}`);
        const key = target.origin + target.pathname;
        if (!seen.has(key)) seen.set(key, fetchText(context, key));
        const body = await seen.get(key);
        checked++;
        if (body === undefined) fail(`${BASE}${path}: ${target.pathname} does not resolve`);
        else if (target.hash && target.hash.length > 1 && !hasId(body, decodeURIComponent(target.hash.slice(1)))) {
          fail(`${BASE}${path}: ${target.pathname}${target.hash}: no element with that id`);
        }
      }
    }
    // The server really does serve only under the base, so the checks above can fail.
    const root = await context.request.get(server.origin + '/about/');
    if (root.status() !== 404) fail(`the test server answered /about/ outside ${BASE} with ${root.status()}, expected 404`);
    for (const p of [...new Set(outside)]) fail(`requested outside ${BASE}: ${p}`);
    for (const b of [...new Set(broken)]) fail(`failed response: ${b}`);
    for (const e of errors) fail(`console: ${e}`);
    for (const f of foreignRequests) fail(`request to another origin: ${f}`);
    await context.close();
  } finally {
    await close();
    await server.close();
  }

  console.log(`subpath: ${pages.length} pages (${pages.map((p) => BASE + p).join(', ')}), ${checked} same-origin URLs checked, ${built.length} files read`);
} finally {
  if (!given) rmSync(out, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`subpath: ${failures.length} problem(s):\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`subpath: OK, the site works under ${BASE}`);

/** Every URL the page names: links, scripts, stylesheets, icons, images, islands' code. */
async function namedUrls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const urls: string[] = [];
    const add = (value: string | null) => {
      if (value) urls.push(new URL(value, document.baseURI).href);
    };
    document.querySelectorAll('a[href], link[href], area[href]').forEach((el) => add(el.getAttribute('href')));
    document.querySelectorAll('script[src], img[src], source[src], video[src], audio[src], iframe[src]').forEach((el) => add(el.getAttribute('src')));
    document.querySelectorAll('astro-island').forEach((el) => {
      add(el.getAttribute('component-url'));
      add(el.getAttribute('renderer-url'));
      add(el.getAttribute('before-hydration-url'));
    });
    return urls;
  });
}

/** The body of a same-origin URL, or undefined when it does not resolve (status >= 400). */
async function fetchText(context: BrowserContext, url: string): Promise<string | undefined> {
  const response = await context.request.get(url);
  return response.status() < 400 ? response.text() : undefined;
}

function hasId(html: string, id: string): boolean {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\sid=(?:"${escaped}"|'${escaped}'|${escaped}[\\s>])`).test(html);
}
