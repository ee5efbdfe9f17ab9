import { createServer, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { headersFor, parseHeadersFile, type HeaderRule } from './headers-file.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

export interface ServeOptions {
  /**
   * Send the headers `root/_headers` gives each path, as a static host would (default true; a no-op
   * when there is no such file). Rules match the path below `base`, and `_headers` itself is not served.
   */
  headersFile?: boolean;
}

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.xml', '.csv']);

export interface StaticServer {
  /** Origin plus base, e.g. http://127.0.0.1:41234/ */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a built site from `root` on a loopback port, under `base` like a static host would:
 * `/x/` serves `x/index.html`, unknown paths get `404.html` (or a plain 404) with status 404,
 * and every response carries the headers `root/_headers` gives its path (see ServeOptions).
 */
export async function serveStatic(root: string, base = '/', options: ServeOptions = {}): Promise<StaticServer> {
  const absRoot = resolve(root);
  const headersPath = join(absRoot, '_headers');
  const rules: HeaderRule[] | undefined =
    (options.headersFile ?? true) && existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : undefined;
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(base)) return notFound(res, absRoot);
    path = path.slice(base.length);
    if (rules) {
      for (const [name, value] of Object.entries(headersFor(rules, '/' + path))) res.setHeader(name, value);
      if (path === '_headers') return notFound(res, absRoot);
    }
    const file = normalize(join(absRoot, path));
    if (file !== absRoot && !file.startsWith(absRoot + sep)) return notFound(res, absRoot);
    const target = await resolveFile(file);
    if (!target) return notFound(res, absRoot);
    let body = await readFile(target);
    // A content-type from _headers wins, as on a host.
    if (!res.hasHeader('content-type')) res.setHeader('content-type', TYPES[extname(target)] ?? 'application/octet-stream');
    // Static hosts compress text; so does this server, so transfer sizes and Lighthouse match a deploy.
    if (COMPRESSIBLE.has(extname(target)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = gzipSync(body);
      res.setHeader('content-encoding', 'gzip');
      res.setHeader('vary', 'accept-encoding');
    }
    res.writeHead(200);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('static server did not bind a TCP port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: origin + base,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

async function resolveFile(file: string): Promise<string | undefined> {
  for (const candidate of [file, join(file, 'index.html')]) {
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // not this candidate; try the next
    }
  }
  return undefined;
}

async function notFound(res: ServerResponse, root: string): Promise<void> {
  let body: Buffer | string = 'Not found';
  try {
    body = await readFile(join(root, '404.html'));
  } catch {
    // no custom 404 page built
  }
  if (!res.hasHeader('content-type')) res.setHeader('content-type', 'text/html; charset=utf-8');
  res.writeHead(404);
  res.end(body);
}
