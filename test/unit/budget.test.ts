import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUDGETS, KB, pageTypeOf, patternToRegExp } from '../../scripts/budget-rules.ts';
import {
  checkBudgets,
  cssReferences,
  describeBreach,
  formatTable,
  htmlReferences,
  jsImports,
  listHtmlFiles,
  measurePage,
  measureSite,
  pagePathOf,
  type PageCost,
} from '../../scripts/budget.ts';

const gz = (text: string) => gzipSync(text, { level: 9 }).length;

// A small built site: a text page, a simulator page with a chunk graph, and a page under a sub-path base.
const FILES: Record<string, string> = {
  'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>',
  '_astro/site.css': 'body{font-family:serif}@font-face{font-family:x;src:url(./font.woff2)}',
  '_astro/font.woff2': 'pretend-font-bytes',
  '_astro/entry.js': 'import{a as b}from"./shared.js";import"./side.js";const l=()=>import("./lazy.js");export{b,l};',
  '_astro/shared.js': 'import{e}from"./entry.js";export const a=1;',
  '_astro/side.js': 'console.log("side effect")',
  '_astro/lazy.js': 'const d=["_astro/lazy.css"];export const z=import("/_astro/deep.js");',
  '_astro/lazy.css': '.lazy{color:red}',
  '_astro/deep.js': 'export const deep=true;',
  '_astro/unused.js': 'export const never=1;',
  '_astro/panel.js': 'import{a}from"./shared.js";import{g}from"./graph.js";export{a,g};',
  '_astro/graph.js': 'export const g="force layout";',
  'about/index.html': `<!doctype html><html><head>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml">
    <link rel="stylesheet" href="/_astro/site.css">
    <link rel="canonical" href="https://example.org/">
    <style>h1{color:blue}</style>
    </head><body><h1>Text</h1><!-- <script src="/_astro/unused.js"></script> -->
    <script type="application/ld+json">{"@context":"https://schema.org"}</script></body></html>`,
  'scenarios/two-phones/index.html': `<!doctype html><html><head>
    <link rel="icon" href="../../favicon.svg">
    <link rel="modulepreload" href="/_astro/shared.js">
    <script type="module" src="/_astro/entry.js"></script>
    <script src="https://cdn.example.net/tracker.js"></script>
    <script>window.inline=1</script>
    </head><body><img src="/missing.png" alt="">
    <astro-island client="visible" component-url="/_astro/panel.js" renderer-url="/_astro/entry.js"></astro-island></body></html>`,
  '404.html': '<!doctype html><title>Not found</title>',
};

let dist: string;
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'budget-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('page types', () => {
  test('follow the path patterns, first match wins, text-only otherwise', () => {
    expect(pageTypeOf('')).toBe('explainer');
    expect(pageTypeOf('about/')).toBe('text-only');
    expect(pageTypeOf('404.html')).toBe('text-only');
    expect(pageTypeOf('simulator/')).toBe('simulator');
    expect(pageTypeOf('scenarios/two-phones/')).toBe('simulator');
    expect(pageTypeOf('scenarios/two-phones/worksheet/')).toBe('simulator');
    expect(pageTypeOf('scenarios/')).toBe('text-only');
    expect(pageTypeOf('embed/two-phones/')).toBe('simulator');
    expect(pageTypeOf('explainers/push/')).toBe('explainer');
    expect(pageTypeOf('explainers/')).toBe('text-only');
    expect(pageTypeOf('/explainers/push/')).toBe('explainer');
  });

  test('patterns: * is one path segment, ** is anything', () => {
    expect(patternToRegExp('a/*/').test('a/b/')).toBe(true);
    expect(patternToRegExp('a/*/').test('a//')).toBe(false);
    expect(patternToRegExp('a/*/').test('a/b/c/')).toBe(false);
    expect(patternToRegExp('a/**').test('a/')).toBe(true);
    expect(patternToRegExp('a/**').test('a/b/c/')).toBe(true);
    expect(patternToRegExp('a.b/').test('axb/')).toBe(false);
  });

  test('the budgets are the documented ones, in KB of 1024 bytes', () => {
    expect(KB).toBe(1024);
    expect(BUDGETS['text-only']).toEqual({ js: 0, total: 250 * 1024, jsLater: 0 });
    expect(BUDGETS.simulator).toEqual({ js: 66 * 1024, total: 250 * 1024, jsLater: 80 * 1024 });
    expect(BUDGETS.explainer).toEqual({ js: 6 * 1024, total: 250 * 1024, jsLater: 125 * 1024 });
  });
});

