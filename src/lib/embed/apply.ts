import { DAY, presetById } from '../../model/index.ts';
import type { PlaybackActor, Simulation } from '../sim/store.ts';
import type { ViewOptions } from './options.ts';

/** What applying options needs of a page's simulation: its actor, a way to send it events, and its playback. */
export type SimulationHandle = Pick<Simulation, 'actor' | 'send'> & { playback: Pick<PlaybackActor, 'send' | 'getSnapshot'> };

/**
 * The simulated time a view opens at: the `day` asked for (its midnight), or else the moment of the
 * narration step asked for, step 1's by default, so the clock and the narration agree from the
 * first screen. A view that plays at once starts from the beginning instead and plays to the first
 * pause. `day` wins, so a link that names both shows that day with that step's words beside it.
 */
export function startTime(
  options: Pick<ViewOptions, 'day' | 'step'> & Partial<Pick<ViewOptions, 'autoplay' | 'reducedMotion'>>,
  stepTimes: readonly number[] = [],
): number {
  if (options.day > 1) return (options.day - 1) * DAY;
  if (options.step > 1) return stepTimes[options.step - 1] ?? 0;
  return options.autoplay && !options.reducedMotion ? 0 : (stepTimes[0] ?? 0);
}

/**
 * Applies URL view options to a page's simulation after its islands have hydrated, through the
 * same events a reader's clicks send, so the server-rendered first paint and the hydrated view
 * never disagree. Returns nothing; the view follows the shared actor.
 */
export function applyViewOptions(sim: SimulationHandle, options: ViewOptions, stepTimes: readonly number[] = []): void {
  if (options.seed !== undefined) sim.send({ type: 'reset', seed: options.seed });
  const policy = options.policy === undefined ? undefined : presetById(options.policy);
  if (policy) sim.send({ type: 'policy.set', policy });
  const t = startTime(options, stepTimes);
  if (t > 0) sim.send({ type: 'time.jumpTo', t });
  sim.playback.send({ type: 'playback.speed', speed: options.speed });
  if (options.autoplay && !options.reducedMotion) sim.playback.send({ type: 'playback.play' });
}

/** Theme and motion preferences go on <html>, where the stylesheet reads them. */
export function applyPagePreferences(root: HTMLElement, options: ViewOptions): void {
  if (options.theme === 'auto') delete root.dataset['theme'];
  else root.dataset['theme'] = options.theme;
  if (options.reducedMotion) root.dataset['motion'] = 'reduce';
  else delete root.dataset['motion'];
}
