import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { CATEGORIES, DAY, selectTimeline, startSimulation } from '../../src/model/index.ts';
import { stackLayers, stepAreaPath } from '../../src/viz/stack.ts';
import { castScenario } from './model/fixtures.ts';

const KEYS = ['a', 'b', 'c'] as const;

describe('stackLayers', () => {
  test('stacks in key order, each layer on the one below', () => {
    const layers = stackLayers(
      [
        { a: 1, b: 2, c: 0 },
        { a: 0, b: 3, c: 4 },
      ],
      KEYS,
    );
    expect(layers.map((l) => l.key)).toEqual(['a', 'b', 'c']);
    expect(layers.map((l) => l.points)).toEqual([
      [
        [0, 1],
        [0, 0],
      ],
      [
        [1, 3],
        [0, 3],
      ],
      [
        [3, 3],
        [3, 7],
      ],
    ]);
  });

  test('the top of the last layer is each row’s total, and no layer has negative height', () => {
    const row = fc.record({ a: fc.nat(500), b: fc.nat(500), c: fc.nat(500) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const layers = stackLayers(rows, KEYS);
        const top = layers.at(-1)?.points ?? [];
        rows.forEach((r, i) => expect(top[i]?.[1]).toBe(r.a + r.b + r.c));
        for (const l of layers) for (const [bottom, t] of l.points) expect(t).toBeGreaterThanOrEqual(bottom);
        for (let k = 1; k < layers.length; k++) {
          layers[k]?.points.forEach(([bottom], i) => expect(bottom).toBe(layers[k - 1]?.points[i]?.[1]));
        }
      }),
      { numRuns: 200 },
    );
  });

  test('no rows, no points', () => {
    expect(stackLayers([], KEYS).every((l) => l.points.length === 0)).toBe(true);
  });
});

describe('stepAreaPath', () => {
  test('no steps, no path', () => {
    expect(stepAreaPath([])).toBe('');
  });

  test('one closed outline: along the tops left to right, back along the bottoms', () => {
    const d = stepAreaPath([
      { x0: 0, x1: 10, y0: 100, y1: 80 },
      { x0: 10, x1: 20, y0: 100, y1: 60 },
    ]);
    expect(d).toBe('M0,80H0V80H10H10V60H20V100H10V100H0Z');
  });

  test('rounds to hundredths, so paths stay short', () => {
    expect(stepAreaPath([{ x0: 0.123456, x1: 1.987654, y0: 5, y1: 1 / 3 }])).toBe('M0.12,0.33H0.12V0.33H1.99V5H0.12Z');
  });
});

describe('stacking the model’s timeline', () => {
  test('the stack rises when a lookup is recorded and drops on the day it expires', () => {
    const actor = startSimulation({ scenario: castScenario(), crypto: 'metadata-only' });
    actor.send({ type: 'address.entered', device: 'ana-phone', address: 'Ben' });
    actor.send({ type: 'time.jumpTo', t: 40 * DAY });
    const days = selectTimeline(actor.getSnapshot().context);
    const top =
      stackLayers(
        days.map((d) => d.counts),
        CATEGORIES,
      )
        .at(-1)
        ?.points.map(([, t]) => t) ?? [];
    expect(top).toEqual(days.map((d) => d.total));
    // Apple 2016 keeps lookup records 30 days: recorded on day 1, held through day 30, gone by the end of day 31.
    const lookups =
      stackLayers(
        days.map((d) => d.counts),
        CATEGORIES,
      ).find((l) => l.key === 'lookup')?.points ?? [];
    const height = (day: number) => (lookups[day - 1]?.[1] ?? 0) - (lookups[day - 1]?.[0] ?? 0);
    expect(height(1)).toBe(1);
    expect(height(30)).toBe(1);
    expect(height(31)).toBe(0);
    expect(top[30]).toBe((top[29] ?? 0) - 1);
    actor.stop();
  });
});
