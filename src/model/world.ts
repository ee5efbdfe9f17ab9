import { realCrypto, type Crypto, type Envelope } from './crypto.ts';
import { ModelError } from './errors.ts';
import { normaliseHandle, parseHandle } from './handles.ts';
import { append, emptyLedger, prune, type Ledger } from './ledger.ts';
import type { LegalProcess, Policy } from './policy.ts';
import { APPLE_2016 } from './policy.ts';
import type { Category, Observation } from './records.ts';
import { SeededRandom } from './rng.ts';
import { DAY, HOUR, type SimTime } from './time.ts';

/* ------------------------------------------------------------------ cast */

export type DeviceKind = 'phone' | 'tablet' | 'laptop';
export type NetworkKind = 'home' | 'mobile' | 'cafe' | 'office';

export interface NetworkSpec {
  id: string;
  label: string;
  kind: NetworkKind;
  /** The public IP for shared networks. Mobile networks hand each device its own address. */
  ip?: string;
}

export interface DeviceSpec {
  id: string;
  label: string;
  kind: DeviceKind;
  network: string;
  online?: boolean;
}

export interface ContactSpec {
  name: string;
  handles: string[];
}

export interface PersonSpec {
  id: string;
  name: string;
  handles: string[];
  contacts?: ContactSpec[];
  devices: DeviceSpec[];
}

export interface Cast {
  networks: NetworkSpec[];
  people: PersonSpec[];
}

/* ------------------------------------------------------------------ actions */

export type Action =
  | { type: 'address.entered'; device: string; address: string }
  | { type: 'message.sent'; device: string; to: string[]; text: string }
  | { type: 'call.started'; device: string; to: string; answered?: boolean }
  | { type: 'device.added'; person: string; device: DeviceSpec }
  | { type: 'device.removed'; device: string }
  | { type: 'device.offline'; device: string }
  | { type: 'device.online'; device: string }
  | { type: 'device.network'; device: string; network: string }
  | { type: 'legal.request'; process: LegalProcess; target: string }
  | { type: 'time.advance'; to: SimTime };

export type ActionType = Action['type'];

/* ------------------------------------------------------------------ state */

export interface LookupResult {
  handle: string;
  registered: boolean;
  deviceCount: number;
  /** Answered from the device's cache: no request reached the key directory. */
  cached: boolean;
  /** Seq of the lookup record the directory wrote, when it did. */
  record?: number;
}

/** One ciphertext of a sent message. The device's label and key are read from `devices`. */
export interface FanoutEntry {
  device: string;
  /** First bytes of the real ciphertext, in hex. */
  ciphertextPreview: string;
  size: number;
  status: 'delivered' | 'queued' | 'dropped';
}

/** A message as a device shows it. Copies that read the same on several devices are one object. */
export interface DeviceMessage {
  id: string;
  at: SimTime;
  direction: 'sent' | 'received';
  fromHandle: string;
  toHandles: readonly string[];
  /** Plaintext: it exists only here, on devices. */
  text: string;
}

/**
 * What left a device for the last message it sent: one entry per ciphertext, and the handles
 * that are not registered, which get SMS. Only the last is kept: it is what the composer shows,
 * and a population of devices holding the fan-out of every message would be mostly this.
 */
export interface Outgoing {
  messageId: string;
  at: SimTime;
  toHandles: readonly string[];
  fanout: FanoutEntry[];
  sms: readonly string[];
}

export interface DeviceAlert {
  at: SimTime;
  text: string;
}

export interface CacheEntry {
  at: SimTime;
  version: number;
  registered: boolean;
  deviceCount: number;
}

