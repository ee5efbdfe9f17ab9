import { CATEGORIES, CATEGORY_LABELS, formatSimTime, scenarioPolicy, selectHeldCounts, startSimulation, type ScenarioCore } from '../../model/index.ts';
import { countsText } from '../sim/charts/chart-text.ts';

/**
 * What the model's own records say at a prompt's moment, for its reveal: the scenario run at build
 * time to `t`, under its own policy. "At Day 10, 09:00, under Apple, 2020s, the provider holds 9
 * records (Account: 2, Lookup record: 3, …)." Deterministic, as the model is.
 */
export function recordsAt(core: ScenarioCore, t: number): string {
  const actor = startSimulation({ scenario: core });
  if (t > 0) actor.send({ type: 'time.jumpTo', t });
  const counts = selectHeldCounts(actor.getSnapshot().context);
  actor.stop();
  const held = countsText(CATEGORIES.map((c) => ({ label: CATEGORY_LABELS[c], count: counts[c] })));
  return `In this simulation at ${formatSimTime(t)}, under ${scenarioPolicy(core).name}, the provider's servers show ${held}.`;
}
