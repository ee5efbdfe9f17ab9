import { describe, expect, test } from 'vitest';
import { DAY, HOUR, selectNow, startSimulation } from '../../src/model/index.ts';
import { applyStart, startKey } from '../../src/lib/sim/figure-start.ts';
import { castScenario } from './model/fixtures.ts';

// A writer's <Simulation day={3} policy="signal-like" />: the first island of the figure to hydrate
// (when it comes near the screen) puts the simulation there.
describe('a figure starts where its writer said', () => {
  const start = () => startSimulation({ scenario: castScenario({ duration: 40 }), crypto: 'metadata-only' });

  test('the day opens at noon and the preset applies', () => {
    const actor = start();
    applyStart(actor, { day: 3, policy: 'signal-like' });
    expect(selectNow(actor.getSnapshot().context)).toBe(2 * DAY + 12 * HOUR);
    expect(actor.getSnapshot().context.policy.id).toBe('signal-like');
  });

  test('time never runs backwards: a reader who moved the figure on keeps their moment', () => {
    const actor = start();
    actor.send({ type: 'time.jumpTo', t: 9 * DAY });
    applyStart(actor, { day: 3 });
    expect(selectNow(actor.getSnapshot().context)).toBe(9 * DAY);
  });

  test('a policy alone leaves the clock where it is', () => {
    const actor = start();
    const before = selectNow(actor.getSnapshot().context);
    applyStart(actor, { policy: 'keep-nothing' });
    expect(actor.getSnapshot().context.policy.id).toBe('keep-nothing');
    expect(selectNow(actor.getSnapshot().context)).toBe(before);
  });

  test('each distinct start has its own key, so each is applied once', () => {
    expect(startKey({ day: 3 })).toBe(startKey({ day: 3, policy: undefined }));
    expect(new Set([startKey({ day: 3 }), startKey({ policy: 'signal-like' }), startKey({ day: 3, policy: 'signal-like' })]).size).toBe(3);
  });
});
