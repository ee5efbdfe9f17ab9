import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HOUR, PRESET_IDS, ScenarioError } from '../../src/model/index.ts';
import {
  CliFailure,
  JOURNAL_HEADER,
  describeAction,
  exitCodeFor,
  isCliError,
  loadScenario,
  parseArgs,
  render,
  simulate,
  type CliError,
  type CliOptions,
} from '../../scripts/simulate-lib.ts';
import { csv } from '../../src/lib/csv.ts';
import { HELD_HEADER } from '../../src/lib/held-rows.ts';

const SCENARIO = 'content/scenarios/a-number-typed.yaml';

function options(argv: string[]): CliOptions {
  const parsed = parseArgs(argv);
  if (isCliError(parsed)) throw new Error(`expected options, got: ${parsed.error}`);
  return parsed;
}

function errorOf(argv: string[]): CliError {
  const parsed = parseArgs(argv);
  if (!isCliError(parsed)) throw new Error(`expected an error for ${argv.join(' ')}`);
  return parsed;
}

/** What `render` threw, so a test can check the message and exit code together. */
function thrownBy(run: () => unknown): Error {
  try {
    run();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

/** A minimal RFC 4180 reader, to prove the CSV round-trips: quoted fields, doubled quotes, CRLF. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

interface HeldJson {
  scenario: string;
  version: number;
  seed: number;
  policy: string;
  at: string;
  held: { seq: number; category: string; recorded: string; expires: string; fields: Record<string, string | number> }[];
}

const held = (argv: string[]) => JSON.parse(render(options(['--scenario', 'a-number-typed', ...argv]))) as HeldJson;
const categories = (out: HeldJson) => out.held.map((r) => r.category);

describe('parseArgs: bad arguments give a message and exit code 2', () => {
  test.each<[string, string[], RegExp]>([
    ['no arguments', [], /missing --scenario[\s\S]*Usage: npm run simulate/],
    ['no --scenario', ['--seed', '1'], /missing --scenario/],
    ['--scenario without a value', ['--scenario'], /--scenario needs a value/],
    ['an empty --scenario', ['--scenario', ''], /--scenario needs a value/],
    ['a flag where a value should be', ['--seed', '--scenario', 'x'], /--seed needs a value/],
    ['an unknown flag', ['--scenario', 'x', '--speed', '2'], /unknown option --speed/],
    ['an unknown short flag', ['-s', 'x'], /unknown option -s/],
    ['a stray argument', ['--scenario', 'x', 'extra'], /unexpected argument "extra"/],
    ['a flag given twice', ['--scenario', 'x', '--scenario', 'y'], /--scenario is given twice/],
    [
      'a cache length out of range',
      ['--scenario', 'x', '--lookup-cache-hours', '721'],
      /--lookup-cache-hours must be a whole number of hours from 0 to 720, not "721"/,
    ],
    ['a fractional queue hold', ['--scenario', 'x', '--queue-hold-days', '2.5'], /--queue-hold-days must be a whole number of days from 1 to 30, not "2.5"/],
    ['a switch that is not on or off', ['--scenario', 'x', '--stale-on-device-change', 'yes'], /--stale-on-device-change must be on or off, not "yes"/],
    ['a value on --journal', ['--scenario', 'x', '--journal=yes'], /--journal takes no value/],
    ['a negative seed', ['--scenario', 'x', '--seed', '-1'], /--seed must be a whole number from 0/],
    ['a fractional seed', ['--scenario', 'x', '--seed', '1.5'], /--seed must be a whole number/],
    ['a word for a seed', ['--scenario', 'x', '--seed', 'abc'], /--seed must be a whole number.*"abc"/],
    ['a seed too large', ['--scenario', 'x', '--seed', '2147483648'], /to 2147483647/],
    ['a negative --until', ['--scenario', 'x', '--until', '-1'], /--until must be a number of days, 0 or more/],
    ['a word for --until', ['--scenario', 'x', '--until', 'soon'], /--until must be a number of days.*"soon"/],
    ['an exponent in --until', ['--scenario', 'x', '--until', '1e3'], /--until must be a number of days/],
    ['Infinity for --until', ['--scenario', 'x', '--until', 'Infinity'], /--until must be a number of days/],
    ['an unknown format', ['--scenario', 'x', '--format', 'xlsx'], /--format must be json or csv, not "xlsx"/],
    ['an unknown policy', ['--scenario', 'x', '--policy', 'apple-1999'], new RegExp(`unknown policy "apple-1999": use one of ${PRESET_IDS.join(', ')}`)],
  ])('%s', (_name, argv, message) => {
    const error = errorOf(argv);
    expect(error.code).toBe(2);
    expect(error.error).toMatch(message);
  });
});

describe('parseArgs: good arguments', () => {
  test.each<[string[], Partial<CliOptions>]>([
    [['--scenario', 'a-number-typed'], { scenario: 'a-number-typed', format: 'json', journal: false, help: false }],
    [['--scenario=content/x.yaml', '--seed=0'], { scenario: 'content/x.yaml', seed: 0 }],
    [['--scenario', 'x', '--until', '0'], { until: 0 }],
    [['--scenario', 'x', '--until', '2.5'], { until: 2.5 }],
    [['--scenario', 'x', '--until', '.5'], { until: 0.5 }],
    [['--scenario', 'x', '--policy', 'signal-like', '--format', 'csv', '--journal'], { policy: 'signal-like', format: 'csv', journal: true }],
    [['--help'], { help: true }],
    [['-h'], { help: true }],
  ])('%j', (argv, expected) => {
    expect(options(argv)).toMatchObject(expected);
  });
});

describe('loadScenario', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'simulate-cli-'));
    const data = parseYaml(readFileSync(SCENARIO, 'utf8')) as { script: { device?: string }[] };
    writeFileSync(join(dir, 'copy.json'), JSON.stringify(data));
    data.script[0]!.device = 'nobodys-phone';
    writeFileSync(join(dir, 'bad-device.yaml'), JSON.stringify(data));
    writeFileSync(join(dir, 'not-yaml.yaml'), 'id: [\n');
    writeFileSync(join(dir, 'not-json.json'), '{ "id": ');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('an id names content/scenarios/<id>.yaml; a path is read as given; JSON works too', () => {
    const byId = loadScenario('a-number-typed');
    expect(byId.id).toBe('a-number-typed');
    expect(loadScenario(SCENARIO)).toEqual(byId);
    expect(loadScenario(join(dir, 'copy.json'))).toEqual(byId);
  });

  test.each<[string, () => string, RegExp, typeof CliFailure | typeof ScenarioError]>([
    ['an unknown id lists the ids', () => 'no-such-scenario', /no scenario "no-such-scenario".*a-number-typed, .*offline-two-weeks/, CliFailure],
    ['a missing file', () => join(dir, 'missing.yaml'), /cannot read .*missing\.yaml: no such file/, CliFailure],
    ['a folder', () => dir, /that is a folder/, CliFailure],
    ['broken YAML', () => join(dir, 'not-yaml.yaml'), /not-yaml\.yaml: not valid YAML/, CliFailure],
    ['broken JSON', () => join(dir, 'not-json.json'), /not-json\.json: not valid JSON/, CliFailure],
    [
      'an invalid scenario names the file and the field path',
      () => join(dir, 'bad-device.yaml'),
      /bad-device\.yaml: script\[0\]\.device: a device from the cast/,
      ScenarioError,
    ],
  ])('%s: exit 2', (_name, file, message, type) => {
    const error = thrownBy(() => render(options(['--scenario', file()])));
    expect(error).toBeInstanceOf(type);
    expect(error.message).toMatch(message);
    expect(exitCodeFor(error)).toBe(2);
  });

  test('an unexpected error is a bug: exit 1', () => {
    expect(exitCodeFor(new TypeError('x is undefined'))).toBe(1);
  });
});

describe('--until', () => {
  test('beyond the scenario duration: exit 2, naming the duration', () => {
    const error = thrownBy(() => render(options(['--scenario', 'a-number-typed', '--until', '35.5'])));
    expect(error).toBeInstanceOf(CliFailure);
    expect(exitCodeFor(error)).toBe(2);
    expect(error.message).toMatch(/--until 35.5 is beyond the scenario's duration: a-number-typed runs 35 days/);
  });

  test('0 and the duration itself are allowed', () => {
    expect(held(['--until', '0']).at).toBe('Day 1, 00:00');
    expect(held(['--until', '35']).at).toBe('Day 36, 00:00');
    expect(held(['--until', '2.5']).at).toBe('Day 3, 12:00');
  });

  test('day 5 holds the lookup record; at the end (day 35) under apple-2016 it is gone', () => {
    const day5 = held(['--until', '5']);
    const end = held([]);
    expect(day5.policy).toBe('apple-2016');
    const lookup = day5.held.find((r) => r.category === 'Lookup record');
    expect(lookup).toEqual({
      seq: expect.any(Number),
      category: 'Lookup record',
      recorded: 'Day 1, 09:00',
      expires: 'Day 31, 09:00',
      fields: { requesterHandle: '+15550100142', requesterIp: '203.0.113.24', lookedUpHandle: '+15550100177', deviceCount: 2 },
    });
    expect(categories(end)).not.toContain('Lookup record');
    expect(end.held.length).toBeLessThan(day5.held.length);
    expect(render(options(['--scenario', 'a-number-typed', '--until', '5']))).not.toBe(render(options(['--scenario', 'a-number-typed'])));
  });

  test('--until 35 is the same as no --until', () => {
    expect(render(options(['--scenario', 'a-number-typed', '--until', '35']))).toBe(render(options(['--scenario', 'a-number-typed'])));
  });
});

describe('--policy', () => {
  test('apple-2020s keeps lookups 25 days, not 30: gone on day 28, where apple-2016 still holds it', () => {
    const apple2016 = held(['--until', '28']);
    const apple2020s = held(['--until', '28', '--policy', 'apple-2020s']);
    expect(apple2020s.policy).toBe('apple-2020s');
    expect(categories(apple2016)).toContain('Lookup record');
    expect(categories(apple2020s)).not.toContain('Lookup record');
  });

  test('records show only the fields the policy keeps, and "never" for records kept for ever', () => {
    const signal = held(['--until', '5', '--policy', 'signal-like']);
    expect(new Set(categories(signal))).toEqual(new Set(['Account', 'Connection']));
    const connection = signal.held.find((r) => r.category === 'Connection');
    // Signal-like keeps the last connection date only: the day, no time, no IP.
    expect(connection).toMatchObject({ recorded: 'Day 1', expires: 'never', fields: { handle: '+15550100142' } });
    expect(Object.keys(connection!.fields)).toEqual(['handle']);
    expect(signal.held.find((r) => r.category === 'Account')?.fields).toEqual({ handle: '+15550100142', registeredAt: 'Day 1, 00:00' });
  });
});

describe('determinism', () => {
  test.each([[[]], [['--format', 'csv']], [['--journal']], [['--journal', '--format', 'csv']], [['--seed', '99', '--until', '3.25']]])(
    'the same seed gives identical output twice: %j',
    (argv) => {
      const a = render(options(['--scenario', 'offline-two-weeks', ...argv]));
      const b = render(options(['--scenario', 'offline-two-weeks', ...argv]));
      expect(a).toBe(b);
    },
  );

  test('--seed replaces the scenario seed (push tokens are drawn from it)', () => {
    const own = held([]);
    const other = held(['--seed', '1']);
    expect(own.seed).toBe(2016);
    expect(other.seed).toBe(1);
    expect(own.held.map((r) => r.fields['pushToken'])).not.toEqual(other.held.map((r) => r.fields['pushToken']));
  });
});

describe('JSON output', () => {
  test('held: { scenario, version, seed, policy, at, held } pretty-printed', () => {
    const text = render(options(['--scenario', 'a-number-typed', '--until', '5']));
    expect(text).toMatch(/^\{\n {2}"scenario": "a-number-typed",\n/);
    expect(Object.keys(JSON.parse(text))).toEqual(['scenario', 'version', 'seed', 'policy', 'at', 'assumptions', 'held']);
  });

  test('the header gives each assumption its value, range and reason; flags set them, and change the run', () => {
    type Header = Record<string, { value: number | boolean; range: string; assumption: string }>;
    const header = (argv: string[]) =>
      JSON.parse(render(options(['--scenario', 'new-tablet', '--until', '10', ...argv]))) as { assumptions: Header; held: { category: string }[] };
    const plain = header([]);
    expect(Object.fromEntries(Object.entries(plain.assumptions).map(([k, v]) => [k, v.value]))).toEqual({
      lookupCacheHours: 24,
      queueHoldDays: 30,
      staleOnDeviceChange: true,
    });
    expect(plain.assumptions['lookupCacheHours']).toMatchObject({ range: '0 to 720 hours', assumption: expect.stringMatching(/not published/) });
    const set = header(['--lookup-cache-hours', '0', '--queue-hold-days', '7', '--stale-on-device-change', 'off']);
    expect(Object.values(set.assumptions).map((v) => v.value)).toEqual([0, 7, false]);
    const lookups = (out: typeof plain) => out.held.filter((r) => r.category === 'Lookup record').length;
    expect(lookups(header(['--lookup-cache-hours', '0']))).toBeGreaterThan(lookups(plain));
  });

  test('CSV and the journal keep stdout to data: the assumptions line goes to the header callback', () => {
    const lines: string[] = [];
    render(options(['--scenario', 'a-number-typed', '--format', 'csv', '--lookup-cache-hours', '3']), { header: (line) => lines.push(line) });
    expect(lines).toEqual([expect.stringMatching(/^assumptions .*device lookup cache: 3 hours; push-queue hold for offline devices: 30 days; .*: on\n$/)]);
  });

  test('--journal: every journal entry, with its time spelled out', () => {
    const scenario = loadScenario('offline-two-weeks');
    const journal = JSON.parse(render(options(['--scenario', 'offline-two-weeks', '--journal']))) as { t: number; time: string; action: { type: string } }[];
    expect(journal).toHaveLength(simulate(scenario, {}).journal.length);
    expect(journal[0]).toMatchObject({ t: 8 * HOUR, time: 'Day 1, 08:00', action: { type: 'device.offline' }, outcome: 'ok' });
  });
});

describe('CSV', () => {
  test('rows end with CRLF and round-trip through an RFC 4180 reader', () => {
    const rows = [
      ['a', 'b,c'],
      ['"q"', 'x\r\ny'],
    ];
    expect(csv(rows)).toBe('a,"b,c"\r\n"""q""","x\r\ny"\r\n');
    expect(readCsv(csv(rows))).toEqual(rows);
  });

  test('held: header seq,category,recorded,expires then every field name; every row as wide as the header', () => {
    const rows = readCsv(render(options(['--scenario', 'a-number-typed', '--until', '5', '--format', 'csv'])));
    expect(rows[0]).toEqual([...HELD_HEADER]);
    expect(rows[0]!.slice(0, 4)).toEqual(['seq', 'category', 'recorded', 'expires']);
    for (const name of [
      'handle',
      'registeredAt',
      'pushToken',
      'requesterHandle',
      'lookedUpHandle',
      'deviceCount',
      'senderHandle',
      'size',
      'calleeHandle',
      'kind',
    ]) {
      expect(rows[0]).toContain(name);
    }
    expect(new Set(rows[0]).size).toBe(rows[0]!.length);
    for (const row of rows) expect(row).toHaveLength(HELD_HEADER.length);
    const lookup = rows.find((r) => r[1] === 'Lookup record')!;
    const cell = (name: string) => lookup[HELD_HEADER.indexOf(name as (typeof HELD_HEADER)[number])];
    expect(cell('recorded')).toBe('Day 1, 09:00');
    expect(cell('requesterHandle')).toBe('+15550100142');
    expect(cell('deviceCount')).toBe('2');
    expect(cell('pushToken')).toBe('');
  });

  test('--journal: header t,day_time,action,outcome,reason,records,notes', () => {
    const rows = readCsv(render(options(['--scenario', 'offline-two-weeks', '--journal', '--format', 'csv'])));
    expect(rows[0]).toEqual([...JOURNAL_HEADER]);
    expect(rows[0]!.join(',')).toBe('t,day_time,action,outcome,reason,records,notes');
    const journal = simulate(loadScenario('offline-two-weeks'), {}).journal;
    expect(rows).toHaveLength(journal.length + 1);
    const sent = journal[1]!;
    expect(rows[2]).toEqual([
      '32400000',
      'Day 1, 09:00',
      'message.sent device=ana-phone to=Ben text="Are we still on for Saturday?"',
      'ok',
      '',
      sent.records.join(' '),
      sent.notes.join('; '),
    ]);
    expect(sent.records.length).toBeGreaterThan(0);
  });

  test('describeAction: type, then key=value', () => {
    expect(describeAction({ type: 'device.offline', device: 'ben-tablet' })).toBe('device.offline device=ben-tablet');
    expect(describeAction({ type: 'time.advance', to: 36 * HOUR })).toBe('time.advance to="Day 2, 12:00"');
    expect(describeAction({ type: 'legal.request', process: '2703d', target: '+15550100177' })).toBe('legal.request process=2703d target=+15550100177');
  });
});

describe('the real script', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/simulate.ts', ...args], { encoding: 'utf8', timeout: 30_000 });

  test('a bad flag: exit 2, the message on stderr, nothing on stdout', () => {
    const result = run('--scenario', 'a-number-typed', '--frobnicate');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^simulate: unknown option --frobnicate/);
    expect(result.stdout).toBe('');
  });

  // A process of its own, started under a loaded machine: more than the default 5 s.
  test('the journal: the assumptions line on stderr, the JSON alone on stdout', { timeout: 30_000 }, () => {
    const result = run('--scenario', 'a-number-typed', '--journal', '--queue-hold-days', '5');
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^assumptions .*push-queue hold for offline devices: 5 days/);
    expect(Array.isArray(JSON.parse(result.stdout))).toBe(true);
  });

  test('a good run: exit 0 and parseable JSON', () => {
    const result = run('--scenario', 'a-number-typed', '--until', '5', '--policy', 'apple-2020s');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout) as HeldJson;
    expect(out).toMatchObject({ scenario: 'a-number-typed', version: 2, seed: 2016, policy: 'apple-2020s', at: 'Day 6, 00:00' });
    expect(categories(out)).toContain('Lookup record');
  });
});
