/**
 * Stacked layers for a per-day count chart, and the step-shaped area path that draws one layer.
 * Hand-written rather than d3-shape's stack and area (about 4.5 KB gzip with d3-path): the chart
 * stacks whole counts in a fixed key order and draws flat steps, one per day.
 */

export interface Layer<K extends string> {
  key: K;
  /** Per row: the layer's bottom and top, in counts. */
  points: [number, number][];
}

/** Stacks `rows` (one record of counts per row) in `keys` order, bottom first. */
export function stackLayers<K extends string>(rows: readonly Readonly<Record<K, number>>[], keys: readonly K[]): Layer<K>[] {
  const base = rows.map(() => 0);
  return keys.map((key) => ({
    key,
    points: rows.map((row, i) => {
      const bottom = base[i] ?? 0;
      const top = bottom + Math.max(0, row[key] ?? 0);
      base[i] = top;
      return [bottom, top];
    }),
  }));
}

export interface StepBand {
  /** Left and right edges of the step, in pixels. */
  x0: number;
  x1: number;
  /** Bottom and top of the step, in pixels. */
  y0: number;
  y1: number;
}

/**
 * One closed SVG path through consecutive steps: along the tops left to right, then back along
 * the bottoms. Steps that touch share an edge, so a layer reads as one area that rises when records
 * arrive and drops when they expire. Returns '' for no steps.
 */
export function stepAreaPath(bands: readonly StepBand[]): string {
  const first = bands[0];
  if (!first) return '';
  const r = (n: number) => Math.round(n * 100) / 100;
  let d = `M${r(first.x0)},${r(first.y1)}`;
  for (const b of bands) d += `H${r(b.x0)}V${r(b.y1)}H${r(b.x1)}`;
  for (let i = bands.length - 1; i >= 0; i--) {
    const b = bands[i] as StepBand;
    d += `V${r(b.y0)}H${r(b.x0)}`;
  }
  return `${d}Z`;
}
