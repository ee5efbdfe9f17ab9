// The pure half of `npm run simulate`: argument parsing, scenario loading, the simulation run and
// the JSON / CSV text. scripts/simulate.ts only reads argv, prints, and sets the exit code.
// Everything model-side comes from the model's public surface, src/model/index.ts.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs as parseNodeArgs } from 'node:util';
import {
  DEFAULT_ENGINE,
  metadataOnlyCrypto,
  MAX_STEPS,
  tooManySteps,
  CATEGORIES,
  CATEGORY_LABELS,
  DAY,
  ModelError,
  PRESET_IDS,
  ScenarioError,
  formatSimTime,
  heldAtWith,
  isId,
  presetById,
  preservedUntil,
  toHeldRecord,
  runScenario,
  scenarioPolicy,
  assumptionConfig,
  configAssumptions,
  type Action,
  type Assumptions,
  type JournalEntry,
  type Policy,
  type ScenarioCore,
  type SimTime,
} from '../src/model/index.ts';
import { realCrypto } from '../src/model/real-crypto.ts';
import { validateScenario } from '../src/lib/content-schemas.ts';
import { csv } from '../src/lib/csv.ts';
import { ContentFileError, readContentFile } from '../src/lib/yaml-file.ts';
import { heldCsv, heldRow, type HeldRow } from '../src/lib/held-rows.ts';
import { ASSUMPTION_FLAGS, assumptionsHeader, assumptionsLine, assumptionUsage, parseAssumptionFlags } from './simulate-assumptions.ts';

/** Exit code for anything the user can fix: bad arguments, a missing or invalid scenario file. */
export const USAGE_ERROR = 2;

/** The script-step cap the build's schema applies too (src/model/scenario.ts); re-exported for the tests. */
export { MAX_STEPS };

/** The largest seed a scenario file may carry (its schema's limit); the CLI takes the same range. */
const MAX_SEED = 2 ** 31 - 1;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SCENARIO_DIR = join(ROOT, 'content', 'scenarios');

export const USAGE = `Usage: npm run simulate -- --scenario <file|id> [--seed N] [--policy id] [--until <days>] [--format json|csv] [--journal] [--fast]
                            [--lookup-cache-hours N] [--queue-hold-days N] [--stale-on-device-change on|off]

Runs a scenario and prints every record the provider holds at the end (or at --until);
with --journal, prints every journal entry instead.

  --scenario <file|id>  a scenario id from content/scenarios/ (${scenarioIds().join(', ') || 'none yet'}),
                        or the path of a YAML or JSON scenario file
  --seed N              an integer from 0 to ${MAX_SEED}; default: the scenario's own seed
  --policy id           retention policy: ${PRESET_IDS.join(', ')};
                        default: the scenario's own policy
  --until <days>        stop this many days after the start (decimals allowed: 2.5 is day 3 at noon),
                        from 0 up to the scenario's duration; default: the whole scenario
  --format json|csv     default json; csv is for spreadsheets
  --journal             print the journal (what happened, when) instead of what is held
  --fast                seal nothing for real (metadata-only: sizes and routing, no encryption): the same
                        records at the same times, faster, though IPs and push tokens differ (real sealing
                        draws from the seeded generator too); the output says "sealing": "metadata-only"
${assumptionUsage()}  --help                print this message
`;

export type Format = 'json' | 'csv';

export interface CliOptions {
  /** A scenario id or a file path, as typed. */
  scenario: string;
  seed?: number;
  /** A preset id, already checked against PRESET_IDS. */
  policy?: string;
  /** Days after the start; checked against the scenario's duration when it is loaded. */
  until?: number;
  format: Format;
  journal: boolean;
  /** Metadata-only sealing (no real encryption): the same records, faster. */
  fast?: boolean;
  help: boolean;
  /** Assumptions set by flags; they win over the scenario's. */
  assumptions?: Partial<Assumptions>;
}

export interface CliError {
  error: string;
  code: typeof USAGE_ERROR;
}

/** A problem the user can fix (exit 2), found after the arguments parsed: a file, an id, a duration. */
export class CliFailure extends Error {
  readonly code = USAGE_ERROR;
  constructor(message: string) {
    super(message);
    this.name = 'CliFailure';
  }
}

export function isCliError(value: CliOptions | CliError): value is CliError {
  return 'error' in value;
}

/* ------------------------------------------------------------------ arguments */

const FLAGS = {
  scenario: { type: 'string' },
  seed: { type: 'string' },
  policy: { type: 'string' },
  until: { type: 'string' },
  format: { type: 'string' },
  journal: { type: 'boolean' },
  fast: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  ...ASSUMPTION_FLAGS,
} as const;

type FlagName = keyof typeof FLAGS;
const isFlag = (name: string): name is FlagName => Object.hasOwn(FLAGS, name);

const fail = (error: string): CliError => ({ error, code: USAGE_ERROR });
const SEE_HELP = ' (npm run simulate -- --help for usage)';

/**
 * Parses the arguments after `npm run simulate --`. Returns the options, or an error message with
 * exit code 2 for the first problem found: an unknown flag, a missing or malformed value, a flag
 * given twice, a stray positional argument, or a missing --scenario (that one carries the usage).
 */
