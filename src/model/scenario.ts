import { z } from 'zod';
import { assumptionError, LOOKUP_CACHE, QUEUE_HOLD, rangeWords, STALE_ON_CHANGE, type NumberAssumption } from './assumptions.ts';
import { nameIsSafe, parseHandle } from './handles.ts';
import { ID_PATTERN, ID_RULE } from './id.ts';
import { LEGAL_PROCESSES, PRESET_IDS } from './policy.ts';
import { PRESERVATION_MS } from './preservation.ts';
import { CATEGORIES } from './records.ts';
import { referenceIssues } from './scenario-refs.ts';
import { got, issuePath, scenarioWording } from './scenario-wording.ts';
import { DAY, parseDayTime, type SimTime } from './time.ts';

/*
 * The assumptions' schema lives here, with zod, not in assumptions.ts: the simulation reads that
 * module in the browser, and a schema built at import time would put zod in every page's first load.
 * z.custom, not z.number().int().min().max(): every failure, a string or a fraction alike, gets
 * the one message that names the range (the scenario reader words a type error on its own).
 */
const wholeIn = (spec: NumberAssumption<'lookupCacheHours' | 'queueHoldDays'>) =>
  z.custom<number>((v) => assumptionError(spec, v) === undefined, { error: rangeWords(spec) });

/** The scenario field `assumptions`: any of them, each checked against its range. */
export const assumptionsSchema = z.strictObject({
  lookupCacheHours: wholeIn(LOOKUP_CACHE).optional(),
  queueHoldDays: wholeIn(QUEUE_HOLD).optional(),
  staleOnDeviceChange: z.custom<boolean>((v) => assumptionError(STALE_ON_CHANGE, v) === undefined, { error: 'true or false' }).optional(),
});

/**
 * The scenario file format, shared by the model, the CLI and the content collection.
 * zod checks shapes; `semanticIssues` checks what shapes cannot: that every person, device and
 * network named exists, that time never runs backwards, that handles are real handles.
 */

const id = z.string().regex(ID_PATTERN, `an id of ${ID_RULE}`);
const handle = z.string().refine((h) => parseHandle(h).ok, {
  message: 'a phone number in international form (+1 555 010 0100) or an email address',
});
/** A name people see (a person, a device, a network): short, and no control or direction-changing characters. */
const displayName = z.string().min(1).max(60).refine(nameIsSafe, {
  message: 'a name without control characters, zero-width or text-direction characters (a zero-width joiner only inside an emoji, as in 👩🏽‍💻)',
});
const dayTime = z.string().refine((s) => parseDayTime(s) !== undefined, { message: 'a time like "day 3" or "day 3 14:00"' });

export const networkSchema = z.strictObject({
  id,
  label: displayName,
  kind: z.enum(['home', 'mobile', 'cafe', 'office']),
  ip: z.ipv4().optional(),
});

export const deviceSchema = z.strictObject({
  id,
  label: displayName,
  kind: z.enum(['phone', 'tablet', 'laptop']),
  network: id,
  online: z.boolean().optional(),
});

export const personSchema = z.strictObject({
  id,
  name: displayName,
  handles: z.array(handle).min(1),
  contacts: z.array(z.strictObject({ name: displayName, handles: z.array(handle).min(1) })).optional(),
  devices: z.array(deviceSchema),
});

export const castSchema = z.strictObject({
  networks: z.array(networkSchema).min(1),
  people: z.array(personSchema).min(1),
});

const at = { at: dayTime };
export const scriptStepSchema = z.discriminatedUnion('do', [
  z.strictObject({ ...at, do: z.literal('enter-address'), device: id, address: z.string().min(1) }),
  z.strictObject({
    ...at,
    do: z.literal('send'),
    device: id,
    to: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    text: z.string().min(1).max(2000),
  }),
  z.strictObject({ ...at, do: z.literal('call'), device: id, to: z.string().min(1), answered: z.boolean().optional() }),
  z.strictObject({ ...at, do: z.literal('add-device'), person: id, device: deviceSchema }),
  z.strictObject({ ...at, do: z.literal('remove-device'), device: id }),
  z.strictObject({ ...at, do: z.literal('go-offline'), device: id }),
  z.strictObject({ ...at, do: z.literal('go-online'), device: id }),
  z.strictObject({ ...at, do: z.literal('change-network'), device: id, network: id }),
  z.strictObject({ ...at, do: z.literal('legal-request'), process: z.enum(LEGAL_PROCESSES), target: handle }),
  // 18 U.S.C. §2703(f): keep the target's records for 90 days; renewed once, 90 more.
  z.strictObject({ ...at, do: z.literal('preservation-request'), target: handle }),
  z.strictObject({ ...at, do: z.literal('renew-preservation'), target: handle }),
]);

