import { createTestModel } from 'xstate/graph';
import { describe, expect, test } from 'vitest';
import {
  DAY,
  HOUR,
  legalRequestMachine,
  legalRequestStage,
  preservationRequestMachine,
  selectPreservation,
  selectLegal,
  selectLegalRequest,
  selectLegalReach,
  startSimulation,
  type LegalRequestEvent,
  type LegalRequestStage,
  type PreservationRequestEvent,
  type PreservationStage,
} from '../../src/model/index.ts';
import { castScenario } from './model/fixtures.ts';

const ANA = '+15550100100';

describe('legal request statechart', () => {
  const input = { process: 'pen-register', target: ANA, collectsUntil: 10 * DAY } as const;

  test.each([
    ['not served', 'subpoena', undefined, 5 * DAY, 'drafted'],
    ['a subpoena, served', 'subpoena', DAY, DAY, 'produced'],
    ['a warrant, served', 'warrant', DAY, 5 * DAY, 'produced'],
    ['a pen register, served', 'pen-register', DAY, 5 * DAY, 'collecting'],
    ['a pen register at the end of its collection', 'pen-register', DAY, 10 * DAY, 'produced'],
  ] as const)('%s: %s', (_d, process, servedAt, at, stage) => {
    expect(legalRequestStage({ ...input, process }, servedAt, at)).toBe(stage);
  });
});

/**
 * The panel's journey through the chart, played on the real simulation: every shortest path is
 * the reader choosing a process, serving it and letting time pass, and at each stage the legal
 * panel's selector must report the chart's stage.
 */
describe('legal request paths (xstate/graph)', () => {
  const scenario = castScenario({ duration: 20 });
  const END = 20 * DAY;
  const model = createTestModel(legalRequestMachine, {
    input: { process: 'subpoena', target: ANA, collectsUntil: END },
    events: (snapshot): LegalRequestEvent[] => [
      { type: 'draft.changed', process: snapshot.context.process === 'subpoena' ? 'pen-register' : 'subpoena', target: ANA },
      { type: 'request.served', at: 0 },
      { type: 'time.passed', at: END },
    ],
  });
  const paths = model.getShortestPaths();

  test('reach every stage, for both kinds of process', () => {
    // Paths that are the start of a longer one are left out, so count every state a path passes through.
    const reached = new Set(paths.flatMap((p) => [...p.steps.map((s) => s.state), p.state]).map((s) => `${String(s.value)} ${s.context.process}`));
    for (const stage of ['drafted subpoena', 'drafted pen-register', 'produced subpoena', 'collecting pen-register', 'produced pen-register']) {
      expect(reached).toContain(stage);
    }
  });

  test.each(paths.map((p) => [p.description, p] as const))('%s', async (_d, path) => {
    const actor = startSimulation({ scenario, crypto: 'metadata-only' });
    let process = 'subpoena' as 'subpoena' | 'pen-register';
    const stageIs = (stage: LegalRequestStage) => () => {
      const request = selectLegalRequest(actor.getSnapshot().context, process, ANA);
      expect(request.stage).toBe(stage);
      if (stage !== 'drafted')
        expect(request.response).toEqual(
          selectLegal(actor.getSnapshot().context, process, ANA, process === 'pen-register' ? 0 : actor.getSnapshot().context.session.world.now),
        );
    };
    await path.test({
      states: { drafted: stageIs('drafted'), collecting: stageIs('collecting'), produced: stageIs('produced') },
      events: {
        'draft.changed': ({ event }) => {
          process = (event as Extract<LegalRequestEvent, { type: 'draft.changed' }>).process as typeof process;
        },
        'request.served': () => actor.send({ type: 'legal.request', process, target: ANA }),
        'time.passed': () => {
          actor.send({ type: 'message.sent', device: 'ana-phone', to: ['ben@example.org'], text: 'while the order runs' });
          actor.send({ type: 'time.jumpTo', t: END });
        },
      },
    });
  });

  test('a pen register served later starts collecting then, not before', () => {
    const actor = startSimulation({ scenario, crypto: 'metadata-only' });
    actor.send({ type: 'time.advanceBy', ms: 2 * DAY });
    actor.send({ type: 'legal.request', process: 'pen-register', target: ANA });
    actor.send({ type: 'time.advanceBy', ms: HOUR });
    expect(selectLegalRequest(actor.getSnapshot().context, 'pen-register', ANA)).toMatchObject({ stage: 'collecting', servedAt: 2 * DAY });
    actor.send({ type: 'view.scrub', t: DAY });
    expect(selectLegalRequest(actor.getSnapshot().context, 'pen-register', ANA)).toMatchObject({ stage: 'drafted', servedAt: undefined });
  });
});

