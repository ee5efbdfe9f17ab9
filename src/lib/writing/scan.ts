/**
 * Checks an explainer's components, in document order, before anything renders: unknown components,
 * unknown or bad props, unknown scenario and source ids, steps outside a <Scrolly>, panels with no
 * simulation above them, MDX that does not parse. It also settles what depends on order, which the
 * renderer cannot (Astro renders sibling components concurrently): citation numbers, and which
 * simulation a single panel or a <Scrub> is bound to.
 *
 * The components come from the MDX tree (mdx-components.ts); this module only judges them. A plain
 * function of text and id lists: no file system, no Astro, so unit tests call it directly.
 */
import { DAY, parseDayTime } from '../../model/index.ts';
import { FIGURE_PANELS, type Panel } from '../embed/options.ts';
import { COMPONENT_NAMES, FIGURE_COMPONENTS, PANEL_OF, parsePanels, propNames, propProblems, type ComponentName } from './components.ts';
import { markupProblems } from './markup.ts';
import { componentsOf, enclosing, type ComponentUse, type MdxSyntaxError } from './mdx-components.ts';

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
  /** The scenario of each named figure (the `figure` prop), for the components that continue it. */
  figureScenarios: Record<string, string>;
  /** Scenario ids the explainer shows. */
  scenarios: string[];
  /** True when any component hydrates an island; an explainer without figures ships no JavaScript. */
  hasFigures: boolean;
}

/** A known component, with the props written as literals (expressions are checked when it renders). */
interface Use extends ComponentUse {
  name: ComponentName;
  /** Its place in the list of components, which `parent` indexes. */
  index: number;
  literal: Record<string, unknown>;
}

/** What the walk through the components has settled so far. */
interface Scan extends ScanResult {
  context: ScanContext;
  /** The lines each panel (and the time controls) appear on: a page may show each once. */
  panelLines: Map<Panel | 'time controls', number[]>;
  /** The scenario of the latest <Simulation> or <Scrolly>: what a panel without `scenario` binds to. */
  nearest: string | undefined;
  /** Each named figure: where it was first named, and the line that says where it starts, if any. */
  figures: Map<string, { line: number; scenario: string | undefined; startLine: number | undefined }>;
}

const KNOWN = new Set<string>(COMPONENT_NAMES);
const isKnown = (use: ComponentUse): use is ComponentUse & { name: ComponentName } => KNOWN.has(use.name);

/** Checks an explainer's text (frontmatter included or not) and settles numbering and bindings. */
export function scanExplainer(source: string, context: ScanContext): ScanResult {
  const scan: Scan = {
    context,
    problems: [],
    citeOrder: [],
    bindings: {},
    figureScenarios: {},
    scenarios: [],
    hasFigures: false,
    panelLines: new Map(),
    nearest: undefined,
    figures: new Map(),
  };
  const read = componentsOf(source);
  if ('error' in read) {
    scan.problems.push(syntaxProblem(read.error));
    return result(scan);
  }
  const uses = read.components;
  for (const [index, use] of uses.entries()) {
    if (!isKnown(use)) {
      scan.problems.push(`line ${use.line}: unknown component <${use.name}> (components: ${COMPONENT_NAMES.join(', ')})`);
      continue;
    }
    const known: Use = { ...use, name: use.name, index, literal: literalProps(use) };
    if (FIGURE_COMPONENTS.includes(known.name)) scan.hasFigures = true;
    checkProps(scan, known);
    checkComponent(scan, known, uses);
  }
  checkPanelsOnce(scan);
  for (const use of read.markup) scan.problems.push(...markupProblems(use));
  return result(scan);
}

function result({ problems, citeOrder, bindings, figureScenarios, scenarios, hasFigures }: Scan): ScanResult {
  return { problems, citeOrder, bindings, figureScenarios, scenarios, hasFigures };
}

