import { createActor } from 'xstate';
import { describe, expect, test } from 'vitest';
import {
  DAY,
  HOUR,
  persistSimulation,
  restoreSimulation,
  selectHeld,
  selectTimeline,
  selectViewAt,
  startSimulation,
  simulationMachine,
} from '../../../src/model/index.ts';
import { castScenario, loadScenario } from './fixtures.ts';

describe('simulation actor', () => {
  test('runs scripted steps as time passes, at their own times', () => {
    const actor = startSimulation({ scenario: loadScenario('a-number-typed') });
    expect(selectHeld(actor.getSnapshot().context).filter((r) => r.category === 'lookup')).toHaveLength(0);
    actor.send({ type: 'time.advanceBy', ms: DAY });
    const lookups = selectHeld(actor.getSnapshot().context).filter((r) => r.category === 'lookup');
    expect(lookups).toHaveLength(1);
    expect(lookups[0]!.recordedAt).toBe(9 * HOUR);
  });

  test('time never goes back; views may look back without changing anything', () => {
    const actor = startSimulation({ scenario: loadScenario('a-number-typed') });
    actor.send({ type: 'time.jumpTo', t: 20 * DAY });
    actor.send({ type: 'time.jumpTo', t: 5 * DAY });
    expect(actor.getSnapshot().context.session.world.now).toBe(20 * DAY);
    actor.send({ type: 'view.scrub', t: 3 * DAY });
    expect(selectViewAt(actor.getSnapshot().context)).toBe(3 * DAY);
    actor.send({ type: 'view.scrub', t: 99 * DAY });
    expect(selectViewAt(actor.getSnapshot().context)).toBe(20 * DAY);
  });

  test('a reader action while viewing the past happens now, and brings the view back to now to show it', () => {
    const actor = startSimulation({ scenario: castScenario() });
    actor.send({ type: 'time.jumpTo', t: 10 * DAY });
    actor.send({ type: 'view.scrub', t: 2 * DAY });
    actor.send({ type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' });
    const c = actor.getSnapshot().context;
    expect(selectViewAt(c)).toBe(10 * DAY);
    expect(selectHeld(c).find((r) => r.category === 'lookup')?.recordedAt).toBe(10 * DAY);
  });

  test('the timeline shows the lookup arriving on day 1 and leaving on day 31', () => {
    const actor = startSimulation({ scenario: loadScenario('a-number-typed') });
    actor.send({ type: 'time.jumpTo', t: 35 * DAY });
    const days = selectTimeline(actor.getSnapshot().context);
    expect(days).toHaveLength(35);
    expect(days[0]!.counts.lookup).toBe(1);
    expect(days[29]!.counts.lookup).toBe(1);
    expect(days[30]!.counts.lookup).toBe(0);
  });

  test('a persisted snapshot round-trips through JSON and carries on identically', () => {
    const a = startSimulation({ scenario: castScenario() });
    a.send({ type: 'message.sent', device: 'ana-phone', to: ['Ben'], text: 'persist me' });
    a.send({ type: 'time.advanceBy', ms: 2 * DAY });
    const json = persistSimulation(a);
    const b = restoreSimulation(json, { scenario: castScenario() });
    expect(persistSimulation(b)).toBe(json);
    for (const actor of [a, b]) {
      actor.send({ type: 'message.sent', device: 'ben-phone', to: ['+15550100100'], text: 'and back' });
      actor.send({ type: 'time.advanceBy', ms: DAY });
    }
    expect(persistSimulation(b)).toBe(persistSimulation(a));
    expect(b.getSnapshot().context.session.world.devices['ana-laptop']!.messages.map((m) => m.text)).toEqual(['persist me', 'and back']);
  });

  test('reset keeps the WorldConfig the actor was started with', () => {
    const config = { queueHoldMs: 3 * DAY, lookupCacheMs: HOUR };
    const actor = startSimulation({ scenario: castScenario(), config });
    actor.send({ type: 'time.advanceBy', ms: DAY });
    actor.send({ type: 'reset' });
    expect(actor.getSnapshot().context.session.world.config).toMatchObject(config);
    actor.send({ type: 'reset', seed: 7 });
    expect(actor.getSnapshot().context.session.world.config).toMatchObject(config);
  });

  test('a rejected reader action is journaled and changes no record', () => {
    const actor = createActor(simulationMachine, { input: { scenario: castScenario() } }).start();
    const before = actor.getSnapshot().context.session.world.ledger.nextSeq;
    actor.send({ type: 'message.sent', device: 'ghost', to: ['Ben'], text: 'x' });
    const { latest, session } = actor.getSnapshot().context;
    expect(latest[0]).toMatchObject({ outcome: 'rejected' });
    expect(session.world.ledger.nextSeq).toBe(before);
  });
});
