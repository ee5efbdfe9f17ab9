import { DAY, presetById } from '../../model/index.ts';
import { playback } from '../sim/playback.svelte.ts';
import type { Simulation } from '../sim/store.ts';
import type { ViewOptions } from './options.ts';

/**
 * Applies URL view options to a page's simulation after its islands have hydrated, through the
 * same events a reader's clicks send, so the server-rendered first paint and the hydrated view
 * never disagree. Returns nothing; the view follows the shared actor.
 */
export function applyViewOptions(sim: Simulation, options: ViewOptions): void {
  if (options.seed !== undefined) sim.send({ type: 'reset', seed: options.seed });
  const policy = options.policy === undefined ? undefined : presetById(options.policy);
  if (policy) sim.send({ type: 'policy.set', policy });
  if (options.day > 1) sim.send({ type: 'time.jumpTo', t: (options.day - 1) * DAY });
  playback.speed = options.speed;
  if (options.autoplay && !options.reducedMotion) playback.play(sim);
}

/** Theme and motion preferences go on <html>, where the stylesheet reads them. */
export function applyPagePreferences(root: HTMLElement, options: ViewOptions): void {
  if (options.theme === 'auto') delete root.dataset['theme'];
  else root.dataset['theme'] = options.theme;
  if (options.reducedMotion) root.dataset['motion'] = 'reduce';
  else delete root.dataset['motion'];
}
