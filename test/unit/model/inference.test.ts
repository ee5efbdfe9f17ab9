import { describe, expect, test } from 'vitest';
import { APPLE_2016, DAY, HOUR, KEEP_FOREVER, SIGNAL_LIKE, WHATSAPP_LIKE, startSimulation, selectGraph, selectGraphFrame } from '../../../src/model/index.ts';
import { castScenario } from './fixtures.ts';

describe('what metadata reveals', () => {
  test('a lookup that never became a message is a false edge; a conversation shows only where routing is kept', () => {
    const actor = startSimulation({ scenario: castScenario() });
    actor.send({ type: 'address.entered', device: 'ana-phone', address: 'cy@example.org' }); // typed, never sent
    actor.send({ type: 'message.sent', device: 'ana-phone', to: ['ben@example.org'], text: 'hi' });
    const graph = selectGraph(actor.getSnapshot().context);
    const ac = graph.inferred.find((e) => e.b === 'cy@example.org' || e.a === 'cy@example.org')!;
    expect(ac).toMatchObject({ real: false, lookupOnly: true });
    expect(graph.inferred.find((e) => e.a === '+15550100100' && e.b === 'ben@example.org')?.real).toBe(true);
    // Apple 2016 kept no push routing, so both links are lookups: one pair really talked, but the
    // records show it only as an address looked up, never as a conversation.
    expect(graph.tally).toEqual({ conversations: 0, conversationsReal: 0, lookupOnly: 2, talked: 1, shownAsConversation: 0, shownAsLookup: 1 });
    expect(graph.recall).toBe(0);
    // Where routing is kept, the same history shows the conversation.
    const c = actor.getSnapshot().context;
    expect(selectGraph(c, c.session.world.now, KEEP_FOREVER).tally).toMatchObject({ conversations: 1, conversationsReal: 1, shownAsConversation: 1 });
  });

  test('a pair who talked but whose records hold only the lookup shows as a lookup, not as a conversation', () => {
    // Under Apple 2016 push routing is not kept: the lookup is the only record linking Ana and Ben.
    const actor = startSimulation({ scenario: castScenario() });
    actor.send({ type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' });
    actor.send({ type: 'message.sent', device: 'ana-phone', to: ['ben@example.org'], text: 'hi' });
    const graph = selectGraph(actor.getSnapshot().context);
    expect(graph.actual).toEqual([{ a: '+15550100100', b: 'ben@example.org', shown: 'lookup' }]);
    expect(graph.tally).toMatchObject({ conversations: 0, lookupOnly: 1, talked: 1, shownAsConversation: 0, shownAsLookup: 1 });
    expect(graph.recall).toBe(0);
  });

  test('a conversation whose lookup was cached or expired is a missing edge', () => {
    const actor = startSimulation({ scenario: castScenario() });
    actor.send({ type: 'message.sent', device: 'ana-phone', to: ['ben@example.org'], text: 'hi' });
    actor.send({ type: 'time.advanceBy', ms: 31 * DAY });
    const graph = selectGraph(actor.getSnapshot().context);
    expect(graph.actual).toEqual([{ a: '+15550100100', b: 'ben@example.org', shown: 'nothing' }]);
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

test('the graph is laid out in a frame that does not move as records expire or the policy changes', () => {
  // The frame holds every pair linked so far, held or not, so a node keeps its place from day to day.
  const actor = startSimulation({ scenario: castScenario() });
  actor.send({ type: 'address.entered', device: 'ana-phone', address: 'cy@example.org' });
  actor.send({ type: 'message.sent', device: 'ana-phone', to: ['ben@example.org'], text: 'hi' });
  const frame = selectGraphFrame(actor.getSnapshot().context);
  expect(frame.links).toEqual([
    { a: '+15550100100', b: 'ben@example.org' },
    { a: '+15550100100', b: 'cy@example.org' },
  ]);
  actor.send({ type: 'time.advanceBy', ms: 31 * DAY });
  expect(selectGraph(actor.getSnapshot().context).inferred).toEqual([]); // the lookups expired...
  expect(selectGraphFrame(actor.getSnapshot().context)).toEqual(frame); // ...and the frame stayed
  actor.send({ type: 'policy.set', policy: SIGNAL_LIKE });
  expect(selectGraphFrame(actor.getSnapshot().context)).toEqual(frame);
  // A new conversation adds to the frame without moving what was there.
  actor.send({ type: 'message.sent', device: 'ana-phone', to: ['cy@example.org'], text: 'hello' });
  expect(selectGraphFrame(actor.getSnapshot().context).nodes).toEqual(frame.nodes);
});
