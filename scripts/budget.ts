// Page-weight budgets: what a first load of each built page transfers, gzip level 9, per page type, and
// the JavaScript it fetches later: when an island that hydrates on sight (client:visible) is scrolled to, or
// when code asks for a module (a dynamic import, in idle time or on demand, as the cryptography loads).
// Usage: npm run budget [-- --dist dist --base /sub/]   (run `npm run build` first)
// The budgets live in scripts/budget-rules.ts. Exits 1 when any page is over budget.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUDGETS, KB, pageTypeOf, type Budget, type PageType } from './budget-rules.ts';

/** Vite's folder for hashed build assets; its bare paths in chunk text name preloaded dependencies. */
const ASSETS_DIR = '_astro/';
/** A placeholder origin: same-site references resolve onto it, other origins do not. */
const SITE = 'http://site.invalid';

export type AssetKind = 'js' | 'css' | 'other';

export interface AssetCost {
  /** Path of the file inside dist, with '/' separators. */
  file: string;
  kind: AssetKind;
  bytes: number;
  gzip: number;
}

export interface PageCost {
  /** Path of the page relative to the site base: '' for home, 'about/', '404.html'. */
  page: string;
  /** The HTML file inside dist. */
  file: string;
  type: PageType;
  /** gzip bytes of the HTML document itself (inline scripts and styles included). */
  html: number;
  /** gzip bytes of JavaScript a first load fetches: every external chunk, plus the inline scripts (gzipped on their own). */
  js: number;
  /** gzip bytes of JavaScript fetched later (on-sight islands, dynamic imports): what the first load has not. */
  jsLater: number;
  /** gzip bytes of CSS: every stylesheet loaded, plus the inline styles (gzipped on their own). */
  css: number;
  /** gzip bytes of every other same-site file the page loads (icons, images, fonts, manifests). */
  other: number;
  /** gzip bytes of the whole first load: the HTML plus every same-site file, each counted once. */
  total: number;
  assets: AssetCost[];
  /** What on-sight islands and dynamic imports fetch beyond the first load. */
  later: AssetCost[];
  /** Same-site references that name no file in dist. */
  missing: string[];
}

export interface Breach {
  page: string;
  type: PageType;
  what: 'js' | 'jsLater' | 'total';
  actual: number;
  limit: number;
}

export interface MeasureOptions {
  /** The site base the pages were built with, e.g. '/' or '/wtsk/'. */
  base?: string;
}

/** gzip size at level 9, the most a host could compress. */
export function gzipSize(data: string | Uint8Array): number {
  return gzipSync(data, { level: 9 }).length;
}

/** Every HTML file in dist, as sorted paths with '/' separators. */
export function listHtmlFiles(dist: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.html')) found.push(relative(dist, full).split(sep).join('/'));
    }
  };
  walk(dist);
  return found.sort();
}

/** The page path of an HTML file: 'about/index.html' → 'about/', 'index.html' → '', '404.html' → '404.html'. */
export function pagePathOf(htmlFile: string): string {
  if (htmlFile === 'index.html') return '';
  return htmlFile.endsWith('/index.html') ? htmlFile.slice(0, -'index.html'.length) : htmlFile;
}

export interface HtmlReferences {
  /**
   * Same-document references, as written, with the kind of file the browser fetches them as; `later`
   * for an island that hydrates on sight (client:visible, client:media, client:queued="near"), fetched when it is seen.
   */
  refs: { url: string; kind: AssetKind; later?: true }[];
  inlineScripts: string[];
  inlineStyles: string[];
}