export const policyChoiceSchema = z.union([
  z.enum(PRESET_IDS as [string, ...string[]]),
  z.strictObject({
    base: z.enum(PRESET_IDS as [string, ...string[]]),
    /** Days per category; null keeps for ever. */
    retentionDays: z
      .unknown()
      // zod's record output drops a `__proto__` key (assigning it sets the prototype), while a YAML or
      // JSON parser makes it an own field: the raw keys are checked first, so it fails like `constructor`.
      .superRefine((days, ctx) => {
        if (typeof days !== 'object' || days === null) return;
        for (const key of Object.keys(days)) {
          if (!(CATEGORIES as readonly string[]).includes(key))
            ctx.addIssue({ code: 'custom', path: [key], message: `expected a record category (${CATEGORIES.join(', ')}), not "${key}"` });
        }
      })
      .pipe(z.partialRecord(z.enum(CATEGORIES), z.number().int().min(0).max(3650).nullable())),
  }),
]);

/**
 * The most script steps a scenario may have, in the build and the CLI alike. The longest scenario has
 * a few dozen; 1,000 sends take about 14 s of CPU on a 2-core machine (each message is sealed and
 * routed for real), and the time grows faster than the count.
 */
export const MAX_STEPS = 1_000;

/** What a script over MAX_STEPS is told, in the build and the CLI. */
export function tooManySteps(count: number): string {
  return `at most ${MAX_STEPS} steps (split it into several scenarios), not ${count}`;
}

export const scenarioCoreSchema = z.strictObject({
  id,
  version: z.number().int().min(1),
  title: z.string().min(1),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  policy: policyChoiceSchema,
  /** How many days the scenario runs. */
  duration: z.number().int().min(1).max(400),
  cast: castSchema,
  script: z.array(scriptStepSchema).superRefine((steps, ctx) => {
    if (steps.length > MAX_STEPS) ctx.addIssue({ code: 'custom', message: tooManySteps(steps.length) });
  }),
  /** The modelled unknowns (assumptions.ts); any left out take their defaults. */
  assumptions: assumptionsSchema.optional(),
});

export type ScenarioCore = z.infer<typeof scenarioCoreSchema>;
export type ScriptStep = z.infer<typeof scriptStepSchema>;

export interface ScenarioIssue {
  path: (string | number)[];
  message: string;
}

/** The checks a schema cannot express. Each issue names the field path and what was expected. */
export function semanticIssues(s: ScenarioCore): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const networks = new Set(s.cast.networks.map((n) => n.id));
  const people = new Set<string>();
  const devices = new Set<string>();
  const handles = new Map<string, string>();
  s.cast.networks.forEach((n, i) => {
    if (s.cast.networks.findIndex((m) => m.id === n.id) !== i)
      issues.push({ path: ['cast', 'networks', i, 'id'], message: `a network id used once, but "${n.id}" repeats` });
  });
  s.cast.people.forEach((p, i) => {
    if (people.has(p.id)) issues.push({ path: ['cast', 'people', i, 'id'], message: `a person id used once, but "${p.id}" repeats` });
    people.add(p.id);
    p.handles.forEach((h, j) => {
      const value = (parseHandle(h) as { ok: true; handle: { value: string } }).handle.value;
      const owner = handles.get(value);
      if (owner) issues.push({ path: ['cast', 'people', i, 'handles', j], message: `a handle owned by one person, but ${value} is also ${owner}'s` });
      handles.set(value, p.id);
    });
    p.devices.forEach((d, j) => {
      if (devices.has(d.id)) issues.push({ path: ['cast', 'people', i, 'devices', j, 'id'], message: `a device id used once, but "${d.id}" repeats` });
      devices.add(d.id);
      if (!networks.has(d.network))
        issues.push({ path: ['cast', 'people', i, 'devices', j, 'network'], message: `a network from cast.networks, not "${d.network}"` });
    });
  });
  let previous = 0;
  const removed = new Set<string>();
  // Preservation requests by target: when served, and whether renewed (the world would reject the rest).
  const preserved = new Map<string, { at: SimTime; renewed: boolean }>();
  s.script.forEach((step, i) => {
    const t = parseDayTime(step.at) as SimTime;
    if (t < previous)
      issues.push({ path: ['script', i, 'at'], message: `a time at or after the step before (${s.script[i - 1]?.at}): time cannot go backwards` });
    previous = Math.max(previous, t);
    if (t > s.duration * DAY) issues.push({ path: ['script', i, 'at'], message: `a time within the scenario's ${s.duration} days` });
    if ('device' in step && typeof step.device === 'string') {
      if (!devices.has(step.device)) issues.push({ path: ['script', i, 'device'], message: `a device from the cast (or added earlier), not "${step.device}"` });
      else if (removed.has(step.device) && step.do !== 'add-device')
        issues.push({ path: ['script', i, 'device'], message: `a device that still exists, but "${step.device}" was removed earlier` });
    }
    if (step.do === 'add-device') {
      if (!people.has(step.person)) issues.push({ path: ['script', i, 'person'], message: `a person from the cast, not "${step.person}"` });
      if (devices.has(step.device.id)) issues.push({ path: ['script', i, 'device', 'id'], message: `a new device id, but "${step.device.id}" exists` });
      if (!networks.has(step.device.network))
        issues.push({ path: ['script', i, 'device', 'network'], message: `a network from cast.networks, not "${step.device.network}"` });
      devices.add(step.device.id);
    }
    if (step.do === 'preservation-request' || step.do === 'renew-preservation') preservationIssue(step.do, step.target, t, i, preserved, issues);
    if (step.do === 'remove-device') removed.add(step.device);
    if (step.do === 'change-network' && !networks.has(step.network))
      issues.push({ path: ['script', i, 'network'], message: `a network from cast.networks, not "${step.network}"` });
  });
  return [...issues, ...referenceIssues(s)];
}

