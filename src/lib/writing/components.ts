/**
 * The writers' components: their names, their props (as zod schemas) and the small vocabularies
 * their props use (panels, scrub binds, step actions). One table, read by three places: the build
 * check of an explainer's text (scan.ts), each component's own check of its props at render, and the
 * writers' guide at /writing/. Build-time only: zod never reaches the browser.
 */
import { z } from 'astro/zod';
import { FIGURE_PANELS, PANELS, type FigureWithPanels, type Panel } from '../embed/options.ts';
import { ID_PATTERN, PRESET_IDS, parseDayTime, type Category } from '../../model/index.ts';
import { FIGURE_COMPONENTS as FIGURES } from './figures.ts';

/** What a writer types after `bind=` on <Scrub>, and the record category whose retention it sets. */
export const SCRUB_BINDS = {
  retentionDays: 'lookup',
  callRetentionDays: 'call',
  connectionRetentionDays: 'connection',
  queueDays: 'queue',
} as const satisfies Record<string, Category>;
export type ScrubBind = keyof typeof SCRUB_BINDS;
export const SCRUB_BIND_NAMES = Object.keys(SCRUB_BINDS) as ScrubBind[];

/** Words for each bind, for the slider's accessible name and value text. */
export const SCRUB_BIND_TEXT: Readonly<Record<ScrubBind, string>> = {
  retentionDays: 'Lookup records kept',
  callRetentionDays: 'Call invitations kept',
  connectionRetentionDays: 'Connection records kept',
  queueDays: 'Undelivered messages held',
};

/**
 * What a <Step> may do besides moving to its moment: start or stop time, or switch the policy to a
 * preset. Kept small on purpose: a step drives the figure, the figure does the rest.
 */
export type StepAction = { kind: 'play' } | { kind: 'pause' } | { kind: 'policy'; preset: string };

export function parseStepAction(text: string): StepAction | undefined {
  if (text === 'play' || text === 'pause') return { kind: text };
  const policy = /^policy:(.+)$/.exec(text);
  if (policy && PRESET_IDS.includes(policy[1]!)) return { kind: 'policy', preset: policy[1]! };
  return undefined;
}

export const STEP_ACTION_HELP = `"play", "pause" or "policy:<preset>" with a preset from ${PRESET_IDS.join(', ')}`;

/** The panels a <Simulation> or <Scrolly> shows: the ones its `panels` prop names, or its defaults. */
export function figurePanels(figure: FigureWithPanels, panels: string | undefined): readonly Panel[] {
  return (panels === undefined ? undefined : parsePanels(panels)) ?? FIGURE_PANELS[figure];
}

/** `panels="composer,ledger"` → ['composer', 'ledger'], or undefined if any name is not a panel. */
export function parsePanels(text: string): Panel[] | undefined {
  const names = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (names.length === 0) return undefined;
  if (!names.every((n) => (PANELS as readonly string[]).includes(n))) return undefined;
  return names as Panel[];
}

const id = (what: string) =>
  z.string({ error: `expected ${what} as a quoted string` }).regex(ID_PATTERN, { error: `expected ${what}: lower-case words joined by hyphens` });
const wholeNumber = (what: string) =>
  z.number({ error: `expected ${what} as a number in braces, like {3}` }).int({ error: `expected ${what} as a whole number` });
const words = (what: string) =>
  z
    .string({ error: `expected ${what} as a quoted string` })
    .trim()
    .min(1, { error: `expected ${what}, got an empty text` });

const panelsProp = z
  .string({ error: `expected panels as a quoted, comma-separated list of ${PANELS.join(', ')}` })
  .refine((s) => parsePanels(s) !== undefined, { error: (issue) => `expected panels from ${PANELS.join(', ')}, got "${String(issue.input)}"` });

const dayTime = z
  .string({ error: 'expected at as a quoted time like "day 3 14:00"' })
  .refine((s) => parseDayTime(s) !== undefined, { error: (issue) => `expected at like "day 3 14:00", got "${String(issue.input)}"` });

/** The name of a figure's simulation, shared by every component that gives the same name. */
const figureProp = id('a figure name').optional();
/** Where a figure starts: the day it opens on (at noon) and the policy it runs under. */
const startDay = wholeNumber('the day to open on').min(1, { error: 'expected a day from 1' }).optional();
const startPolicy = z
  .enum(PRESET_IDS as [string, ...string[]], { error: (issue) => `expected policy to be one of ${PRESET_IDS.join(', ')}, got "${String(issue.input)}"` })
  .optional();
const panelProps = z.strictObject({ scenario: id('a scenario id').optional(), figure: figureProp, day: startDay, policy: startPolicy });