export interface DeviceState {
  id: string;
  owner: string;
  label: string;
  kind: DeviceKind;
  network: string;
  ip: string;
  online: boolean;
  registered: boolean;
  pushToken: string;
  /** Seed of the device's key pairs; `engine.crypto.keys(keySeed)` derives them when first needed. */
  keySeed: string;
  /** The device's lookup cache, by handle. */
  cache: Record<string, CacheEntry>;
  /** The composer's latest lookups, for the address the person typed last. */
  composer: { address: string; results: LookupResult[]; error?: string } | undefined;
  messages: DeviceMessage[];
  /** Null until the device sends: null, not undefined, so the key survives JSON in its place. */
  lastSent: Outgoing | null;
  alerts: DeviceAlert[];
  calls: { at: SimTime; direction: 'outgoing' | 'incoming'; peer: string; answered: boolean }[];
}

export interface PersonState {
  id: string;
  name: string;
  handles: string[];
  contacts: ContactSpec[];
  devices: string[];
}

export interface DirectoryEntry {
  /** Registered devices under this handle, in registration order. */
  devices: string[];
  /** Bumped on every change, so a sender's cache can tell it is stale. */
  version: number;
}

export interface QueuedEnvelope {
  /** Seq of the queue record in the ledger. */
  record: number;
  messageId: string;
  fromDevice: string;
  fromHandle: string;
  toHandles: readonly string[];
  queuedAt: SimTime;
  envelope: Envelope;
}

export interface LegalRequestRecord {
  at: SimTime;
  process: LegalProcess;
  target: string;
}

/** Things the world does on its own as time passes, journaled at the moment they are due. */
export type WorldEvent = { type: 'queue.dropped'; device: string; message: string };

export interface JournalEntry {
  t: SimTime;
  action: Action | WorldEvent;
  outcome: 'ok' | 'rejected';
  reason?: string;
  /** Seqs of the observations this action made the provider's servers record. */
  observations: number[];
  /** Short facts about what happened, in the site's vocabulary. */
  notes: string[];
}

export interface WorldConfig {
  /** Assumption: how long a device trusts a lookup before asking again. Not published. */
  lookupCacheMs: number;
  /** How long the push service holds a message for an offline device (30 days per Apple). */
  queueHoldMs: number;
  /**
   * How far back views may scrub; null keeps all history (the site), a number bounds memory
   * (benchmarks). Null rather than Infinity, because the world must survive JSON.
   */
  scrubWindowMs: number | null;
  /** Keep the journal (the site and tests do; population benchmarks may not). */
  journal: boolean;
  /** How many messages and calls each device keeps at least (null: all); older ones scroll away. */
  deviceHistory: number | null;
}

export const DEFAULT_CONFIG: WorldConfig = {
  lookupCacheMs: 24 * HOUR,
  queueHoldMs: 30 * DAY,
  scrubWindowMs: null,
  journal: true,
  deviceHistory: null,
};

/**
 * Appends to a device-side list that keeps at least the newest `limit` items. It trims in one go
 * when the list reaches twice the limit, so trimming costs nothing per message.
 */
function keepNewest<T>(list: T[], item: T, limit: number | null): void {
  list.push(item);
  if (limit !== null && list.length >= 2 * limit) list.splice(0, list.length - limit);
}

/** Everything the simulation knows. Plain data, so it round-trips through JSON. */
export interface WorldState {
  now: SimTime;
  seed: number;
  rng: number[];
  config: WorldConfig;
  networks: Record<string, NetworkSpec>;
  people: Record<string, PersonState>;
  /** handle → person id, for every handle in the cast. */
  handleOwner: Record<string, string>;
  devices: Record<string, DeviceState>;
  /* provider side */
  directory: Record<string, DirectoryEntry>;
  queue: Record<string, QueuedEnvelope[]>;
  ledger: Ledger;
  legalRequests: LegalRequestRecord[];
  /* history */
  journal: JournalEntry[];
  messageCount: number;
}

/* ------------------------------------------------------------------ engine */

/** Where an action writes its notes; undefined when no journal is kept (arguments are then never built). */
type Notes = string[] | undefined;

export interface Engine {
  crypto: Crypto;
  /** Policies whose views must stay answerable: pruning keeps what any of them still holds. */
  policies: readonly Policy[];
}