export function parseArgs(argv: readonly string[]): CliOptions | CliError {
  // Non-strict, with tokens, so every problem gets this CLI's wording rather than node's.
  const { tokens } = parseNodeArgs({ args: [...argv], options: FLAGS, strict: false, allowPositionals: true, tokens: true });
  const values: Partial<Record<FlagName, string | true>> = {};
  for (const token of tokens) {
    if (token.kind === 'positional') return fail(`unexpected argument "${token.value}": every value follows its flag${SEE_HELP}`);
    if (token.kind === 'option-terminator') continue;
    if (!isFlag(token.name)) return fail(`unknown option ${token.rawName}${SEE_HELP}`);
    const name = token.name;
    if (values[name] !== undefined) return fail(`--${name} is given twice`);
    if (FLAGS[name].type === 'boolean') {
      if (token.value !== undefined) return fail(`--${name} takes no value, but got "${token.value}"`);
      values[name] = true;
      continue;
    }
    // Non-strict parsing takes the next word as the value even when it is the next flag.
    const value = token.value;
    if (value === undefined || value.trim() === '' || (!token.inlineValue && value.startsWith('--'))) {
      return fail(`--${name} needs a value${SEE_HELP}`);
    }
    values[name] = value;
  }
  const text = (name: FlagName) => values[name] as string | undefined;

  const help = values.help === true;
  const scenario = text('scenario');
  if (scenario === undefined && !help) return fail(`missing --scenario: which scenario to run\n\n${USAGE.trimEnd()}`);

  const options: CliOptions = {
    scenario: scenario ?? '',
    format: 'json',
    journal: values.journal === true,
    ...(values.fast === true ? { fast: true } : {}),
    help,
  };

  const seed = text('seed');
  if (seed !== undefined) {
    const n = Number(seed);
    if (!/^\d+$/.test(seed) || n > MAX_SEED) return fail(`--seed must be a whole number from 0 to ${MAX_SEED}, not "${seed}"`);
    options.seed = n;
  }

  const policy = text('policy');
  if (policy !== undefined) {
    if (!presetById(policy)) return fail(`unknown policy "${policy}": use one of ${PRESET_IDS.join(', ')}`);
    options.policy = policy;
  }

  const until = text('until');
  if (until !== undefined) {
    if (!/^(\d+(\.\d*)?|\.\d+)$/.test(until)) {
      return fail(`--until must be a number of days, 0 or more (decimals allowed, as in --until 2.5), not "${until}"`);
    }
    options.until = Number(until);
  }

  const format = text('format');
  if (format !== undefined) {
    if (format !== 'json' && format !== 'csv') return fail(`--format must be json or csv, not "${format}"`);
    options.format = format;
  }

  const assumptions = parseAssumptionFlags(text);
  if ('error' in assumptions) return fail(assumptions.error as string);
  if (Object.keys(assumptions).length > 0) options.assumptions = assumptions;
  return options;
}

/* ------------------------------------------------------------------ scenarios */

