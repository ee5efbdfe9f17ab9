/**
 * Which part of the model is a statechart and which a reducer, and why:
 * - The world's bookkeeping (directory, devices, push queue, ledger) is a pure reducer, `apply`
 *   in world/apply.ts, that mutates one world in place: population benchmarks replay thousands of
 *   actions a second through it, and per-record actors would cost that and gain nothing, since a
 *   record has no states, only times.
 * - Where the domain has states, a machine: playback (paused / playing / viewing the past) in
 *   playback.ts, a device in device-machine.ts. They call the reducer through this actor.
 * - This simulation actor is the reducer's host: it holds the world and its settings, turns each
 *   event into reducer calls, and publishes a `revision` per change. It has no states of its own
 *   (every event is accepted at any moment) so it stays flat.
 */
import { assertEvent, assign, setup } from 'xstate';
import { assumptionConfig, type Assumptions } from './assumptions.ts';
import { cryptoNamed, deferredCrypto, knowCrypto, type Crypto, type CryptoName } from './crypto.ts';
import type { BackupMode, Policy } from './policy.ts';
import type { ScenarioCore } from './scenario.ts';
import { scenarioPolicy } from './script.ts';
import { act, advanceTo, createSession, sessionEnd, type Session } from './session.ts';
import type { SimTime } from './time.ts';
import type { Action, Engine, JournalEntry, WorldConfig } from './world/index.ts';

/**
 * The simulation actor: one per page, shared by every island through a store. Its context is
 * plain data, so `getPersistedSnapshot()` round-trips through JSON (share links). The world
 * inside is mutated by the engine for speed; every change publishes a new `revision`, which is
 * what selectors and islands watch.
 */
export interface SimulationContext {
  /** The scenario as loaded, so `reset` can start it again. */
  scenario: ScenarioCore;
  /** The world's settings as started (with any assumptions set since), so `reset` starts the same kind of world. */
  config: Partial<WorldConfig> | undefined;
  session: Session;
  /** The reader's own actions, at the time each was done, so a change of assumptions can play them again. */
  readerActions: { at: SimTime; action: ReaderAction }[];
  policy: Policy;
  /** A second policy to set beside the first, over the same history. */
  comparePolicy: Policy | undefined;
  backupMode: BackupMode;
  /** The moment views show; undefined follows "now". Views may look back, time never goes back. */
  viewAt: SimTime | undefined;
  /** The run's crypto by name (the context stays plain data); `cryptoNamed` finds it. */
  crypto: CryptoName;
  revision: number;
  /** Journal entries written by the latest event, for announcements. */
  latest: JournalEntry[];
}

export interface SimulationInput {
  scenario: ScenarioCore;
  seed?: number;
  policy?: Policy;
  /**
   * Sealing on view (`deferredCrypto`, the default: the page's), metadata only, or a Crypto object
   * such as realCrypto from real-crypto.ts, which the model then knows by name for reset and restore.
   */
  crypto?: CryptoName | Crypto;
  config?: Partial<WorldConfig>;
}

export type ControlEvent =
  | { type: 'time.advanceBy'; ms: number }
  | { type: 'time.jumpTo'; t: SimTime }
  | { type: 'policy.set'; policy: Policy }
  | { type: 'compare.set'; policy: Policy | undefined }
  | { type: 'backup.set'; mode: BackupMode }
  /**
   * Sets modelled unknowns (assumptions.ts) and plays the same history again under them: the
   * scenario's script and the reader's actions, each at its own time, up to the same moment.
   */
  | { type: 'assumptions.set'; assumptions: Partial<Assumptions> }
  | { type: 'view.scrub'; t: SimTime }
  | { type: 'view.live' }
  /** Starts the scenario again from its first moment, keeping the chosen policies; optionally with another seed. */
  | { type: 'reset'; seed?: number };

/** Reader actions go straight to the world; time moves only through the control events. */
export type ReaderAction = Exclude<Action, { type: 'time.advance' }>;
export type SimulationEvent = ReaderAction | ControlEvent;

export function engineFor(context: Pick<SimulationContext, 'crypto' | 'policy' | 'comparePolicy'>): Engine {
  return {
    crypto: cryptoNamed(context.crypto),
    policies: context.comparePolicy ? [context.policy, context.comparePolicy] : [context.policy],
  };
}

const READER_ACTIONS: ReaderAction['type'][] = [
  'address.entered',
  'message.sent',
  'call.started',
  'device.added',
  'device.removed',
  'device.offline',
  'device.online',
  'device.network',
  'legal.request',
  'preservation.requested',
  'preservation.renewed',
];