export const DEFAULT_ENGINE: Engine = { crypto: realCrypto, policies: [APPLE_2016] };

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
    networks: Object.fromEntries(cast.networks.map((n) => [n.id, n])),
    people: {},
    handleOwner: {},
    devices: {},
    directory: {},
    queue: {},
    ledger: emptyLedger(),
    legalRequests: [],
    journal: [],
    messageCount: 0,
  };
  for (const person of cast.people) {
    world.people[person.id] = {
      id: person.id,
      name: person.name,
      handles: person.handles.map((h) => normalised(h, `people.${person.id}.handles`)),
      contacts: person.contacts ?? [],
      devices: [],
    };
    for (const handle of world.people[person.id]!.handles) world.handleOwner[handle] = person.id;
  }
  const rng = new SeededRandom(world.rng);
  for (const person of cast.people) {
    for (const device of person.devices) addDevice(world, rng, engine, person.id, device, []);
  }
  world.rng = rng.state();
  return world;
}

function normalised(handle: string, path: string): string {
  const parsed = parseHandle(handle);
  if (!parsed.ok) throw new ModelError(path, `a phone number in E.164 form or an email address, not "${handle}": ${parsed.reason}`);
  return parsed.handle.value;
}

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
      return device.online ? undefined : `${device.label} is offline: it cannot reach the provider`;
    default:
      return undefined;
  }
}

/** The notes of an entry when no journal is kept: nothing is ever written to it (see `Notes`). */
const NO_NOTES = Object.freeze([]) as unknown as string[];
/** The observations of an entry that made none; entries are never changed once written. */
const NO_OBSERVATIONS = Object.freeze([]) as unknown as number[];

/**
 * Applies one action at the world's current time, mutating `world` in place (the engine owns its
 * state; the xstate machine publishes a new revision after each call). A rejected action changes
 * nothing but the journal.
 */
export function apply(world: WorldState, action: Action, engine: Engine = DEFAULT_ENGINE): JournalEntry {
  const entry: JournalEntry = { t: world.now, action, outcome: 'ok', observations: NO_OBSERVATIONS, notes: world.config.journal ? [] : NO_NOTES };
  // Notes are words for people; a run that keeps no journal skips composing them.
  const notes = world.config.journal ? entry.notes : undefined;
  const reason = rejection(world, action);
  if (reason) {
    entry.outcome = 'rejected';
    entry.reason = reason;
  } else {
    const rng = new SeededRandom(world.rng);
    const firstSeq = world.ledger.nextSeq;
    perform(world, rng, engine, action, notes);
    if (rng.used) world.rng = rng.state();
    const made = world.ledger.nextSeq - firstSeq;
    if (made > 0) {
      entry.observations = new Array<number>(made);
      for (let i = 0; i < made; i++) entry.observations[i] = firstSeq + i;
    }
  }
  // Time passing is not journaled itself (so a journal does not depend on how finely playback
  // ticks); what happens as it passes is, at the moment it is due.
  if (world.config.journal && (action.type !== 'time.advance' || entry.outcome === 'rejected')) world.journal.push(entry);
  return entry;
}

function perform(world: WorldState, rng: SeededRandom, engine: Engine, action: Action, notes: Notes): void {
  switch (action.type) {
    case 'time.advance':
      return advance(world, engine, action.to);
    case 'address.entered':
      return enterAddress(world, action.device, action.address, notes);
    case 'message.sent':
      return sendMessage(world, rng, engine, action.device, action.to, action.text, notes);
    case 'call.started':
      return startCall(world, action.device, action.to, action.answered ?? false, notes);
    case 'device.added':
      return addDevice(world, rng, engine, action.person, action.device, notes);
    case 'device.removed':
      return removeDevice(world, action.device, notes);
    case 'device.offline':
      world.devices[action.device]!.online = false;
      notes?.push(`${world.devices[action.device]!.label} went offline`);
      return;
    case 'device.online':
      return comeOnline(world, rng, engine, action.device, notes);
    case 'device.network':
      return changeNetwork(world, rng, action.device, action.network, notes);
    case 'legal.request':
      world.legalRequests.push({ at: world.now, process: action.process, target: normalised(action.target, 'target') });
      notes?.push(`legal request served: ${action.process} for ${action.target}`);
      return;
  }
}

