import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { headersFor, parseHeadersFile, patternMatches } from '../../tools/headers-file.ts';
import { serveStatic } from '../../tools/static-server.ts';

describe('the _headers parser', () => {
  test('reads rules, header lines, detach lines and comments', () => {
    const rules = parseHeadersFile(['# comment', '/*', '  X-A: 1', '  # indented comment', '', '/b/*', '\t! X-A', '  X-B: two: parts', ''].join('\n'));
    expect(rules).toEqual([
      { pattern: '/*', line: 2, ops: [{ kind: 'set', name: 'X-A', value: '1' }] },
      {
        pattern: '/b/*',
        line: 6,
        ops: [
          { kind: 'detach', name: 'X-A' },
          { kind: 'set', name: 'X-B', value: 'two: parts' },
        ],
      },
    ]);
  });

  test('matches absolute rules on their path', () => {
    expect(parseHeadersFile('https://example.org/x/*\n  X-A: 1')[0]?.pattern).toBe('/x/*');
    expect(parseHeadersFile('https://example.org\n  X-A: 1')[0]?.pattern).toBe('/');
  });

  test('names the line it cannot read', () => {
    expect(() => parseHeadersFile('  X-A: 1')).toThrow(/line 1: a header line comes before any path/);
    expect(() => parseHeadersFile('/*\n  not a header')).toThrow(/line 2: expected "Header-Name: value"/);
    expect(() => parseHeadersFile('/*\n  Bad Name: 1')).toThrow(/line 2/);
    expect(() => parseHeadersFile('/*\n  ! \n')).toThrow(/line 2: not a header name to detach/);
    expect(() => parseHeadersFile('embed/*\n  X-A: 1')).toThrow(/line 1: a rule must start with "\/"/);
  });

  test('patterns: * matches anything, :name one segment, the rest literally', () => {
    expect(patternMatches('/*', '/')).toBe(true);
    expect(patternMatches('/*', '/a/b/c.js')).toBe(true);
    expect(patternMatches('/embed/*', '/embed/')).toBe(true);
    expect(patternMatches('/embed/*', '/embed/two-phones/')).toBe(true);
    expect(patternMatches('/embed/*', '/embedded/')).toBe(false);
    expect(patternMatches('/embed/*', '/about/embed/')).toBe(false);
    expect(patternMatches('/s/:id/', '/s/x/')).toBe(true);
    expect(patternMatches('/s/:id/', '/s/x/y/')).toBe(false);
    expect(patternMatches('/a.html', '/aXhtml')).toBe(false);
  });

  test('applies every matching rule in file order: joins repeats, detaches, names lower-cased', () => {
    const rules = parseHeadersFile('/*\n  X-Robots-Tag: noindex\n  X-A: 1\n/s/*\n  X-Robots-Tag: nosnippet\n  ! X-A\n  X-A: 2');
    expect(headersFor(rules, '/')).toEqual({ 'x-robots-tag': 'noindex', 'x-a': '1' });
    expect(headersFor(rules, '/s/x.css')).toEqual({ 'x-robots-tag': 'noindex, nosnippet', 'x-a': '2' });
  });
});

describe("the site's public/_headers", () => {
  const rules = parseHeadersFile(readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8'));

  test.each(['/', '/about/', '/scenarios/two-phones/', '/_astro/client.js', '/404.html'])('forbids framing and sends the privacy headers for %s', (path) => {
    const headers = headersFor(rules, path);
    expect(headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-content-type-options']).toBe('nosniff');
    for (const feature of ['camera', 'microphone', 'geolocation', 'browsing-topics']) {
      expect(headers['permissions-policy']).toContain(`${feature}=()`);
    }
    // Features Chromium does not know make it log an error on every page.
    for (const unknown of ['bluetooth', 'interest-cohort']) expect(headers['permissions-policy']).not.toContain(`${unknown}=`);
  });

  test('lets any origin read an oEmbed answer, and no other page', () => {
    expect(headersFor(rules, '/oembed/a-number-typed.json')['access-control-allow-origin']).toBe('*');
    expect(headersFor(rules, '/scenarios/a-number-typed/')['access-control-allow-origin']).toBeUndefined();
  });

  test('lets anyone frame an embed page, and keeps the other headers there', () => {
    const headers = headersFor(rules, '/embed/two-phones/');
    expect(headers['content-security-policy']).toBe('frame-ancestors *');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('the static test server', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'static-'));
    mkdirSync(join(root, 'embed', 'x'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>home</title>');
    writeFileSync(join(root, 'embed', 'x', 'index.html'), '<!doctype html><title>embed</title>');
    writeFileSync(join(root, '_headers'), '/*\n  X-Frame: none\n/embed/*\n  ! X-Frame\n  X-Frame: any\n/data.txt\n  Content-Type: text/csv\n');
    writeFileSync(join(root, 'data.txt'), 'a,b');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('sends the headers _headers gives each path, under a base too, and hides _headers', async () => {
    for (const base of ['/', '/sub/']) {
      const server = await serveStatic(root, base);
      try {
        const home = await fetch(server.url);
        expect(home.status).toBe(200);
        expect(home.headers.get('x-frame')).toBe('none');
        expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect((await fetch(server.url + 'embed/x/')).headers.get('x-frame')).toBe('any');
        expect((await fetch(server.url + 'data.txt')).headers.get('content-type')).toBe('text/csv');
        const missing = await fetch(server.url + 'nowhere/');
        expect(missing.status).toBe(404);
        expect(missing.headers.get('x-frame')).toBe('none');
        expect((await fetch(server.url + '_headers')).status).toBe(404);
      } finally {
        await server.close();
      }
    }
  });

  test('serves the files as they are when told to ignore _headers', async () => {
    const server = await serveStatic(root, '/', { headersFile: false });
    try {
      const home = await fetch(server.url);
      expect(home.headers.get('x-frame')).toBeNull();
      expect((await fetch(server.url + '_headers')).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
