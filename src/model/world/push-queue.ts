import type { Envelope } from '../crypto.ts';
import { append } from '../ledger.ts';
import type { LedgerRecord } from '../records.ts';
import { DAY, type SimTime } from '../time.ts';
import type { DeviceState, FanoutEntry, JournalEntry, QueuedEnvelope, WorldState } from './types.ts';

/*
 * The push service's queue for offline devices: it holds a ciphertext (and writes a queue record)
 * until the device returns or the hold limit (`config.queueHoldMs`) runs out, whichever is first.
 * Either way the queue record ends then.
 *
 * An envelope sealed on view (crypto.ts, `deferredCrypto`) has no bytes yet, only what sealing it
 * takes, the words included. The queue is the provider's: it holds the envelope without them, and
 * the words wait on the device side (`DeviceState.inTransit`) until the device takes its copy or
 * the push service drops it. Provider-side state never holds plaintext, however the run seals.
 */

/** Holds `envelope` for the offline `target` and returns the seq of the queue record written. */
export function hold(
  world: WorldState,
  target: DeviceState,
  recipientHandle: string,
  messageId: string,
  fromDevice: string,
  fromHandle: string,
  toHandles: readonly string[],
  envelope: Envelope,
): number {
  const record = append(world.ledger, {
    category: 'queue',
    recordedAt: world.now,
    handles: [recipientHandle],
    fields: { recipientHandle, pushToken: target.pushToken, size: envelope.size },
  }).seq;
  const { sealing, ...carried } = envelope;
  if (sealing) (target.inTransit ??= {})[messageId] = sealing;
  (world.queue[target.id] ??= []).push({ record, messageId, fromDevice, fromHandle, toHandles, queuedAt: world.now, envelope: carried });
  return record;
}

/**
 * Drops what the push service has held past the hold limit by `to`: those devices never get it.
 * Returns a journal entry per drop, at the moment it was due, in time order.
 */
export function dropExpired(world: WorldState, to: SimTime): JournalEntry[] {
  const dropped: JournalEntry[] = [];
  for (const [deviceId, items] of Object.entries(world.queue)) {
    const keep: QueuedEnvelope[] = [];
    for (const item of items) {
      const due = item.queuedAt + world.config.queueHoldMs;
      if (due <= to) {
        endRecord(world, item.record, due);
        markFanout(world, item, deviceId, 'dropped');
        forgetInTransit(world, deviceId, item.messageId);
        dropped.push({
          t: due,
          action: { type: 'queue.dropped', device: deviceId, message: item.messageId },
          outcome: 'ok',
          records: [],
          notes: [
            `the push service dropped message ${item.messageId} for ${world.devices[deviceId]?.label ?? deviceId}: held the limit of ${Math.round(world.config.queueHoldMs / DAY)} days`,
          ],
        });
      } else keep.push(item);
    }
    if (keep.length === 0) delete world.queue[deviceId];
    else world.queue[deviceId] = keep;
  }
  return dropped.sort((a, b) => a.t - b.t);
}

/** Takes everything held for `deviceId` off the queue, ending each queue record now; envelopes come with what sealing them takes. */
export function release(world: WorldState, deviceId: string): QueuedEnvelope[] {
  const waiting = world.queue[deviceId] ?? [];
  delete world.queue[deviceId];
  const inTransit = world.devices[deviceId]?.inTransit;
  if (inTransit) delete world.devices[deviceId]!.inTransit;
  return waiting.map((item) => {
    endRecord(world, item.record, world.now);
    const sealing = inTransit?.[item.messageId];
    return sealing ? { ...item, envelope: { ...item.envelope, sealing } } : item;
  });
}

function forgetInTransit(world: WorldState, deviceId: string, messageId: string): void {
  const device = world.devices[deviceId];
  if (!device?.inTransit) return;
  delete device.inTransit[messageId];
  if (Object.keys(device.inTransit).length === 0) delete device.inTransit;
}

export function endRecord(world: WorldState, seq: number, at: SimTime): void {
  const list = world.ledger.byCategory.queue;
  // Queue records are few and recent: search from the end.
  for (let i = list.length - 1; i >= world.ledger.start.queue; i--) {
    const o = list[i] as LedgerRecord;
    if (o.seq === seq) {
      o.endedAt = at;
      return;
    }
  }
}

/** Updates the fan-out of a queued message, if it is still the last its device sent. */
export function markFanout(world: WorldState, item: QueuedEnvelope, deviceId: string, status: FanoutEntry['status']): void {
  const outgoing = world.devices[item.fromDevice]?.lastSent;
  if (outgoing?.messageId !== item.messageId) return;
  const entry = outgoing.fanout.find((f) => f.device === deviceId);
  if (entry) entry.status = status;
}