/**
 * Whether anyone could ever ask about a new observation in `category`. When no view may look
 * back (scrub window 0) and every policy in play keeps the category for 0 days and no pen register
 * captures it, the provider forgets it at once, so it is never stored (its seq is still used, so
 * numbering is the same either way). A real provider that keeps nothing does the same.
 */
function observationNeeded(world: WorldState, engine: Engine, category: Category): boolean {
  if (world.config.scrubWindowMs !== 0) return true;
  return engine.policies.some((p) => {
    const keep = p.retention[category].keep;
    return keep.kind !== 'days' || keep.days > 0 || p.legal['pen-register'].categories.includes(category);
  });
}

/* ------------------------------------------------------------------ time */

function advance(world: WorldState, engine: Engine, to: SimTime): void {
  world.now = to;
  // The push service drops what it held past the hold limit: those devices never get it.
  const dropped: JournalEntry[] = [];
  for (const [deviceId, items] of Object.entries(world.queue)) {
    const keep: QueuedEnvelope[] = [];
    for (const item of items) {
      const due = item.queuedAt + world.config.queueHoldMs;
      if (due <= to) {
        endObservation(world, item.record, due);
        markFanout(world, item, deviceId, 'dropped');
        dropped.push({
          t: due,
          action: { type: 'queue.dropped', device: deviceId, message: item.messageId },
          outcome: 'ok',
          observations: [],
          notes: [`the push service dropped message ${item.messageId} for ${world.devices[deviceId]?.label ?? deviceId}: held the limit of ${Math.round(world.config.queueHoldMs / DAY)} days`],
        });
      } else keep.push(item);
    }
    if (keep.length === 0) delete world.queue[deviceId];
    else world.queue[deviceId] = keep;
  }
  if (world.config.journal) world.journal.push(...dropped.sort((a, b) => a.t - b.t));
  prune(world.ledger, engine.policies, to, world.config.scrubWindowMs);
}

function endObservation(world: WorldState, seq: number, at: SimTime): void {
  const list = world.ledger.byCategory.queue;
  // Queue records are few and recent: search from the end.
  for (let i = list.length - 1; i >= world.ledger.start.queue; i--) {
    const o = list[i] as Observation;
    if (o.seq === seq) {
      o.endedAt = at;
      return;
    }
  }
}

/* ------------------------------------------------------------------ network */

function ipFor(world: WorldState, rng: SeededRandom, networkId: string): string {
  const network = world.networks[networkId]!;
  if (network.ip) return network.ip;
  // Documentation address ranges (RFC 5737), so no simulated IP is anyone's real address.
  const prefix = network.kind === 'mobile' ? '198.51.100' : network.kind === 'cafe' ? '192.0.2' : '203.0.113';
  if (network.kind !== 'mobile') {
    network.ip = `${prefix}.${rng.int(2, 254)}`;
    return network.ip;
  }
  return `${prefix}.${rng.int(2, 254)}`;
}

function primaryHandle(world: WorldState, deviceId: string): string {
  const device = world.devices[deviceId]!;
  return world.people[device.owner]!.handles[0]!;
}

function recordConnection(world: WorldState, device: DeviceState, kind: 'sign-in' | 'reconnect' | 'network-change'): void {
  const handle = world.people[device.owner]!.handles[0]!;
  append(world.ledger, {
    category: 'connection',
    recordedAt: world.now,
    handles: [handle],
    fields: { handle, device: device.label, ip: device.ip, kind },
  });
}

