import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { get, writable } from 'svelte/store';
import { throttled } from '../../src/lib/sim/throttle.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('throttled', () => {
  test('shows the first change at once, folds a burst into one, and always delivers the last value', () => {
    const source = writable(0);
    const slow = throttled(source, 250);
    const seen: number[] = [];
    const stop = slow.subscribe((v) => seen.push(v));
    source.set(1); // a click: shown at once
    expect(seen).toEqual([0, 1]);
    for (let i = 2; i <= 10; i++) source.set(i); // playback frames inside the window
    expect(seen).toEqual([0, 1]);
    vi.advanceTimersByTime(250);
    expect(seen).toEqual([0, 1, 10]);
    vi.advanceTimersByTime(1000); // nothing new: nothing sent
    expect(seen).toEqual([0, 1, 10]);
    source.set(11);
    expect(seen).toEqual([0, 1, 10, 11]);
    stop();
  });

  test('a late subscriber starts from the current value', () => {
    const source = writable('a');
    source.set('b');
    expect(get(throttled(source, 100))).toBe('b');
  });
});