describe('parsing', () => {
  test('pages are named by their URL path', () => {
    expect(pagePathOf('index.html')).toBe('');
    expect(pagePathOf('about/index.html')).toBe('about/');
    expect(pagePathOf('404.html')).toBe('404.html');
  });

  test('an HTML page references its scripts, styles and icons, and not links or commented-out tags; islands that wait to be near the screen load later', () => {
    const { refs, inlineScripts, inlineStyles } = htmlReferences(
      `<link rel="stylesheet" href="/a.css"><link rel="canonical" href="/x/"><link rel="prefetch" href="/p.js">
       <link rel="modulepreload" href="/m.js"><link rel="preload" as="font" href="/f.woff2">
       <script type="module" src="/s.js"></script><script>let x = 1</script>
       <script type="application/json">{"a":1}</script><!-- <script src="/gone.js"></script> -->
       <astro-island component-url="/_astro/C.js" renderer-url="/_astro/client.js" props="{&quot;a&quot;:1}"></astro-island>
       <astro-island client="visible" component-url="/_astro/V.js"></astro-island>
       <astro-island client="queued" opts="{&quot;name&quot;:&quot;Q&quot;,&quot;value&quot;:true}" component-url="/_astro/Q.js"></astro-island>
       <astro-island client="queued" opts="{&quot;name&quot;:&quot;N&quot;,&quot;value&quot;:&quot;near&quot;}" component-url="/_astro/N.js"></astro-island>
       <img src="/i.png" alt=""><style>.a{background:url("/bg.png")}</style>`,
    );
    expect(refs).toEqual([
      { url: '/s.js', kind: 'js' },
      { url: '/bg.png', kind: 'other' },
      { url: '/a.css', kind: 'css' },
      { url: '/m.js', kind: 'js' },
      { url: '/f.woff2', kind: 'other' },
      { url: '/_astro/C.js', kind: 'js' },
      { url: '/_astro/client.js', kind: 'js' },
      { url: '/_astro/V.js', kind: 'js', later: true },
      { url: '/_astro/Q.js', kind: 'js' },
      { url: '/_astro/N.js', kind: 'js', later: true },
      { url: '/i.png', kind: 'other' },
    ]);
    expect(inlineScripts).toEqual(['let x = 1']);
    expect(inlineStyles).toEqual(['.a{background:url("/bg.png")}']);
  });

  test('a chunk imports same-site modules statically, dynamically and through preload lists', () => {
    const code =
      'import{a}from"./a.js";import "../b.js";export*from"/c.js";import("./d.js");' +
      'import x from "svelte";import("https://cdn.example.net/e.js");const m=["_astro/f.js","_astro/g.css"];' +
      'fetch("//evil.example/h.js")';
    const imports = jsImports(code);
    expect(imports.static.sort()).toEqual(['../b.js', './a.js', '/c.js']);
    expect(imports.dynamic.sort()).toEqual(['./d.js', '_astro/f.js', '_astro/g.css']);
  });

  test('a stylesheet loads url() and @import references, not data: URLs', () => {
    expect(cssReferences('@import "./base.css";a{background:url(x.png)}b{background:url("data:image/png;base64,AA")}').sort()).toEqual(['./base.css', 'x.png']);
  });
});

