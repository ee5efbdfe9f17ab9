import { assertEvent, assign, setup, stateIn } from 'xstate';
import type { Action, JournalEntry, WorldState } from './world/index.ts';

/**
 * One device's life: online, offline (the push service queues what is sent to it), removed
 * (final: its keys are gone from the key directory). The chart is the rules: which state a device
 * is in and which reader actions it accepts. The world reducer (world/) is the bookkeeping: the
 * records, the queue itself, the journal. It stays a pure, fast function because population
 * benchmarks run millions of actions through it; the chart is resolved from it per device when a
 * panel asks (`deviceChart`), and test/unit/device-machine.test.ts runs the chart beside the
 * reducer on random reader actions to show the two never disagree.
 */

/** Reader actions aimed at one existing device, as the world takes them. */
export type DeviceReaderAction = Extract<Action, { device: string }>;

/** What the chart hears: the reader's actions on the device, and the push service's work for it. */
export type DeviceEvent =
  | DeviceReaderAction
  /** A message for this device waits at the push service (it is offline). */
  | { type: 'delivery.queued'; device: string; message: string }
  /** The push service gave up on a queued message: it was held for the hold limit. */
  | { type: 'delivery.dropped'; device: string; message: string };

export interface DeviceChartContext {
  /** The network the device is on, so the chart knows where a reconnect comes from. */
  network: string;
  /** Messages the push service holds for this device; delivered when it comes online. */
  queued: number;
}

export interface DeviceChartInput {
  network: string;
}

export const deviceMachine = setup({
  types: {
    context: {} as DeviceChartContext,
    input: {} as DeviceChartInput,
    events: {} as DeviceEvent,
  },
  guards: {
    /** Lookups, sends and calls need the key directory or the push service, so the device must be online. */
    canReachProvider: stateIn('online'),
    /** A drop is for a message the push service still holds. */
    hasQueued: ({ context }) => context.queued > 0,
  },
  actions: {
    moveNetwork: assign({
      network: ({ event }) => {
        assertEvent(event, 'device.network');
        return event.network;
      },
    }),
    holdDelivery: assign({ queued: ({ context }) => context.queued + 1 }),
    dropDelivery: assign({ queued: ({ context }) => context.queued - 1 }),
    /** Coming online delivers everything held; removal ends it undelivered. Either way nothing waits. */
    emptyQueue: assign({ queued: 0 }),
  },
}).createMachine({
  id: 'device',
  context: ({ input }) => ({ network: input.network, queued: 0 }),
  initial: 'online',
  // Targets name the state the device is already in: an accepted action that changes nothing else
  // must still count as accepted (`snapshot.can`), which an empty transition would not.
  on: {
    'address.entered': { guard: 'canReachProvider', target: '.online' },
    'message.sent': { guard: 'canReachProvider', target: '.online' },
    'call.started': { guard: 'canReachProvider', target: '.online' },
  },
  states: {
    online: {
      tags: ['registered'],
      on: {
        'device.online': { target: 'online' },
        'device.offline': { target: 'offline' },
        'device.network': { target: 'online', actions: 'moveNetwork' },
        'device.removed': { target: 'removed' },
      },
    },
    offline: {
      tags: ['registered'],
      on: {
        'device.offline': { target: 'offline' },
        'device.online': { target: 'online', actions: 'emptyQueue' },
        'device.network': { target: 'offline', actions: 'moveNetwork' },
        'device.removed': { target: 'removed', actions: 'emptyQueue' },
        'delivery.queued': { target: 'offline', actions: 'holdDelivery' },
        'delivery.dropped': { guard: 'hasQueued', target: 'offline', actions: 'dropDelivery' },
      },
    },
    // A preservation of its records, or a later issue's re-registration, would start from here.
    removed: { type: 'final' },
  },
});

export type DeviceChartState = 'online' | 'offline' | 'removed';
export type DeviceSnapshot = ReturnType<typeof deviceMachine.resolveState>;

/** The chart's state for a device, resolved from the world's bookkeeping. */
export function deviceChart(world: WorldState, deviceId: string): DeviceSnapshot | undefined {
  const d = world.devices[deviceId];
  if (!d) return undefined;
  const value: DeviceChartState = d.registered ? (d.online ? 'online' : 'offline') : 'removed';
  return deviceMachine.resolveState({ value, context: { network: d.network, queued: world.queue[deviceId]?.length ?? 0 } });
}

/**
 * The device events one journal entry stands for, in order: the action itself when it is aimed at
 * a device, a `delivery.queued` for every ciphertext the push service held, and the push service's
 * drops as time passed. `world` is read after the entry was applied (for the sender's fan-out).
 */
export function deviceEventsOf(entry: JournalEntry, world: WorldState): DeviceEvent[] {
  if (entry.outcome !== 'ok') return [];
  const action = entry.action;
  if (action.type === 'queue.dropped') return [{ type: 'delivery.dropped', device: action.device, message: action.message }];
  if (!('device' in action) || typeof action.device !== 'string') return [];
  const events: DeviceEvent[] = [action as DeviceReaderAction];
  const sent = action.type === 'message.sent' ? world.devices[action.device]?.lastSent : undefined;
  if (sent) for (const f of sent.fanout) if (f.status === 'queued') events.push({ type: 'delivery.queued', device: f.device, message: sent.messageId });
  return events;
}