/** A preservation step the world would reject: a second request while one is in force, a renewal without one, or a second renewal. */
function preservationIssue(
  kind: 'preservation-request' | 'renew-preservation',
  target: string,
  t: SimTime,
  i: number,
  preserved: Map<string, { at: SimTime; renewed: boolean }>,
  issues: ScenarioIssue[],
): void {
  const value = (parseHandle(target) as { ok: true; handle: { value: string } }).handle.value;
  const current = preserved.get(value);
  const lapse = current ? current.at + (current.renewed ? 2 : 1) * PRESERVATION_MS : Number.NEGATIVE_INFINITY;
  const inForce = t < lapse;
  if (kind === 'preservation-request') {
    if (inForce) issues.push({ path: ['script', i, 'do'], message: `renew-preservation: a preservation request for ${value} is still in force` });
    else preserved.set(value, { at: t, renewed: false });
  } else if (!current || !inForce) {
    issues.push({
      path: ['script', i, 'target'],
      message: `a target with a preservation request in force (an earlier preservation-request step within 90 days), not "${target}"`,
    });
  } else if (current.renewed) {
    issues.push({
      path: ['script', i, 'do'],
      message: `at most one renew-preservation per request (18 U.S.C. §2703(f)(2)), but ${value}'s was renewed already`,
    });
  } else current.renewed = true;
}

export class ScenarioError extends Error {
  readonly issues: ScenarioIssue[];
  readonly file: string | undefined;
  constructor(issues: ScenarioIssue[], file?: string) {
    super(issues.map((i) => `${file ? `${file}: ` : ''}${formatPath(i.path)}: ${i.message}`).join('\n'));
    this.name = 'ScenarioError';
    this.issues = issues;
    this.file = file;
  }
}

export function formatPath(path: readonly (string | number | symbol)[]): string {
  return (
    path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '') || '(top level)'
  );
}

/** zod issues as they are: the path and the message (parse with `scenarioIssueWording` for the project's words). */
export function zodIssues(error: z.ZodError): ScenarioIssue[] {
  return error.issues.map((i) => ({ path: issuePath(i), message: i.message }));
}

const SCRIPT_ACTIONS = scriptStepSchema.options.map((o) => o.shape.do.value);

/** The error map every scenario parse uses (the model's, the CLI's, the build's): see scenario-wording.ts. */
export const scenarioIssueWording = scenarioWording(
  new Map<unknown, (input: unknown) => string>([
    [
      policyChoiceSchema,
      (input) => `expected a policy preset (${PRESET_IDS.join(', ')}) or { base: <preset>, retentionDays: { <category>: <days> } }, got ${got(input)}`,
    ],
    [
      scriptStepSchema,
      (input) => `expected "do" to be one of the script actions (${SCRIPT_ACTIONS.join(', ')}), got ${got((input as { do?: unknown } | undefined)?.do)}`,
    ],
  ]),
);

/**
 * Validates raw scenario data (from YAML or JSON). Returns the scenario, or throws one
 * ScenarioError listing every problem with its field path. Nothing is half-built.
 */
export function parseScenario(data: unknown, file?: string): ScenarioCore {
  const parsed = scenarioCoreSchema.safeParse(data, { error: scenarioIssueWording });
  if (!parsed.success) throw new ScenarioError(zodIssues(parsed.error), file);
  const issues = semanticIssues(parsed.data);
  if (issues.length > 0) throw new ScenarioError(issues, file);
  return parsed.data;
}