/** Ids of the scenarios in content/scenarios/. */
export function scenarioIds(): string[] {
  if (!existsSync(SCENARIO_DIR)) return [];
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/**
 * Reads and validates a scenario. A bare id (lower-case letters, digits, single hyphens: no dot, no slash)
 * names content/scenarios/<id>.yaml; anything else is a path, read as given (relative to the
 * working directory). `.json` files are parsed as JSON, everything else as YAML.
 * Throws CliFailure for a missing or unparseable file, ScenarioError for an invalid scenario.
 */
export function loadScenario(fileOrId: string): ScenarioCore {
  let path = fileOrId;
  let shown = fileOrId;
  if (isId(fileOrId)) {
    path = join(SCENARIO_DIR, `${fileOrId}.yaml`);
    shown = relative(process.cwd(), path) || path;
    if (!existsSync(path)) {
      throw new CliFailure(`no scenario "${fileOrId}": ${shown} does not exist. Scenario ids: ${scenarioIds().join(', ') || 'none'}; or pass a file path`);
    }
  }
  let data: unknown;
  try {
    data = readContentFile(path, shown);
  } catch (e) {
    throw e instanceof ContentFileError ? new CliFailure(e.message) : e;
  }
  const steps = (data as { script?: unknown } | null)?.script;
  if (Array.isArray(steps) && steps.length > MAX_STEPS) {
    throw new CliFailure(`${shown}: script: ${tooManySteps(steps.length)}`);
  }
  return validateScenario(data, shown);
}

/* ------------------------------------------------------------------ running */

/** Told how many script steps have run, of how many, while a long scenario runs. */
export type Progress = (done: number, total: number) => void;

export interface Run {
  scenario: ScenarioCore;
  seed: number;
  policy: Policy;
  /** The moment the run stopped at, in ms. */
  at: SimTime;
  journal: JournalEntry[];
  held: HeldRow[];
  /** The modelled unknowns the run played under: the scenario's, then the flags'. */
  assumptions: Assumptions;
  /** How messages were sealed: real encryption, or metadata only (--fast). */
  sealing: 'real' | 'metadata-only';
}

/** Runs `scenario` as the options ask. Throws CliFailure when --until is past the scenario's end. */
export function simulate(scenario: ScenarioCore, options: Pick<CliOptions, 'seed' | 'policy' | 'until' | 'assumptions' | 'fast'>, onProgress?: Progress): Run {
  if (options.until !== undefined && options.until > scenario.duration) {
    throw new CliFailure(
      `--until ${options.until} is beyond the scenario's duration: ${scenario.id} runs ${scenario.duration} days, so --until can be 0 to ${scenario.duration}`,
    );
  }
  const policy = options.policy === undefined ? scenarioPolicy(scenario) : (presetById(options.policy) as Policy);
  const seed = options.seed ?? scenario.seed;
  const at = options.until === undefined ? scenario.duration * DAY : Math.round(options.until * DAY);
  const config = assumptionConfig(options.assumptions ?? {});
  // --fast swaps in the model's metadata-only engine: envelopes keep their sizes and routing, with no real sealing.
  const engine = { ...DEFAULT_ENGINE, crypto: options.fast ? metadataOnlyCrypto : realCrypto, policies: [policy] };
  const session = runScenario(scenario, { seed, until: at, engine, config, ...(onProgress ? { onProgress } : {}) });
  // What a preservation request keeps is held too, and its row says until when (see heldRow).
  const { ledger, preservations } = session.world;
  const records = heldAtWith(ledger, policy, at, preservations);
  const preserved = preservedUntil(ledger, policy, preservations, at);
  const held = CATEGORIES.flatMap((category) => records[category].map((o) => heldRow(toHeldRecord(o, policy, preserved.get(o.seq)), policy)));
  // Oldest first, as a history reads: seq increases with time.
  held.sort((a, b) => a.seq - b.seq);
  return {
    scenario,
    seed,
    policy,
    at,
    journal: session.world.journal,
    held,
    assumptions: configAssumptions(session.world.config),
    sealing: options.fast ? 'metadata-only' : 'real',
  };
}

/** Where render's side output goes: the CLI sends both to stderr, keeping stdout machine-readable. */
export interface RenderSide {
  /** The assumptions line, for CSV and the journal, which have no header of their own (the held JSON carries it). */
  header?: (line: string) => void;
  /** Steps run so far, for a progress line on a terminal. */
  onProgress?: Progress;
}

/** The whole command: loads the scenario, runs it, and returns the text to print. */
export function render(options: CliOptions, side: RenderSide = {}): string {
  const run = simulate(loadScenario(options.scenario), options, side.onProgress);
  if (options.journal || options.format === 'csv') side.header?.(assumptionsLine(run.assumptions));
  if (options.fast) side.header?.('sealing metadata-only (--fast): no message was encrypted for real');
  if (options.journal) return options.format === 'csv' ? journalCsv(run.journal) : journalJson(run.journal);
  return options.format === 'csv' ? heldCsv(run.held) : heldJson(run);
}

/** The exit code for an error thrown by `render`: 2 for what the user can fix, 1 for a bug. */
export function exitCodeFor(error: unknown): number {
  return error instanceof CliFailure || error instanceof ScenarioError || error instanceof ModelError ? USAGE_ERROR : 1;
}

/* ------------------------------------------------------------------ output */

export function heldJson(run: Run): string {
  const held = run.held.map((row) => ({ ...row, category: CATEGORY_LABELS[row.category] }));
  const out = {
    scenario: run.scenario.id,
    version: run.scenario.version,
    seed: run.seed,
    policy: run.policy.id,
    at: formatSimTime(run.at),
    ...(run.sealing === 'metadata-only' ? { sealing: 'metadata-only (--fast): no message was encrypted for real' } : {}),
    assumptions: assumptionsHeader(run.assumptions),
    held,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export function journalJson(journal: readonly JournalEntry[]): string {
  const entries = journal.map(({ t, ...rest }) => ({ t, time: formatSimTime(t), ...rest }));
  return `${JSON.stringify(entries, null, 2)}\n`;
}

export const JOURNAL_HEADER = ['t', 'day_time', 'action', 'outcome', 'reason', 'records', 'notes'] as const;

export function journalCsv(journal: readonly JournalEntry[]): string {
  const rows = journal.map((e) => [e.t, formatSimTime(e.t), describeAction(e.action), e.outcome, e.reason ?? '', e.records.join(' '), e.notes.join('; ')]);
  return csv([[...JOURNAL_HEADER], ...rows]);
}

/** An action on one line: its type, then key=value, quoting values that are not one plain word. */
export function describeAction(action: JournalEntry['action']): string {
  const parts: string[] = [action.type];
  for (const [key, value] of Object.entries(action as Action)) {
    if (key === 'type') continue;
    const text =
      key === 'to' && typeof value === 'number'
        ? formatSimTime(value)
        : Array.isArray(value)
          ? value.join(', ')
          : typeof value === 'object' && value !== null
            ? JSON.stringify(value)
            : String(value);
    parts.push(`${key}=${/^[\w.@+:-]+$/.test(text) ? text : JSON.stringify(text)}`);
  }
  return parts.join(' ');
}
