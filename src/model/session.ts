import { assumptionConfig } from './assumptions.ts';
import type { Policy } from './policy.ts';
import type { ScenarioCore } from './scenario.ts';
import { scenarioCast, scenarioPolicy, stepAction } from './script.ts';
import type { SimTime } from './time.ts';
import { DAY } from './time.ts';
import { apply, createWorld, DEFAULT_ENGINE, type Action, type Engine, type JournalEntry, type WorldConfig, type WorldState } from './world/index.ts';

/** A scenario being played: the world, the script, and how far the script has run. */
export interface Session {
  scenarioId: string;
  scenarioVersion: number;
  duration: number;
  world: WorldState;
  script: { at: SimTime; action: Action }[];
  /** Index of the next script step to run. */
  next: number;
}

export interface SessionOptions {
  seed?: number;
  config?: Partial<WorldConfig>;
  engine?: Engine;
}

export function createSession(scenario: ScenarioCore, options: SessionOptions = {}): Session {
  const engine = options.engine ?? { ...DEFAULT_ENGINE, policies: [scenarioPolicy(scenario)] };
  return {
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    duration: scenario.duration,
    // The scenario's assumptions, unless the caller sets those settings itself (the panel, CLI flags).
    world: createWorld(scenarioCast(scenario), options.seed ?? scenario.seed, { ...assumptionConfig(scenario.assumptions ?? {}), ...options.config }, engine),
    script: scenario.script.map(stepAction),
    next: 0,
  };
}

/**
 * Moves time forward to `t`, running every script step due on the way at its own time.
 * Returns the journal entries written. Asking for a time in the past changes nothing.
 */
export function advanceTo(session: Session, t: SimTime, engine: Engine = DEFAULT_ENGINE): JournalEntry[] {
  const world = session.world;
  const before = world.journal.length;
  const written: JournalEntry[] = [];
  while (session.next < session.script.length && (session.script[session.next] as { at: SimTime }).at <= t) {
    const step = session.script[session.next++] as { at: SimTime; action: Action };
    if (step.at > world.now) apply(world, { type: 'time.advance', to: step.at }, engine);
    written.push(apply(world, step.action, engine));
  }
  if (t > world.now) apply(world, { type: 'time.advance', to: t }, engine);
  return world.config.journal ? world.journal.slice(before) : written;
}

/** Runs a reader's action now, outside the script. */
export function act(session: Session, action: Action, engine: Engine = DEFAULT_ENGINE): JournalEntry {
  return apply(session.world, action, engine);
}

/** The end of the scenario's last day. */
export function sessionEnd(session: Session): SimTime {
  return session.duration * DAY;
}

/** Runs a whole scenario (or up to `until`) under `policy` retention for pruning. */
export function runScenario(
  scenario: ScenarioCore,
  options: SessionOptions & { until?: SimTime; policies?: Policy[]; onProgress?: (done: number, total: number) => void } = {},
): Session {
  const engine = options.engine ?? { ...DEFAULT_ENGINE, policies: options.policies ?? [scenarioPolicy(scenario)] };
  const session = createSession(scenario, { ...options, engine });
  const end = options.until ?? scenario.duration * DAY;
  // With a progress callback (the CLI on a long file), time moves to every 500th step's moment in turn:
  // the same history, since advanceTo runs each step at its own time however far it is asked to go.
  const chunk = 500;
  while (options.onProgress && session.next + chunk < session.script.length) {
    const at = (session.script[session.next + chunk] as { at: SimTime }).at;
    if (at > end) break;
    advanceTo(session, at, engine);
    options.onProgress(session.next, session.script.length);
  }
  advanceTo(session, end, engine);
  return session;
}
