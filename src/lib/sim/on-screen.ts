import { readable, type Readable } from 'svelte/store';
import { afterNextPaint } from './later.ts';

/**
 * Whether one island is where the reader can see it, and the stores that follow the simulation for
 * it. A reader's action changes every panel at once; the panels on screen answer in the action's own
 * frame, the ones off screen (the contact graph under the fold, a table scrolled away in the
 * provider's column) catch up in a task of their own right after that frame is painted. So the
 * frame the reader waits for holds only what they can see, and a panel is current again before it
 * can be scrolled to. An island that never attaches counts as on screen: it answers at once.
 */
export interface ScreenGate {
  /** Svelte attachment for the island's root element: `<section {@attach gate.attach}>`. */
  attach: (element: Element) => () => void;
  /** `source`, passed on at once while on screen, after the next paint (the latest value only) while off it. */
  follow: <T>(source: Readable<T>) => Readable<T>;
  /** Tells the gate where the island is; the attachment calls it from an IntersectionObserver. */
  setOnScreen: (onScreen: boolean) => void;
}

/** How far outside the viewport a panel still counts as on screen: about to be scrolled to. */
const NEAR = '120px 0px';

export function screenGate(schedule: (run: () => void) => void = afterNextPaint): ScreenGate {
  let onScreen = true;
  /** Off-screen stores holding a value they have not passed on; each delivers its latest. */
  const pending = new Set<() => void>();
  let scheduled = false;

  const catchUp = () => {
    scheduled = false;
    const deliveries = [...pending];
    pending.clear();
    for (const deliver of deliveries) deliver();
  };

  const setOnScreen = (next: boolean) => {
    onScreen = next;
    if (onScreen) catchUp();
  };

  const follow = <T>(source: Readable<T>): Readable<T> => {
    let initial!: T;
    source.subscribe((v) => (initial = v))();
    return readable(initial, (set) => {
      let latest: T;
      const deliver = () => set(latest);
      let subscribing = true;
      const unsubscribe = source.subscribe((value) => {
        latest = value;
        // The value handed over on subscribing is where the store starts, not a change to hold back.
        if (onScreen || subscribing) {
          pending.delete(deliver);
          set(value);
          return;
        }
        pending.add(deliver);
        if (!scheduled) {
          scheduled = true;
          schedule(catchUp);
        }
      });
      subscribing = false;
      return () => {
        unsubscribe();
        pending.delete(deliver);
      };
    });
  };

  const attach = (element: Element) => {
    if (typeof IntersectionObserver !== 'function') return () => undefined;
    // A folded <details> (the ledger's table twin) shows nothing of what it holds: it counts as off
    // screen until it is unfolded, whatever the viewport says.
    const folded = () => element.tagName === 'DETAILS' && !(element as HTMLDetailsElement).open;
    let intersecting = true;
    const update = () => setOnScreen(intersecting && !folded());
    const observer = new IntersectionObserver(
      (entries) => {
        const last = entries[entries.length - 1];
        if (!last) return;
        intersecting = last.isIntersecting;
        update();
      },
      { rootMargin: NEAR },
    );
    observer.observe(element);
    element.addEventListener('toggle', update);
    return () => {
      observer.disconnect();
      element.removeEventListener('toggle', update);
      setOnScreen(true);
    };
  };

  return { attach, follow, setOnScreen };
}
