import { createActor, type Actor } from 'xstate';
import { simulationMachine, type SimulationInput } from './machine.ts';

/** Starts the simulation actor for a scenario. */
export function startSimulation(input: SimulationInput): Actor<typeof simulationMachine> {
  return createActor(simulationMachine, { input }).start();
}

/** The actor's state as JSON: world, ledger, policies and view, for share links and saves. */
export function persistSimulation(actor: Actor<typeof simulationMachine>): string {
  return JSON.stringify(actor.getPersistedSnapshot());
}

/** Restores an actor from `persistSimulation` output; `input` is needed only for its types. */
export function restoreSimulation(json: string, input: SimulationInput): Actor<typeof simulationMachine> {
  return createActor(simulationMachine, { snapshot: JSON.parse(json), input }).start();
}
