import { describe, expect, test } from 'vitest';
import { APPLE_2016, DAY, HOUR, SIGNAL_LIKE, WHATSAPP_LIKE, startSimulation, selectGraph } from '../../../src/model/index.ts';
import { castScenario } from './fixtures.ts';

describe('what metadata reveals', () => {
  test('a lookup that never became a message is a false edge; real conversations are found', () => {
    const actor = startSimulation({ scenario: castScenario() });
    actor.send({ type: 'address.entered', device: 'ana-phone', address: 'cy@example.org' }); // typed, never sent
    actor.send({ type: 'message.sent', device: 'ana-phone', to: ['ben@example.org'], text: 'hi' });
    const graph = selectGraph(actor.getSnapshot().context);
    const ac = graph.inferred.find((e) => e.b === 'cy@example.org' || e.a === 'cy@example.org')!;
    expect(ac).toMatchObject({ real: false, lookupOnly: true });
    expect(graph.inferred.find((e) => e.a === '+15550100100' && e.b === 'ben@example.org')?.real).toBe(true);
    expect(graph.precision).toBe(0.5);
    expect(graph.recall).toBe(1);
  });

  test('a conversation whose lookup was cached or expired is a missing edge', () => {
    const actor = startSimulation({ scenario: castScenario() });
    actor.send({ type: 'message.sent', device: 'ana-phone', to: ['ben@example.org'], text: 'hi' });
    actor.send({ type: 'time.advanceBy', ms: 31 * DAY });
    const graph = selectGraph(actor.getSnapshot().context);
    expect(graph.actual).toEqual([{ a: '+15550100100', b: 'ben@example.org', seen: false }]);
    expect(graph.recall).toBe(0);
  });

  test('policies reveal different graphs from the same history', () => {
    const actor = startSimulation({ scenario: castScenario(), policy: WHATSAPP_LIKE });
    actor.send({ type: 'message.sent', device: 'ana-phone', to: ['ben@example.org'], text: 'hi' });
    const c = actor.getSnapshot().context;
    expect(selectGraph(c, c.session.world.now, APPLE_2016).inferred).toHaveLength(1);
    expect(selectGraph(c, c.session.world.now, SIGNAL_LIKE).inferred).toHaveLength(0);
  });
});

test('inference reads only held records', () => {
  const actor = startSimulation({ scenario: castScenario() });
  actor.send({ type: 'address.entered', device: 'ana-phone', address: 'cy@example.org' });
  actor.send({ type: 'time.advanceBy', ms: 30 * DAY + HOUR });
  expect(selectGraph(actor.getSnapshot().context).inferred).toEqual([]);
});
