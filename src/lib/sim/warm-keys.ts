import { later } from './later.ts';

const INTENT = ['pointerdown', 'focusin', 'keydown'] as const;

/**
 * Derives every device's key pairs once the reader starts to use the page, one device per task.
 *
 * The model never derives keys (crypto.ts): a page seals what it shows after the next paint
 * (sealed-bytes.svelte.ts), and each envelope needs its two devices' keys. Left to then, that work
 * would make the reader's first fan-out slow to fill in. Addressing a message takes seconds; this
 * spends them. Nothing happens for a reader who only reads, so start-up stays light. `deriver`
 * loads the cryptography and gives the derivation (a failed load derives nothing).
 */
export function warmKeysOnIntent(keySeeds: () => readonly string[], deriver: () => Promise<(seed: string) => unknown>): void {
  if (typeof document === 'undefined') return;
  const stop = new AbortController();
  const start = () => {
    stop.abort();
    deriver().then(
      (derive) => {
        const seeds = [...keySeeds()];
        const step = () => {
          const seed = seeds.pop();
          if (seed === undefined) return;
          derive(seed);
          later(step);
        };
        later(step);
      },
      () => undefined,
    );
  };
  for (const type of INTENT) document.addEventListener(type, start, { capture: true, passive: true, signal: stop.signal });
}
