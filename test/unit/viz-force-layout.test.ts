import { afterEach, describe, expect, test, vi } from 'vitest';
import { alongEdge, fitInto, forceLayout, lcg } from '../../src/viz/force-layout.ts';

const NODES = ['+15550100142', 'ana@example.org', 'ben@example.org', '+15550100163', '+15550100199', 'lone@example.org'];
const LINKS = [
  { a: '+15550100142', b: 'ben@example.org' },
  { a: '+15550100142', b: '+15550100163' },
  { a: '+15550100142', b: '+15550100199' },
  { a: 'ana@example.org', b: 'ben@example.org' },
];
const FRAME = { width: 320, height: 230, padX: 40, padY: 18 };

afterEach(() => vi.restoreAllMocks());

describe('forceLayout', () => {
  test('same input, same positions', () => {
    expect(forceLayout(NODES, LINKS, FRAME)).toEqual(forceLayout(NODES, LINKS, FRAME));
  });

  test('the order nodes and links arrive in, and which way a link runs, change nothing', () => {
    const shuffled = forceLayout(
      [...NODES].reverse(),
      [...LINKS].reverse().map((l, i) => (i % 2 ? { a: l.b, b: l.a } : l)),
      FRAME,
    );
    expect(shuffled).toEqual(forceLayout(NODES, LINKS, FRAME));
  });

  test('never calls Math.random', () => {
    const random = vi.spyOn(Math, 'random');
    // Two nodes at one spot make d3-force jiggle them apart: the seeded source must supply it.
    forceLayout(['x', 'y'], [{ a: 'x', b: 'y' }], { ...FRAME, ticks: 5 });
    forceLayout(NODES, LINKS, FRAME);
    expect(random).not.toHaveBeenCalled();
  });

  test('every node is placed inside the padded frame', () => {
    const pos = forceLayout(NODES, LINKS, FRAME);
    expect(Object.keys(pos).sort()).toEqual([...NODES].sort());
    for (const { x, y } of Object.values(pos)) {
      expect(x).toBeGreaterThanOrEqual(FRAME.padX - 1e-9);
      expect(x).toBeLessThanOrEqual(FRAME.width - FRAME.padX + 1e-9);
      expect(y).toBeGreaterThanOrEqual(FRAME.padY - 1e-9);
      expect(y).toBeLessThanOrEqual(FRAME.height - FRAME.padY + 1e-9);
    }
  });

  test('linked nodes sit closer than the unlinked node does to anyone', () => {
    const pos = forceLayout(NODES, LINKS, FRAME);
    const dist = (a: string, b: string) => Math.hypot((pos[a]?.x ?? 0) - (pos[b]?.x ?? 0), (pos[a]?.y ?? 0) - (pos[b]?.y ?? 0));
    const linked = LINKS.map((l) => dist(l.a, l.b));
    const lone = NODES.filter((n) => n !== 'lone@example.org').map((n) => dist('lone@example.org', n));
    expect(Math.max(...linked)).toBeLessThan(Math.max(...lone));
    // And no two nodes overlap.
    for (let i = 0; i < NODES.length; i++) for (let j = i + 1; j < NODES.length; j++) expect(dist(NODES[i] ?? '', NODES[j] ?? '')).toBeGreaterThan(14);
  });

  test('links to unknown nodes, self-links and repeats are ignored', () => {
    const pos = forceLayout(
      ['a', 'b'],
      [
        { a: 'a', b: 'b' },
        { a: 'b', b: 'a' },
        { a: 'a', b: 'a' },
        { a: 'a', b: 'zzz' },
      ],
      FRAME,
    );
    expect(Object.keys(pos).sort()).toEqual(['a', 'b']);
    expect(pos).toEqual(forceLayout(['a', 'b'], [{ a: 'a', b: 'b' }], FRAME));
  });

  test('no nodes, no positions; one node sits in the middle', () => {
    expect(forceLayout([], [], FRAME)).toEqual({});
    expect(forceLayout(['solo'], [], FRAME)).toEqual({ solo: { x: 160, y: 115 } });
  });
});

describe('fitInto', () => {
  const box = { x0: 10, x1: 110, y0: 0, y1: 50 };

  test('shrinks a large picture to fit, stretching one axis at most 1.5 times the other', () => {
    const out = fitInto({ a: { x: -100, y: 0 }, b: { x: 300, y: 100 } }, box);
    expect(out['a']).toEqual({ x: 10, y: 6.25 });
    expect(out['b']).toEqual({ x: 110, y: 43.75 });
    // With no stretch allowed, one scale for both axes.
    expect(fitInto({ a: { x: -100, y: 0 }, b: { x: 300, y: 100 } }, box, 1, 1)).toEqual({ a: { x: 10, y: 12.5 }, b: { x: 110, y: 37.5 } });
  });

  test('centres a small picture without enlarging it', () => {
    expect(fitInto({ a: { x: 0, y: 0 }, b: { x: 10, y: 0 } }, box)).toEqual({ a: { x: 55, y: 25 }, b: { x: 65, y: 25 } });
  });
});

describe('lcg', () => {
  test('is deterministic and stays in [0, 1)', () => {
    const r1 = lcg(7);
    const r2 = lcg(7);
    for (let i = 0; i < 1000; i++) {
      const v = r1();
      expect(v).toBe(r2());
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
  });
});

describe('fitInto: growing', () => {
  test('enlarges a small picture by at most `grow`', () => {
    const box = { x0: 0, x1: 100, y0: 0, y1: 100 };
    expect(fitInto({ a: { x: 0, y: 0 }, b: { x: 10, y: 0 } }, box, 3)).toEqual({ a: { x: 35, y: 50 }, b: { x: 65, y: 50 } });
    expect(fitInto({ a: { x: 0, y: 0 }, b: { x: 50, y: 0 } }, box, 3)).toEqual({ a: { x: 0, y: 50 }, b: { x: 100, y: 50 } });
  });
});

describe('alongEdge', () => {
  test.each([
    [{ x: 0, y: 0 }, { x: 10, y: 0 }, 0],
    [{ x: 10, y: 0 }, { x: 0, y: 0 }, 0],
    [{ x: 0, y: 0 }, { x: 10, y: 10 }, 45],
    [{ x: 10, y: 10 }, { x: 0, y: 0 }, 45],
    [{ x: 0, y: 10 }, { x: 10, y: 0 }, -45],
    [{ x: 0, y: 0 }, { x: 0, y: 10 }, 90],
    [{ x: 0, y: 10 }, { x: 0, y: 0 }, 90],
  ])('from %j to %j: midpoint, and %d° so text reads left to right', (p, q, angle) => {
    const at = alongEdge(p, q);
    expect(at.angle).toBe(angle);
    expect(at.x).toBe((p.x + q.x) / 2);
    expect(at.y).toBe((p.y + q.y) / 2);
  });
});