const SCRIPT_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** What an HTML document makes the browser fetch on first load, and its inline scripts and styles. */
export function htmlReferences(html: string): HtmlReferences {
  const refs: HtmlReferences['refs'] = [];
  const inlineScripts: string[] = [];
  const inlineStyles: string[] = [];
  const source = html.replace(/<!--[\s\S]*?-->/g, '');

  for (const match of source.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = parseAttributes(match[1] ?? '');
    const type = (attrs.get('type') ?? '').trim().toLowerCase();
    if (!SCRIPT_TYPES.has(type)) continue;
    const src = attrs.get('src');
    if (src !== undefined) refs.push({ url: src, kind: 'js' });
    else if ((match[2] ?? '').trim() !== '') inlineScripts.push(match[2] ?? '');
  }
  for (const match of source.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) {
    const css = match[1] ?? '';
    inlineStyles.push(css);
    for (const url of cssReferences(css)) refs.push({ url, kind: kindOfPath(url) });
  }
  for (const match of source.matchAll(/<(link|img|source|video|audio|astro-island)\b([^>]*)>/gi)) {
    const tag = (match[1] ?? '').toLowerCase();
    const attrs = parseAttributes(match[2] ?? '');
    if (tag === 'link') {
      const href = attrs.get('href');
      if (href === undefined) continue;
      const rels = new Set((attrs.get('rel') ?? '').toLowerCase().split(/\s+/));
      if (rels.has('stylesheet')) refs.push({ url: href, kind: 'css' });
      else if (rels.has('modulepreload')) refs.push({ url: href, kind: 'js' });
      else if (rels.has('preload')) {
        const as = attrs.get('as');
        refs.push({ url: href, kind: as === 'script' ? 'js' : as === 'style' ? 'css' : 'other' });
      } else if (rels.has('icon') || rels.has('apple-touch-icon') || rels.has('manifest') || rels.has('mask-icon')) {
        refs.push({ url: href, kind: 'other' });
      }
    } else if (tag === 'astro-island') {
      const later = ['visible', 'media'].includes(attrs.get('client') ?? '') || (attrs.get('client') === 'queued' && directiveValue(attrs) === 'near');
      for (const name of ['component-url', 'renderer-url', 'before-hydration-url']) {
        const url = attrs.get(name);
        if (url) refs.push({ url, kind: 'js', ...(later ? { later: true as const } : {}) });
      }
    } else {
      for (const name of ['src', 'poster']) {
        const url = attrs.get(name);
        if (url) refs.push({ url, kind: 'other' });
      }
    }
  }
  return { refs, inlineScripts, inlineStyles };
}

/** The value an island's client directive was given (`client:queued="near"` → 'near'), from its `opts` attribute. */
function directiveValue(attrs: Map<string, string>): unknown {
  try {
    return (JSON.parse(attrs.get('opts') ?? '{}') as { value?: unknown }).value;
  } catch {
    return undefined;
  }
}

