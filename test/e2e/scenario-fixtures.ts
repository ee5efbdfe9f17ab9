/**
 * The scenarios as the build reads them, and what the model says each holds at its end, so the
 * browser tests can check a page against the model rather than against numbers copied by hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Scenario } from '../../src/lib/content-schemas.ts';
import { DAY, formatSimTime, parseDayTime, selectHeld, startSimulation } from '../../src/model/index.ts';

const DIR = 'content/scenarios';

export const SCENARIOS: readonly Scenario[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  // The build has validated them (the collection's schema); the browser tests need only read them.
  .map((f) => parse(readFileSync(join(DIR, f), 'utf8'), { schema: 'yaml-1.1' }) as Scenario);

export function scenario(id: string): Scenario {
  const found = SCENARIOS.find((s) => s.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
}

/** "N records held at Day D, 00:00": the ledger's summary once the scenario has run to its end. */
export function endSummary(s: Scenario): string {
  const actor = startSimulation({ scenario: s });
  const end = s.duration * DAY;
  actor.send({ type: 'time.jumpTo', t: end });
  const held = selectHeld(actor.getSnapshot().context, end).length;
  actor.stop();
  return `${held} record${held === 1 ? '' : 's'} held at ${formatSimTime(end)}`;
}

/** Simulated time of each narration step, as the clock shows it. */
export function stepClock(s: Scenario, step: number): string {
  return formatSimTime(parseDayTime(s.narration[step - 1]!.at) ?? 0);
}
