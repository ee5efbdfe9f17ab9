import { createActor, fromCallback, transition, type EventObject, type SnapshotFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, test } from 'vitest';
import {
  DAY,
  MAX_FRAME_MS,
  ModelError,
  playbackMachine,
  selectClock,
  selectNow,
  selectViewAt,
  simulatedMs,
  startSimulation,
  type Clock,
  type PlaybackEvent,
  type TickEvent,
} from '../../../src/model/index.ts';
import { castScenario } from './fixtures.ts';

/** A ticker that ticks only when the test says so, and shows whether playback is running it. */
function fakeTicker() {
  const state = { running: false, starts: 0, send: undefined as ((event: TickEvent) => void) | undefined, stale: [] as ((event: TickEvent) => void)[] };
  const logic = fromCallback<EventObject>(({ sendBack }) => {
    state.running = true;
    state.starts += 1;
    state.send = sendBack;
    return () => {
      state.running = false;
      if (state.send) state.stale.push(state.send);
      state.send = undefined;
    };
  });
  return { logic, state, tick: (ms: number) => state.send?.({ type: 'playback.tick', ms }) };
}

function startPlayback(speed?: number) {
  const simulation = startSimulation({ scenario: castScenario() });
  const ticker = fakeTicker();
  const playback = createActor(playbackMachine.provide({ actors: { ticker: ticker.logic } }), { input: { simulation, ...(speed ? { speed } : {}) } }).start();
  return { simulation, playback, ticker, now: () => selectNow(simulation.getSnapshot().context), state: () => playback.getSnapshot().value };
}

