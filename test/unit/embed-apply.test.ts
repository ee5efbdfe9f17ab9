import { createActor, fromCallback } from 'xstate';
import { describe, expect, test } from 'vitest';
import { DAY, playbackMachine, selectNow, startSimulation } from '../../src/model/index.ts';
import { applyViewOptions } from '../../src/lib/embed/apply.ts';
import { DEFAULT_OPTIONS, type ViewOptions } from '../../src/lib/embed/options.ts';
import { castScenario } from './model/fixtures.ts';

/** A page's simulation and playback as the store makes them, with a ticker that never ticks. */
function page() {
  const actor = startSimulation({ scenario: castScenario() });
  const playback = createActor(playbackMachine.provide({ actors: { ticker: fromCallback(() => undefined) } }), { input: { simulation: actor } }).start();
  return { actor, send: actor.send.bind(actor), playback };
}

describe('applyViewOptions drives the playback actor, not the time controls', () => {
  test.each<[string, Partial<ViewOptions>, string]>([
    ['autoplay plays', { autoplay: true }, 'playing'],
    ['reduced motion keeps autoplay from starting', { autoplay: true, reducedMotion: true }, 'paused'],
    ['no autoplay stays paused', {}, 'paused'],
  ])('%s', (_name, asked, state) => {
    const sim = page();
    applyViewOptions(sim, { ...DEFAULT_OPTIONS, ...asked });
    expect(sim.playback.getSnapshot().value).toBe(state);
  });

  test('the speed asked for becomes playback speed, and the day asked for is where time stands', () => {
    const sim = page();
    applyViewOptions(sim, { ...DEFAULT_OPTIONS, speed: 15, day: 4 });
    expect(sim.playback.getSnapshot().context.speed).toBe(15);
    expect(selectNow(sim.actor.getSnapshot().context)).toBe(3 * DAY);
  });
});
