import type { SimTime } from './time.ts';

/**
 * What the provider's servers see, by category. Every record is metadata: no category has
 * a field for message content, and the property tests prove no plaintext reaches provider state.
 */
export const CATEGORIES = ['account', 'registration', 'lookup', 'routing', 'queue', 'call', 'connection'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  account: 'Account',
  registration: 'Device registration',
  lookup: 'Lookup record',
  routing: 'Push routing',
  queue: 'Queued message',
  call: 'Call invitation',
  connection: 'Connection',
};

export interface AccountFields {
  handle: string;
  /** When the first device registered this handle. */
  registeredAt: SimTime;
}

export interface RegistrationFields {
  handle: string;
  device: string;
  pushToken: string;
  ip: string;
  change: 'added' | 'removed';
}

export interface LookupFields {
  requesterHandle: string;
  requesterIp: string;
  lookedUpHandle: string;
  /** Registered devices returned; 0 means "not registered" (the sender falls back to SMS). */
  deviceCount: number;
}

export interface RoutingFields {
  /** Absent under sealed sender: the sender's identity travels inside the encryption. */
  senderHandle?: string;
  senderIp: string;
  recipientHandle: string;
  pushToken: string;
  size: number;
}

export interface QueueFields {
  recipientHandle: string;
  pushToken: string;
  size: number;
}

export interface CallFields {
  callerHandle: string;
  callerIp: string;
  calleeHandle: string;
}

export interface ConnectionFields {
  handle: string;
  device: string;
  ip: string;
  kind: 'sign-in' | 'reconnect' | 'network-change';
}

export interface FieldsByCategory {
  account: AccountFields;
  registration: RegistrationFields;
  lookup: LookupFields;
  routing: RoutingFields;
  queue: QueueFields;
  call: CallFields;
  connection: ConnectionFields;
}

/** One thing the provider's servers observed, as it was observed. */
export type LedgerRecord = {
  [C in Category]: {
    /** Position in history, from 0: unique, and increasing with time. */
    seq: number;
    category: C;
    recordedAt: SimTime;
    /**
     * When the provider deletes it for a reason other than retention: only a queued message
     * does, on delivery or when the push service drops it. Held-at queries rely on no other
     * category ending early. ("Latest only" records are superseded by the query, not marked.)
     */
    endedAt?: SimTime;
    /** Who the record is about, for searches by legal process: every handle it names. */
    handles: readonly string[];
    fields: FieldsByCategory[C];
  };
}[Category];

export type LedgerRecordOf<C extends Category> = Extract<LedgerRecord, { category: C }>;

/** Field names per category, in display order. Policies choose which of these are kept. */
export const FIELD_NAMES: { [C in Category]: readonly (keyof FieldsByCategory[C] & string)[] } = {
  account: ['handle', 'registeredAt'],
  registration: ['handle', 'device', 'pushToken', 'ip', 'change'],
  lookup: ['requesterHandle', 'requesterIp', 'lookedUpHandle', 'deviceCount'],
  routing: ['senderHandle', 'senderIp', 'recipientHandle', 'pushToken', 'size'],
  queue: ['recipientHandle', 'pushToken', 'size'],
  call: ['callerHandle', 'callerIp', 'calleeHandle'],
  connection: ['handle', 'device', 'ip', 'kind'],
};

export const FIELD_LABELS: Record<string, string> = {
  handle: 'Handle',
  registeredAt: 'Registered',
  device: 'Device',
  pushToken: 'Push token',
  ip: 'IP address',
  change: 'Change',
  requesterHandle: 'Requested by',
  requesterIp: 'Requester IP',
  lookedUpHandle: 'Handle looked up',
  deviceCount: 'Devices returned',
  senderHandle: 'Sender',
  senderIp: 'Sender IP',
  recipientHandle: 'Recipient',
  size: 'Size (bytes)',
  callerHandle: 'Caller',
  callerIp: 'Caller IP',
  calleeHandle: 'Callee',
  kind: 'Kind',
};
