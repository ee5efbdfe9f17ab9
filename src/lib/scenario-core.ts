import type { ScenarioCore } from '../model/index.ts';

/**
 * Only what the simulation needs from a scenario. Islands get this, not the whole entry, because
 * Astro repeats an island's props in the HTML once per island and the teaching text is long.
 */
export function coreScenario(data: ScenarioCore): ScenarioCore {
  const { id, version, title, seed, policy, duration, cast, script } = data;
  return { id, version, title, seed, policy, duration, cast, script };
}
