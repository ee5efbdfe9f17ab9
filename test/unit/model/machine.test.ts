import { createTestModel } from 'xstate/graph';
import { createActor } from 'xstate';
import { describe, expect, test } from 'vitest';
import {
  APPLE_2016,
  DAY,
  HOUR,
  deviceMachine,
  heldAt,
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

describe('device statechart paths (xstate/graph)', () => {
  const model = createTestModel(deviceMachine);
  const paths = model.getShortestPaths();

  test('covers every state', () => {
    const states = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    expect(states).toEqual(
      new Set([
        JSON.stringify({ online: 'empty' }),
        JSON.stringify({ online: 'addressed' }),
        JSON.stringify({ online: 'sent' }),
        JSON.stringify('offline'),
      ]),
    );
  });

  // Each path drives the real world with the same events; the statechart's state tells what the
  // provider must hold afterwards.
  test.each(paths.map((p) => [p.description, p] as const))('%s', async (_d, path) => {
    const actor = startSimulation({ scenario: castScenario() });
    const lookupsHeld = () => heldAt(actor.getSnapshot().context.session.world.ledger, APPLE_2016, actor.getSnapshot().context.session.world.now).lookup.length;
    await path.test({
      states: {
        'online.empty': () => expect(actor.getSnapshot().context.session.world.devices['ana-phone']!.online).toBe(true),
        'online.addressed': () => expect(lookupsHeld()).toBeGreaterThan(0),
        'online.sent': () => expect(actor.getSnapshot().context.session.world.devices['ana-phone']!.messages.length).toBeGreaterThan(0),
        offline: () => expect(actor.getSnapshot().context.session.world.devices['ana-phone']!.online).toBe(false),
      },
      events: {
        'address.entered': () => actor.send({ type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' }),
        'message.sent': () => actor.send({ type: 'message.sent', device: 'ana-phone', to: ['ben@example.org'], text: 'path' }),
        'composer.cleared': () => undefined,
        'device.offline': () => actor.send({ type: 'device.offline', device: 'ana-phone' }),
        'device.online': () => actor.send({ type: 'device.online', device: 'ana-phone' }),
      },
    });
  });
});
