/**
 * Link options carried in a scenario's URL query, for embeds and share links. Parsed and
 * validated here and nowhere else. A bad or unknown value never breaks the page: it is ignored
 * and reported in `notes`, which the page shows as a small visible note. Nothing from the URL is
 * ever used as HTML.
 */
import { DEFAULT_SPEED, SPEEDS, type Speed } from '../../model/index.ts';

/** The panels a scenario page can show, in the page's order: the one list embeds, explainers and docs name. */
export const PANELS = ['people', 'composer', 'conversation', 'ledger', 'timeline', 'legal', 'graph', 'policy'] as const;
export type Panel = (typeof PANELS)[number];

/**
 * The panels of a writer's figure when the writer names none: what typing an address leaves behind
 * for a <Simulation>, the ledger alone for a <Scrolly>, which shares its width with the text.
 */
export const FIGURE_PANELS = {
  Simulation: ['composer', 'ledger'],
  Scrolly: ['ledger'],
} as const satisfies Record<string, readonly Panel[]>;
export type FigureWithPanels = keyof typeof FIGURE_PANELS;

// The playback machine owns the speeds; they are re-exported for the pages that list them.
export { SPEEDS, type Speed };

export const THEMES = ['auto', 'light', 'dark'] as const;

/** The largest seed a link may carry: a scenario's own limit. */
const MAX_SEED = 2 ** 31 - 1;
export type Theme = (typeof THEMES)[number];

export interface ViewOptions {
  /** Day the page opens on (time is run forward to it). */
  day: number;
  speed: Speed;
  autoplay: boolean;
  /** Panels shown, in the page's order. */
  panels: readonly Panel[];
  /** A policy preset id, or undefined for the scenario's own. */
  policy: string | undefined;
  seed: number | undefined;
  /** 1-based narration step. */
  step: number;
  reducedMotion: boolean;
  theme: Theme;
  /** The scenario version the link was made for. */
  version: number | undefined;
}

export const DEFAULT_OPTIONS: ViewOptions = {
  day: 1,
  speed: DEFAULT_SPEED,
  autoplay: false,
  panels: PANELS,
  policy: undefined,
  seed: undefined,
  step: 1,
  reducedMotion: false,
  theme: 'auto',
  version: undefined,
};

export interface ParseContext {
  /** Days the scenario runs: `day` must be within it. */
  duration: number;
  /** Narration steps the scenario has. */
  steps: number;
  policyIds: readonly string[];
}

export interface ParsedOptions {
  options: ViewOptions;
  /** One short sentence per ignored value, in plain words. */
  notes: string[];
}

const MAX_NOTES = 5;

/** Shortens and de-controls a value before quoting it back in a note. */
function quote(value: string): string {
  const clean = [...value].filter((ch) => ch >= ' ' && ch !== '\u007f').join('');
  return clean.length > 24 ? `${clean.slice(0, 24)}…` : clean;
}

