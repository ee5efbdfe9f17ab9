import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';

/**
 * A node-link layout computed up front: d3-force runs a fixed number of ticks synchronously from
 * fixed starting positions, with a seeded random source (d3-force only draws random numbers to
 * separate coincident nodes). So the same graph always gets the same picture, nothing settles on
 * screen (which also honours prefers-reduced-motion), and Math.random is never called.
 */

export interface LayoutLink {
  a: string;
  b: string;
}

export interface LayoutOptions {
  /** The frame the positions must fit in, in SVG units. */
  width: number;
  height: number;
  /** Space kept clear at the left and right (labels are centred under nodes) and at the top and bottom. */
  padX?: number;
  padY?: number;
  /** Ticks to run; d3's default cooling reaches alpha_min in about 300. */
  ticks?: number;
  /** Preferred link length. */
  distance?: number;
  /** Seed for d3-force's random source. */
  seed?: number;
  /** How much a small picture may be enlarged to fill the frame (1: never). */
  grow?: number;
}

export interface Point {
  x: number;
  y: number;
}

interface Node extends SimulationNodeDatum {
  id: string;
}

const clamp = (ratio: number) => Math.min(2, Math.max(0.5, ratio));

/** A 32-bit linear congruential generator (Numerical Recipes constants) in [0, 1): all d3-force needs. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/**
 * Positions for `nodes` joined by `links`, inside the frame. The result depends only on the set of
 * nodes and links (inputs are sorted first), not on the order they arrive in.
 */
export function forceLayout(nodes: readonly string[], links: readonly LayoutLink[], options: LayoutOptions): Record<string, Point> {
  const { width, height, padX = 40, padY = 24, ticks = 300, distance = 80, seed = 1, grow = 1 } = options;
  const ids = [...new Set(nodes)].sort();
  const known = new Set(ids);
  const seen = new Set<string>();
  const edges: { source: string; target: string }[] = [];
  for (const l of links) {
    const [source, target] = l.a < l.b ? [l.a, l.b] : [l.b, l.a];
    const k = `${source}\u0000${target}`;
    if (source === target || !known.has(source) || !known.has(target) || seen.has(k)) continue;
    seen.add(k);
    edges.push({ source, target });
  }
  edges.sort((p, q) => (p.source + '\u0000' + p.target < q.source + '\u0000' + q.target ? -1 : 1));

  // Start on a circle in sorted order, so the starting picture is fixed too.
  const radius = Math.min(width, height) / 3;
  const simNodes: Node[] = ids.map((id, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, ids.length) - Math.PI / 2;
    return { id, x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
  });

  const simulation = forceSimulation<Node>(simNodes)
    .randomSource(lcg(seed))
    .force(
      'link',
      forceLink<Node, { source: string; target: string }>(edges)
        .id((n) => n.id)
        .distance(distance),
    )
    .force('charge', forceManyBody<Node>().strength(-distance * 3))
    .force('collide', forceCollide<Node>(distance / 3))
    // Pull loose nodes (no links) towards the middle, harder across the frame's short side, so the
    // picture takes the frame's shape (wide on a desktop, squarer on a phone).
    .force('x', forceX<Node>(0).strength(0.08 * clamp(height / width)))
    .force('y', forceY<Node>(0).strength(0.08 * clamp(width / height)))
    .stop();
  simulation.tick(ticks);

  return fitInto(
    Object.fromEntries(simNodes.map((n) => [n.id, { x: n.x ?? 0, y: n.y ?? 0 }])),
    { x0: padX, x1: width - padX, y0: padY, y1: height - padY },
    grow,
  );
}

/**
 * Moves and, if needed, shrinks `points` to lie inside the box, centred. A small picture is enlarged
 * by at most `grow` (default: never). Each axis gets its own scale so a wide picture can use a tall
 * frame, but neither is more than `stretch` times the other, so the shape stays recognisable.
 */
export function fitInto(
  points: Record<string, Point>,
  box: { x0: number; x1: number; y0: number; y1: number },
  grow = 1,
  stretch = 1.5,
): Record<string, Point> {
  const list = Object.values(points);
  if (list.length === 0) return {};
  const xs = list.map((p) => p.x);
  const ys = list.map((p) => p.y);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const w = Math.max(...xs) - minX;
  const h = Math.max(...ys) - minY;
  const boxW = Math.max(0, box.x1 - box.x0);
  const boxH = Math.max(0, box.y1 - box.y0);
  const fitX = Math.min(Math.max(1, grow), w > 0 ? boxW / w : Infinity);
  const fitY = Math.min(Math.max(1, grow), h > 0 ? boxH / h : Infinity);
  const sx = Math.min(fitX, fitY * stretch);
  const sy = Math.min(fitY, fitX * stretch);
  const offX = box.x0 + (boxW - w * sx) / 2;
  const offY = box.y0 + (boxH - h * sy) / 2;
  const round = (n: number) => Math.round(n * 100) / 100;
  return Object.fromEntries(Object.entries(points).map(([id, p]) => [id, { x: round(offX + (p.x - minX) * sx), y: round(offY + (p.y - minY) * sy) }]));
}

/**
 * Where a label along the edge from `p` to `q` goes: its midpoint, and the edge's angle in degrees,
 * turned so the text never reads upside down.
 */
export function alongEdge(p: Point, q: Point): Point & { angle: number } {
  let angle = (Math.atan2(q.y - p.y, q.x - p.x) * 180) / Math.PI;
  if (angle > 90) angle -= 180;
  else if (angle <= -90) angle += 180;
  return { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2, angle: Math.round(angle * 10) / 10 };
}
