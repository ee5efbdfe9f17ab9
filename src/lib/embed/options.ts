/**
 * View options carried in a scenario's URL query, for embeds and share links. Parsed and
 * validated here and nowhere else. A bad or unknown value never breaks the page: it is ignored
 * and reported in `notes`, which the page shows as a small visible note. Nothing from the URL is
 * ever used as HTML.
 */
import { DEFAULT_SPEED, SPEEDS, type Speed } from '../../model/index.ts';

/** The panels a scenario page can show, in the page's order: the one list embeds, explainers and docs name. */
export const PANELS = ['people', 'composer', 'conversation', 'ledger', 'timeline', 'legal', 'graph', 'policy'] as const;
export type Panel = (typeof PANELS)[number];

// The playback machine owns the speeds; they are re-exported for the pages that list them.
export { SPEEDS, type Speed };

export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface ViewOptions {
  /** Day the view starts on (time is run forward to it). */
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

const KNOWN = new Set(['day', 'speed', 'autoplay', 'panels', 'policy', 'seed', 'step', 'motion', 'theme', 'v']);
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

export function parseOptions(query: string | URLSearchParams, context: ParseContext): ParsedOptions {
  const params = typeof query === 'string' ? safeParams(query) : query;
  const options: ViewOptions = { ...DEFAULT_OPTIONS };
  const notes: string[] = [];
  const ignore = (name: string, value: string, expected: string) => notes.push(`Ignored ${name}=“${quote(value)}”: expected ${expected}.`);
  const seen = new Set<string>();

  for (const [name, value] of params) {
    if (!KNOWN.has(name)) {
      notes.push(`Ignored unknown option “${quote(name)}”.`);
      continue;
    }
    if (seen.has(name)) {
      notes.push(`Ignored a second “${name}”.`);
      continue;
    }
    seen.add(name);
    switch (name) {
      case 'day': {
        const day = wholeNumber(value, 1, context.duration);
        if (day === undefined) ignore(name, value, `a day from 1 to ${context.duration}`);
        else options.day = day;
        break;
      }
      case 'speed': {
        const speed = SPEEDS.find((s) => String(s) === value);
        if (speed === undefined) ignore(name, value, `one of ${SPEEDS.join(', ')} (days per second)`);
        else options.speed = speed;
        break;
      }
      case 'autoplay':
        if (value === '1' || value === 'true') options.autoplay = true;
        else if (value === '0' || value === 'false') options.autoplay = false;
        else ignore(name, value, '1 or 0');
        break;
      case 'panels': {
        const asked = value.split(',').map((p) => p.trim()).filter(Boolean);
        const valid = PANELS.filter((p) => asked.includes(p));
        const unknown = asked.filter((p) => !(PANELS as readonly string[]).includes(p));
        if (unknown.length > 0) ignore(name, unknown.join(','), `panel names from ${PANELS.join(', ')}`);
        if (valid.length > 0) options.panels = valid;
        break;
      }
      case 'policy':
        if (context.policyIds.includes(value)) options.policy = value;
        else ignore(name, value, `one of ${context.policyIds.join(', ')}`);
        break;
      case 'seed': {
        const seed = wholeNumber(value, 0, 2 ** 31 - 1);
        if (seed === undefined) ignore(name, value, 'a whole number from 0 to 2147483647');
        else options.seed = seed;
        break;
      }
      case 'step': {
        const step = wholeNumber(value, 1, Math.max(1, context.steps));
        if (step === undefined) ignore(name, value, `a step from 1 to ${Math.max(1, context.steps)}`);
        else options.step = step;
        break;
      }
      case 'motion':
        if (value === 'reduce') options.reducedMotion = true;
        else if (value === 'full') options.reducedMotion = false;
        else ignore(name, value, 'reduce or full');
        break;
      case 'theme': {
        const theme = THEMES.find((t) => t === value);
        if (theme === undefined) ignore(name, value, THEMES.join(', '));
        else options.theme = theme;
        break;
      }
      case 'v': {
        const version = wholeNumber(value, 1, 1_000_000);
        if (version === undefined) ignore('v', value, 'a scenario version number');
        else options.version = version;
        break;
      }
    }
  }
  if (notes.length > MAX_NOTES) notes.splice(MAX_NOTES, notes.length - MAX_NOTES, `…and ${notes.length - MAX_NOTES} more ignored.`);
  return { options, notes };
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
