import { readable, type Readable } from 'svelte/store';

/**
 * A store that follows `source` at most once every `ms`: the first change shows at once (a click
 * answers immediately), changes inside the window are folded into one at its end, and the last
 * value always arrives. Panels whose work grows with the records held (the contact graph, legal
 * responses, policy compare) use it, so playback at 30 days/s stays smooth with thousands of
 * records while the clock and the ledger still move every frame.
 */
export function throttled<T>(source: Readable<T>, ms: number): Readable<T> {
  let initial!: T;
  source.subscribe((v) => (initial = v))();
  return readable(initial, (set) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending = false;
    let latest: T;
    const flush = () => {
      if (pending) {
        pending = false;
        set(latest);
        timer = setTimeout(flush, ms);
      } else timer = undefined;
    };
    let subscribing = true;
    const unsubscribe = source.subscribe((value) => {
      latest = value;
      // The value handed over on subscribing is not a change: it opens no window.
      if (subscribing) set(value);
      else if (timer === undefined) {
        set(value);
        timer = setTimeout(flush, ms);
      } else pending = true;
    });
    subscribing = false;
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  });
}
