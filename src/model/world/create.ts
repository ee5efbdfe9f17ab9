import { ModelError } from '../errors.ts';
import { parseHandle } from '../handles.ts';
import { emptyLedger } from '../ledger.ts';
import { SeededRandom } from '../rng.ts';
import { DEFAULT_CONFIG, DEFAULT_ENGINE } from './config.ts';
import { addDevice } from './devices.ts';
import type { Cast, Engine, WorldConfig, WorldState } from './types.ts';

/**
 * Builds the world at t = 0: every cast device registers with the key directory (so the
 * directory, account and registration records exist from the start) and signs in.
 */
export function createWorld(cast: Cast, seed: number, config: Partial<WorldConfig> = {}, engine: Engine = DEFAULT_ENGINE): WorldState {
  const world: WorldState = {
    now: 0,
    seed,
    rng: new SeededRandom(seed).state(),
    config: { ...DEFAULT_CONFIG, ...config },
    // Copies: a network's drawn IP is written into it, and the cast must not carry it into the next run (reset, replay).
    networks: Object.fromEntries(cast.networks.map((n) => [n.id, { ...n }])),
    people: {},
    handleOwner: {},
    devices: {},
    directory: {},
    queue: {},
    ledger: emptyLedger(),
    legalRequests: [],
    preservations: [],
    journal: [],
    messageCount: 0,
  };
  for (const person of cast.people) {
    const handles = person.handles.map((h) => normalised(h, `people.${person.id}.handles`));
    world.people[person.id] = { id: person.id, name: person.name, handles, contacts: person.contacts ?? [], devices: [] };
    for (const handle of handles) world.handleOwner[handle] = person.id;
  }
  const rng = new SeededRandom(world.rng);
  for (const person of cast.people) {
    for (const device of person.devices) addDevice(world, rng, engine, person.id, device, []);
  }
  world.rng = rng.state();
  return world;
}

/** The normalised form of a handle that must be valid; the error names where it came from. */
export function normalised(handle: string, path: string): string {
  const parsed = parseHandle(handle);
  if (!parsed.ok) throw new ModelError(path, `a phone number in E.164 form or an email address, not "${handle}": ${parsed.reason}`);
  return parsed.handle.value;
}
