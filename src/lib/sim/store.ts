import { useSelector } from '@xstate/svelte';
import type { Readable } from 'svelte/store';
import { engineFor, startSimulation, type ScenarioCore, type SimulationContext, type SimulationInput } from '../../model/index.ts';
import { warmKeysOnIntent } from './warm-keys.ts';

type SimulationActor = ReturnType<typeof startSimulation>;

/**
 * One simulation actor per scenario on a page, shared by every island through this module:
 * islands are separate Svelte roots, but they import the same module, so the first island to
 * ask creates the actor and the rest reuse it. Every panel therefore shows the same moment.
 */
const actors = new Map<string, SimulationActor>();

export function simulationFor(scenario: ScenarioCore, options: Omit<SimulationInput, 'scenario'> = {}): SimulationActor {
  const key = `${scenario.id}@${scenario.version}`;
  let actor = actors.get(key);
  if (!actor) {
    const started = startSimulation({ scenario, ...options });
    actors.set(key, (actor = started));
    // Reset starts a new world, so ask for the current one; the run's crypto never changes.
    warmKeysOnIntent(() => started.getSnapshot().context.session.world, engineFor(started.getSnapshot().context).crypto);
  }
  return actor;
}

export interface Simulation {
  actor: SimulationActor;
  /** The context, republished on every change (the engine mutates the world; `revision` says when). */
  context: Readable<SimulationContext>;
  send: SimulationActor['send'];
}

/**
 * For components: the shared actor and a store of its context. Islands render; the model decides.
 * Pass a getter (`() => scenario`) from a component: the actor is chosen once, when the island
 * mounts, and a getter says so to Svelte instead of reading the prop at the top level.
 */
export function useSimulation(scenario: ScenarioCore | (() => ScenarioCore)): Simulation {
  const actor = simulationFor(typeof scenario === 'function' ? scenario() : scenario);
  const context = useSelector(actor, (s) => s.context, (a, b) => a.revision === b.revision);
  return { actor, context, send: (event) => actor.send(event) };
}