function wholeNumber(value: string, min: number, max: number): number | undefined {
  if (!/^\d{1,10}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

/** What an option's parser made of its value: the value to take, and the part to quote back as ignored. */
interface Parsed<T> {
  value?: T;
  ignored?: string;
}

/** All or nothing: the value, or the whole text ignored. */
const taken = <T>(value: T | undefined, text: string): Parsed<T> => (value === undefined ? { ignored: text } : { value });

/** One URL option: the field it sets, how its text is read, and what a note says was expected instead. */
interface OptionParser<K extends keyof ViewOptions> {
  field: K;
  parse: (value: string, context: ParseContext) => Parsed<ViewOptions[K]>;
  expected: (context: ParseContext) => string;
}

const option = <K extends keyof ViewOptions>(parser: OptionParser<K>) => parser;

const booleanWords = (yes: readonly string[], no: readonly string[]) => (value: string) =>
  taken(yes.includes(value) ? true : no.includes(value) ? false : undefined, value);

/** Every URL option, by its name in the query. The defaults are DEFAULT_OPTIONS. */
const OPTION_PARSERS = {
  day: option({
    field: 'day',
    parse: (value, context) => taken(wholeNumber(value, 1, context.duration), value),
    expected: (context) => `a day from 1 to ${context.duration}`,
  }),
  speed: option({
    field: 'speed',
    parse: (value) =>
      taken(
        SPEEDS.find((s) => String(s) === value),
        value,
      ),
    expected: () => `one of ${SPEEDS.join(', ')} (days per second)`,
  }),
  autoplay: option({ field: 'autoplay', parse: booleanWords(['1', 'true'], ['0', 'false']), expected: () => '1 or 0' }),
  panels: option({
    field: 'panels',
    // A list with some unknown names keeps the known ones: a typo in one panel should not hide the rest.
    parse: (value) => {
      const asked = value
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      const valid = PANELS.filter((p) => asked.includes(p));
      const unknown = asked.filter((p) => !(PANELS as readonly string[]).includes(p));
      return { value: valid.length > 0 ? valid : undefined, ignored: unknown.length > 0 ? unknown.join(',') : undefined };
    },
    expected: () => `panel names from ${PANELS.join(', ')}`,
  }),
  policy: option({
    field: 'policy',
    parse: (value, context) => taken(context.policyIds.includes(value) ? value : undefined, value),
    expected: (context) => `one of ${context.policyIds.join(', ')}`,
  }),
  seed: option({
    field: 'seed',
    parse: (value) => taken(wholeNumber(value, 0, MAX_SEED), value),
    expected: () => `a whole number from 0 to ${MAX_SEED}`,
  }),
  step: option({
    field: 'step',
    parse: (value, context) => taken(wholeNumber(value, 1, Math.max(1, context.steps)), value),
    expected: (context) => `a step from 1 to ${Math.max(1, context.steps)}`,
  }),
  motion: option({ field: 'reducedMotion', parse: booleanWords(['reduce'], ['full']), expected: () => 'reduce or full' }),
  theme: option({
    field: 'theme',
    parse: (value) =>
      taken(
        THEMES.find((t) => t === value),
        value,
      ),
    expected: () => THEMES.join(', '),
  }),
  v: option({
    field: 'version',
    parse: (value) => taken(wholeNumber(value, 1, 1_000_000), value),
    expected: () => 'a scenario version number',
  }),
} satisfies Record<string, OptionParser<keyof ViewOptions>>;

type OptionName = keyof typeof OPTION_PARSERS;
const isOptionName = (name: string): name is OptionName => Object.hasOwn(OPTION_PARSERS, name);

/** Reads the options from a query. Each option counts once; anything unknown or malformed becomes a note. */
export function parseOptions(query: string | URLSearchParams, context: ParseContext): ParsedOptions {
  const params = typeof query === 'string' ? safeParams(query) : query;
  const options: Record<string, unknown> = { ...DEFAULT_OPTIONS };
  const notes: string[] = [];
  const seen = new Set<OptionName>();

  for (const [name, value] of params) {
    if (!isOptionName(name)) {
      notes.push(`Ignored unknown option “${quote(name)}”.`);
      continue;
    }
    if (seen.has(name)) {
      notes.push(`Ignored a second “${name}”.`);
      continue;
    }
    seen.add(name);
    const parser: OptionParser<keyof ViewOptions> = OPTION_PARSERS[name];
    const parsed = parser.parse(value, context);
    if (parsed.ignored !== undefined) notes.push(`Ignored ${name}=“${quote(parsed.ignored)}”: expected ${parser.expected(context)}.`);
    if (parsed.value !== undefined) options[parser.field] = parsed.value;
  }
  if (notes.length > MAX_NOTES) notes.splice(MAX_NOTES, notes.length - MAX_NOTES, `…and ${notes.length - MAX_NOTES} more ignored.`);
  return { options: options as unknown as ViewOptions, notes };
}

function safeParams(query: string): URLSearchParams {
  try {
    return new URLSearchParams(query.length > 4096 ? query.slice(0, 4096) : query);
  } catch {
    return new URLSearchParams();
  }
}

/** The query string for `options`, listing only what differs from the defaults, in a fixed order. */
export function formatOptions(options: ViewOptions): string {
  const params = new URLSearchParams();
  if (options.version !== undefined) params.set('v', String(options.version));
  if (options.day !== DEFAULT_OPTIONS.day) params.set('day', String(options.day));
  if (options.speed !== DEFAULT_OPTIONS.speed) params.set('speed', String(options.speed));
  if (options.autoplay) params.set('autoplay', '1');
  if (options.panels.length !== PANELS.length) params.set('panels', options.panels.join(','));
  if (options.policy !== undefined) params.set('policy', options.policy);
  if (options.seed !== undefined) params.set('seed', String(options.seed));
  if (options.step !== DEFAULT_OPTIONS.step) params.set('step', String(options.step));
  if (options.reducedMotion) params.set('motion', 'reduce');
  if (options.theme !== 'auto') params.set('theme', options.theme);
  const text = params.toString();
  return text ? `?${text}` : '';
}
