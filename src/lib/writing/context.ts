/**
 * What the writers' components need from the page that renders them: the file (for error messages),
 * the simulations (scenario cores by id), the sources, citation numbers and panel bindings settled by
 * scan.ts. The page puts it on Astro.locals before rendering the MDX; every component reads it there,
 * so the order in which Astro renders components never matters.
 */
import type { Source } from '../source-schema.ts';
import type { ScenarioCore } from '../../model/index.ts';
import type { FigureScenario } from '../sim/store.ts';
import type { FigureStart } from '../sim/figure-start.ts';
import { ExplainerError, type ComponentName } from './components.ts';

export interface WritingContext {
  /** The explainer's path from the project root, e.g. content/explainers/the-2016-story.mdx. */
  file: string;
  scenarios: ReadonlyMap<string, ScenarioCore>;
  sources: ReadonlyMap<string, Source>;
  /** Source id → its number on the page (1, 2, …), in order of first citation. */
  citeNumbers: ReadonlyMap<string, number>;
  /** Which scenario a component without a `scenario` prop is bound to (the nearest one above it). */
  bindings: Partial<Record<ComponentName, string>>;
  /** The scenario each named figure runs, for the components that continue it (scan.ts). */
  figureScenarios: Readonly<Record<string, string>>;
  /** Counter for element ids that must be unique on the page (citation previews, prediction groups). */
  nextId: () => number;
}

declare global {
  // Astro types `Astro.locals` through the global App namespace; a module cannot stand in for it.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace App {
    interface Locals {
      writing?: WritingContext;
    }
  }
}

export function writingContext(locals: App.Locals, component: ComponentName): WritingContext {
  if (!locals.writing) {
    throw new Error(`<${component}> renders only inside an explainer page (src/pages/explainers/) or the writers' guide, which set up its context`);
  }
  return locals.writing;
}

export function createWritingContext(fields: Omit<WritingContext, 'nextId'>): WritingContext {
  let next = 0;
  return { ...fields, nextId: () => ++next };
}

/**
 * The scenario a component shows, in the simulation it runs: its own `scenario` prop, else its
 * named figure's, else the one the scan bound it to; and the figure's name, so components that
 * name the same figure share one simulation and every other component runs one of its own; and,
 * when the writer said so, where that figure starts.
 */
export function scenarioFor(
  context: WritingContext,
  component: ComponentName,
  id: string | undefined,
  figure?: string,
  start: FigureStart = {},
): FigureScenario {
  const chosen = id ?? (figure === undefined ? undefined : context.figureScenarios[figure]) ?? context.bindings[component];
  const scenario = chosen === undefined ? undefined : context.scenarios.get(chosen);
  if (!scenario) {
    throw new ExplainerError(context.file, [
      chosen === undefined
        ? `<${component}> has no <Simulation> or <Scrolly> above it to bind to; add one, or name a scenario with scenario="…"`
        : `<${component}> scenario: unknown scenario id "${chosen}"`,
    ]);
  }
  const named = { ...scenario, figure: figure ?? `${component.toLowerCase()}-${context.nextId()}` };
  // Where the writer said the figure starts (day={…}, policy="…"): its first island to hydrate moves it there.
  return start.day === undefined && start.policy === undefined ? named : { ...named, start: { day: start.day, policy: start.policy } };
}
