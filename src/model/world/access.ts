import { ModelError } from '../errors.ts';
import type { DeviceState, NetworkSpec, PersonState, WorldState } from './types.ts';

/*
 * Lookups that the reducer's own invariants guarantee (an action is checked by `rejection` first,
 * and every device's owner exists). If one ever fails, the error names the id rather than
 * surfacing later as "cannot read properties of undefined".
 */

export function device(world: WorldState, id: string): DeviceState {
  const found = world.devices[id];
  if (found === undefined) throw new ModelError(`devices.${id}`, 'a device in the world');
  return found;
}

export function person(world: WorldState, id: string): PersonState {
  const found = world.people[id];
  if (found === undefined) throw new ModelError(`people.${id}`, 'a person in the world');
  return found;
}

export function network(world: WorldState, id: string): NetworkSpec {
  const found = world.networks[id];
  if (found === undefined) throw new ModelError(`networks.${id}`, 'a network in the world');
  return found;
}

/** The handle a device's owner is known by: the first of their handles. */
export function ownerHandle(world: WorldState, d: DeviceState): string {
  return person(world, d.owner).handles[0]!;
}

/**
 * Appends to a device-side list that keeps at least the newest `limit` items. It trims in one go
 * when the list reaches twice the limit, so trimming costs nothing per message.
 */
export function keepNewest<T>(list: T[], item: T, limit: number | null): void {
  list.push(item);
  if (limit !== null && list.length >= 2 * limit) list.splice(0, list.length - limit);
}
