import { assertEvent, assign, fromCallback, not, sendTo, setup, type ActorRefFrom, type EventObject } from 'xstate';
import { ModelError } from './errors.ts';
import type { simulationMachine } from './machine.ts';
import { selectClock, type Clock } from './selectors.ts';
import { DAY } from './time.ts';

/**
 * Playback: paused, playing, or viewing the past. Its own actor beside the simulation (the store
 * starts both), not a child of it, because the simulation's world is mutated in place for speed:
 * its snapshots cannot be branched, so a chart living inside it could not be walked by
 * xstate/graph or replayed with `transition()`, and a running ticker would land in every persisted
 * share-link snapshot. This machine's context is a small copy of the simulation's clock, kept
 * current by the `follow` actor; the simulation stays the one source of truth for time and view.
 *
 * The model never reads the wall clock, so `ticker` is abstract here: the browser provides one
 * driven by requestAnimationFrame, tests provide a fake that ticks on demand.
 */

/** Simulated days per real second that the time controls and embed links offer. */
export const SPEEDS = [1, 3, 7, 15, 30] as const;
export type Speed = (typeof SPEEDS)[number];
export const DEFAULT_SPEED: Speed = 3;
/** A background tab must not leap a month when it comes back: one frame counts for at most this. */
export const MAX_FRAME_MS = 250;

/** Simulated milliseconds that `realMs` of playing covers at `speed`. */
export function simulatedMs(realMs: number, speed: number): number {
  return (Math.min(Math.max(0, realMs), MAX_FRAME_MS) / 1000) * speed * DAY;
}

export type SimulationRef = ActorRefFrom<typeof simulationMachine>;

/** The first stop after the present, if any. */
function nextStop(context: PlaybackContext): number | undefined {
  return context.stops.find((t) => t > context.clock.now);
}

export interface PlaybackInput {
  simulation: SimulationRef;
  speed?: number;
}

export interface PlaybackContext {
  simulation: SimulationRef;
  speed: number;
  clock: Clock;
  /** Moments playback stops at exactly (a narration's pause points), ascending. */
  stops: readonly number[];
}

/** What a ticker sends while playing: real milliseconds since its previous tick. */
export interface TickEvent {
  type: 'playback.tick';
  ms: number;
}

export type PlaybackEvent =
  | { type: 'playback.play' }
  | { type: 'playback.pause' }
  | { type: 'playback.speed'; speed: number }
  /** Where playing stops by itself: it runs up to each of these moments and no further. */
  | { type: 'playback.stops'; times: readonly number[] }
  | TickEvent
  /** The simulation's clock after a change, from `follow`. */
  | { type: 'playback.clock'; clock: Clock };

export const playbackMachine = setup({
  types: {
    context: {} as PlaybackContext,
    input: {} as PlaybackInput,
    events: {} as PlaybackEvent,
  },
  actors: {
    ticker: fromCallback<EventObject>(() => {
      throw new ModelError('playback', 'a ticker: provide one with playbackMachine.provide({ actors: { ticker } })');
    }),
    follow: fromCallback<EventObject, { simulation: SimulationRef }>(({ input, sendBack }) => {
      const subscription = input.simulation.subscribe((snapshot) => sendBack({ type: 'playback.clock', clock: selectClock(snapshot.context) }));
      return () => subscription.unsubscribe();
    }),
  },
  guards: {
    atEnd: ({ context }) => context.clock.now >= context.clock.end,
    reachesStop: ({ context, event }) => {
      assertEvent(event, 'playback.tick');
      const stop = nextStop(context);
      return stop !== undefined && stop <= context.clock.now + simulatedMs(event.ms, context.speed);
    },
    viewingPast: ({ context }) => context.clock.viewAt < context.clock.now,
    offeredSpeed: ({ event }) => {
      assertEvent(event, 'playback.speed');
      return (SPEEDS as readonly number[]).includes(event.speed);
    },
  },
  actions: {
    takeClock: assign(({ event }) => {
      assertEvent(event, 'playback.clock');
      return { clock: event.clock };
    }),
    setSpeed: assign(({ event }) => {
      assertEvent(event, 'playback.speed');
      return { speed: event.speed };
    }),
    setStops: assign(({ event }) => {
      assertEvent(event, 'playback.stops');
      return { stops: [...event.times].sort((a, b) => a - b) };
    }),
    // The frame would carry time past a stop: run to the stop exactly, so the moment shown is the stop's.
    advanceToStop: sendTo(
      ({ context }) => context.simulation,
      ({ context }) => ({ type: 'time.advanceBy' as const, ms: (nextStop(context) ?? context.clock.now) - context.clock.now }),
    ),
    advanceTime: sendTo(
      ({ context }) => context.simulation,
      ({ context, event }) => {
        assertEvent(event, 'playback.tick');
        return { type: 'time.advanceBy' as const, ms: simulatedMs(event.ms, context.speed) };
      },
    ),
    returnToNow: sendTo(({ context }) => context.simulation, { type: 'view.live' as const }),
  },
}).createMachine({
  id: 'playback',
  context: ({ input }) => ({
    simulation: input.simulation,
    speed: input.speed ?? DEFAULT_SPEED,
    clock: selectClock(input.simulation.getSnapshot().context),
    stops: [],
  }),
  invoke: { src: 'follow', input: ({ context }) => ({ simulation: context.simulation }) },
  on: {
    'playback.clock': { actions: 'takeClock' },
    'playback.speed': { guard: 'offeredSpeed', actions: 'setSpeed' },
    'playback.stops': { actions: 'setStops' },
  },
  initial: 'paused',
  states: {
    paused: {
      always: { guard: 'viewingPast', target: 'viewingPast' },
      on: { 'playback.play': { guard: not('atEnd'), target: 'playing' } },
    },
    // Reached from paused only: while playing, the next tick brings the view back to now, as
    // scrubbing during playback always has. Playing from here returns the view to now first.
    viewingPast: {
      always: { guard: not('viewingPast'), target: 'paused' },
      on: { 'playback.play': { guard: not('atEnd'), target: 'playing', actions: 'returnToNow' } },
    },
    playing: {
      invoke: { id: 'ticker', src: 'ticker' },
      always: { guard: 'atEnd', target: 'paused' },
      on: {
        'playback.tick': [{ guard: 'reachesStop', actions: 'advanceToStop', target: 'paused' }, { actions: 'advanceTime' }],
        'playback.pause': { target: 'paused' },
      },
    },
  },
});
