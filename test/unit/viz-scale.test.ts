import { describe, expect, test } from 'vitest';
import { countTicks, dayAfterKey, dayTicks, linear } from '../../src/viz/scale.ts';

describe('linear', () => {
  test.each([
    [
      [1, 61],
      [0, 600],
    ],
    [
      [0, 12],
      [180, 0],
    ],
    [
      [-5, 5],
      [10, 20],
    ],
  ] as const)('maps the ends of %j to the ends of %j, and inverts', (domain, range) => {
    const s = linear(domain, range);
    expect(s(domain[0])).toBe(range[0]);
    expect(s(domain[1])).toBe(range[1]);
    expect(s.invert(range[0])).toBe(domain[0]);
    expect(s.invert(range[1])).toBe(domain[1]);
    const midway = (domain[0] + domain[1]) / 2;
    expect(s(midway)).toBeCloseTo((range[0] + range[1]) / 2);
    expect(s.invert(s(domain[0] + 1.25))).toBeCloseTo(domain[0] + 1.25);
  });

  test('a collapsed domain maps to the middle of the range, and never to NaN', () => {
    const s = linear([3, 3], [0, 100]);
    expect(s(3)).toBe(50);
    expect(s.invert(10)).toBe(3);
    expect(linear([0, 10], [5, 5]).invert(5)).toBe(5);
  });
});

describe('countTicks', () => {
  test.each([
    [0, [0, 1]],
    [1, [0, 1]],
    [3, [0, 1, 2, 3]],
    [4, [0, 1, 2, 3, 4]],
    [7, [0, 2, 4, 6, 8]],
    [12, [0, 5, 10, 15]],
    [40, [0, 10, 20, 30, 40]],
    [2.5, [0, 1, 2, 3]],
  ])('for a maximum of %d gives %j', (max, ticks) => {
    expect(countTicks(max)).toEqual(ticks);
  });

  test.each([1, 9, 17, 99, 1234, 10_001])('whole, evenly spaced, at most 5 ticks, the last at or above %d', (max) => {
    const ticks = countTicks(max);
    expect(ticks[0]).toBe(0);
    expect(ticks.length).toBeLessThanOrEqual(5);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
    const step = (ticks[1] ?? 0) - (ticks[0] ?? 0);
    expect(Number.isInteger(step)).toBe(true);
    ticks.forEach((t, i) => expect(t).toBe(i * step));
  });
});

describe('dayTicks', () => {
  test('starts on day 1, stays within the days, and keeps labels apart', () => {
    for (const [days, width] of [
      [60, 244],
      [60, 1000],
      [35, 600],
      [7, 300],
      [365, 320],
    ] as const) {
      const ticks = dayTicks(days, width);
      const perDay = width / days;
      expect(ticks[0]).toBe(1);
      expect(ticks.every((d) => d >= 1 && d <= days)).toBe(true);
      for (let i = 1; i < ticks.length; i++) expect(((ticks[i] ?? 0) - (ticks[i - 1] ?? 0)) * perDay).toBeGreaterThanOrEqual(44 * 0.75);
    }
  });

  test('weekly labels on a wide 60-day axis', () => {
    expect(dayTicks(60, 500)).toEqual([1, 7, 14, 21, 28, 35, 42, 49, 56]);
  });
});

describe('dayAfterKey: where a key moves the day cursor', () => {
  test.each([
    ['ArrowLeft', 5, 4],
    ['ArrowDown', 5, 4],
    ['ArrowRight', 5, 6],
    ['ArrowUp', 5, 6],
    ['PageDown', 5, 1],
    ['PageUp', 5, 12],
    ['PageUp', 28, 31],
    ['ArrowLeft', 1, 1],
    ['Home', 17, 1],
    ['End', 3, 31],
  ])('%s from day %i of 31 → day %i', (key, from, to) => {
    expect(dayAfterKey(key, from, 31)).toBe(to);
  });

  test('any other key does not move it', () => {
    expect(dayAfterKey('a', 5, 31)).toBeUndefined();
    expect(dayAfterKey('Enter', 5, 31)).toBeUndefined();
  });
});
