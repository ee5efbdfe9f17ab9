import { isolate } from '../bidi.ts';
import { ModelError } from '../errors.ts';
import { append } from '../ledger.ts';
import type { SeededRandom } from '../rng.ts';
import { device as deviceOf, network as networkOf, ownerHandle, person as personOf } from './access.ts';
import { deliver } from './messages.ts';
import { markFanout, release } from './push-queue.ts';
import type { DeviceSpec, DeviceState, Engine, Notes, WorldState } from './types.ts';

/* ------------------------------------------------------------------ network */

function ipFor(world: WorldState, rng: SeededRandom, networkId: string): string {
  const network = networkOf(world, networkId);
  if (network.ip) return network.ip;
  // Documentation address ranges (RFC 5737), so no simulated IP is anyone's real address.
  const prefix = network.kind === 'mobile' ? '198.51.100' : network.kind === 'cafe' ? '192.0.2' : '203.0.113';
  if (network.kind !== 'mobile') {
    network.ip = `${prefix}.${rng.int(2, 254)}`;
    return network.ip;
  }
  return `${prefix}.${rng.int(2, 254)}`;
}

function recordConnection(world: WorldState, device: DeviceState, kind: 'sign-in' | 'reconnect' | 'network-change'): void {
  const handle = ownerHandle(world, device);
  append(world.ledger, {
    category: 'connection',
    recordedAt: world.now,
    handles: [handle],
    fields: { handle, device: device.label, ip: device.ip, kind },
  });
}

function bytesHex(rng: SeededRandom, n: number): string {
  let out = '';
  for (const b of rng.bytes(n)) out += b.toString(16).padStart(2, '0');
  return out;
}

/* ------------------------------------------------------------------ devices */

export function addDevice(world: WorldState, rng: SeededRandom, engine: Engine, personId: string, spec: DeviceSpec, notes: Notes): void {
  const person = world.people[personId];
  if (!person) throw new ModelError(`people.${personId}`, 'a person in the cast');
  if (!world.networks[spec.network]) throw new ModelError(`devices.${spec.id}.network`, `a network in the cast, not "${spec.network}"`);
  if (world.devices[spec.id]) throw new ModelError(`devices.${spec.id}`, 'a device id used only once');
  const device: DeviceState = {
    id: spec.id,
    owner: personId,
    label: spec.label,
    kind: spec.kind,
    network: spec.network,
    ip: ipFor(world, rng, spec.network),
    online: spec.online ?? true,
    registered: true,
    pushToken: bytesHex(rng, 8),
    keySeed: engine.crypto.keySeed(rng),
    cache: {},
    composer: undefined,
    messages: [],
    lastSent: null,
    alerts: [],
    calls: [],
  };
  world.devices[device.id] = device;
  const others = person.devices.filter((id) => world.devices[id]?.registered);
  person.devices.push(device.id);
  for (const handle of person.handles) {
    const entry = (world.directory[handle] ??= { devices: [], version: 0 });
    if (entry.devices.length === 0 && !hasAccountRecord(world, handle)) {
      append(world.ledger, { category: 'account', recordedAt: world.now, handles: [handle], fields: { handle, registeredAt: world.now } });
    }
    entry.devices = [...entry.devices, device.id];
    entry.version++;
    append(world.ledger, {
      category: 'registration',
      recordedAt: world.now,
      handles: [handle],
      fields: { handle, device: device.label, pushToken: device.pushToken, ip: device.ip, change: 'added' },
    });
  }
  recordConnection(world, device, 'sign-in');
  // Every other device of the owner is told, so a device added by someone else does not go unnoticed.
  for (const id of others) {
    deviceOf(world, id).alerts.push({
      at: world.now,
      text: `A new device, “${isolate(device.label)}”, now receives messages sent to ${person.handles.join(' and ')}.`,
    });
  }
  notes?.push(`${isolate(device.label)} registered its keys under ${person.handles.join(', ')}`);
}

function hasAccountRecord(world: WorldState, handle: string): boolean {
  const list = world.ledger.byCategory.account;
  for (let i = world.ledger.start.account; i < list.length; i++) if (list[i]!.handles[0] === handle) return true;
  return false;
}

export function removeDevice(world: WorldState, deviceId: string, notes: Notes): void {
  const device = deviceOf(world, deviceId);
  const person = personOf(world, device.owner);
  device.registered = false;
  device.online = false;
  for (const handle of person.handles) {
    const entry = world.directory[handle];
    if (!entry) continue;
    entry.devices = entry.devices.filter((id) => id !== deviceId);
    entry.version++;
    append(world.ledger, {
      category: 'registration',
      recordedAt: world.now,
      handles: [handle],
      fields: { handle, device: device.label, pushToken: device.pushToken, ip: device.ip, change: 'removed' },
    });
  }
  release(world, deviceId);
  for (const id of person.devices) {
    const other = world.devices[id];
    if (id !== deviceId && other?.registered) other.alerts.push({ at: world.now, text: `“${isolate(device.label)}” no longer receives your messages.` });
  }
  notes?.push(`${isolate(device.label)} was removed from the key directory`);
}

export function goOffline(world: WorldState, deviceId: string, notes: Notes): void {
  const device = deviceOf(world, deviceId);
  device.online = false;
  notes?.push(`${isolate(device.label)} went offline`);
}

export function comeOnline(world: WorldState, rng: SeededRandom, engine: Engine, deviceId: string, notes: Notes): void {
  const device = deviceOf(world, deviceId);
  if (device.online) return;
  device.online = true;
  if (networkOf(world, device.network).kind === 'mobile') device.ip = ipFor(world, rng, device.network);
  recordConnection(world, device, 'reconnect');
  const waiting = release(world, deviceId);
  for (const item of waiting) {
    deliver(world, engine, device, deviceOf(world, item.fromDevice), item.messageId, item.fromHandle, item.toHandles, item.envelope);
    markFanout(world, item, deviceId, 'delivered');
  }
  notes?.push(`${isolate(device.label)} came online${waiting.length ? ` and received ${waiting.length} queued message${waiting.length > 1 ? 's' : ''}` : ''}`);
}

export function changeNetwork(world: WorldState, rng: SeededRandom, deviceId: string, networkId: string, notes: Notes): void {
  const device = deviceOf(world, deviceId);
  device.network = networkId;
  device.ip = ipFor(world, rng, networkId);
  if (device.online) recordConnection(world, device, 'network-change');
  notes?.push(`${isolate(device.label)} moved to ${isolate(networkOf(world, networkId).label)} (${device.ip})`);
}
