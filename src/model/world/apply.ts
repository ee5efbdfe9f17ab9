import { isolate } from '../bidi.ts';
import { parseHandle } from '../handles.ts';
import { prune } from '../ledger.ts';
import { SeededRandom } from '../rng.ts';
import { DEFAULT_ENGINE } from './config.ts';
import { normalised } from './create.ts';
import { addDevice, changeNetwork, comeOnline, goOffline, removeDevice } from './devices.ts';
import { enterAddress } from './directory.ts';
import { sendMessage } from './messages.ts';
import { dropExpired } from './push-queue.ts';
import { startCall } from './calls.ts';
import { preservationRejection, preserve } from './preservation.ts';
import { keepForPreservation } from '../preservation.ts';
import type { Action, ActionType, Engine, JournalEntry, Notes, WorldState } from './types.ts';

/** Why `action` cannot apply to `world` now, or undefined when it can. Changes nothing. */
export function rejection(world: WorldState, action: Action): string | undefined {
  const device = 'device' in action && typeof action.device === 'string' ? world.devices[action.device] : undefined;
  switch (action.type) {
    case 'time.advance':
      return action.to < world.now ? `time cannot go backwards (now ${world.now}, asked ${action.to})` : undefined;
    case 'device.added':
      if (!world.people[action.person]) return `unknown person "${action.person}"`;
      if (world.devices[action.device.id]) return `a device "${action.device.id}" already exists`;
      return world.networks[action.device.network] ? undefined : `unknown network "${action.device.network}"`;
    case 'legal.request':
      return parseHandle(action.target).ok ? undefined : `target "${action.target}" is not a phone number or email address`;
    case 'preservation.requested':
    case 'preservation.renewed':
      return preservationRejection(world, action);
    default:
      break;
  }
  if (!device) return `unknown device "${(action as { device: string }).device}"`;
  if (!device.registered) return `device "${device.id}" has been removed`;
  switch (action.type) {
    case 'device.network':
      return world.networks[action.network] ? undefined : `unknown network "${action.network}"`;
    case 'address.entered':
    case 'message.sent':
    case 'call.started':
      return device.online ? undefined : `${isolate(device.label)} is offline: it cannot reach the provider`;
    default:
      return undefined;
  }
}

/** The notes of an entry when no journal is kept: nothing is ever written to it (see `Notes`). */
const NO_NOTES = Object.freeze([]) as unknown as string[];
/** The records of an entry that made none; entries are never changed once written. */
const NO_RECORDS = Object.freeze([]) as unknown as number[];

/**
 * Applies one action at the world's current time, mutating `world` in place (the engine owns its
 * state; the xstate machine publishes a new revision after each call). A rejected action changes
 * nothing but the journal.
 */
export function apply(world: WorldState, action: Action, engine: Engine = DEFAULT_ENGINE): JournalEntry {
  const entry: JournalEntry = { t: world.now, action, outcome: 'ok', records: NO_RECORDS, notes: world.config.journal ? [] : NO_NOTES };
  // Notes are words for people; a run that keeps no journal skips composing them.
  const notes = world.config.journal ? entry.notes : undefined;
  const reason = rejection(world, action);
  if (reason) {
    entry.outcome = 'rejected';
    entry.reason = reason;
  } else {
    const rng = new SeededRandom(world.rng);
    const firstSeq = world.ledger.nextSeq;
    (HANDLERS[action.type] as Handler<ActionType>)(world, rng, engine, action, notes);
    if (rng.used) world.rng = rng.state();
    const made = world.ledger.nextSeq - firstSeq;
    if (made > 0) {
      entry.records = new Array<number>(made);
      for (let i = 0; i < made; i++) entry.records[i] = firstSeq + i;
    }
  }
  // Time passing is not journaled itself (so a journal does not depend on how finely playback
  // ticks); what happens as it passes is, at the moment it is due.
  if (world.config.journal && (action.type !== 'time.advance' || entry.outcome === 'rejected')) world.journal.push(entry);
  return entry;
}

/** Performs an action that `rejection` has let through. */
type Handler<T extends ActionType> = (world: WorldState, rng: SeededRandom, engine: Engine, action: Extract<Action, { type: T }>, notes: Notes) => void;

const HANDLERS: { readonly [T in ActionType]: Handler<T> } = {
  'time.advance': (world, _rng, engine, a) => advance(world, engine, a.to),
  'address.entered': (world, _rng, _engine, a, notes) => enterAddress(world, a.device, a.address, notes),
  'message.sent': (world, rng, engine, a, notes) => sendMessage(world, rng, engine, a.device, a.to, a.text, notes),
  'call.started': (world, _rng, _engine, a, notes) => startCall(world, a.device, a.to, a.answered ?? false, notes),
  'device.added': (world, rng, engine, a, notes) => addDevice(world, rng, engine, a.person, a.device, notes),
  'device.removed': (world, _rng, _engine, a, notes) => removeDevice(world, a.device, notes),
  'device.offline': (world, _rng, _engine, a, notes) => goOffline(world, a.device, notes),
  'device.online': (world, rng, engine, a, notes) => comeOnline(world, rng, engine, a.device, notes),
  'device.network': (world, rng, _engine, a, notes) => changeNetwork(world, rng, a.device, a.network, notes),
  'legal.request': (world, _rng, _engine, a, notes) => {
    world.legalRequests.push({ at: world.now, process: a.process, target: normalised(a.target, 'target') });
    notes?.push(`legal request served: ${a.process} for ${a.target}`);
  },
  'preservation.requested': (world, _rng, _engine, a, notes) => preserve(world, a, notes),
  'preservation.renewed': (world, _rng, _engine, a, notes) => preserve(world, a, notes),
};

/**
 * Moves the clock: the push service drops what it held too long, and the live store forgets what
 * no view needs and no preservation request keeps.
 */
function advance(world: WorldState, engine: Engine, to: number): void {
  world.now = to;
  const dropped = dropExpired(world, to);
  if (world.config.journal) world.journal.push(...dropped);
  prune(world.ledger, engine.policies, to, world.config.scrubWindowMs, keepForPreservation(world.preservations));
}
