import fc from 'fast-check';
import { createActor, type Actor } from 'xstate';
import { createTestModel } from 'xstate/graph';
import { describe, expect, test } from 'vitest';
import {
  APPLE_2016,
  DAY,
  advanceTo,
  act,
  createSession,
  deviceChart,
  deviceEventsOf,
  deviceMachine,
  engineFor,
  rejection,
  selectDeviceStates,
  startSimulation,
  type DeviceEvent,
  type DeviceReaderAction,
  type JournalEntry,
  type WorldState,
} from '../../src/model/index.ts';
import { stepsArb } from './model/arbitraries.ts';
import { castScenario } from './model/fixtures.ts';

const ENGINE = engineFor({ crypto: 'metadata-only', policy: APPLE_2016, comparePolicy: undefined });

describe('device statechart', () => {
  const start = () => createActor(deviceMachine, { input: { network: 'home' } }).start();

  test('lookups, sends and calls are accepted only while the device can reach the provider', () => {
    const device = start();
    const send: DeviceEvent = { type: 'message.sent', device: 'd', to: ['x@example.org'], text: 'hi' };
    expect(device.getSnapshot().can(send)).toBe(true);
    device.send({ type: 'device.offline', device: 'd' });
    expect(device.getSnapshot().value).toBe('offline');
    const needProvider: DeviceEvent[] = [
      send,
      { type: 'address.entered', device: 'd', address: 'x@example.org' },
      { type: 'call.started', device: 'd', to: 'x@example.org' },
    ];
    for (const e of needProvider) {
      expect(device.getSnapshot().can(e), e.type).toBe(false);
    }
  });

  test('deliveries wait while offline and all arrive on coming online', () => {
    const device = start();
    device.send({ type: 'device.offline', device: 'd' });
    device.send({ type: 'delivery.queued', device: 'd', message: 'm1' });
    device.send({ type: 'delivery.queued', device: 'd', message: 'm2' });
    device.send({ type: 'delivery.dropped', device: 'd', message: 'm1' });
    expect(device.getSnapshot().context.queued).toBe(1);
    device.send({ type: 'device.online', device: 'd' });
    expect(device.getSnapshot()).toMatchObject({ value: 'online', context: { queued: 0 } });
  });

  test('removed is final: the device accepts nothing after', () => {
    const device = start();
    device.send({ type: 'device.removed', device: 'd' });
    expect(device.getSnapshot().status).toBe('done');
    expect(device.getSnapshot().can({ type: 'device.online', device: 'd' })).toBe(false);
    expect(device.getSnapshot().can({ type: 'device.network', device: 'd', network: 'cafe' })).toBe(false);
  });

  test('the selector reads each device in its chart state, removed ones included', () => {
    const actor = startSimulation({ scenario: castScenario(), crypto: 'metadata-only' });
    actor.send({ type: 'device.offline', device: 'ben-laptop' });
    actor.send({ type: 'message.sent', device: 'ana-phone', to: ['ben@example.org'], text: 'hi' });
    actor.send({ type: 'device.removed', device: 'cy-phone' });
    const states = Object.fromEntries(selectDeviceStates(actor.getSnapshot().context).map((d) => [d.id, d]));
    expect(states['ana-phone']).toMatchObject({ state: 'online', canReachProvider: true, queued: 0 });
    expect(states['ben-laptop']).toMatchObject({ state: 'offline', canReachProvider: false, queued: 1 });
    expect(states['cy-phone']).toMatchObject({ state: 'removed', canReachProvider: false });
  });
});

/**
 * The chart and the world cannot disagree: random reader actions and waits run through the world
 * reducer, each journal entry is routed to the device charts (`deviceEventsOf`), and after every
 * step each device's running chart equals the chart resolved from the world. Before each device
 * action, the chart accepting it must match the world accepting it.
 */