/* ------------------------------------------------------------------ devices */

function addDevice(world: WorldState, rng: SeededRandom, engine: Engine, personId: string, spec: DeviceSpec, notes: Notes): void {
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
    entry.devices.push(device.id);
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
    world.devices[id]!.alerts.push({ at: world.now, text: `A new device, “${device.label}”, now receives messages sent to ${person.handles.join(' and ')}.` });
  }
  notes?.push(`${device.label} registered its keys under ${person.handles.join(', ')}`);
}

function hasAccountRecord(world: WorldState, handle: string): boolean {
  const list = world.ledger.byCategory.account;
  for (let i = world.ledger.start.account; i < list.length; i++) if (list[i]!.handles[0] === handle) return true;
  return false;
}

function removeDevice(world: WorldState, deviceId: string, notes: Notes): void {
  const device = world.devices[deviceId]!;
  const person = world.people[device.owner]!;
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
  for (const item of world.queue[deviceId] ?? []) endObservation(world, item.record, world.now);
  delete world.queue[deviceId];
  for (const id of person.devices) {
    if (id !== deviceId && world.devices[id]?.registered) {
      world.devices[id]!.alerts.push({ at: world.now, text: `“${device.label}” no longer receives your messages.` });
    }
  }
  notes?.push(`${device.label} was removed from the key directory`);
}

function comeOnline(world: WorldState, rng: SeededRandom, engine: Engine, deviceId: string, notes: Notes): void {
  const device = world.devices[deviceId]!;
  if (device.online) return;
  device.online = true;
  if (world.networks[device.network]!.kind === 'mobile') device.ip = ipFor(world, rng, device.network);
  recordConnection(world, device, 'reconnect');
  const waiting = world.queue[deviceId] ?? [];
  delete world.queue[deviceId];
  for (const item of waiting) {
    endObservation(world, item.record, world.now);
    deliver(world, engine, device, world.devices[item.fromDevice]!, item.messageId, item.fromHandle, item.toHandles, item.envelope);
    markFanout(world, item, deviceId, 'delivered');
  }
  notes?.push(`${device.label} came online${waiting.length ? ` and received ${waiting.length} queued message${waiting.length > 1 ? 's' : ''}` : ''}`);
}

function changeNetwork(world: WorldState, rng: SeededRandom, deviceId: string, networkId: string, notes: Notes): void {
  const device = world.devices[deviceId]!;
  device.network = networkId;
  device.ip = ipFor(world, rng, networkId);
  if (device.online) recordConnection(world, device, 'network-change');
  notes?.push(`${device.label} moved to ${world.networks[networkId]!.label} (${device.ip})`);
}

/* ------------------------------------------------------------------ key directory */

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
 * asking; otherwise the key directory answers and writes a lookup record. A cache entry older
 * than the directory's version is stale (assumption: the provider tells the sender that the
 * recipient's devices changed), so fan-out always matches the directory.
 *
 * Returns the seq of the lookup record written, or -1 when the cache answered. Either way
 * `device.cache[handle]` then holds the answer. No result object: senders call this once per
 * recipient of every message.
 */
function consultDirectory(world: WorldState, device: DeviceState, handle: string, requireCurrent: boolean): number {
  const entry = world.directory[handle];
  const version = entry?.version ?? 0;
  const cached = device.cache[handle];
  if (cached !== undefined && world.now - cached.at < world.config.lookupCacheMs && (!requireCurrent || cached.version === version)) return -1;
  const deviceCount = entry?.devices.length ?? 0;
  const requesterHandle = world.people[device.owner]!.handles[0]!;
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
  } else device.cache[handle] = { at: world.now, version, registered: deviceCount > 0, deviceCount };
  return record.seq;
}

/** A lookup as the composer shows it. */
function lookup(world: WorldState, device: DeviceState, handle: string): LookupResult {
  const record = consultDirectory(world, device, handle, false);
  const { registered, deviceCount } = device.cache[handle]!;
  return record === -1 ? { handle, registered, deviceCount, cached: true } : { handle, registered, deviceCount, cached: false, record };
}

