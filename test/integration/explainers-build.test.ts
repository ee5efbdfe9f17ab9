/**
 * Integration tier (npm run test:integration): a build is heavy, and in the unit suite it would slow
 * the tests running beside it on a two-core machine.
 *
 * A real `astro build` of the site with the explainers collection pointed at a fixture folder
 * (EXPLAINERS_DIR), in a scratch copy of the project so the real build's caches and dist/ are never
 * touched. The writer's mistake must fail the build, and the message must name the file, the line
 * and the problem. The other kinds of mistake are covered directly in writing-scan.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const root = resolve('.');
const scratch = mkdtempSync(join(tmpdir(), 'wtsk-explainer-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function astroWith(command: 'build' | 'sync', fixture: string): { status: number | null; output: string } {
  for (const entry of ['src', 'content', 'public', 'svelte.config.js', 'tsconfig.json', 'package.json']) {
    cpSync(join(root, entry), join(scratch, entry), { recursive: true });
  }
  rmSync(join(scratch, 'fixture-explainers'), { recursive: true, force: true });
  cpSync(join(root, 'test/fixtures/explainers', fixture), join(scratch, 'fixture-explainers'), { recursive: true });
  try {
    symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'));
  } catch {
    // already linked by an earlier build in this file
  }
  // The real config, with Astro's cache (content data store) kept in the scratch folder.
  writeFileSync(
    join(scratch, 'astro.config.mjs'),
    `import base from ${JSON.stringify(join(root, 'astro.config.mjs'))};\nexport default { ...base, cacheDir: './.cache/' };\n`,
  );
  const result = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), command], {
    cwd: scratch,
    env: { ...process.env, EXPLAINERS_DIR: './fixture-explainers', NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    timeout: 110_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('astro build with a broken explainer', () => {
  test('fails, naming the file, the line and the unknown source id', () => {
    const { status, output } = astroWith('build', 'unknown-source');
    expect(status, output).not.toBe(0);
    expect(output).toContain('fixture-explainers/broken-citation.mdx: line 10: <Cite> id: unknown source id "no-such-source-2099"');
  }, 120_000);

  test('fails on bad frontmatter too (already at content sync), naming the file and the field', () => {
    const { status, output } = astroWith('sync', 'bad-frontmatter');
    expect(status, output).not.toBe(0);
    expect(output).toContain('fixture-explainers/bad-frontmatter.mdx');
    expect(output).toContain('sources.0: unknown source id "not-a-source"');
  }, 120_000);
});