/** Attributes of one start tag, names lower-cased, values with the common entities decoded. */
export function parseAttributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const match of source.matchAll(/([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const name = (match[1] ?? '').toLowerCase();
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    if (!attrs.has(name)) attrs.set(name, decodeEntities(value));
  }
  return attrs;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Same-site module specifiers a JS chunk loads, split by when the browser fetches them. */
export interface ChunkImports {
  /** `import … from "x"`, `import "x"`, `export … from "x"`: fetched before the chunk runs. */
  static: string[];
  /** `import("x")` and bare `_astro/…` paths (Vite's preload lists for dynamic imports): fetched when the code asks. */
  dynamic: string[];
}

/**
 * Module specifiers a JS chunk loads. Only same-site paths are returned: './x', '../x', '/x' and
 * '_astro/x'; bare package names and URLs are not.
 */
export function jsImports(code: string): ChunkImports {
  const sameSite = (spec: string) => /^(\.{1,2}\/|\/(?!\/))/.test(spec);
  const found = (patterns: RegExp[]) => {
    const specs = new Set<string>();
    for (const pattern of patterns) for (const match of code.matchAll(pattern)) if (sameSite(match[1] ?? '')) specs.add(match[1] ?? '');
    return specs;
  };
  const statics = found([/\bfrom\s*["'`]([^"'`\s]+)["'`]/g, /\bimport\s*["'`]([^"'`\s]+)["'`]/g]);
  const dynamics = found([/\bimport\s*\(\s*["'`]([^"'`\s]+)["'`]\s*[,)]/g]);
  for (const match of code.matchAll(/["'`](_astro\/[^"'`\s]+\.(?:m?js|css))["'`]/g)) dynamics.add(match[1] ?? '');
  return { static: [...statics], dynamic: [...dynamics].filter((spec) => !statics.has(spec)) };
}

/** url(…) and @import references in CSS. */
export function cssReferences(css: string): string[] {
  const found = new Set<string>();
  for (const match of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/g)) {
    const url = match[1] ?? match[2] ?? match[3] ?? '';
    if (url !== '' && !url.startsWith('data:') && !url.startsWith('#')) found.add(url);
  }
  for (const match of css.matchAll(/@import\s+["']([^"']+)["']/g)) found.add(match[1] ?? '');
  return [...found];
}

function kindOfPath(path: string): AssetKind {
  if (/\.m?js$/i.test(path)) return 'js';
  if (/\.css$/i.test(path)) return 'css';
  return 'other';
}

function normaliseBase(base: string): string {
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/**
 * Resolves a reference made from the document or file at `fromUrl` (a URL on SITE) to a path inside dist.
 * Returns undefined for other origins and for paths outside the base.
 */
function toDistPath(ref: string, fromUrl: string, base: string): string | undefined {
  let url: URL;
  try {
    url = new URL(ref, fromUrl);
  } catch {
    return undefined;
  }
  if (url.origin !== SITE || !url.pathname.startsWith(base)) return undefined;
  let path = decodeURIComponent(url.pathname.slice(base.length));
  if (path === '' || path.endsWith('/')) path += 'index.html';
  return path;
}

/** Measures what a first load of one HTML page in `dist` transfers. */
export function measurePage(dist: string, htmlFile: string, options: MeasureOptions = {}, cache = new Map<string, AssetCost>()): PageCost {
  const base = normaliseBase(options.base ?? '/');
  const page = pagePathOf(htmlFile);
  const pageUrl = SITE + base + page;
  const html = readFileSync(join(dist, htmlFile), 'utf8');
  const { refs, inlineScripts, inlineStyles } = htmlReferences(html);

  const missing = new Set<string>();
  /** Modules the first load's code may import later (dynamic imports), with the URL each is relative to. */
  const onDemand: { url: string; kind: AssetKind; from: string }[] = [];
  /**
   * Every file `start` loads, transitively, leaving out those already in `known`. With `all`, dynamic
   * imports are followed too; without, they are set aside in `onDemand`.
   */
  const collect = (start: readonly { url: string; kind: AssetKind; from?: string }[], known: ReadonlyMap<string, AssetCost> = new Map(), all = false) => {
    const assets = new Map<string, AssetCost>();
    const queue: { file: string; kind: AssetKind }[] = [];
    const enqueue = (ref: string, fromUrl: string, kind: AssetKind) => {
      // Vite lists preloaded dependencies relative to the base, without './'.
      const from = ref.startsWith(ASSETS_DIR) ? SITE + base : fromUrl;
      const file = toDistPath(ref, from, base);
      if (file === undefined || file === htmlFile || assets.has(file) || known.has(file)) return;
      const full = join(dist, file);
      if (!existsSync(full) || !statSync(full).isFile()) {
        missing.add(ref);
        return;
      }
      assets.set(file, { file, kind, bytes: 0, gzip: 0 });
      queue.push({ file, kind });
    };
    for (const { url, kind, from } of start) enqueue(url, from ?? pageUrl, kind);
    while (queue.length > 0) {
      const { file, kind } = queue.shift()!;
      let cost = cache.get(file);
      const body = readFileSync(join(dist, file));
      if (!cost) {
        cost = { file, kind, bytes: body.length, gzip: gzipSize(body) };
        cache.set(file, cost);
      }
      assets.set(file, { ...cost, kind });
      const fileUrl = SITE + base + file;
      if (kind === 'js') {
        const imports = jsImports(body.toString('utf8'));
        const kindOf = (spec: string) => (kindOfPath(spec) === 'css' ? 'css' : 'js');
        for (const spec of imports.static) enqueue(spec, fileUrl, kindOf(spec));
        for (const spec of imports.dynamic) {
          if (all) enqueue(spec, fileUrl, kindOf(spec));
          else onDemand.push({ url: spec, kind: kindOf(spec), from: fileUrl });
        }
      }
      if (kind === 'css') for (const url of cssReferences(body.toString('utf8'))) enqueue(url, fileUrl, kindOfPath(url));
    }
    return assets;
  };
  const assets = collect(refs.filter((r) => !r.later));
  // Later: islands that hydrate on sight, and what code asks for when it needs it (idle time or on demand).
  const laterAssets = collect([...refs.filter((r) => r.later), ...onDemand], assets, true);

  const list = [...assets.values()].sort((a, b) => a.file.localeCompare(b.file));
  const sum = (kind: AssetKind) => list.filter((a) => a.kind === kind).reduce((n, a) => n + a.gzip, 0);
  const inline = (parts: string[]) => parts.reduce((n, part) => n + gzipSize(part), 0);
  const htmlGzip = gzipSize(html);
  return {
    page,
    file: htmlFile,
    type: pageTypeOf(page),
    html: htmlGzip,
    js: sum('js') + inline(inlineScripts),
    jsLater: [...laterAssets.values()].reduce((n, a) => n + (a.kind === 'js' ? a.gzip : 0), 0),
    css: sum('css') + inline(inlineStyles),
    other: sum('other'),
    total: htmlGzip + list.reduce((n, a) => n + a.gzip, 0),
    assets: list,
    later: [...laterAssets.values()].sort((a, b) => a.file.localeCompare(b.file)),
    missing: [...missing].sort(),
  };
}

/** Measures every HTML page in `dist`. */
export function measureSite(dist: string, options: MeasureOptions = {}): PageCost[] {
  const cache = new Map<string, AssetCost>();
  return listHtmlFiles(dist)
    .map((file) => measurePage(dist, file, options, cache))
    .sort((a, b) => a.page.localeCompare(b.page));
}

/** Every way the pages exceed the budget of their type. */
export function checkBudgets(pages: readonly PageCost[], budgets: Record<PageType, Budget> = BUDGETS): Breach[] {
  const breaches: Breach[] = [];
  for (const page of pages) {
    const budget = budgets[page.type];
    if (page.js > budget.js) breaches.push({ page: page.page, type: page.type, what: 'js', actual: page.js, limit: budget.js });
    if (page.jsLater > budget.jsLater) breaches.push({ page: page.page, type: page.type, what: 'jsLater', actual: page.jsLater, limit: budget.jsLater });
    if (page.total > budget.total) {
      breaches.push({ page: page.page, type: page.type, what: 'total', actual: page.total, limit: budget.total });
    }
  }
  return breaches;
}

/** A size for people: bytes below 1 KB, else KB (1024 bytes) with one decimal. */
export function formatBytes(bytes: number): string {
  return bytes < KB ? `${bytes} B` : `${(bytes / KB).toFixed(1)} KB`;
}

/** The report table, one row per page, columns aligned. */
export function formatTable(pages: readonly PageCost[], budgets: Record<PageType, Budget> = BUDGETS): string {
  const header = ['page', 'type', 'html', 'js', 'css', 'other', 'total', 'js later', 'js max', 'total max', 'later max', 'status'];
  const rows = pages.map((p) => {
    const budget = budgets[p.type];
    const over = p.js > budget.js || p.total > budget.total || p.jsLater > budget.jsLater;
    return [
      `/${p.page}`,
      p.type,
      formatBytes(p.html),
      formatBytes(p.js),
      formatBytes(p.css),
      formatBytes(p.other),
      formatBytes(p.total),
      formatBytes(p.jsLater),
      formatBytes(budget.js),
      formatBytes(budget.total),
      formatBytes(budget.jsLater),
      over ? 'OVER' : 'ok',
    ];
  });
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** One line per breach, exact bytes included. */
export function describeBreach(breach: Breach): string {
  const what = { js: 'JavaScript', jsLater: 'JavaScript fetched later (scrolled to, or imported on demand)', total: 'total transfer' }[breach.what];
  return (
    `over budget: /${breach.page} (${breach.type}) ${what} is ${formatBytes(breach.actual)} (${breach.actual} B gzip), ` +
    `budget ${formatBytes(breach.limit)} (${breach.limit} B)`
  );
}

function argument(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

function main(args: string[]): number {
  const dist = argument(args, '--dist') ?? 'dist';
  const base = argument(args, '--base') ?? process.env['SITE_BASE'] ?? '/';
  if (!existsSync(dist)) {
    console.error(`budget: no ${dist}/ folder; run \`npm run build\` first.`);
    return 1;
  }
  const pages = measureSite(dist, { base });
  if (pages.length === 0) {
    console.error(`budget: no HTML pages in ${dist}/; run \`npm run build\` first.`);
    return 1;
  }
  console.log(`First-load transfer per page: gzip level 9, 1 KB = ${KB} B. js and css include inline scripts and styles;`);
  console.log('total is the HTML plus every same-site file it loads (scripts and their imports, styles, icons, images, fonts);');
  console.log(
    'js later is what islands that hydrate on sight (client:visible) fetch beyond that once scrolled to, and what code imports on demand or in idle time.\n',
  );
  console.log(formatTable(pages));
  for (const page of pages) {
    for (const ref of page.missing) console.warn(`warning: /${page.page} references ${ref}, which is not in ${dist}/`);
  }
  const breaches = checkBudgets(pages);
  console.log('');
  if (breaches.length === 0) {
    console.log(`All ${pages.length} pages are within budget (scripts/budget-rules.ts).`);
    return 0;
  }
  for (const breach of breaches) console.error(describeBreach(breach));
  console.error(`${breaches.length} budget breach${breaches.length === 1 ? '' : 'es'}; budgets are in scripts/budget-rules.ts.`);
  return 1;
}

if (import.meta.main) process.exitCode = main(process.argv.slice(2));
