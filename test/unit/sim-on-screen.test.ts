import { describe, expect, test } from 'vitest';
import { writable } from 'svelte/store';
import { screenGate } from '../../src/lib/sim/on-screen.ts';

/** A gate whose "after the next paint" runs when the test says the frame was painted. */
function gateWithFrames() {
  const queued: (() => void)[] = [];
  const gate = screenGate((run) => queued.push(run));
  const paint = () => queued.splice(0).forEach((run) => run());
  return { gate, paint, queued };
}

describe('screenGate', () => {
  test('on screen (and before it is ever told), every change passes at once', () => {
    const { gate, queued } = gateWithFrames();
    const source = writable(0);
    const seen: number[] = [];
    const stop = gate.follow(source).subscribe((v) => seen.push(v));
    source.set(1);
    source.set(2);
    expect(seen).toEqual([0, 1, 2]);
    expect(queued).toHaveLength(0);
    stop();
  });

  test('off screen, changes wait for the painted frame and arrive once, as the latest value', () => {
    const { gate, paint, queued } = gateWithFrames();
    const source = writable('a');
    const seen: string[] = [];
    const stop = gate.follow(source).subscribe((v) => seen.push(v));
    gate.setOnScreen(false);
    source.set('b');
    source.set('c');
    expect(seen).toEqual(['a']);
    expect(queued).toHaveLength(1); // one catch-up for the frame, however many changes
    paint();
    expect(seen).toEqual(['a', 'c']);
    paint(); // nothing new: nothing sent
    expect(seen).toEqual(['a', 'c']);
    stop();
  });

  test('coming on screen delivers what was held back at once', () => {
    const { gate } = gateWithFrames();
    const source = writable(0);
    const seen: number[] = [];
    const stop = gate.follow(source).subscribe((v) => seen.push(v));
    gate.setOnScreen(false);
    source.set(5);
    expect(seen).toEqual([0]);
    gate.setOnScreen(true);
    expect(seen).toEqual([0, 5]);
    stop();
  });

  test('one catch-up serves every store of the island, and an unsubscribed store gets nothing', () => {
    const { gate, paint, queued } = gateWithFrames();
    const a = writable(0);
    const b = writable(0);
    const seenA: number[] = [];
    const seenB: number[] = [];
    const stopA = gate.follow(a).subscribe((v) => seenA.push(v));
    const stopB = gate.follow(b).subscribe((v) => seenB.push(v));
    gate.setOnScreen(false);
    a.set(1);
    b.set(1);
    expect(queued).toHaveLength(1);
    stopB();
    paint();
    expect(seenA).toEqual([0, 1]);
    expect(seenB).toEqual([0]);
    stopA();
  });

  test('a store subscribed while off screen starts from the current value', () => {
    const { gate } = gateWithFrames();
    const source = writable(1);
    gate.setOnScreen(false);
    source.set(2);
    const seen: number[] = [];
    const stop = gate.follow(source).subscribe((v) => seen.push(v));
    expect(seen).toEqual([2]);
    stop();
  });
});

describe('screenGate.attach', () => {
  /** A stand-in IntersectionObserver the test drives: `see(true)` says the element is near the viewport. */
  function fakeObserver() {
    let callback: ((entries: { isIntersecting: boolean }[]) => void) | undefined;
    class FakeIntersectionObserver {
      constructor(cb: (entries: { isIntersecting: boolean }[]) => void) {
        callback = cb;
      }
      observe() {}
      disconnect() {}
    }
    return { FakeIntersectionObserver, see: (isIntersecting: boolean) => callback?.([{ isIntersecting }]) };
  }

  /** A <details> as the gate sees it: its tag, whether it is open, and its toggle event. */
  function fakeDetails(open: boolean) {
    const element = Object.assign(new EventTarget(), { tagName: 'DETAILS', open });
    return { element, toggle: (next: boolean) => ((element.open = next), element.dispatchEvent(new Event('toggle'))) };
  }

  test('a folded <details> counts as off screen even in view, and unfolding it delivers what it held back', () => {
    const { FakeIntersectionObserver, see } = fakeObserver();
    const saved = globalThis.IntersectionObserver;
    globalThis.IntersectionObserver = FakeIntersectionObserver as unknown as typeof IntersectionObserver;
    try {
      const { gate, paint } = gateWithFrames();
      const source = writable(0);
      const seen: number[] = [];
      const stop = gate.follow(source).subscribe((v) => seen.push(v));
      const { element, toggle } = fakeDetails(false);
      const detach = gate.attach(element as unknown as Element);
      see(true);
      source.set(1);
      expect(seen).toEqual([0]); // in view but folded: waits for the painted frame
      paint();
      expect(seen).toEqual([0, 1]);
      toggle(true);
      source.set(2);
      expect(seen).toEqual([0, 1, 2]); // unfolded and in view: at once
      see(false);
      source.set(3);
      expect(seen).toEqual([0, 1, 2]); // scrolled away: waits again
      toggle(false);
      see(true);
      expect(seen).toEqual([0, 1, 2]); // back in view but folded again: still waiting
      toggle(true);
      expect(seen).toEqual([0, 1, 2, 3]);
      detach();
      stop();
    } finally {
      globalThis.IntersectionObserver = saved;
    }
  });
});
