import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './static-server.ts';

/**
 * Builds the site once and serves `dist/` on a loopback port for every browser test.
 * SITE_BASE (e.g. /wtsk/) builds and serves it under a sub-path, as on GitHub Pages.
 */
export default async function setup(project: TestProject) {
  const base = process.env['SITE_BASE'] ?? '/';
  if (process.env['E2E_SKIP_BUILD'] !== '1') {
    execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
      stdio: 'inherit',
      env: { ...process.env, SITE_BASE: base },
    });
  }
  const server = await serveStatic('dist', base);
  project.provide('siteUrl', server.url);
  project.provide('siteOrigin', server.origin);
  return () => server.close();
}
