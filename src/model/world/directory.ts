import { normaliseHandle, parseHandle } from '../handles.ts';
import { append } from '../ledger.ts';
import { HOUR } from '../time.ts';
import { device as deviceOf, ownerHandle } from './access.ts';
import type { ContactSpec, DeviceState, LookupResult, Notes, WorldState } from './types.ts';

/** Resolves what a person typed: a handle, or a contact's name looked up in the owner's contacts. */
export function resolveAddress(world: WorldState, deviceId: string, address: string): { handles: readonly string[] } | { error: string } {
  const owner = world.people[world.devices[deviceId]?.owner ?? ''];
  // A name that is itself a handle is never in the index, so a typed handle still wins over a contact.
  const named = owner && contactIndex(owner.contacts).get(address.trim().toLowerCase());
  if (named) return named;
  const parsed = parseHandle(address);
  return parsed.ok ? { handles: [parsed.handle.value] } : { error: parsed.reason };
}

type Resolved = { readonly handles: readonly string[] };

/**
 * Per contact list: each lower-cased name (the first contact with it wins) to its normalised
 * distinct handles, for names that are not handles themselves and have at least one. Memoised per
 * list, because people write to the same few contacts over and over and contacts never change
 * after the world is built. The memo lives outside the world, so snapshots stay plain data;
 * callers must not change what it hands out.
 */
const contactIndexes = new WeakMap<readonly ContactSpec[], Map<string, Resolved>>();
function contactIndex(contacts: readonly ContactSpec[]): Map<string, Resolved> {
  let index = contactIndexes.get(contacts);
  if (index) return index;
  index = new Map();
  const seen = new Set<string>();
  for (const contact of contacts) {
    const name = contact.name.toLowerCase();
    if (seen.has(name)) continue;
    seen.add(name);
    const handles = [...new Set(contact.handles.flatMap((h) => normaliseHandle(h) ?? []))];
    if (handles.length > 0 && !parseHandle(contact.name).ok) index.set(name, { handles });
  }
  contactIndexes.set(contacts, index);
  return index;
}

/**
 * The device needs the keys and push tokens for `handle`. A fresh cache entry answers without
 * asking; otherwise the key directory answers and writes a lookup record. How long an entry stays
 * fresh is the `lookupCacheMs` assumption. When `requireCurrent` (a send or a call) and the
 * `staleOnDeviceChange` assumption holds, an entry older than the directory's version is stale
 * too (the provider tells the sender that the recipient's devices changed), so fan-out matches
 * the directory; without it, fan-out goes to the devices the cache lists.
 *
 * Returns the seq of the lookup record written, or -1 when the cache answered. Either way
 * `device.cache[handle]` then holds the answer. No result object: senders call this once per
 * recipient of every message.
 */
export function consultDirectory(world: WorldState, device: DeviceState, handle: string, requireCurrent: boolean): number {
  const entry = world.directory[handle];
  const version = entry?.version ?? 0;
  const cached = device.cache[handle];
  if (
    cached !== undefined &&
    world.now - cached.at < world.config.lookupCacheMs &&
    (!requireCurrent || !world.config.staleOnDeviceChange || cached.version === version)
  )
    return -1;
  const devices = entry?.devices ?? NO_DEVICES;
  const deviceCount = devices.length;
  const requesterHandle = ownerHandle(world, device);
  const record = append(world.ledger, {
    category: 'lookup',
    recordedAt: world.now,
    handles: [requesterHandle, handle],
    fields: { requesterHandle, requesterIp: device.ip, lookedUpHandle: handle, deviceCount },
  });
  // Updated in place when there is one: entries live a simulated day, long enough to be copied by the collector.
  if (cached) {
    cached.at = world.now;
    cached.version = version;
    cached.registered = deviceCount > 0;
    cached.deviceCount = deviceCount;
    cached.devices = devices;
  } else device.cache[handle] = { at: world.now, version, registered: deviceCount > 0, deviceCount, devices };
  return record.seq;
}

const NO_DEVICES: readonly string[] = Object.freeze([]);

/** Whether `handle` is registered, as the device last heard from the key directory (after `consultDirectory`). */
export function cachedRegistered(device: DeviceState, handle: string): boolean {
  return device.cache[handle]?.registered === true;
}

/** A lookup as the composer shows it. */
function lookup(world: WorldState, device: DeviceState, handle: string): LookupResult {
  const record = consultDirectory(world, device, handle, false);
  const { registered, deviceCount } = device.cache[handle]!;
  return record === -1 ? { handle, registered, deviceCount, cached: true } : { handle, registered, deviceCount, cached: false, record };
}

export function enterAddress(world: WorldState, deviceId: string, address: string, notes: Notes): void {
  const device = deviceOf(world, deviceId);
  const resolved = resolveAddress(world, deviceId, address);
  if ('error' in resolved) {
    device.composer = { address, results: [], error: resolved.error };
    notes?.push(`not an address: ${resolved.error}`);
    return;
  }
  const results = resolved.handles.map((h) => lookup(world, device, h));
  device.composer = { address, results };
  for (const r of results) {
    notes?.push(
      r.cached
        ? `lookup of ${r.handle} answered from the device cache: nothing recorded (assumption: a lookup is cached ${cacheWords(world)})`
        : `lookup recorded: ${ownerHandle(world, device)} looked up ${r.handle} (${r.registered ? `${r.deviceCount} device${r.deviceCount === 1 ? '' : 's'}` : 'not registered: SMS'})`,
    );
  }
}

/** The cache assumption in the words of a journal note. */
function cacheWords(world: WorldState): string {
  const hours = world.config.lookupCacheMs / HOUR;
  return `for ${hours} hour${hours === 1 ? '' : 's'}`;
}
