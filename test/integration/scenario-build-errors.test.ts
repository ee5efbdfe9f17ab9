import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';

/*
 * What the build says about a broken scenario file: Astro's content layer (`astro sync`, the step
 * `astro build` runs first) on a scratch copy of the project whose content/scenarios holds one
 * broken file. Each class of error must name the file, the field path and what was expected.
 * scenario-schema.test.ts covers every message on the schema alone; this checks the build's output.
 */
const run = promisify(execFile);
const ROOT = resolve('.');
const GOOD = readFileSync(join(ROOT, 'content/scenarios/unanswered-call.yaml'), 'utf8');
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Runs `astro sync` on a project whose only scenario is `yaml`, saved as content/scenarios/<file>. */
async function sync(file: string, yaml: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'wtsk-scenario-'));
  scratch.push(dir);
  for (const name of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'svelte.config.js', 'src', 'node_modules']) {
    symlinkSync(join(ROOT, name), join(dir, name));
  }
  mkdirSync(join(dir, 'content/scenarios'), { recursive: true });
  symlinkSync(join(ROOT, 'content/sources'), join(dir, 'content/sources'));
  writeFileSync(join(dir, 'content/scenarios', file), yaml);
  try {
    await run(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'sync'], {
      cwd: dir,
      // Its own content store: node_modules/ is a link to the project's, whose store is not this copy's.
      env: { ...process.env, ASTRO_CACHE_DIR: join(dir, '.cache'), NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    return 'no error';
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return `${stdout}\n${stderr}`;
  }
}

const corpus = (file: string) => readFileSync(join(ROOT, 'test/fixtures/bad-scenarios', file), 'utf8');

function mutate(find: string | RegExp, replace: string): string {
  const out = GOOD.replace(find, replace);
  if (out === GOOD) throw new Error(`fixture mutation found nothing to change: ${String(find)}`);
  return out;
}

describe('a broken scenario fails the build with its file, the field path and what was expected', () => {
  test('the unbroken file passes', async () => {
    expect(await sync('unanswered-call.yaml', GOOD)).toBe('no error');
  }, 60_000);

  test.each<[string, string, string, RegExp]>([
    ['missing field', 'no-title.yaml', mutate(/^title: .*\n/m, ''), /title: expected string, got nothing \(the field is missing\)/],
    ['wrong type', 'wrong-type.yaml', mutate(/^duration: 10$/m, 'duration: ten days'), /duration: expected number, got string "ten days"/],
    [
      'unknown person',
      'unknown-person.yaml',
      mutate(
        /(do: legal-request, process: 2703d, target: "\+1 555 010 0152" \}\n)/,
        "$1  - { at: day 9 10:00, do: add-device, person: zed, device: { id: zed-phone, label: Zed's phone, kind: phone, network: nia-home } }\n",
      ),
      /script\.3\.person: .*a person from the cast, not "zed"/,
    ],
    [
      'time going backwards',
      'backwards.yaml',
      mutate('at: day 6 10:00, do: legal-request', 'at: day 1 10:00, do: legal-request'),
      /script\.2\.at: .*time cannot go backwards/,
    ],
    ['unknown source id', 'unknown-source.yaml', mutate(/^ {2}- apple-lpg-2025$/m, '  - apple-lpg-2099'), /sources\.1: .*there is no "apple-lpg-2099"/],
    // From the corpus of bad files (test/fixtures/bad-scenarios/), which the unit tests run through the loader's reader and schema.
    ['misspelt field deep down', 'misspelt-answered.yaml', corpus('misspelt-answered.yaml'), /script\.1\.answerd: .*did you mean "answered"/],
    ['a send to no contact', 'send-to-no-contact.yaml', corpus('send-to-no-contact.yaml'), /script\.2\.to: .*not "Theodore"/],
    ['a merge key', 'merge-key.yaml', corpus('merge-key.yaml'), /merge-key\.yaml:\d+: a YAML merge key \(<<:\) is not supported/],
  ])(
    '%s',
    async (_name, file, yaml, message) => {
      const output = await sync(file, yaml);
      expect(output).toContain(`content/scenarios/${file}`);
      expect(output).toMatch(message);
    },
    60_000,
  );
});
