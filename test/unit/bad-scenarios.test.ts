import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { exitCodeFor, loadScenario, SCENARIO_DIR } from '../../scripts/simulate-lib.ts';
import { correctionEntrySchema, scenarioSchema } from '../../src/lib/content-schemas.ts';
import { coreScenario } from '../../src/lib/scenario-core.ts';
import { ContentFileError, readContentFile } from '../../src/lib/yaml-file.ts';
import { yamlFolder, yamlList } from '../../src/lib/yaml-loader.ts';
import { formatPath } from '../../src/model/index.ts';

/*
 * The corpus of bad scenario files (test/fixtures/bad-scenarios/): each must fail both where the
 * build reads it (the collection's loader reads with readContentFile, then parses with
 * scenarioSchema) and in the CLI, exit 2, naming the file, the field path and what was expected.
 * Each file's first line says what it expects: "# Bad: <what>. Expect <field path>: <words>",
 * with "(file)" for a file the reader refuses before any field is looked at.
 */
const DIR = 'test/fixtures/bad-scenarios';
const corpus = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((file) => {
    const head = readFileSync(join(DIR, file), 'latin1').split('\n')[0] as string;
    const m = /Expect (.+?): (.+)$/.exec(head);
    if (!m) throw new Error(`${file}: no "Expect <path>: <words>" on its first line`);
    return { file: join(DIR, file), path: m[1] as string, words: m[2] as string };
  });

/** What the build says about a file: the reader's refusal, or the collection schema's issues. */
function buildMessages(file: string): string[] {
  let data: unknown;
  try {
    data = readContentFile(file);
  } catch (e) {
    if (e instanceof ContentFileError) return [`(file): ${e.message}`];
    throw e;
  }
  const result = scenarioSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
}

describe('every bad scenario file fails the build and the CLI, naming the file, the field and what was expected', () => {
  test('the corpus has the cases of issue 16', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(15);
  });

  test.each(corpus)('$file', ({ file, path, words }) => {
    const build = buildMessages(file);
    expect(
      build.some((m) => m.startsWith(`${path}: `) && m.includes(words)),
      build.join('\n'),
    ).toBe(true);
    if (path === '(file)') expect(build[0]).toContain(file);

    let thrown: unknown;
    try {
      loadScenario(file);
    } catch (e) {
      thrown = e;
    }
    expect(thrown, 'the CLI accepted it').toBeInstanceOf(Error);
    expect(exitCodeFor(thrown)).toBe(2);
    const message = (thrown as Error).message;
    expect(message).toContain(file);
    expect(message).toContain(words);
    if (path !== '(file)') expect(message).toContain(`${path}: `);
  });

  test('the command itself exits 2 with one line per problem and no stack trace', () => {
    const run = spawnSync(process.execPath, ['scripts/simulate.ts', '--scenario', join(DIR, 'misspelt-answered.yaml')], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^simulate: test\/fixtures\/bad-scenarios\/misspelt-answered\.yaml: script\[1\]\.answerd: .*did you mean "answered"\?/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

describe('the site and the CLI read the same files the same way', () => {
  /** What the content loader stores, run with the context Astro gives it (store and parseData). */
  async function loaded(base: string, parse: (data: unknown) => unknown, loader = yamlFolder): Promise<Map<string, unknown>> {
    const entries = new Map<string, unknown>();
    const store = { clear: () => entries.clear(), set: ({ id, data }: { id: string; data: unknown }) => entries.set(id, data) };
    const context = {
      store,
      parseData: async ({ data }: { data: unknown }) => parse(data),
      generateDigest: () => '',
      config: { root: new URL(`file://${process.cwd()}/`) },
    };
    await loader(base).load(context as never);
    return entries;
  }

  test('every scenario the site builds is, field for field, the scenario the CLI runs', async () => {
    const site = await loaded('content/scenarios', (data) => scenarioSchema.parse(data));
    const ids = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.yaml'));
    expect(site.size).toBe(ids.length);
    for (const [id, data] of site) expect(coreScenario(data as never), id).toEqual(coreScenario(loadScenario(id)));
  });

  test('the corrections log is read by the same reader, one checked entry per id', async () => {
    const site = await loaded('content/corrections.yaml', (data) => correctionEntrySchema.parse(data), yamlList);
    const file = readContentFile('content/corrections.yaml') as { id: string }[];
    expect([...site.keys()]).toEqual(file.map((e) => e.id));
    for (const entry of file) expect(site.get(entry.id)).toEqual(correctionEntrySchema.parse(entry));
    const twice = join(mkdtempSync(join(tmpdir(), 'wtsk-corrections-')), 'corrections.yaml');
    writeFileSync(twice, '- { id: a, date: "2026-12-03", text: x }\n- { id: a, date: "2026-12-03", text: y }\n');
    await expect(loaded(twice, (data) => data, yamlList)).rejects.toThrow(/corrections\.yaml: 1\.id: expected an id not used before, but "a" is/);
  });

  test('a merge key fails the loader as it fails the CLI', async () => {
    const file = join(DIR, 'merge-key.yaml');
    const alone = mkdtempSync(join(tmpdir(), 'wtsk-merge-'));
    copyFileSync(file, join(alone, 'merge-key.yaml'));
    await expect(loaded(alone, (data) => data)).rejects.toThrow(/merge key \(<<:\) is not supported/);
    expect(() => loadScenario(file)).toThrow(/merge-key\.yaml:\d+: a YAML merge key/);
  });
});
