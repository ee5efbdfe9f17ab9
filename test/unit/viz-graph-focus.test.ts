import { describe, expect, test } from 'vitest';
import { focusGraph } from '../../src/viz/graph-focus.ts';

type Edge = { a: string; b: string; n: number };
const weight = (e: Edge) => e.n;

describe('focusGraph', () => {
  test('a graph within the limit is drawn whole', () => {
    const graph = { nodes: ['a', 'b'], inferred: [{ a: 'a', b: 'b', n: 1 }], actual: [], weight };
    expect(focusGraph(graph, new Set(), 5)).toEqual({ nodes: ['a', 'b'], inferred: graph.inferred, actual: [], hiddenNodes: 0 });
  });

  test('a thousand typed numbers: the cast stays, then the best-evidenced handles, and the rest are counted', () => {
    const numbers = Array.from({ length: 1000 }, (_, i) => `+1212${String(i).padStart(7, '0')}`);
    const inferred: Edge[] = [
      ...numbers.map((n) => ({ a: 'ana', b: n, n: 1 })),
      { a: 'ana', b: 'ben', n: 1 },
      { a: 'ana', b: numbers[500]!, n: 0 }, // duplicate pair with no extra weight: harmless
      { a: 'cy', b: numbers[999]!, n: 40 },
    ];
    const graph = { nodes: ['ana', 'ben', 'cy', ...numbers], inferred, actual: [{ a: 'ana', b: 'ben' }], weight };
    const focused = focusGraph(graph, new Set(['ana', 'ben', 'cy']), 6);
    expect(focused.nodes).toHaveLength(6);
    expect(focused.nodes).toEqual(expect.arrayContaining(['ana', 'ben', 'cy', numbers[999]]));
    expect(focused.hiddenNodes).toBe(1003 - 6);
    // Only edges with both ends drawn.
    for (const e of [...focused.inferred, ...focused.actual]) expect(focused.nodes).toEqual(expect.arrayContaining([e.a, e.b]));
    expect(focused.actual).toEqual([{ a: 'ana', b: 'ben' }]);
  });

  test('the same graph in another order draws the same handles', () => {
    const nodes = Array.from({ length: 30 }, (_, i) => `n${i}`);
    const inferred = nodes.slice(1).map((n, i) => ({ a: 'n0', b: n, n: i % 3 }));
    const one = focusGraph({ nodes, inferred, actual: [], weight }, new Set(), 10);
    const two = focusGraph({ nodes: [...nodes].reverse(), inferred: [...inferred].reverse(), actual: [], weight }, new Set(), 10);
    expect([...two.nodes].sort()).toEqual([...one.nodes].sort());
  });
});