/** An unclosed component gets the words a writer knows from the old checks; anything else, the parser's. */
function syntaxProblem({ line, reason }: MdxSyntaxError): string {
  const unclosed = /^Expected a closing tag for `<([^>\s]+)>/.exec(reason);
  if (unclosed) return `line ${line}: <${unclosed[1]}> is never closed with </${unclosed[1]}>`;
  return `line ${line}: the MDX does not parse: ${reason}`;
}

function literalProps(use: ComponentUse): Record<string, unknown> {
  const literal: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(use.attrs)) if (value.kind === 'literal') literal[key] = value.value;
  return literal;
}

/** Unknown prop names always; values only when every prop is a literal, since an expression's value is known only at render. */
function checkProps(scan: Scan, use: Use): void {
  const unknown = Object.keys(use.attrs).filter((key) => !propNames(use.name).includes(key));
  if (unknown.length > 0) {
    scan.problems.push(
      `line ${use.line}: <${use.name}> has no prop ${unknown.map((k) => `"${k}"`).join(', ')} (its props: ${propNames(use.name).join(', ') || 'none'})`,
    );
  } else if (!use.spread && Object.keys(use.literal).length === Object.keys(use.attrs).length) {
    scan.problems.push(...propProblems(use.name, use.literal).map((p) => `line ${use.line}: ${p}`));
  }
}

function checkComponent(scan: Scan, use: Use, uses: readonly ComponentUse[]): void {
  switch (use.name) {
    case 'Simulation':
    case 'Scrolly':
      checkFigure(scan, use, use.name);
      if (use.name === 'Scrolly') checkScrolly(scan, use, uses);
      return;
    case 'Step':
      checkStep(scan, use, uses);
      return;
    case 'Ledger':
    case 'Timeline':
    case 'ContactGraph':
    case 'LegalRequest':
    case 'Scrub':
      checkBoundPanel(scan, use);
      return;
    case 'Cite':
      checkCitation(scan, use);
      return;
    case 'Predict':
    case 'Aside':
      return;
  }
}

/** Whether `id` names a known scenario; an unknown one is a problem on `use`'s line. */
function scenarioKnown(scan: Scan, use: Use, id: unknown): id is string {
  if (typeof id !== 'string') return false;
  if (scan.context.scenarios.has(id)) return true;
  scan.problems.push(
    `line ${use.line}: <${use.name}> scenario: unknown scenario id "${id}" (scenarios: ${[...scan.context.scenarios.keys()].sort().join(', ')})`,
  );
  return false;
}

function addPanels(scan: Scan, panels: readonly (Panel | 'time controls')[], line: number): void {
  for (const panel of panels) scan.panelLines.set(panel, [...(scan.panelLines.get(panel) ?? []), line]);
}

/** A <Simulation> or <Scrolly>: the scenario later panels bind to, and the panels it shows. */
function checkFigure(scan: Scan, use: Use, figure: 'Simulation' | 'Scrolly'): void {
  const id = use.literal.scenario;
  scan.nearest = scenarioKnown(scan, use, id) ? id : undefined;
  if (scan.nearest !== undefined && !scan.scenarios.includes(scan.nearest)) scan.scenarios.push(scan.nearest);
  // A bad panels prop is already a prop problem; it adds no panels.
  const panels = typeof use.literal.panels === 'string' ? parsePanels(use.literal.panels) : FIGURE_PANELS[figure];
  if (panels) addPanels(scan, panels, use.line);
  if (figure === 'Simulation' && use.literal.controls !== false) addPanels(scan, ['time controls'], use.line);
  // A Scrolly's steps say where it is, so a Scrolly always starts its figure.
  checkStart(scan, use, scan.nearest, figure === 'Scrolly');
}

/**
 * Where a component's simulation starts. Each figure (a `<Simulation>`, a `<Scrolly>`, a panel)
 * runs a simulation of its own from the scenario's start, unless it sets `day` or `policy`; the
 * components that give the same `figure` name share one, which one of them may start.
 */
function checkStart(scan: Scan, use: Use, scenario: string | undefined, starts = false): void {
  const { day, policy, figure } = use.literal;
  const setsStart = starts || day !== undefined || policy !== undefined;
  const duration = scenario === undefined ? undefined : scan.context.scenarios.get(scenario)?.duration;
  if (typeof day === 'number' && duration !== undefined && day > duration) {
    scan.problems.push(`line ${use.line}: <${use.name}> day={${day}} is past the end of scenario "${scenario}", which runs ${duration} days`);
  }
  if (typeof figure !== 'string') return;
  const named = scan.figures.get(figure);
  if (!named) {
    scan.figures.set(figure, { line: use.line, scenario, startLine: setsStart ? use.line : undefined });
    if (scenario !== undefined) scan.figureScenarios[figure] = scenario;
    return;
  }
  if (scenario !== undefined && named.scenario !== undefined && scenario !== named.scenario) {
    scan.problems.push(
      `line ${use.line}: <${use.name}> figure "${figure}" runs scenario "${named.scenario}" (line ${named.line}), but this one names "${scenario}"; give it another figure name`,
    );
  }
  if (setsStart && named.startLine !== undefined) {
    scan.problems.push(
      `line ${use.line}: <${use.name}> says where figure "${figure}" starts, but line ${named.startLine} already does; a figure starts once, and the rest continue it`,
    );
  } else if (setsStart) {
    named.startLine = use.line;
  }
}

/** A <Scrolly> holds <Step>s and no other <Scrolly>. */
function checkScrolly(scan: Scan, use: Use, uses: readonly ComponentUse[]): void {
  const outer = enclosing(uses, use).find((u) => u.name === 'Scrolly');
  if (outer) scan.problems.push(`line ${use.line}: <Scrolly> inside another <Scrolly> (line ${outer.line})`);
  if (use.selfClosing) {
    scan.problems.push(`line ${use.line}: <Scrolly> needs <Step> elements inside it, then </Scrolly>`);
  } else if (!uses.some((u) => u.name === 'Step' && enclosing(uses, u).find((e) => e.name === 'Scrolly') === uses[use.index])) {
    scan.problems.push(`line ${use.line}: <Scrolly> has no <Step> inside it`);
  }
}

/** A <Step> sits in a <Scrolly> and within its scenario's days. */
function checkStep(scan: Scan, use: Use, uses: readonly ComponentUse[]): void {
  const scrolly = enclosing(uses, use).find((u) => u.name === 'Scrolly');
  if (!scrolly) {
    scan.problems.push(`line ${use.line}: <Step> is only allowed inside a <Scrolly>`);
    return;
  }
  const id = scrolly.attrs.scenario?.kind === 'literal' ? scrolly.attrs.scenario.value : undefined;
  const duration = typeof id === 'string' ? scan.context.scenarios.get(id)?.duration : undefined;
  const { day, at } = use.literal;
  const t = typeof day === 'number' ? (day - 1) * DAY : typeof at === 'string' ? parseDayTime(at) : undefined;
  if (duration !== undefined && t !== undefined && t >= duration * DAY) {
    scan.problems.push(`line ${use.line}: <Step> is past the end of scenario "${id}", which runs ${duration} days`);
  }
}

/** A single panel or a <Scrub>: its own scenario, or the nearest simulation above it, the same for every use of that component. */
function checkBoundPanel(scan: Scan, use: Use): void {
  const panel = PANEL_OF[use.name];
  if (panel) addPanels(scan, [panel], use.line);
  const own = use.literal.scenario;
  if (own !== undefined) {
    const known = scenarioKnown(scan, use, own);
    if (known && !scan.scenarios.includes(own)) scan.scenarios.push(own);
    checkStart(scan, use, known ? own : undefined);
    return;
  }
  // A panel that continues a named figure shows that figure's scenario.
  const continued = typeof use.literal.figure === 'string' ? scan.figures.get(use.literal.figure)?.scenario : undefined;
  if (continued !== undefined) {
    checkStart(scan, use, continued);
    return;
  }
  checkStart(scan, use, scan.nearest);
  if (!scan.nearest) {
    scan.problems.push(`line ${use.line}: <${use.name}> has no <Simulation> or <Scrolly> above it to bind to; add one, or name a scenario with scenario="…"`);
    return;
  }
  const bound = scan.bindings[use.name];
  if (bound !== undefined && bound !== scan.nearest) {
    scan.problems.push(
      `line ${use.line}: <${use.name}> would bind to "${scan.nearest}", but an earlier <${use.name}> binds to "${bound}"; name the scenario with scenario="${scan.nearest}"`,
    );
    return;
  }
  scan.bindings[use.name] = scan.nearest;
}

/** A <Cite> names a known source; its number is the order of first citation. */
function checkCitation(scan: Scan, use: Use): void {
  const id = use.literal.id;
  if (typeof id !== 'string') return;
  if (!scan.context.sourceIds.has(id)) {
    scan.problems.push(`line ${use.line}: <Cite> id: unknown source id "${id}" (add content/sources/${id}.yaml, or use an id listed at /sources/)`);
  } else if (!scan.citeOrder.includes(id)) {
    scan.citeOrder.push(id);
  }
}

/** Each panel has fixed element ids (its heading), so a page may show it once. */
function checkPanelsOnce(scan: Scan): void {
  for (const [panel, lines] of scan.panelLines) {
    if (lines.length < 2) continue;
    const what = panel === 'time controls' ? 'time controls appear' : `${panel} panel appears`;
    scan.problems.push(`line ${lines[1]}: the ${what} more than once (lines ${lines.join(', ')}); a page shows each panel once`);
  }
}
