import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  ASSUMPTIONS,
  DEFAULT_ASSUMPTIONS,
  DEFAULT_CONFIG,
  act as actOn,
  advanceTo as advanceSession,
  metadataOnlyCrypto,
  APPLE_2016,
  allRecords,
  assumptionConfig,
  assumptionError,
  configAssumptions,
  createSession,
  parseScenario,
  runScenario,
  selectAssumptions,
  startSimulation,
  DAY,
  HOUR,
  ScenarioError,
  type Action,
  type Assumptions,
  type Engine,
  type Session,
  type ScenarioCore,
} from '../../../src/model/index.ts';
import { castScenario, loadScenario } from './fixtures.ts';

const lookups = (s: { world: { ledger: Parameters<typeof allRecords>[0] } }) => allRecords(s.world.ledger).filter((o) => o.category === 'lookup').length;

/** Metadata-only crypto: what the provider records does not depend on the ciphertexts, and it keeps these runs fast. */
const engine: Engine = { crypto: metadataOnlyCrypto, policies: [APPLE_2016] };
const session = (assumptions: Partial<Assumptions>) => createSession(castScenario({ assumptions }), { engine });
const act = (s: Session, action: Action) => actOn(s, action, engine);
const advanceTo = (s: Session, t: number) => advanceSession(s, t, engine);

/** Ana writes to Ben every 6 hours for two days: how many of those sends ask the key directory depends on the cache. */
function chatty(assumptions: Partial<Assumptions>) {
  const s = session(assumptions);
  for (let i = 0; i < 8; i++) {
    advanceTo(s, i * 6 * HOUR);
    act(s, { type: 'message.sent', device: 'ana-phone', to: ['Ben'], text: `note ${i}` });
  }
  return s;
}

describe('the assumptions table', () => {
  test('the world defaults are the table defaults', () => {
    expect(configAssumptions(DEFAULT_CONFIG)).toEqual(DEFAULT_ASSUMPTIONS);
    expect(DEFAULT_ASSUMPTIONS).toEqual({ lookupCacheHours: 24, queueHoldDays: 30, staleOnDeviceChange: true });
  });

  test.each(ASSUMPTIONS)('$key has a label, a reason, and its default is allowed', (spec) => {
    expect(spec.label.length).toBeGreaterThan(0);
    expect(spec.reason.length).toBeGreaterThan(20);
    expect(assumptionError(spec, spec.default)).toBeUndefined();
  });

  test('settings and assumptions convert both ways', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 720 }), fc.integer({ min: 1, max: 30 }), fc.boolean(), (lookupCacheHours, queueHoldDays, staleOnDeviceChange) => {
        const a = { lookupCacheHours, queueHoldDays, staleOnDeviceChange };
        expect(configAssumptions({ ...DEFAULT_CONFIG, ...assumptionConfig(a) })).toEqual(a);
      }),
    );
  });
});

