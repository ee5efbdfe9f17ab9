import { useSelector } from '@xstate/svelte';
import { get, readable, type Readable } from 'svelte/store';
import { createActor, type Actor } from 'xstate';
import { playbackMachine, selectKeySeeds, startSimulation, type ScenarioCore, type SimulationContext, type SimulationInput } from '../../model/index.ts';
import { animationFrameTicker } from './ticker.ts';
import { loadRealCrypto } from './real-crypto-loader.ts';
import { warmKeysOnIntent } from './warm-keys.ts';
import { screenGate, type ScreenGate } from './on-screen.ts';
import { applyStart, startKey, type FigureStart } from './figure-start.ts';

type SimulationActor = ReturnType<typeof startSimulation>;
export type PlaybackActor = Actor<typeof playbackMachine>;

interface Actors {
  simulation: SimulationActor;
  playback: PlaybackActor;
  /** The figure starts already applied (startKey), each once. */
  started: Set<string>;
}

/**
 * A scenario as a writer's figure runs it: `figure` names the simulation it runs in, so two
 * figures of one scenario on an explainer run apart unless they name the same figure, and `start`
 * is where the writer said that figure starts. Pages that are one simulator (the simulator,
 * scenario pages, embeds) leave both out.
 */
export type FigureScenario = ScenarioCore & { figure?: string; start?: FigureStart };

/**
 * One simulation actor per scenario (and figure) on a page, shared by every island through this
 * module: islands are separate Svelte roots, but they import the same module, so the first island
 * to ask creates the actor and the rest reuse it. Every panel of it therefore shows the same
 * moment. Beside it runs the playback actor, ticking with the page's animation frames.
 */
const actors = new Map<string, Actors>();

/**
 * Which simulation a scenario runs in. While the site is built, one module serves every page, so a figure
 * that starts elsewhere than the scenario's opening gets a simulation of its own there: its start moves no
 * other page's or figure's, and its HTML shows where it starts (what a reader without JavaScript, or
 * printing before the figure was near, sees).
 */
function keyOf(scenario: FigureScenario): string {
  const key = `${scenario.id}@${scenario.version}${scenario.figure === undefined ? '' : `#${scenario.figure}`}`;
  return typeof document === 'undefined' && scenario.start ? `${key}@${startKey(scenario.start)}` : key;
}

function actorsFor(scenario: FigureScenario, options: Omit<SimulationInput, 'scenario'> = {}): Actors {
  const key = keyOf(scenario);
  let found = actors.get(key);
  if (!found) {
    const simulation = startSimulation({ scenario, ...options });
    const playback = createActor(playbackMachine.provide({ actors: { ticker: animationFrameTicker } }), { input: { simulation } }).start();
    actors.set(key, (found = { simulation, playback, started: new Set() }));
    // Reset starts a new world, so ask for the current one.
    warmKeysOnIntent(
      () => selectKeySeeds(simulation.getSnapshot().context),
      () => loadRealCrypto().then((real) => real.deviceKeys),
    );
  }
  return found;
}

export function simulationFor(scenario: ScenarioCore, options: Omit<SimulationInput, 'scenario'> = {}): SimulationActor {
  return actorsFor(scenario, options).simulation;
}

/** The scenario's playback (paused / playing / viewing the past); send it `playback.*` events. */
export function playbackFor(scenario: ScenarioCore): PlaybackActor {
  return actorsFor(scenario).playback;
}

/** The actor's context as a store, republished when its `revision` moves (the engine mutates the world in place). */
function contextOf(actor: SimulationActor): Readable<SimulationContext> {
  return useSelector(
    actor,
    (s) => s.context,
    (a, b) => a.revision === b.revision,
  );
}

/**
 * A store of one answer about the simulation, for `$answer` in markup. The selector runs again
 * only when the context's `revision` moves (the engine mutates the world in place, so `revision`
 * is the one sign of change), and subscribers hear of it only when the answer differs by `equal`:
 * a panel that asks for the clock does not re-render when a message is sent. It runs on what
 * `context` passes on, so behind a screen gate an off-screen panel's selector waits too.
 */
export function selectFrom<T>(
  context: Readable<SimulationContext>,
  selector: (context: SimulationContext) => T,
  equal: (a: T, b: T) => boolean = Object.is,
): Readable<T> {
  return readable(selector(get(context)), (set) => {
    let revision: number | undefined;
    let value: T;
    return context.subscribe((c) => {
      if (c.revision === revision) return;
      const first = revision === undefined;
      revision = c.revision;
      const next = selector(c);
      if (!first && equal(value, next)) return;
      set((value = next));
    });
  });
}

export interface Simulation {
  actor: SimulationActor;
  /** The context, republished on every change (the engine mutates the world; `revision` says when). */
  context: Readable<SimulationContext>;
  send: SimulationActor['send'];
  /** A store of one selector's answer: `const now = sim.select(selectNow)`; see `selectFrom`. */
  select: <T>(selector: (context: SimulationContext) => T, equal?: (a: T, b: T) => boolean) => Readable<T>;
  /**
   * Attachment for the island's root (`{@attach sim.onScreen}`): while it is off screen, `context`
   * and `select` stores catch up after the next paint instead of in the action's frame (see on-screen.ts).
   */
  onScreen: ScreenGate['attach'];
  playback: PlaybackActor;
  /** True while time plays. */
  playing: Readable<boolean>;
}

/**
 * For components: the shared actor and a store of its context. Islands render; the model decides.
 * Pass a getter (`() => scenario`) from a component: the actor is chosen once, when the island
 * mounts, and a getter says so to Svelte instead of reading the prop at the top level.
 */
export function useSimulation(scenario: FigureScenario | (() => FigureScenario)): Simulation {
  const core = typeof scenario === 'function' ? scenario() : scenario;
  const found = actorsFor(core);
  const { simulation: actor, playback } = found;
  // The first island of a figure to hydrate (they hydrate when near the screen, in any order) puts it
  // where the writer said it starts, as the page was built showing it (see keyOf).
  if (core.start && !found.started.has(startKey(core.start))) {
    found.started.add(startKey(core.start));
    applyStart(actor, core.start);
  }
  const gate = screenGate();
  const context = gate.follow(contextOf(actor));
  return {
    actor,
    context,
    send: (event) => actor.send(event),
    select: (selector, equal) => selectFrom(context, selector, equal),
    onScreen: gate.attach,
    playback,
    playing: useSelector(playback, (s) => s.matches('playing')),
  };
}