describe('chart and world agree on random reader actions', () => {
  type DeviceActor = Actor<typeof deviceMachine>;

  function route(charts: Map<string, DeviceActor>, world: WorldState, entries: readonly JournalEntry[]): void {
    for (const entry of entries) {
      for (const event of deviceEventsOf(entry, world)) charts.get(event.device)?.send(event as DeviceEvent);
    }
  }

  /** A chart for every device the world has and the charts do not yet (the cast, and devices added since). */
  function follow(charts: Map<string, DeviceActor>, world: WorldState): void {
    for (const d of Object.values(world.devices)) {
      if (!charts.has(d.id)) charts.set(d.id, createActor(deviceMachine, { input: { network: d.network } }).start());
    }
  }

  function agree(charts: Map<string, DeviceActor>, world: WorldState): void {
    for (const [id, chart] of charts) {
      const resolved = deviceChart(world, id)!;
      expect(chart.getSnapshot().value, id).toEqual(resolved.value);
      expect(chart.getSnapshot().context, id).toEqual(resolved.context);
    }
  }

  test('after every step, for every device', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const session = createSession(castScenario(), { engine: ENGINE });
        const world = session.world;
        const charts = new Map<string, DeviceActor>();
        follow(charts, world);
        for (const step of steps) {
          if (step.kind === 'wait') {
            route(charts, world, advanceTo(session, world.now + step.ms, ENGINE));
          } else {
            const action = step.action;
            const chart = 'device' in action && typeof action.device === 'string' ? charts.get(action.device) : undefined;
            if (chart) expect(chart.getSnapshot().can(action as DeviceReaderAction), action.type).toBe(rejection(world, action) === undefined);
            route(charts, world, [act(session, action, ENGINE)]);
          }
          follow(charts, world);
          agree(charts, world);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * Model-based paths: every shortest path through the device chart is played on the real
 * simulation actor (Ana's phone), and each state the chart reaches is checked against the world.
 * The world must accept a reader action exactly when the chart does.
 */
describe('device statechart paths (xstate/graph)', () => {
  const DEVICE = 'ana-phone';
  const model = createTestModel(deviceMachine, {
    input: { network: 'home' },
    // One queued delivery and two networks are enough to reach every state and transition; more would only repeat them.
    events: (snapshot): DeviceEvent[] => [
      { type: 'address.entered', device: DEVICE, address: 'ben@example.org' },
      { type: 'message.sent', device: DEVICE, to: ['ben@example.org'], text: 'path' },
      { type: 'call.started', device: DEVICE, to: 'ben@example.org' },
      { type: 'device.offline', device: DEVICE },
      { type: 'device.online', device: DEVICE },
      { type: 'device.network', device: DEVICE, network: snapshot.context.network === 'home' ? 'cafe' : 'home' },
      { type: 'device.removed', device: DEVICE },
      { type: 'delivery.queued', device: DEVICE, message: 'from Ben' },
      { type: 'delivery.dropped', device: DEVICE, message: 'from Ben' },
    ],
    // Filtered, not left out: xstate/graph adds a bare event for every type a state handles that the list omits.
    filterEvents: (snapshot, event) => event.type !== 'delivery.queued' || snapshot.context.queued === 0,
    limit: 500,
  });
  const paths = model.getShortestPaths();

  test('cover online, offline with and without a queued delivery, and removed', () => {
    const reached = new Set(paths.map((p) => `${JSON.stringify(p.state.value)} ${p.state.context.queued}`));
    expect(reached).toEqual(new Set(['"online" 0', '"offline" 0', '"offline" 1', '"removed" 0']));
  });

  test.each(paths.map((p) => [p.description, p] as const))('%s', async (_d, path) => {
    const actor = startSimulation({ scenario: castScenario({ duration: 400 }), crypto: 'metadata-only' });
    const world = () => actor.getSnapshot().context.session.world;
    // The world takes a reader action exactly when the device's chart, resolved from the world just before, accepts it.
    const sendAccepted = (event: DeviceReaderAction) => {
      const before = deviceChart(world(), DEVICE)!;
      actor.send(event);
      expect(actor.getSnapshot().context.latest[0]?.outcome === 'ok', event.type).toBe(before.can(event));
    };
    const matchesWorld = (snapshot: (typeof paths)[number]['state']) => {
      expect(deviceChart(world(), DEVICE)!.value).toBe(snapshot.value);
      expect(world().queue[DEVICE]?.length ?? 0).toBe(snapshot.context.queued);
      expect(world().devices[DEVICE]!.network).toBe(snapshot.context.network);
    };
    await path.test({
      states: { online: matchesWorld, offline: matchesWorld, removed: matchesWorld },
      events: {
        'address.entered': ({ event }) => sendAccepted(event as DeviceReaderAction),
        'message.sent': ({ event }) => sendAccepted(event as DeviceReaderAction),
        'call.started': ({ event }) => sendAccepted(event as DeviceReaderAction),
        'device.offline': ({ event }) => sendAccepted(event as DeviceReaderAction),
        'device.online': ({ event }) => sendAccepted(event as DeviceReaderAction),
        'device.network': ({ event }) => sendAccepted(event as DeviceReaderAction),
        'device.removed': ({ event }) => sendAccepted(event as DeviceReaderAction),
        // Ben writes to Ana while her phone is offline: the push service holds his message for it.
        'delivery.queued': () => actor.send({ type: 'message.sent', device: 'ben-phone', to: ['+15550100100'], text: 'while you were away' }),
        // The hold limit passes before the phone comes back.
        'delivery.dropped': () => actor.send({ type: 'time.advanceBy', ms: world().config.queueHoldMs + DAY }),
      },
    });
  });
});
