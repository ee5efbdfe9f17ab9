/**
 * Reads an explainer's MDX text for the writers' components, in document order, and checks it
 * before anything renders: unknown components, unknown or bad props, unknown scenario and source
 * ids, steps outside a <Scrolly>, panels with no simulation above them. It also settles what depends
 * on order, which the renderer cannot (Astro renders sibling components concurrently): citation
 * numbers, and which simulation a single panel or a <Scrub> is bound to.
 *
 * A plain function of text and id lists: no file system, no Astro, so unit tests call it directly.
 */
import type { Panel } from '../embed/options.ts';
import { blankNonMarkup } from './figures.ts';
export { blankNonMarkup };
import { DAY, parseDayTime } from '../../model/index.ts';
import {
  COMPONENT_NAMES,
  FIGURE_COMPONENTS,
  PANEL_OF,
  parsePanels,
  propNames,
  propProblems,
  type ComponentName,
} from './components.ts';

/** One attribute as written: a string literal, a bare flag, or a `{…}` expression (evaluated when it is a plain literal). */
export type AttrValue = { kind: 'literal'; value: unknown } | { kind: 'expression'; source: string };

export interface Tag {
  name: string;
  /** 1-based line in the file. */
  line: number;
  attrs: Record<string, AttrValue>;
  closing: boolean;
  selfClosing: boolean;
}

export interface ScanContext {
  /** Scenario ids, each with the days it runs. */
  scenarios: ReadonlyMap<string, { duration: number }>;
  sourceIds: ReadonlySet<string>;
}

export interface ScanResult {
  problems: string[];
  /** Source ids in order of first citation: a citation's number is its index + 1. */
  citeOrder: string[];
  /** The scenario each single panel or <Scrub> without a `scenario` prop is bound to. */
  bindings: Partial<Record<ComponentName, string>>;
  /** Scenario ids the explainer shows. */
  scenarios: string[];
  /** True when any component hydrates an island; an explainer without figures ships no JavaScript. */
  hasFigures: boolean;
}

/** Default panels of the figures, when the writer names none. */
export const DEFAULT_PANELS: Readonly<Record<'Simulation' | 'Scrolly', readonly Panel[]>> = {
  Simulation: ['composer', 'ledger'],
  Scrolly: ['ledger'],
};

/** Every JSX tag whose name starts with a capital letter: components, never HTML. */
export function scanTags(source: string): Tag[] {
  const text = blankNonMarkup(source);
  const tags: Tag[] = [];
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  const open = /<(\/?)([A-Z][A-Za-z0-9.]*)/g;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    const tag: Tag = { name: m[2]!, line: lineAt(m.index), attrs: {}, closing: m[1] === '/', selfClosing: false };
    let i = m.index + m[0].length;
    while (i < text.length) {
      while (/\s/.test(text[i] ?? '')) i++;
      if (text.startsWith('/>', i)) { tag.selfClosing = true; i += 2; break; }
      if (text[i] === '>') { i += 1; break; }
      const name = /^[A-Za-z_$][\w$:.-]*/.exec(text.slice(i));
      if (!name) { i += 1; continue; }
      i += name[0].length;
      if (text[i] !== '=') { tag.attrs[name[0]] = { kind: 'literal', value: true }; continue; }
      i += 1;
      const quote = text[i];
      if (quote === '"' || quote === "'") {
        const end = text.indexOf(quote, i + 1);
        tag.attrs[name[0]] = { kind: 'literal', value: text.slice(i + 1, end < 0 ? text.length : end) };
        i = end < 0 ? text.length : end + 1;
      } else if (quote === '{') {
        const end = matchingBrace(text, i);
        tag.attrs[name[0]] = literalOf(text.slice(i + 1, end));
        i = end + 1;
      }
    }
    open.lastIndex = i;
    tags.push(tag);
  }
  return tags;
}

function matchingBrace(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      const end = text.indexOf(ch, i + 1);
      i = end < 0 ? text.length : end;
    } else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return text.length;
}

/** `{3}`, `{true}`, `{["a", "b"]}` and `{'x'}` are literals; anything else is left to the component's own check. */
function literalOf(source: string): AttrValue {
  const trimmed = source.trim();
  try {
    return { kind: 'literal', value: JSON.parse(trimmed) };
  } catch {
    const single = /^'([^'\\]*)'$/.exec(trimmed);
    if (single) return { kind: 'literal', value: single[1] };
    return { kind: 'expression', source: trimmed };
  }
}

const KNOWN = new Set<string>(COMPONENT_NAMES);
const isKnown = (name: string): name is ComponentName => KNOWN.has(name);

