import { isolate } from '../bidi.ts';
import type { Envelope } from '../crypto.ts';
import { append } from '../ledger.ts';
import type { Category } from '../records.ts';
import type { SeededRandom } from '../rng.ts';
import type { SimTime } from '../time.ts';
import { device as deviceOf, keepNewest, ownerHandle, person } from './access.ts';
import { cachedRegistered, consultDirectory, resolveAddress } from './directory.ts';
import { hold } from './push-queue.ts';
import type { DeviceMessage, DeviceState, Engine, FanoutEntry, Notes, WorldState } from './types.ts';

/*
 * Sending runs once per message at population scale, and what it builds stays on devices until
 * their history scrolls it away, long enough for the garbage collector to copy it twice. So the
 * arrays kept with a message are built at their exact length (an array grown by push from []
 * reserves room for 17), and copies that read the same are shared.
 */

/** No handles: the SMS list of most messages. Handle lists are never changed once made. */
const NO_HANDLES: readonly string[] = Object.freeze([]);

/** One message as devices show it; identical copies are shared, since a shown message never changes. */
type Shown = { sent?: DeviceMessage; received?: DeviceMessage };

/**
 * Sends `text` from `deviceId` to what the person typed: resolve the recipients, ask the key
 * directory for their devices, then seal one ciphertext per device and route, queue or deliver it.
 */
export function sendMessage(world: WorldState, rng: SeededRandom, engine: Engine, deviceId: string, to: string[], text: string, notes: Notes): void {
  const sender = deviceOf(world, deviceId);
  const fromHandle = ownerHandle(world, sender);
  const toHandles = recipientHandles(world, deviceId, to, notes);
  const messageId = `m${++world.messageCount}`;
  const targets: string[] = [];
  const sms = targetDevices(world, sender, toHandles, targets, notes);
  const message: DeviceMessage = { id: messageId, at: world.now, direction: 'sent', fromHandle, toHandles, text };
  keepNewest(sender.messages, message, world.config.deviceHistory);
  const fanout = recordOutgoing(sender, messageId, world.now, toHandles, sms, targets.length);
  routeEach(world, rng, engine, sender, targets, fanout, message);
  notes?.push(
    `message ${messageId}: ${fanout.length} ciphertext${fanout.length === 1 ? '' : 's'}` +
      (fanout.some((f) => f.status === 'queued') ? `, ${fanout.filter((f) => f.status === 'queued').length} queued for offline devices` : '') +
      (sms.length ? `; SMS to ${sms.join(', ')}` : ''),
  );
}

/**
 * The handles a message goes to, each once, in the order typed; addresses that resolve to none are
 * noted. Handle lists are never changed once made, so one address's list is shared, not copied.
 */
function recipientHandles(world: WorldState, deviceId: string, to: readonly string[], notes: Notes): readonly string[] {
  const resolve = (address: string): readonly string[] => {
    const r = resolveAddress(world, deviceId, address);
    if (!('error' in r)) return r.handles;
    notes?.push(`skipped "${address}": ${r.error}`);
    return NO_HANDLES;
  };
  // One address, the usual case: its handles are already distinct.
  if (to.length === 1) return resolve(to[0]!);
  const handles = new Set<string>();
  for (const address of to) for (const h of resolve(address)) handles.add(h);
  return [...handles];
}

/**
 * Adds to `targets` the devices that get a ciphertext, each once: every device the sender's
 * lookup lists for every registered recipient, then the sender's other devices. Under the
 * `staleOnDeviceChange` assumption that lookup is the directory's answer now; without it, a cached
 * answer can list a device since removed (the push service no longer has its token, so it is
 * skipped) and miss one since added (noted). Returns the handles that are not registered, which
 * get SMS instead. (`targets` is passed in, not returned with the SMS list, so a message
 * allocates no result object.)
 */
function targetDevices(world: WorldState, sender: DeviceState, toHandles: readonly string[], targets: string[], notes: Notes): readonly string[] {
  let sms: readonly string[] = NO_HANDLES;
  for (const handle of toHandles) {
    consultDirectory(world, sender, handle, true);
    if (!cachedRegistered(sender, handle)) {
      sms = [...sms, handle];
      continue;
    }
    const listed = sender.cache[handle]!.devices;
    for (const id of listed) if (!targets.includes(id) && id !== sender.id && deviceOf(world, id).registered) targets.push(id);
    if (!world.config.staleOnDeviceChange) noteMissed(world, handle, listed, notes);
  }
  // The sender's other devices get their own copy, so the conversation shows everywhere.
  for (const id of person(world, sender.owner).devices) {
    if (id !== sender.id && deviceOf(world, id).registered && !targets.includes(id)) targets.push(id);
  }
  return sms;
}