/** Every component's props. Strict: a misspelt prop is an error, never silently dropped. */
export const COMPONENT_PROPS = {
  Simulation: z.strictObject({
    scenario: id('a scenario id (a file name in content/scenarios/, without .yaml)'),
    panels: panelsProp.optional(),
    day: startDay,
    policy: startPolicy,
    figure: figureProp,
    controls: z.boolean({ error: 'expected controls={true} or controls={false}' }).optional(),
    caption: words('a caption').optional(),
  }),
  Ledger: panelProps,
  Timeline: panelProps,
  ContactGraph: panelProps,
  LegalRequest: panelProps,
  Scrolly: z.strictObject({
    scenario: id('a scenario id (a file name in content/scenarios/, without .yaml)'),
    panels: panelsProp.optional(),
    figure: figureProp,
    caption: words('a caption').optional(),
  }),
  Step: z
    .strictObject({
      day: wholeNumber('the day this step shows').min(1, { error: 'expected a day from 1' }).optional(),
      at: dayTime.optional(),
      action: z
        .string({ error: `expected action as a quoted string: ${STEP_ACTION_HELP}` })
        .refine((s) => parseStepAction(s) !== undefined, { error: (issue) => `expected action ${STEP_ACTION_HELP}, got "${String(issue.input)}"` })
        .optional(),
      label: words('a short label for the step button').optional(),
    })
    .refine((p) => (p.day === undefined) !== (p.at === undefined), { error: 'expected either day={N} or at="day N HH:MM" (one of them, not both)' }),
  Scrub: z
    .strictObject({
      bind: z.enum(SCRUB_BIND_NAMES as [ScrubBind, ...ScrubBind[]], {
        error: (issue) =>
          `expected bind to be one of ${SCRUB_BIND_NAMES.join(', ')}, got ${issue.input === undefined ? 'nothing' : `"${String(issue.input)}"`}`,
      }),
      min: wholeNumber('min').min(0, { error: 'expected min of 0 or more' }).optional(),
      max: wholeNumber('max').max(3650, { error: 'expected max of at most 3650 days' }).optional(),
      scenario: id('a scenario id').optional(),
      figure: figureProp,
      day: startDay,
      policy: startPolicy,
    })
    .refine((p) => (p.min ?? 0) < (p.max ?? 90), { error: 'expected min to be less than max' }),
  Cite: z.strictObject({ id: id('a source id (a file name in content/sources/, without .yaml)') }),
  Predict: z
    .strictObject({
      question: words('the question'),
      choices: z
        .array(words('a choice'), { error: 'expected choices as a list in braces, like {["Yes", "No"]}' })
        .min(2, { error: 'expected at least 2 choices' })
        .max(5, { error: 'expected at most 5 choices' }),
      answer: wholeNumber('the index of the right choice, counting from 0').min(0, { error: 'expected answer counting from 0' }),
    })
    .refine((p) => p.answer < p.choices.length, { error: 'expected answer to be the index of one of the choices, counting from 0' }),
  Aside: z.strictObject({ title: words('a title').optional() }),
} as const;

export type ComponentName = keyof typeof COMPONENT_PROPS;
export const COMPONENT_NAMES = Object.keys(COMPONENT_PROPS) as ComponentName[];
export type PropsOf<N extends ComponentName> = z.infer<(typeof COMPONENT_PROPS)[N]>;

/** Components that are figures: they hydrate islands, so a page with any of them ships JavaScript. */
export const FIGURE_COMPONENTS: readonly ComponentName[] = FIGURES;

/** The single-panel components and the simulator panel each one shows. */
export const PANEL_OF: Readonly<Partial<Record<ComponentName, Panel>>> = {
  Ledger: 'ledger',
  Timeline: 'timeline',
  ContactGraph: 'graph',
  LegalRequest: 'legal',
};

/** The writer's mistake, in one line that names the file and what was expected. */
export class ExplainerError extends Error {
  readonly file: string;
  readonly problems: readonly string[];
  constructor(file: string, problems: readonly string[]) {
    super(`${file}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  - ${problems.join('\n  - ')}`}`);
    this.name = 'ExplainerError';
    this.file = file;
    this.problems = problems;
  }
}

/** One problem for each bad prop: `<Scrub> bind: expected …`, `<Cite> has no prop "src" …`. */
export function propProblems(name: ComponentName, props: Record<string, unknown>, where = ''): string[] {
  const result = COMPONENT_PROPS[name].safeParse(props);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const allowed = Object.keys(shapeOf(name)).join(', ');
      return `<${name}>${where} has no prop ${issue.keys.map((k) => `"${k}"`).join(', ')} (its props: ${allowed})`;
    }
    const key = issue.path.length > 0 ? ` ${issue.path.join('.')}:` : ':';
    return `<${name}>${where}${key} ${issue.message}`;
  });
}

function shapeOf(name: ComponentName): z.ZodRawShape {
  // zod 4 keeps refinements on the object itself, so every entry still has its shape.
  return (COMPONENT_PROPS[name] as z.ZodObject).shape;
}

/** The props a component accepts, for messages and the writers' guide. */
export function propNames(name: ComponentName): string[] {
  return Object.keys(shapeOf(name));
}

/**
 * Checks a component's props at render and returns them typed. Children and the
 * compiler's own props are not the writer's and are left out.
 */
export function checkProps<N extends ComponentName>(name: N, props: Record<string, unknown>, file: string): PropsOf<N> {
  const own = Object.fromEntries(Object.entries(props).filter(([key]) => key !== 'children' && !key.startsWith('data-astro')));
  const problems = propProblems(name, own);
  if (problems.length > 0) throw new ExplainerError(file, problems);
  return COMPONENT_PROPS[name].parse(own) as PropsOf<N>;
}