describe('playback actor with a fake ticker', () => {
  test('a tick advances simulated time by real time × speed (days per second)', () => {
    const { playback, ticker, now } = startPlayback();
    playback.send({ type: 'playback.play' });
    ticker.tick(100);
    expect(now()).toBeCloseTo(0.3 * DAY);
    playback.send({ type: 'playback.speed', speed: 30 });
    ticker.tick(100);
    expect(now()).toBeCloseTo(3.3 * DAY);
  });

  test.each([
    [5000, MAX_FRAME_MS],
    [-16, 0],
    [16, 16],
  ])('a frame of %d ms counts as %d ms, so a background tab does not leap a month', (real, counted) => {
    expect(simulatedMs(real, 3)).toBe((counted / 1000) * 3 * DAY);
  });

  test('playing stops exactly at a stop (a pause point), however long the frame that crosses it', () => {
    const { simulation, playback, ticker, now, state } = startPlayback(30);
    playback.send({ type: 'playback.stops', times: [5 * DAY, 2 * DAY] });
    playback.send({ type: 'playback.play' });
    ticker.tick(50); // 1.5 days
    expect(state()).toBe('playing');
    ticker.tick(50); // would reach 3 days: stops at 2, the moment itself, not viewed from later
    expect(now()).toBe(2 * DAY);
    expect(selectViewAt(simulation.getSnapshot().context)).toBe(2 * DAY);
    expect(state()).toBe('paused');
    // Playing on passes the stop it sits at and halts at the next.
    playback.send({ type: 'playback.play' });
    for (let i = 0; i < 10; i++) ticker.tick(100);
    expect(now()).toBe(5 * DAY);
    expect(state()).toBe('paused');
  });

  test('a speed the controls do not offer is refused', () => {
    const { playback } = startPlayback();
    playback.send({ type: 'playback.speed', speed: 2 });
    expect(playback.getSnapshot().context.speed).toBe(3);
  });

  test('playback stops by itself at the scenario end, and play there is refused', () => {
    const { simulation, playback, ticker, now, state } = startPlayback(30);
    const end = selectClock(simulation.getSnapshot().context).end;
    simulation.send({ type: 'time.jumpTo', t: end - DAY });
    playback.send({ type: 'playback.play' });
    ticker.tick(250);
    expect(now()).toBe(end);
    expect(state()).toBe('paused');
    expect(ticker.state.running).toBe(false);
    playback.send({ type: 'playback.play' });
    expect(state()).toBe('paused');
    expect(ticker.state.starts).toBe(1);
  });

  test('pause stops the ticker; a tick that was already on its way changes nothing', () => {
    const { playback, ticker, now } = startPlayback();
    playback.send({ type: 'playback.play' });
    ticker.tick(100);
    playback.send({ type: 'playback.pause' });
    const at = now();
    expect(ticker.state.running).toBe(false);
    ticker.state.stale[0]?.({ type: 'playback.tick', ms: 100 });
    expect(now()).toBe(at);
  });

  test('scrubbing while paused views the past; back to now, or play, returns the view to now', () => {
    const { simulation, playback, ticker, state } = startPlayback();
    simulation.send({ type: 'time.jumpTo', t: 5 * DAY });
    simulation.send({ type: 'view.scrub', t: 2 * DAY });
    expect(state()).toBe('viewingPast');
    simulation.send({ type: 'view.live' });
    expect(state()).toBe('paused');
    simulation.send({ type: 'view.scrub', t: 2 * DAY });
    playback.send({ type: 'playback.play' });
    expect(state()).toBe('playing');
    expect(selectViewAt(simulation.getSnapshot().context)).toBe(5 * DAY);
    expect(ticker.state.running).toBe(true);
  });

  test('a reader action while viewing the past happens now, and playback leaves the past to show it', () => {
    const { simulation, state } = startPlayback();
    simulation.send({ type: 'time.jumpTo', t: 5 * DAY });
    simulation.send({ type: 'view.scrub', t: 2 * DAY });
    expect(state()).toBe('viewingPast');
    simulation.send({ type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' });
    expect(state()).toBe('paused');
    expect(selectViewAt(simulation.getSnapshot().context)).toBe(5 * DAY);
    expect(selectNow(simulation.getSnapshot().context)).toBe(5 * DAY);
  });

  test('scrubbing while playing is undone by the next tick, as before: playback goes on', () => {
    const { simulation, playback, ticker, state } = startPlayback();
    simulation.send({ type: 'time.jumpTo', t: 5 * DAY });
    playback.send({ type: 'playback.play' });
    simulation.send({ type: 'view.scrub', t: 2 * DAY });
    expect(state()).toBe('playing');
    ticker.tick(16);
    expect(selectViewAt(simulation.getSnapshot().context)).toBe(selectNow(simulation.getSnapshot().context));
  });

  test('without a ticker provided, playing fails loudly instead of standing still', () => {
    const simulation = startSimulation({ scenario: castScenario() });
    const playback = createActor(playbackMachine, { input: { simulation } });
    const errors: unknown[] = [];
    playback.subscribe({ error: (e) => errors.push(e) });
    playback.start();
    playback.send({ type: 'playback.play' });
    expect(errors[0]).toBeInstanceOf(ModelError);
  });
});

describe('playback statechart paths (xstate/graph)', () => {
  const simulation = startSimulation({ scenario: castScenario() });
  const end = selectClock(simulation.getSnapshot().context).end;
  // The clocks the follower can report: live mid-run, a scrubbed past, the end, the past seen from the end.
  const clocks: Record<string, Clock> = {
    live: { now: 5 * DAY, viewAt: 5 * DAY, end },
    past: { now: 5 * DAY, viewAt: 2 * DAY, end },
    end: { now: end, viewAt: end, end },
    endPast: { now: end, viewAt: 2 * DAY, end },
  };
  const events: PlaybackEvent[] = [
    { type: 'playback.play' },
    { type: 'playback.pause' },
    { type: 'playback.tick', ms: 100 },
    { type: 'playback.speed', speed: 30 },
    ...Object.values(clocks).map((clock) => ({ type: 'playback.clock' as const, clock })),
  ];
  const clockName = (clock: Clock) => Object.entries(clocks).find(([, c]) => JSON.stringify(c) === JSON.stringify(clock))?.[0];
  const pathName = (path: EventObject[]) =>
    path
      .filter((e) => !e.type.startsWith('xstate.'))
      .map((e) => ('clock' in e ? `clock ${clockName(e.clock as Clock)}` : e.type.replace('playback.', '')))
      .join(' → ') || 'start';
  const ticker = fakeTicker();
  // The machine the store runs, with the fake ticker; in the walk, the test reports the clock as `follow` would.
  const machine = playbackMachine.provide({ actors: { ticker: ticker.logic, follow: fromCallback(() => undefined) } });
  const serializeState = (s: SnapshotFrom<typeof machine>) => JSON.stringify([s.value, s.context.clock, s.context.speed]);
  // createTestModel refuses machines that invoke actors, so walk with getShortestPaths and replay by hand.
  const paths = getShortestPaths(machine, { events, serializeState, input: { simulation } });
  const reached = paths.map((p) => p.state);
  const step = (s: SnapshotFrom<typeof machine>, event: PlaybackEvent) => transition(machine, s, event);
  const atEnd = (s: SnapshotFrom<typeof machine>) => s.context.clock.now >= s.context.clock.end;

  test('reaches paused, playing and viewing the past', () => {
    expect(new Set(reached.map((s) => s.value))).toEqual(new Set(['paused', 'playing', 'viewingPast']));
  });

  test('play at the end is refused, from every state that reaches it', () => {
    const ended = reached.filter((s) => atEnd(s));
    expect(ended.length).toBeGreaterThan(0);
    for (const s of ended) expect(step(s, { type: 'playback.play' })[0].value).not.toBe('playing');
  });

  test('a scrubbed clock, while paused, enters viewing the past; a live clock returns', () => {
    const paused = reached.filter((s) => s.matches('paused'));
    for (const s of paused) expect(step(s, { type: 'playback.clock', clock: clocks['past']! })[0].value).toBe('viewingPast');
    const past = reached.filter((s) => s.matches('viewingPast'));
    expect(past.length).toBeGreaterThan(0);
    for (const s of past) expect(step(s, { type: 'playback.clock', clock: clocks['live']! })[0].value).toBe('paused');
  });

  test('a tick moves time only while playing, and only playing runs the ticker', () => {
    for (const s of reached) {
      const [, actions] = step(s, { type: 'playback.tick', ms: 100 });
      const sends = actions.filter((a) => a.type === 'xstate.sendTo');
      expect(sends.length, String(s.value)).toBe(s.matches('playing') ? 1 : 0);
      expect('ticker' in s.children, String(s.value)).toBe(s.matches('playing'));
    }
  });

  // Each path replayed on a started actor: its invoked ticker runs exactly in `playing`, and the
  // simulation it drives moves only on ticks while playing. `follow` is stubbed here, so the
  // clocks a path reports are the walk's own and need not match the simulation's; that the chart
  // follows the real clock is what the fake-ticker tests above, with the real `follow`, prove.
  test.each(paths.map((p) => [pathName(p.steps.map((s) => s.event)), p] as const))('%s', (_name, path) => {
    const sim = startSimulation({ scenario: castScenario() });
    const actor = createActor(machine, { input: { simulation: sim } }).start();
    const now = () => selectNow(sim.getSnapshot().context);
    for (const { event, state } of path.steps) {
      const before = now();
      // Ticks come from the ticker, never from outside: one arrives only if playback runs it.
      if (event.type === 'playback.tick') ticker.tick(event.ms);
      else if (!event.type.startsWith('xstate.')) actor.send(event as PlaybackEvent);
      expect(actor.getSnapshot().value).toBe(state.value);
      expect(ticker.state.running).toBe(state.matches('playing'));
      if (event.type === 'playback.tick') expect(now() > before).toBe(true);
    }
    actor.stop();
    expect(ticker.state.running).toBe(false);
  });
});
