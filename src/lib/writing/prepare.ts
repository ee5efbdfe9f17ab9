/**
 * Everything an explainer page does before it renders the MDX: read the file, check it (scan.ts),
 * and build the context the writers' components read. A mistake throws one ExplainerError that
 * names the file and lists every problem with its line, so the build fails with all of them at once.
 * Build-time only (node:fs).
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Source } from '../source-schema.ts';
import type { ScenarioCore } from '../../model/index.ts';
import { ExplainerError } from './components.ts';
import { createWritingContext, type WritingContext } from './context.ts';
import { scanExplainer, type ScanResult } from './scan.ts';

export interface PreparedExplainer {
  context: WritingContext;
  scan: ScanResult;
  /** Cited sources in citation order, then sources the frontmatter lists but the text never cites. */
  cited: Source[];
  further: Source[];
}

/** Path from the project root, with '/' separators: what a writer sees in their editor. */
export function displayPath(filePath: string): string {
  return relative(process.cwd(), resolve(filePath)).split('\\').join('/');
}

export function prepareExplainer(
  filePath: string,
  frontmatterSources: readonly string[],
  scenarios: readonly ScenarioCore[],
  sources: readonly Source[],
): PreparedExplainer {
  const file = displayPath(filePath);
  const text = readFileSync(resolve(filePath), 'utf8');
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const scenarioById = new Map(scenarios.map((s) => [s.id, s]));
  const scan = scanExplainer(text, { scenarios: scenarioById, sourceIds: new Set(sourceById.keys()) });
  if (scan.problems.length > 0) throw new ExplainerError(file, scan.problems);

  const context = createWritingContext({
    file,
    scenarios: scenarioById,
    sources: sourceById,
    citeNumbers: new Map(scan.citeOrder.map((id, index) => [id, index + 1])),
    bindings: scan.bindings,
    figureScenarios: scan.figureScenarios,
  });
  const cited = scan.citeOrder.map((id) => sourceById.get(id)!);
  const further = frontmatterSources.filter((id) => !scan.citeOrder.includes(id)).flatMap((id) => sourceById.get(id) ?? []);
  return { context, scan, cited, further };
}