describe('each assumption changes what the model does', () => {
  test('the lookup cache length decides how many sends write a lookup record', () => {
    // Ana's contact "Ben" is one handle. 24 h: one lookup per day of the two. 0 h: every send asks. 720 h: only the first.
    const base = lookups(session({}));
    expect(lookups(chatty({})) - base).toBe(2);
    expect(lookups(chatty({ lookupCacheHours: 0 })) - base).toBe(8);
    expect(lookups(chatty({ lookupCacheHours: 720 })) - base).toBe(1);
  });

  test('the queue hold decides when an offline device’s message is dropped', () => {
    for (const days of [3, 30]) {
      const s = session({ queueHoldDays: days });
      act(s, { type: 'device.offline', device: 'ben-tablet' });
      act(s, { type: 'message.sent', device: 'ana-phone', to: ['Ben'], text: 'waiting' });
      advanceTo(s, 40 * DAY);
      const drops = s.world.journal.filter((e) => e.action.type === 'queue.dropped');
      expect(drops.map((e) => e.t)).toEqual([days * DAY]);
      expect(drops[0]!.notes[0]).toContain(`held the limit of ${days} days`);
    }
  });

  test('stale on device change: on, a new device makes the sender ask again and reach it; off, the cache answers and the new device misses out', () => {
    const run = (staleOnDeviceChange: boolean) => {
      const s = session({ staleOnDeviceChange });
      act(s, { type: 'message.sent', device: 'ana-phone', to: ['cy@example.org'], text: 'first' });
      advanceTo(s, HOUR);
      act(s, { type: 'device.added', person: 'cy', device: { id: 'cy-tablet', label: "Cy's tablet", kind: 'tablet', network: 'cafe' } });
      advanceTo(s, 2 * HOUR);
      const before = lookups(s);
      const entry = act(s, { type: 'message.sent', device: 'ana-phone', to: ['cy@example.org'], text: 'second' });
      return { s, entry, newLookups: lookups(s) - before };
    };
    const on = run(true);
    expect(on.newLookups).toBe(1);
    expect(on.s.world.devices['cy-tablet']!.messages).toHaveLength(1);
    const off = run(false);
    expect(off.newLookups).toBe(0);
    expect(off.s.world.devices['cy-tablet']!.messages).toEqual([]);
    expect(off.entry.notes.join(' ')).toMatch(/\u2068Cy's tablet\u2069 got nothing \(assumption/);
  });

  test('a cached lookup says so in the journal, with the assumption', () => {
    const s = session({ lookupCacheHours: 5 });
    act(s, { type: 'address.entered', device: 'ana-phone', address: 'cy@example.org' });
    const entry = act(s, { type: 'address.entered', device: 'ana-phone', address: 'cy@example.org' });
    expect(entry.notes).toEqual(['lookup of cy@example.org answered from the device cache: nothing recorded (assumption: a lookup is cached for 5 hours)']);
  });
});

describe('defaults reproduce today’s journals', () => {
  // The scenarios' journals and records under the defaults spelled out equal those with no assumptions given.
  const ids = ['offline-two-weeks', 'new-tablet', 'a-number-typed', 'unanswered-call'];
  test.each(ids)('%s', (id) => {
    const scenario = loadScenario(id);
    const plain = runScenario({ ...scenario, assumptions: undefined } as ScenarioCore);
    const spelled = runScenario({ ...scenario, assumptions: { ...DEFAULT_ASSUMPTIONS } });
    expect(JSON.stringify(spelled.world.journal)).toBe(JSON.stringify(plain.world.journal));
    expect(JSON.stringify(allRecords(spelled.world.ledger))).toBe(JSON.stringify(allRecords(plain.world.ledger)));
  });
});

describe('scenario field `assumptions`', () => {
  const bad: [string, unknown, RegExp][] = [
    ['lookupCacheHours', -1, /assumptions\.lookupCacheHours: a whole number of hours from 0 to 720/],
    ['lookupCacheHours', 1.5, /assumptions\.lookupCacheHours: a whole number of hours from 0 to 720/],
    ['lookupCacheHours', '24', /assumptions\.lookupCacheHours: a whole number of hours from 0 to 720/],
    ['queueHoldDays', 0, /assumptions\.queueHoldDays: a whole number of days from 1 to 30/],
    ['queueHoldDays', 31, /assumptions\.queueHoldDays: a whole number of days from 1 to 30/],
    ['staleOnDeviceChange', 'yes', /assumptions\.staleOnDeviceChange: true or false/],
    ['lookupCacheDays', 1, /assumptions.*lookupCacheDays/],
  ];
  test.each(bad)('%s: %j is refused with the field and its range', (field, value, message) => {
    const raw = { ...castScenario(), assumptions: { [field]: value } };
    expect(() => parseScenario(raw, 'x.yaml')).toThrow(ScenarioError);
    expect(() => parseScenario(raw, 'x.yaml')).toThrow(message);
  });

  test('good values are taken as given', () => {
    const s = parseScenario({ ...castScenario(), assumptions: { lookupCacheHours: 0, queueHoldDays: 7, staleOnDeviceChange: false } });
    expect(createSession(s).world.config).toMatchObject({ lookupCacheMs: 0, queueHoldMs: 7 * DAY, staleOnDeviceChange: false });
  });
});

describe('the simulation actor', () => {
  test('assumptions.set plays the same history again under the new value, deterministically, and reset keeps it', () => {
    const start = () => {
      const actor = startSimulation({ scenario: castScenario(), crypto: 'metadata-only' });
      actor.send({ type: 'message.sent', device: 'ana-phone', to: ['Ben'], text: 'one' });
      actor.send({ type: 'time.advanceBy', ms: 6 * HOUR });
      actor.send({ type: 'message.sent', device: 'ana-phone', to: ['Ben'], text: 'two' });
      actor.send({ type: 'time.advanceBy', ms: HOUR });
      return actor;
    };
    const actor = start();
    const now = actor.getSnapshot().context.session.world.now;
    const cachedCount = lookups(actor.getSnapshot().context.session);
    actor.send({ type: 'assumptions.set', assumptions: { lookupCacheHours: 0 } });
    const c = actor.getSnapshot().context;
    expect(selectAssumptions(c).lookupCacheHours).toBe(0);
    expect(c.session.world.now).toBe(now);
    expect(lookups(c.session)).toBe(cachedCount + 1); // the second send, 6 hours on, asks again
    expect(c.session.world.devices['ben-phone']!.messages).toHaveLength(2);
    // The same events give the same world.
    const again = start();
    again.send({ type: 'assumptions.set', assumptions: { lookupCacheHours: 0 } });
    expect(JSON.stringify(again.getSnapshot().context.session)).toBe(JSON.stringify(c.session));
    // Back to the default is the history as first played.
    again.send({ type: 'assumptions.set', assumptions: { lookupCacheHours: 24 } });
    expect(JSON.stringify(again.getSnapshot().context.session)).toBe(JSON.stringify(start().getSnapshot().context.session));
    actor.send({ type: 'reset' });
    expect(selectAssumptions(actor.getSnapshot().context).lookupCacheHours).toBe(0);
  });
});

test('a run leaves its scenario as it found it, so a replay or reset draws the same addresses and tokens', () => {
  // A network's drawn IP used to be written into the scenario's cast, so every later run in the page skipped that draw.
  const scenario = loadScenario('offline-two-weeks');
  const before = JSON.stringify(scenario);
  const first = JSON.stringify(allRecords(runScenario(scenario, { engine }).world.ledger));
  expect(JSON.stringify(scenario)).toBe(before);
  expect(JSON.stringify(allRecords(runScenario(scenario, { engine }).world.ledger))).toBe(first);
});
