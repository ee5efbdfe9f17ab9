import type { Crypto } from '../../model/index.ts';

const INTENT = ['pointerdown', 'focusin', 'keydown'] as const;

/**
 * Derives every device's key pairs once the reader starts to use the page, one device per task.
 *
 * The model derives a device's keys only when a message first needs them (see `Crypto.keySeed`):
 * that keeps the elliptic-curve work out of the page's start-up, where it was half the script
 * time on a phone. Left there, though, it would all land on the reader's first
 * Send (or the first message a playback tick seals). Addressing a message takes seconds; this
 * spends them. Nothing happens for a reader who only reads, so start-up stays light.
 */
export function warmKeysOnIntent(keySeeds: () => readonly string[], crypto: Crypto): void {
  if (typeof document === 'undefined') return;
  const stop = new AbortController();
  const start = () => {
    stop.abort();
    const seeds = [...keySeeds()];
    const step = () => {
      const seed = seeds.pop();
      if (seed === undefined) return;
      crypto.keys(seed);
      later(step);
    };
    later(step);
  };
  for (const type of INTENT) document.addEventListener(type, start, { capture: true, passive: true, signal: stop.signal });
}

/** In idle time where the browser offers it (Safari does not), else in a task of its own. */
function later(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 0);
}