function initialContext(input: SimulationInput): SimulationContext {
  const policy = input.policy ?? scenarioPolicy(input.scenario);
  if (typeof input.crypto === 'object') knowCrypto(input.crypto);
  const crypto = typeof input.crypto === 'object' ? input.crypto.name : (input.crypto ?? deferredCrypto.name);
  const engine = engineFor({ crypto, policy, comparePolicy: undefined });
  const session = createSession(input.scenario, {
    ...(input.seed === undefined ? {} : { seed: input.seed }),
    ...(input.config ? { config: input.config } : {}),
    engine,
  });
  // Steps scheduled at the very start run at once, so the page opens on the scenario's first moment.
  const latest = advanceTo(session, 0, engine);
  return {
    scenario: input.scenario,
    config: input.config,
    session,
    readerActions: [],
    policy,
    comparePolicy: undefined,
    backupMode: 'off',
    viewAt: undefined,
    crypto,
    revision: 0,
    latest,
  };
}

export const simulationMachine = setup({
  types: {
    context: {} as SimulationContext,
    input: {} as SimulationInput,
    events: {} as SimulationEvent,
  },
  actions: {
    applyReaderAction: assign(({ context, event }) => {
      assertEvent(event, READER_ACTIONS);
      const at = context.session.world.now;
      const entry = act(context.session, event, engineFor(context));
      // The action happens now, so the views come back to now to show it (the announcer says so).
      return { revision: context.revision + 1, latest: [entry], viewAt: undefined, readerActions: [...context.readerActions, { at, action: event }] };
    }),
    advanceBy: assign(({ context, event }) => {
      assertEvent(event, 'time.advanceBy');
      const to = Math.min(context.session.world.now + Math.max(0, event.ms), sessionEnd(context.session));
      const latest = advanceTo(context.session, to, engineFor(context));
      return { revision: context.revision + 1, latest, viewAt: undefined };
    }),
    jumpTo: assign(({ context, event }) => {
      assertEvent(event, 'time.jumpTo');
      const to = Math.min(Math.max(event.t, context.session.world.now), sessionEnd(context.session));
      const latest = advanceTo(context.session, to, engineFor(context));
      return { revision: context.revision + 1, latest, viewAt: undefined };
    }),
    setPolicy: assign(({ context, event }) => {
      assertEvent(event, 'policy.set');
      return { policy: event.policy, revision: context.revision + 1, latest: [] };
    }),
    setCompare: assign(({ context, event }) => {
      assertEvent(event, 'compare.set');
      return { comparePolicy: event.policy, revision: context.revision + 1, latest: [] };
    }),
    setBackup: assign(({ context, event }) => {
      assertEvent(event, 'backup.set');
      return { backupMode: event.mode, revision: context.revision + 1, latest: [] };
    }),
    setAssumptions: assign(({ context, event }) => {
      assertEvent(event, 'assumptions.set');
      const config = { ...context.config, ...assumptionConfig(event.assumptions) };
      const fresh = initialContext({ scenario: context.scenario, policy: context.policy, crypto: context.crypto, seed: context.session.world.seed, config });
      const replayed = { ...fresh, comparePolicy: context.comparePolicy };
      const engine = engineFor(replayed);
      for (const { at, action } of context.readerActions) {
        advanceTo(replayed.session, at, engine);
        act(replayed.session, action, engine);
      }
      advanceTo(replayed.session, context.session.world.now, engine);
      return {
        ...replayed,
        readerActions: context.readerActions,
        backupMode: context.backupMode,
        viewAt: context.viewAt,
        revision: context.revision + 1,
        latest: [],
      };
    }),
    scrub: assign(({ context, event }) => {
      assertEvent(event, 'view.scrub');
      const t = Math.max(0, Math.min(event.t, context.session.world.now));
      return { viewAt: t === context.session.world.now ? undefined : t, revision: context.revision + 1, latest: [] };
    }),
    live: assign(({ context }) => ({ viewAt: undefined, revision: context.revision + 1, latest: [] })),
    reset: assign(({ context, event }) => {
      assertEvent(event, 'reset');
      const seed = event.seed ?? context.session.world.seed;
      const fresh = initialContext({
        scenario: context.scenario,
        policy: context.policy,
        crypto: context.crypto,
        seed,
        ...(context.config ? { config: context.config } : {}),
      });
      return { ...fresh, comparePolicy: context.comparePolicy, backupMode: context.backupMode, revision: context.revision + 1 };
    }),
  },
}).createMachine({
  id: 'simulation',
  context: ({ input }) => initialContext(input),
  on: {
    ...Object.fromEntries(READER_ACTIONS.map((type) => [type, { actions: 'applyReaderAction' }])),
    'time.advanceBy': { actions: 'advanceBy' },
    'time.jumpTo': { actions: 'jumpTo' },
    'policy.set': { actions: 'setPolicy' },
    'compare.set': { actions: 'setCompare' },
    'backup.set': { actions: 'setBackup' },
    'assumptions.set': { actions: 'setAssumptions' },
    'view.scrub': { actions: 'scrub' },
    'view.live': { actions: 'live' },
    reset: { actions: 'reset' },
  },
});