describe('measuring a built site', () => {
  test('finds every HTML page', () => {
    expect(listHtmlFiles(dist)).toEqual(['404.html', 'about/index.html', 'scenarios/two-phones/index.html']);
  });

  test('a text page costs its HTML, stylesheet, the stylesheet font, and its icon', () => {
    const cost = measurePage(dist, 'about/index.html');
    expect(cost.type).toBe('text-only');
    expect(cost.assets.map((a) => [a.file, a.kind])).toEqual([
      ['_astro/font.woff2', 'other'],
      ['_astro/site.css', 'css'],
      ['favicon.svg', 'other'],
    ]);
    expect(cost.html).toBe(gz(FILES['about/index.html']!));
    expect(cost.js).toBe(0);
    expect(cost.css).toBe(gz(FILES['_astro/site.css']!) + gz('h1{color:blue}'));
    expect(cost.other).toBe(gz(FILES['favicon.svg']!) + gz(FILES['_astro/font.woff2']!));
    expect(cost.total).toBe(cost.html + gz(FILES['_astro/site.css']!) + cost.other);
    expect(cost.missing).toEqual([]);
  });

  test('a simulator page costs its static chunk graph once, with inline scripts, and no other origin', () => {
    const cost = measurePage(dist, 'scenarios/two-phones/index.html');
    expect(cost.page).toBe('scenarios/two-phones/');
    expect(cost.type).toBe('simulator');
    const js = ['_astro/entry.js', '_astro/shared.js', '_astro/side.js'];
    expect(cost.assets.map((a) => a.file)).toEqual([...js, 'favicon.svg'].sort());
    expect(cost.js).toBe(js.reduce((n, f) => n + gz(FILES[f]!), 0) + gz('window.inline=1'));
    expect(cost.css).toBe(0);
    expect(cost.total).toBe(cost.html + cost.assets.reduce((n, a) => n + gz(FILES[a.file]!), 0));
    expect(cost.missing).toEqual(['/missing.png']);
  });

  test('an island that hydrates on sight, and a dynamic import with its preload list, are fetched later: only what the first load has not', () => {
    const cost = measurePage(dist, 'scenarios/two-phones/index.html');
    const later = ['_astro/deep.js', '_astro/graph.js', '_astro/lazy.js', '_astro/panel.js'];
    expect(cost.later.map((a) => a.file)).toEqual([...later.slice(0, 2), '_astro/lazy.css', ...later.slice(2)]);
    expect(cost.jsLater).toBe(later.reduce((n, f) => n + gz(FILES[f]!), 0));
    expect(cost.assets.map((a) => a.file)).not.toContain('_astro/panel.js');
    expect(cost.assets.map((a) => a.file)).not.toContain('_astro/lazy.js');
  });

  test('under a sub-path base, references resolve inside that base', () => {
    const html = '<link rel="icon" href="/wtsk/favicon.svg"><link rel="stylesheet" href="/other/site.css">';
    writeFileSync(join(dist, 'based.html'), html);
    try {
      const cost = measurePage(dist, 'based.html', { base: '/wtsk/' });
      expect(cost.assets.map((a) => a.file)).toEqual(['favicon.svg']);
      expect(cost.total).toBe(gz(html) + gz(FILES['favicon.svg']!));
    } finally {
      rmSync(join(dist, 'based.html'));
    }
  });

  test('measures the whole site, in page order', () => {
    expect(measureSite(dist).map((p) => p.page)).toEqual(['404.html', 'about/', 'scenarios/two-phones/']);
  });
});

describe('checking budgets', () => {
  const page = (over: Partial<PageCost>): PageCost => ({
    page: 'x/',
    file: 'x/index.html',
    type: 'text-only',
    html: 1000,
    js: 0,
    jsLater: 0,
    css: 0,
    other: 0,
    total: 1000,
    assets: [],
    later: [],
    missing: [],
    ...over,
  });

  test('a text-only page may not ship one byte of JavaScript', () => {
    const breaches = checkBudgets([page({ js: 1, total: 1001 })]);
    expect(breaches).toEqual([{ page: 'x/', type: 'text-only', what: 'js', actual: 1, limit: 0 }]);
    expect(describeBreach(breaches[0]!)).toBe('over budget: /x/ (text-only) JavaScript is 1 B (1 B gzip), budget 0 B (0 B)');
  });

  test('a simulator may ship up to 66 KB of JavaScript, every page up to 250 KB in all', () => {
    expect(checkBudgets([page({ type: 'simulator', js: 66 * KB, total: 250 * KB })])).toEqual([]);
    expect(checkBudgets([page({ type: 'simulator', js: 66 * KB + 1, total: 250 * KB + 1 })]).map((b) => b.what)).toEqual(['js', 'total']);
  });

  test('a simulator may fetch up to 80 KB more when its panels are scrolled to or it imports code on demand; a text page none', () => {
    expect(checkBudgets([page({ type: 'simulator', jsLater: 80 * KB })])).toEqual([]);
    const [breach] = checkBudgets([page({ type: 'simulator', jsLater: 80 * KB + 1 })]);
    expect(breach?.what).toBe('jsLater');
    expect(describeBreach(breach!)).toBe(
      'over budget: /x/ (simulator) JavaScript fetched later (scrolled to, or imported on demand) is 80.0 KB (81921 B gzip), budget 80.0 KB (81920 B)',
    );
    expect(checkBudgets([page({ jsLater: 1 })]).map((b) => b.what)).toEqual(['jsLater']);
  });

  test('the table has one aligned row per page', () => {
    const table = formatTable([page({}), page({ page: '', type: 'simulator', js: 2048, total: 3072 })]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^page\s+type\s+html\s+js\s+css\s+other\s+total\s+js later\s+js max\s+total max\s+later max\s+status$/);
    expect(lines[2]).toMatch(/^\/x\/\s+text-only\s+1000 B\s+0 B\s+0 B\s+0 B\s+1000 B\s+0 B\s+0 B\s+250\.0 KB\s+0 B\s+ok$/);
    expect(lines[3]).toMatch(/^\/\s+simulator\s+1000 B\s+2\.0 KB\s+0 B\s+0 B\s+3\.0 KB\s+0 B\s+66\.0 KB\s+250\.0 KB\s+80\.0 KB\s+ok$/);
    expect(lines[2]!.indexOf('text-only')).toBe(lines[3]!.indexOf('simulator'));
  });
});
