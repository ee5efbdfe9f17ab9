/**
 * A contact graph small enough to draw and read. A reader can type a thousand numbers, and a
 * picture of a thousand nodes says nothing (and takes too long to lay out while time plays), so
 * the drawing keeps the most connected handles and says how many it leaves out; the table twin
 * still lists every link.
 */

export interface FocusEdge {
  a: string;
  b: string;
}

export interface FocusInput<I extends FocusEdge, A extends FocusEdge> {
  nodes: readonly string[];
  inferred: readonly I[];
  actual: readonly A[];
  /** Evidence weight of an inferred edge (records behind it). */
  weight: (edge: I) => number;
}

export interface Focused<I extends FocusEdge, A extends FocusEdge> {
  nodes: string[];
  inferred: I[];
  actual: A[];
  /** Handles in the graph but not drawn. */
  hiddenNodes: number;
}

/**
 * Keeps at most `max` nodes: first those named in `pinned` (the cast), then by how much evidence
 * touches them (records, plus one for each real conversation), ties broken by handle so the same
 * graph always draws the same way. Only edges between kept nodes are drawn.
 */
export function focusGraph<I extends FocusEdge, A extends FocusEdge>(graph: FocusInput<I, A>, pinned: ReadonlySet<string>, max: number): Focused<I, A> {
  if (graph.nodes.length <= max) {
    return { nodes: [...graph.nodes], inferred: [...graph.inferred], actual: [...graph.actual], hiddenNodes: 0 };
  }
  const score = new Map<string, number>();
  const add = (n: string, w: number) => score.set(n, (score.get(n) ?? 0) + w);
  for (const e of graph.inferred) {
    const w = graph.weight(e);
    add(e.a, w);
    add(e.b, w);
  }
  for (const e of graph.actual) {
    add(e.a, 1);
    add(e.b, 1);
  }
  const ranked = [...graph.nodes].sort((x, y) => {
    const px = pinned.has(x) ? 1 : 0;
    const py = pinned.has(y) ? 1 : 0;
    if (px !== py) return py - px;
    const d = (score.get(y) ?? 0) - (score.get(x) ?? 0);
    return d !== 0 ? d : x < y ? -1 : x > y ? 1 : 0;
  });
  const kept = new Set(ranked.slice(0, Math.max(0, max)));
  const both = (e: FocusEdge) => kept.has(e.a) && kept.has(e.b);
  return {
    nodes: graph.nodes.filter((n) => kept.has(n)),
    inferred: graph.inferred.filter(both),
    actual: graph.actual.filter(both),
    hiddenNodes: graph.nodes.length - kept.size,
  };
}
