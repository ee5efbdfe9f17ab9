import type { Crypto, Envelope, SealInputs } from '../crypto.ts';
import type { Ledger } from '../ledger.ts';
import type { LegalProcess, Policy } from '../policy.ts';
import type { Preservation } from '../preservation.ts';
import type { SimTime } from '../time.ts';

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
  /** A preservation request (18 U.S.C. §2703(f)): keep the target's records for 90 days. */
  | { type: 'preservation.requested'; target: string }
  /** Its one renewal, while it is in force: 90 days more. */
  | { type: 'preservation.renewed'; target: string }
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
  /** First bytes of the real ciphertext, in hex; '' when it is sealed on view (see `sealing`). */
  ciphertextPreview: string;
  /** What sealing it takes, when the run seals on view (`deferredCrypto`): the page seals it when shown. */
  sealing?: SealInputs | undefined;
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
  /** The devices the key directory listed then: the directory's own list, never changed once made. */
  devices: readonly string[];
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
  /** Seed of the device's key pairs; real-crypto.ts derives them when first needed. */
  keySeed: string;
  /** The device's lookup cache, by handle. */
  cache: Record<string, CacheEntry>;
  /** The composer's latest lookups, for the address the person typed last. */
  composer: { address: string; results: LookupResult[]; error?: string } | undefined;
  messages: DeviceMessage[];
  /** Null until the device sends: null, not undefined, so the key survives JSON in its place. */
  lastSent: Outgoing | null;
  /**
   * Words of messages the push service holds for this device, by message id, when the run seals on
   * view: the queue holds only the envelope (push-queue.ts). Absent when there are none.
   */
  inTransit?: Record<string, SealInputs>;
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
  /**
   * Registered devices under this handle, in registration order. Replaced, never changed in place,
   * so a device's cache can keep the list it was given without copying it.
   */
  devices: readonly string[];
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
  /** Seqs of the records this action made the provider's servers write. */
  records: number[];
  /** Short facts about what happened, in the site's vocabulary. */
  notes: string[];
}

export interface WorldConfig {
  /** Assumption (assumptions.ts): how long a device trusts a lookup before asking again. Not published. */
  lookupCacheMs: number;
  /** Assumption (assumptions.ts): how long the push service holds a message for an offline device; Apple says 30 days. */
  queueHoldMs: number;
  /** Assumption (assumptions.ts): a cached lookup is stale once the looked-up person's devices change. */
  staleOnDeviceChange: boolean;
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
  /** Preservation requests served, in the order served. */
  preservations: Preservation[];
  /* history */
  journal: JournalEntry[];
  messageCount: number;
}

/* ------------------------------------------------------------------ engine */

/** Where an action writes its notes; undefined when no journal is kept (arguments are then never built). */
export type Notes = string[] | undefined;

export interface Engine {
  crypto: Crypto;
  /** Policies whose views must stay answerable: pruning keeps what any of them still holds. */
  policies: readonly Policy[];
}