/** Notes the devices of `handle` that a cached lookup did not list, so they get nothing. */
function noteMissed(world: WorldState, handle: string, listed: readonly string[], notes: Notes): void {
  const missed = world.directory[handle]?.devices.filter((id) => !listed.includes(id)) ?? [];
  if (missed.length === 0) return;
  const labels = missed.map((id) => isolate(deviceOf(world, id).label)).join(', ');
  notes?.push(`sent from a cached lookup of ${handle}: ${labels} got nothing (assumption: a cached lookup does not go stale when devices change)`);
}

/**
 * Seals `m` once per target, writes its routing record, and delivers it to an online device or has
 * the push service hold it for an offline one; fills the fan-out entry of each. `m` is the sender's
 * copy, which the sender's other devices share when it reads the same.
 */
function routeEach(
  world: WorldState,
  rng: SeededRandom,
  engine: Engine,
  sender: DeviceState,
  targets: readonly string[],
  fanout: FanoutEntry[],
  m: DeviceMessage,
): void {
  const routingNeeded = recordNeeded(world, engine, 'routing');
  const shown: Shown = { sent: m };
  // A person's devices are consecutive in `targets`: their routing records share one (never mutated) handle pair.
  let pair: readonly [string, string] | undefined;
  for (let i = 0; i < targets.length; i++) {
    const targetId = targets[i]!;
    const target = deviceOf(world, targetId);
    const envelope = engine.crypto.seal(m.text, target.keySeed, sender.keySeed, rng);
    const recipientHandle = ownerHandle(world, target);
    if (routingNeeded) {
      if (pair?.[1] !== recipientHandle) pair = [m.fromHandle, recipientHandle];
      append(world.ledger, {
        category: 'routing',
        recordedAt: world.now,
        handles: pair,
        fields: { senderHandle: m.fromHandle, senderIp: sender.ip, recipientHandle, pushToken: target.pushToken, size: envelope.size },
      });
    } else world.ledger.nextSeq++;
    const entry = fanout[i]!;
    entry.device = targetId;
    entry.ciphertextPreview = envelope.ciphertext.slice(0, 32);
    entry.sealing = envelope.sealing;
    entry.size = envelope.size;
    entry.status = 'delivered';
    if (target.online) {
      deliver(world, engine, target, sender, m.id, m.fromHandle, m.toHandles, envelope, shown);
    } else {
      hold(world, target, recipientHandle, m.id, sender.id, m.fromHandle, m.toHandles, envelope);
      entry.status = 'queued';
    }
  }
}

/**
 * Whether anyone could ever ask about a new record in `category`. When no view may look
 * back (scrub window 0) and every policy in play keeps the category for 0 days and no pen register
 * captures it, the provider forgets it at once, so it is never stored (its seq is still used, so
 * numbering is the same either way). A real provider that keeps nothing does the same.
 */
function recordNeeded(world: WorldState, engine: Engine, category: Category): boolean {
  if (world.config.scrubWindowMs !== 0) return true;
  return engine.policies.some((p) => {
    const keep = p.retention[category].keep;
    return keep.kind !== 'days' || keep.days > 0 || p.legal['pen-register'].categories.includes(category);
  });
}

/**
 * Makes `device.lastSent` describe a new message with `count` ciphertexts and returns its fan-out
 * entries for the caller to fill in. The device's record and entries are reused: a device sends
 * again about daily, so a fresh record per message would live just long enough for the garbage
 * collector to copy it. Views copy what they show, so nothing outside the model sees the reuse.
 */
function recordOutgoing(
  device: DeviceState,
  messageId: string,
  at: SimTime,
  toHandles: readonly string[],
  sms: readonly string[],
  count: number,
): FanoutEntry[] {
  const outgoing = (device.lastSent ??= { messageId, at, toHandles, fanout: [], sms });
  outgoing.messageId = messageId;
  outgoing.at = at;
  outgoing.toHandles = toHandles;
  outgoing.sms = sms;
  const fanout = outgoing.fanout;
  while (fanout.length < count) fanout.push({ device: '', ciphertextPreview: '', size: 0, status: 'delivered' });
  if (fanout.length > count) fanout.splice(count);
  return fanout;
}

/**
 * The recipient device verifies and decrypts: the plaintext appears again only on a device.
 * Arguments, not an envelope object: this runs once per device for every message.
 */
export function deliver(
  world: WorldState,
  engine: Engine,
  device: DeviceState,
  sender: DeviceState,
  messageId: string,
  fromHandle: string,
  toHandles: readonly string[],
  envelope: Envelope,
  shown: Shown = {},
): void {
  const text =
    engine.crypto.name === 'metadata-only'
      ? '' // benchmark runs carry no content at all
      : engine.crypto.open(envelope, device.keySeed, sender.keySeed);
  // The sender's other devices show it as sent, so the conversation reads the same everywhere.
  const direction = device.owner === sender.owner ? 'sent' : 'received';
  let copy = shown[direction];
  if (!copy || copy.text !== text) {
    copy = { id: messageId, at: world.now, direction, fromHandle, toHandles, text };
    shown[direction] = copy;
  }
  keepNewest(device.messages, copy, world.config.deviceHistory);
}