/** Checks an explainer's text (frontmatter included or not) and settles numbering and bindings. */
export function scanExplainer(source: string, context: ScanContext): ScanResult {
  const problems: string[] = [];
  const citeOrder: string[] = [];
  const bindings: Partial<Record<ComponentName, string>> = {};
  const scenarios: string[] = [];
  const panelLines = new Map<Panel | 'time controls', number[]>();
  let hasFigures = false;
  let nearest: string | undefined;
  let scrolly: { scenario: string | undefined; line: number; steps: number } | undefined;

  const scenarioKnown = (id: unknown, tag: Tag): id is string => {
    if (typeof id !== 'string') return false;
    if (context.scenarios.has(id)) return true;
    problems.push(`line ${tag.line}: <${tag.name}> scenario: unknown scenario id "${id}" (scenarios: ${[...context.scenarios.keys()].sort().join(', ')})`);
    return false;
  };
  const addPanels = (panels: readonly Panel[], line: number) => {
    for (const panel of panels) panelLines.set(panel, [...(panelLines.get(panel) ?? []), line]);
  };

  for (const tag of scanTags(source)) {
    if (!isKnown(tag.name)) {
      if (!tag.closing) problems.push(`line ${tag.line}: unknown component <${tag.name}> (components: ${COMPONENT_NAMES.join(', ')})`);
      continue;
    }
    const name = tag.name;
    if (tag.closing) {
      if (name === 'Scrolly' && scrolly) {
        if (scrolly.steps === 0) problems.push(`line ${scrolly.line}: <Scrolly> has no <Step> inside it`);
        scrolly = undefined;
      }
      continue;
    }
    if (FIGURE_COMPONENTS.includes(name)) hasFigures = true;

    // Props: literal values are checked here, expressions when the component renders.
    const literal: Record<string, unknown> = {};
    const expressions = new Set<string>();
    for (const [key, value] of Object.entries(tag.attrs)) {
      if (value.kind === 'literal') literal[key] = value.value;
      else expressions.add(key);
    }
    const unknown = Object.keys(tag.attrs).filter((key) => !propNames(name).includes(key));
    if (unknown.length > 0) {
      problems.push(`line ${tag.line}: <${name}> has no prop ${unknown.map((k) => `"${k}"`).join(', ')} (its props: ${propNames(name).join(', ') || 'none'})`);
    } else if (expressions.size === 0) {
      problems.push(...propProblems(name, literal).map((p) => `line ${tag.line}: ${p}`));
    }

    switch (name) {
      case 'Simulation':
      case 'Scrolly': {
        const id = literal.scenario;
        if (scenarioKnown(id, tag)) {
          nearest = id;
          if (!scenarios.includes(id)) scenarios.push(id);
        } else {
          nearest = undefined;
        }
        const panels = typeof literal.panels === 'string' ? parsePanels(literal.panels) : DEFAULT_PANELS[name];
        if (panels) addPanels(panels, tag.line);
        if (name === 'Simulation' && literal.controls !== false) addPanels(['time controls' as Panel], tag.line);
        if (name === 'Scrolly') {
          if (scrolly) problems.push(`line ${tag.line}: <Scrolly> inside another <Scrolly> (line ${scrolly.line})`);
          if (tag.selfClosing) problems.push(`line ${tag.line}: <Scrolly> needs <Step> elements inside it, then </Scrolly>`);
          else scrolly = { scenario: nearest, line: tag.line, steps: 0 };
        }
        break;
      }
      case 'Step': {
        if (!scrolly) {
          problems.push(`line ${tag.line}: <Step> is only allowed inside a <Scrolly>`);
          break;
        }
        scrolly.steps++;
        const duration = scrolly.scenario ? context.scenarios.get(scrolly.scenario)?.duration : undefined;
        const t = typeof literal.day === 'number' ? (literal.day - 1) * DAY : typeof literal.at === 'string' ? parseDayTime(literal.at) : undefined;
        if (duration !== undefined && t !== undefined && t >= duration * DAY) {
          problems.push(`line ${tag.line}: <Step> is past the end of scenario "${scrolly.scenario}", which runs ${duration} days`);
        }
        break;
      }
      case 'Ledger':
      case 'Timeline':
      case 'ContactGraph':
      case 'LegalRequest':
      case 'Scrub': {
        const panel = PANEL_OF[name];
        if (panel) addPanels([panel], tag.line);
        if (literal.scenario !== undefined) {
          if (scenarioKnown(literal.scenario, tag) && !scenarios.includes(literal.scenario)) scenarios.push(literal.scenario);
          break;
        }
        if (!nearest) {
          problems.push(`line ${tag.line}: <${name}> has no <Simulation> or <Scrolly> above it to bind to; add one, or name a scenario with scenario="…"`);
          break;
        }
        const bound = bindings[name];
        if (bound !== undefined && bound !== nearest) {
          problems.push(`line ${tag.line}: <${name}> would bind to "${nearest}", but an earlier <${name}> binds to "${bound}"; name the scenario with scenario="${nearest}"`);
          break;
        }
        bindings[name] = nearest;
        break;
      }
      case 'Cite': {
        const id = literal.id;
        if (typeof id !== 'string') break;
        if (!context.sourceIds.has(id)) {
          problems.push(`line ${tag.line}: <Cite> id: unknown source id "${id}" (add content/sources/${id}.yaml, or use an id listed at /sources/)`);
        } else if (!citeOrder.includes(id)) {
          citeOrder.push(id);
        }
        break;
      }
      case 'Predict':
      case 'Aside':
        break;
    }
  }
  if (scrolly) problems.push(`line ${scrolly.line}: <Scrolly> is never closed with </Scrolly>`);

  // Each panel has fixed element ids (its heading), so a page may show it once.
  for (const [panel, lines] of panelLines) {
    if (lines.length > 1) problems.push(`line ${lines[1]}: the ${panel === 'time controls' ? 'time controls' : `${panel} panel`} appear${panel === 'time controls' ? '' : 's'} more than once (lines ${lines.join(', ')}); a page shows each panel once`);
  }
  return { problems, citeOrder, bindings, scenarios, hasFigures };
}
