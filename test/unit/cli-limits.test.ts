import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { exitCodeFor, loadScenario, MAX_STEPS, simulate } from '../../scripts/simulate-lib.ts';
import { MAX_FILE_BYTES } from '../../src/lib/yaml-file.ts';
import { runScenario } from '../../src/model/index.ts';

/*
 * What the CLI does with input it must not take at face value (too big, too long, not a file, not
 * UTF-8) and with output it cannot write: a clear message and exit 2 for the input, never a hang, a
 * stack trace or a silently changed character; a reader that stops early ends the run quietly.
 */
const dir = mkdtempSync(join(tmpdir(), 'wtsk-cli-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refusal(file: string): { code: number; message: string } {
  try {
    loadScenario(file);
  } catch (e) {
    return { code: exitCodeFor(e), message: (e as Error).message };
  }
  throw new Error(`expected ${file} to be refused`);
}

/** A scenario of `n` sends from Ana to Ben over 40 days, as JSON. */
function sends(n: number): string {
  const script = Array.from({ length: n }, (_, i) => {
    const minute = Math.floor((i * 40 * 1440) / n);
    const hh = String(Math.floor((minute % 1440) / 60)).padStart(2, '0');
    const mm = String(minute % 60).padStart(2, '0');
    return { at: `day ${1 + Math.floor(minute / 1440)} ${hh}:${mm}`, do: 'send', device: 'ana-phone', to: 'Ben', text: 'hi' };
  });
  return JSON.stringify({
    id: 'many-sends',
    version: 1,
    title: 'Many sends',
    seed: 1,
    policy: 'apple-2016',
    duration: 41,
    cast: {
      networks: [{ id: 'home', label: 'Home', kind: 'home' }],
      people: [
        {
          id: 'ana',
          name: 'Ana',
          handles: ['+15550100100'],
          contacts: [{ name: 'Ben', handles: ['ben@example.org'] }],
          devices: [{ id: 'ana-phone', label: "Ana's phone", kind: 'phone', network: 'home' }],
        },
        { id: 'ben', name: 'Ben', handles: ['ben@example.org'], devices: [{ id: 'ben-phone', label: "Ben's phone", kind: 'phone', network: 'home' }] },
      ],
    },
    script,
  });
}

/** `n` sends, each followed by Ben's phone going offline and online `toggles` times: cheap steps, queued deliveries. */
function toggling(n: number, toggles: number): { script: Record<string, string>[] } {
  const scenario = JSON.parse(sends(n)) as { script: Record<string, string>[] };
  scenario.script = scenario.script.flatMap((send) => [
    send,
    ...Array.from({ length: toggles }, (_, i) => ({ at: send.at as string, do: i % 2 ? 'go-online' : 'go-offline', device: 'ben-phone' })),
  ]);
  return scenario;
}

describe('input the CLI refuses, with exit 2 and a message naming the file', () => {
  test('a file over 5 MB, before it is read', () => {
    const file = join(dir, 'huge.yaml');
    writeFileSync(file, `title: "${'x'.repeat(MAX_FILE_BYTES)}"\n`);
    expect(refusal(file)).toEqual({ code: 2, message: `${file} is 5 MB, over the 5 MB a content file may be` });
  });

  test('a device such as /dev/zero, without reading it', () => {
    expect(refusal('/dev/zero')).toEqual({ code: 2, message: 'cannot read /dev/zero: not a regular file (a pipe, a device or a socket)' });
  });

  test.skipIf(process.platform === 'win32')('a FIFO, without blocking on it', () => {
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(existsSync(fifo)).toBe(true);
    expect(refusal(fifo)).toMatchObject({ code: 2, message: expect.stringMatching(/pipe\.yaml: not a regular file/) });
  });

  test('bytes that are not UTF-8, naming the first bad byte rather than turning it into U+FFFD', () => {
    const file = join(dir, 'latin1.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from('title: Caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    expect(refusal(file)).toEqual({ code: 2, message: `${file}: not valid UTF-8: byte 10 (0xe9) starts no character` });
    const overlong = join(dir, 'overlong.yaml');
    writeFileSync(overlong, Buffer.from([0x61, 0xc0, 0xaf]));
    expect(refusal(overlong).message).toMatch(/byte 1 \(0xc0\)/);
  });

  test(`a script of more than ${MAX_STEPS} steps (so 100,000 steps are refused, not left running for an hour)`, () => {
    const file = join(dir, 'many.json');
    writeFileSync(file, sends(100_000));
    expect(refusal(file)).toMatchObject({ code: 2, message: expect.stringMatching(/^.*is 7\.\d MB, over the 5 MB/) });
    writeFileSync(file, sends(MAX_STEPS + 1));
    expect(refusal(file)).toEqual({
      code: 2,
      message: `${file}: script: at most ${MAX_STEPS} steps (split it into several scenarios), not ${MAX_STEPS + 1}`,
    });
  });
});

describe('progress on a long run', () => {
  test('reports steps as they run, and the history is the one an uninterrupted run makes', () => {
    const scenario = toggling(40, 30);
    const seen: number[] = [];
    const chunked = runScenario(scenario as never, { onProgress: (done, total) => seen.push(done / total) });
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(chunked.world.journal).toEqual(runScenario(scenario as never).world.journal);
  }, 120_000);

  test('a short run passes progress through without changing what is held', () => {
    const scenario = loadScenario('unanswered-call');
    expect(simulate(scenario, {}, () => undefined).held).toEqual(simulate(scenario, {}).held);
  });
});

describe('output the CLI cannot write', () => {
  const shell = (command: string) => spawnSync('sh', ['-c', command], { encoding: 'utf8', timeout: 60_000 });
  // A journal of some 900 entries, far more than a pipe's 64 KB buffer, so `head` closes it mid-write.
  const file = join(dir, 'long-journal.json');
  writeFileSync(file, JSON.stringify(toggling(30, 30)));
  const cli = `"${process.execPath}" scripts/simulate.ts --scenario ${file} --journal`;

  // The one line a journal run always writes to stderr: its assumptions (stdout stays pure data).
  const assumptionsLine = /^assumptions \(not published, or published by one provider only;[^\n]*\n$/;

  test('a reader that stops early (| head -c 100): exit 0, nothing on stderr but the assumptions line', () => {
    const result = spawnSync('bash', ['-c', `${cli} 2>"${dir}/err" | head -c 100 >/dev/null; echo "status \${PIPESTATUS[0]}"; cat "${dir}/err"`], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    const [status, ...stderr] = result.stdout.split(/(?<=\n)/);
    expect(status).toBe('status 0\n');
    expect(stderr.join('')).toMatch(assumptionsLine);
  }, 60_000);

  test.skipIf(!existsSync('/dev/full'))(
    'a full disk (/dev/full): one line on stderr, exit 1',
    () => {
      const result = shell(`${cli} >/dev/full`);
      expect(result.status).toBe(1);
      const [assumptions, ...rest] = result.stderr.split(/(?<=\n)/);
      expect(assumptions).toMatch(assumptionsLine);
      expect(rest.join('')).toBe('simulate: cannot write the output: ENOSPC\n');
    },
    60_000,
  );
});
