import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { serveStatic } from '../../tools/static-server.ts';

/**
 * Playwright's global setup: builds the site (unless E2E_SKIP_BUILD=1, when CI has built it once
 * already) and serves `dist/` on a loopback port for every worker. SITE_BASE (e.g. /wtsk/) builds
 * and serves it under a sub-path, as on GitHub Pages; with E2E_SKIP_BUILD=1 it must name the base
 * dist/ was built with. Workers inherit the environment set here, which is how they find the server.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const base = process.env['SITE_BASE'] ?? '/';
  if (process.env['E2E_SKIP_BUILD'] !== '1') {
    execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
      stdio: 'inherit',
      env: { ...process.env, SITE_BASE: base },
    });
  } else if (!existsSync('dist/index.html')) {
    throw new Error('E2E_SKIP_BUILD=1 but there is no dist/index.html: run `npm run build` first');
  }
  const server = await serveStatic('dist', base);
  process.env['SITE_BASE'] = base;
  process.env['E2E_SITE_ORIGIN'] = server.origin;
  return () => server.close();
}