function enterAddress(world: WorldState, deviceId: string, address: string, notes: Notes): void {
  const device = world.devices[deviceId]!;
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
        ? `lookup of ${r.handle} answered from the device cache: nothing recorded`
        : `lookup recorded: ${primaryHandle(world, deviceId)} looked up ${r.handle} (${r.registered ? `${r.deviceCount} device${r.deviceCount === 1 ? '' : 's'}` : 'not registered: SMS'})`,
    );
  }
}

/* ------------------------------------------------------------------ messages */

/*
 * Sending runs once per message at population scale, and what it builds stays on devices until
 * their history scrolls it away, long enough for the garbage collector to copy it twice. So the
 * arrays kept with a message are built at their exact length (an array grown by push from []
 * reserves room for 17), and copies that read the same are shared.
 */
function sendMessage(world: WorldState, rng: SeededRandom, engine: Engine, deviceId: string, to: string[], text: string, notes: Notes): void {
  const sender = world.devices[deviceId]!;
  const fromHandle = primaryHandle(world, deviceId);
  const toHandles = recipientHandles(world, deviceId, to, notes);
  const messageId = `m${++world.messageCount}`;
  const targets: string[] = [];
  let sms: readonly string[] = NO_HANDLES;
  for (const handle of toHandles) {
    consultDirectory(world, sender, handle, true);
    if (!sender.cache[handle]!.registered) {
      sms = [...sms, handle];
      continue;
    }
    for (const id of world.directory[handle]!.devices) if (!targets.includes(id) && id !== deviceId) targets.push(id);
  }
  // The sender's other devices get their own copy, so the conversation shows everywhere.
  for (const id of world.people[sender.owner]!.devices) {
    if (id !== deviceId && world.devices[id]!.registered && !targets.includes(id)) targets.push(id);
  }
  const routingNeeded = observationNeeded(world, engine, 'routing');
  const message: DeviceMessage = { id: messageId, at: world.now, direction: 'sent', fromHandle, toHandles, text };
  keepNewest(sender.messages, message, world.config.deviceHistory);
  const fanout = recordOutgoing(sender, messageId, world.now, toHandles, sms, targets.length);
  // The sender's other devices show the same message, so they share the sender's copy when it reads the same.
  const shown: Shown = { sent: message };
  // A person's devices are consecutive in `targets`: their routing records share one (never mutated) handle pair.
  let pair: readonly [string, string] | undefined;
  const signingSecret = engine.crypto.keys(sender.keySeed).signingSecret;
  for (let i = 0; i < targets.length; i++) {
    const targetId = targets[i]!;
    const target = world.devices[targetId]!;
    const envelope = engine.crypto.seal(text, engine.crypto.keys(target.keySeed).encryptionPublic, signingSecret, rng);
    const recipientHandle = world.people[target.owner]!.handles[0]!;
    if (routingNeeded) {
      if (pair?.[1] !== recipientHandle) pair = [fromHandle, recipientHandle];
      append(world.ledger, {
        category: 'routing',
        recordedAt: world.now,
        handles: pair,
        fields: { senderHandle: fromHandle, senderIp: sender.ip, recipientHandle, pushToken: target.pushToken, size: envelope.size },
      });
    } else world.ledger.nextSeq++;
    const entry = fanout[i]!;
    entry.device = targetId;
    entry.ciphertextPreview = envelope.ciphertext.slice(0, 32);
    entry.size = envelope.size;
    entry.status = 'delivered';
    if (target.online) {
      deliver(world, engine, target, sender, messageId, fromHandle, toHandles, envelope, shown);
    } else {
      const record = append(world.ledger, {
        category: 'queue',
        recordedAt: world.now,
        handles: [recipientHandle],
        fields: { recipientHandle, pushToken: target.pushToken, size: envelope.size },
      }).seq;
      (world.queue[targetId] ??= []).push({ record, messageId, fromDevice: deviceId, fromHandle, toHandles, queuedAt: world.now, envelope });
      entry.status = 'queued';
    }
  }
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

/** No handles: the SMS list of most messages. Handle lists are never changed once made. */
const NO_HANDLES: readonly string[] = Object.freeze([]);

/**
 * Makes `device.lastSent` describe a new message with `count` ciphertexts and returns its fan-out
 * entries for the caller to fill in. The device's record and entries are reused: a device sends
 * again about daily, so a fresh record per message would live just long enough for the garbage
 * collector to copy it. Views copy what they show, so nothing outside the model sees the reuse.
 */
function recordOutgoing(device: DeviceState, messageId: string, at: SimTime, toHandles: readonly string[], sms: readonly string[], count: number): FanoutEntry[] {
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

/** One message as devices show it; identical copies are shared, since a shown message never changes. */
type Shown = { sent?: DeviceMessage; received?: DeviceMessage };

/**
 * The recipient device verifies and decrypts: the plaintext appears again only on a device.
 * Arguments, not an envelope object: this runs once per device for every message.
 */
function deliver(
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
      : engine.crypto.open(envelope, engine.crypto.keys(device.keySeed).encryptionSecret, engine.crypto.keys(sender.keySeed).signingPublic);
  // The sender's other devices show it as sent, so the conversation reads the same everywhere.
  const direction = device.owner === sender.owner ? 'sent' : 'received';
  let copy = shown[direction];
  if (!copy || copy.text !== text) {
    copy = { id: messageId, at: world.now, direction, fromHandle, toHandles, text };
    shown[direction] = copy;
  }
  keepNewest(device.messages, copy, world.config.deviceHistory);
}

/** Updates the fan-out of a queued message, if it is still the last its device sent. */
function markFanout(world: WorldState, item: QueuedEnvelope, deviceId: string, status: FanoutEntry['status']): void {
  const outgoing = world.devices[item.fromDevice]?.lastSent;
  if (outgoing?.messageId !== item.messageId) return;
  const entry = outgoing.fanout.find((f) => f.device === deviceId);
  if (entry) entry.status = status;
}

/* ------------------------------------------------------------------ calls */

function startCall(world: WorldState, deviceId: string, to: string, answered: boolean, notes: Notes): void {
  const caller = world.devices[deviceId]!;
  const resolved = resolveAddress(world, deviceId, to);
  if ('error' in resolved) {
    notes?.push(`no call: ${resolved.error}`);
    return;
  }
  const callerHandle = primaryHandle(world, deviceId);
  for (const calleeHandle of resolved.handles) {
    consultDirectory(world, caller, calleeHandle, true);
    if (!caller.cache[calleeHandle]!.registered) {
      notes?.push(`${calleeHandle} is not registered: no call invitation`);
      continue;
    }
    append(world.ledger, {
      category: 'call',
      recordedAt: world.now,
      handles: [callerHandle, calleeHandle],
      fields: { callerHandle, callerIp: caller.ip, calleeHandle },
    });
    keepNewest(caller.calls, { at: world.now, direction: 'outgoing', peer: calleeHandle, answered }, world.config.deviceHistory);
    for (const id of world.directory[calleeHandle]!.devices) {
      const callee = world.devices[id]!;
      if (callee.online) keepNewest(callee.calls, { at: world.now, direction: 'incoming', peer: callerHandle, answered }, world.config.deviceHistory);
    }
    notes?.push(`call invitation recorded: ${callerHandle} → ${calleeHandle} (${answered ? 'answered' : 'not answered'}; the record does not say)`);
    return;
  }
}

function bytesHex(rng: SeededRandom, n: number): string {
  let out = '';
  for (const b of rng.bytes(n)) out += b.toString(16).padStart(2, '0');
  return out;
}
