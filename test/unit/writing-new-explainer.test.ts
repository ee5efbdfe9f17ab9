import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { run, scaffold, slugProblem } from '../../scripts/new-explainer.ts';
import { explainerSchema } from '../../src/lib/content-schemas.ts';
import { scanExplainer } from '../../src/lib/writing/scan.ts';
import { readSourceIds } from '../../src/lib/sources.ts';

const dir = mkdtempSync(join(tmpdir(), 'wtsk-new-explainer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runIn(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(args, { dir, today: '2026-11-27', out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run new:explainer', () => {
  test('writes a scaffold that passes the frontmatter schema and the component checks', () => {
    const { code, out } = runIn(['push-routing-explained']);
    expect(code).toBe(0);
    expect(out).toContain('/explainers/push-routing-explained/');
    const text = readFileSync(join(dir, 'push-routing-explained.mdx'), 'utf8');
    const frontmatter = parse(text.split('---')[1]!);
    expect(explainerSchema.parse(frontmatter)).toMatchObject({ title: 'Push routing explained', published: '2026-11-27' });
    const scenarios = new Map(readdirSync('content/scenarios').map((f) => [f.replace(/\.yaml$/, ''), { duration: 60 }]));
    expect(scanExplainer(text, { scenarios, sourceIds: readSourceIds() }).problems).toEqual([]);
  });

  test('refuses to overwrite an existing explainer (exit 1) and leaves it as it was', () => {
    writeFileSync(join(dir, 'mine.mdx'), 'my words');
    const { code, err } = runIn(['mine']);
    expect(code).toBe(1);
    expect(err).toContain('exists already; not overwriting it');
    expect(readFileSync(join(dir, 'mine.mdx'), 'utf8')).toBe('my words');
  });

  test.each([
    [[], 'expected one slug, got none'],
    [['a', 'b'], 'expected one slug, got 2 arguments (a b)'],
    [['Push_Routing'], '"Push_Routing" is not a slug'],
    [['../escape'], '"../escape" is not a slug'],
    [['ab'], 'a slug has 3 to 60'],
    [['-leading-hyphen'], 'is not a slug'],
    [['trailing-hyphen-'], 'is not a slug'],
    [['double--hyphen'], 'is not a slug'],
  ])('bad arguments %j exit 2 with a clear message and the usage', (args, message) => {
    const { code, err } = runIn(args);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain('Usage: npm run new:explainer <slug>');
  });

  test('--help prints the usage and exits 0', () => {
    expect(runIn(['--help'])).toMatchObject({ code: 0, out: expect.stringContaining('Usage:') });
  });

  test('slugProblem accepts ordinary slugs', () => {
    expect(slugProblem('the-2016-story')).toBeUndefined();
    expect(slugProblem('2016-story')).toBeUndefined();
    expect(slugProblem('x'.repeat(61))).toContain('61 characters');
  });

  test('as a command, a bad slug exits with status 2', () => {
    const result = spawnSync(process.execPath, ['scripts/new-explainer.ts', 'Not A Slug'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('is not a slug');
  });

  test('the scaffold is the same text for the same slug and date', () => {
    expect(scaffold('abc', '2026-01-01')).toBe(scaffold('abc', '2026-01-01'));
  });
});