describe('legal reach on the lanes', () => {
  test('the latest request served by the moment viewed: what it produces and what was already gone', () => {
    const actor = startSimulation({ scenario: castScenario({ duration: 60 }) });
    const c = () => actor.getSnapshot().context;
    expect(selectLegalReach(c())).toBeUndefined();
    actor.send({ type: 'time.advanceBy', ms: 35 * DAY });
    actor.send({ type: 'legal.request', process: 'subpoena', target: ANA });
    const reach = selectLegalReach(c())!;
    const response = selectLegal(c(), 'subpoena', ANA, reach.servedAt);
    expect(reach).toMatchObject({ process: 'subpoena', target: ANA, servedAt: 35 * DAY, categories: response.categories });
    expect([...reach.produced]).toEqual(response.produced.map((p) => p.seq));
    // The sign-in connections of day 1 were kept 25 days under Apple (2016): gone before day 36.
    expect([...reach.gone]).toEqual(response.noLongerHeld.map((g) => g.seq));
    expect(response.noLongerHeld.map((g) => g.category)).toContain('connection');
    // Looking back before it was served, there is no reach to draw.
    actor.send({ type: 'view.scrub', t: 30 * DAY });
    expect(selectLegalReach(c())).toBeUndefined();
  });

  test('a pen register reaches only what it has handed over by the moment viewed', () => {
    const actor = startSimulation({ scenario: castScenario({ duration: 60 }) });
    const c = () => actor.getSnapshot().context;
    actor.send({ type: 'legal.request', process: 'pen-register', target: ANA });
    actor.send({ type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' });
    actor.send({ type: 'time.advanceBy', ms: 10 * DAY });
    const all = selectLegal(c(), 'pen-register', ANA, 0).produced;
    expect(all.length).toBeGreaterThan(0);
    actor.send({ type: 'view.scrub', t: 0 });
    const early = selectLegalReach(c())!;
    actor.send({ type: 'view.live' });
    const late = selectLegalReach(c())!;
    expect(late.produced.size).toBe(all.length);
    expect(early.produced.size).toBeLessThan(late.produced.size);
  });
});

/**
 * The preservation request's chart, walked by xstate/graph and played on the real simulation: at
 * every stage the legal panel's selector must report the chart's stage.
 */
describe('preservation request paths (xstate/graph)', () => {
  const END = 200 * DAY;
  const scenario = castScenario({ duration: 200 });
  const model = createTestModel(preservationRequestMachine, {
    input: { target: ANA },
    events: (): PreservationRequestEvent[] => [
      { type: 'preservation.served', at: DAY },
      { type: 'preservation.renewed', at: 50 * DAY },
      { type: 'time.passed', at: END },
    ],
  });
  const paths = model.getShortestPaths();

  test('reach every stage', () => {
    const reached = new Set(paths.flatMap((p) => [...p.steps.map((s) => s.state), p.state]).map((s) => String(s.value)));
    expect([...reached].sort()).toEqual(['drafted', 'lapsed', 'preserved', 'renewed']);
  });

  test.each(paths.map((p) => [p.description, p] as const))('%s', async (_d, path) => {
    const actor = startSimulation({ scenario, crypto: 'metadata-only' });
    const stageIs = (stage: PreservationStage) => () => expect(selectPreservation(actor.getSnapshot().context, ANA).stage).toBe(stage);
    const at = (t: number) => actor.send({ type: 'time.jumpTo', t });
    await path.test({
      states: { drafted: stageIs('drafted'), preserved: stageIs('preserved'), renewed: stageIs('renewed'), lapsed: stageIs('lapsed') },
      events: {
        'preservation.served': ({ event }) => {
          at((event as unknown as { at: number }).at);
          actor.send({ type: 'preservation.requested', target: ANA });
        },
        'preservation.renewed': ({ event }) => {
          at((event as unknown as { at: number }).at);
          actor.send({ type: 'preservation.renewed', target: ANA });
        },
        'time.passed': ({ event }) => at((event as unknown as { at: number }).at),
      },
    });
  });
});
