import {
  resolveAddress,
  type Crypto,
  type DeviceState,
  type FanoutEntry,
  type LookupResult,
  type SimTime,
  type WorldState,
} from '../../../model/index.ts';

/**
 * Read-only views of the world for the devices' side. They reshape what the model holds (no
 * domain fact is computed here) and always return fresh objects: the engine mutates the world in
 * place, so a panel that kept a reference to a model array would not see it change.
 */

export interface AlertView {
  key: string;
  at: SimTime;
  text: string;
}

export interface DeviceView {
  id: string;
  label: string;
  kind: DeviceState['kind'];
  network: string;
  networkLabel: string;
  ip: string;
  online: boolean;
  /** Newest first. */
  alerts: AlertView[];
}

export interface PersonView {
  id: string;
  name: string;
  handles: string[];
  /** Devices still registered with the key directory; removed ones are gone from the cast. */
  devices: DeviceView[];
}

function deviceView(world: WorldState, d: DeviceState): DeviceView {
  return {
    id: d.id,
    label: d.label,
    kind: d.kind,
    network: d.network,
    networkLabel: world.networks[d.network]?.label ?? d.network,
    ip: d.ip,
    online: d.online,
    alerts: d.alerts.map((a, i) => ({ key: `${d.id}-alert-${i}`, at: a.at, text: a.text })).reverse(),
  };
}

/** The cast as the people panel shows it, in cast order. */
export function castView(world: WorldState): PersonView[] {
  return Object.values(world.people).map((p) => ({
    id: p.id,
    name: p.name,
    handles: [...p.handles],
    devices: p.devices.flatMap((id) => {
      const d = world.devices[id];
      return d?.registered ? [deviceView(world, d)] : [];
    }),
  }));
}

/**
 * A fresh id for a device `personId` adds: person, kind and a counter taken from how many
 * devices the person has ever had (removed ones stay in the world, so the count only grows),
 * stepped past any id already taken. Deterministic, so the same actions give the same journal.
 */
export function nextDeviceId(world: WorldState, personId: string, kind: DeviceState['kind']): string {
  let n = (world.people[personId]?.devices.length ?? 0) + 1;
  while (world.devices[`${personId}-${kind}-${n}`]) n++;
  return `${personId}-${kind}-${n}`;
}

export interface DeviceChoice {
  id: string;
  label: string;
  owner: string;
  online: boolean;
  registered: boolean;
}

/** Devices to pick from, in cast order; removed devices only when `includeRemoved`. */
export function deviceChoices(world: WorldState, includeRemoved = false): DeviceChoice[] {
  return Object.values(world.people).flatMap((p) =>
    p.devices.flatMap((id) => {
      const d = world.devices[id];
      if (!d || (!d.registered && !includeRemoved)) return [];
      return [{ id, label: d.label, owner: p.name, online: d.online, registered: d.registered }];
    }),
  );
}

/** `preferred` when it is among `choices`, else the first choice. */
export function pick(choices: readonly DeviceChoice[], preferred: string | undefined): string | undefined {
  return choices.some((c) => c.id === preferred) ? preferred : choices[0]?.id;
}

/** The names in the contacts of `deviceId`'s owner. */
export function contactNames(world: WorldState, deviceId: string): string[] {
  return world.people[world.devices[deviceId]?.owner ?? '']?.contacts.map((c) => c.name) ?? [];
}

export type AddressCheck = { state: 'empty' } | { state: 'invalid'; reason: string } | { state: 'valid'; handles: readonly string[] };

/** Whether what was typed is an address the model can look up, by the model's own rules. */
export function checkAddress(world: WorldState, deviceId: string, text: string): AddressCheck {
  if (text.trim() === '') return { state: 'empty' };
  const resolved = resolveAddress(world, deviceId, text);
  return 'error' in resolved ? { state: 'invalid', reason: resolved.error } : { state: 'valid', handles: resolved.handles };
}

export interface LookupLine {
  handle: string;
  tone: 'registered' | 'sms';
  answer: string;
  recorded: string;
  cached: boolean;
}

/** The words for each lookup the composer made: what the key directory answered, and whether it was recorded. */
export function lookupLines(results: readonly LookupResult[]): LookupLine[] {
  return results.map((r) => ({
    handle: r.handle,
    tone: r.registered ? 'registered' : 'sms',
    answer: r.registered ? `iMessage-style: registered, ${r.deviceCount} device${r.deviceCount === 1 ? '' : 's'}` : 'not registered: SMS',
    recorded: r.cached ? 'answered from the device cache: nothing recorded' : 'lookup recorded',
    cached: r.cached,
  }));
}

/** The composer's lookups, when they are for `address` (what is typed now); otherwise none. */
export function composerLines(device: DeviceState | undefined, address: string): LookupLine[] {
  const composer = device?.composer;
  if (!composer || composer.error || composer.address !== address.trim()) return [];
  return lookupLines(composer.results);
}

export interface FanoutView extends FanoutEntry {
  deviceLabel: string;
  /** Fingerprint of the public key the envelope was sealed to. */
  sealedTo: string;
}

export interface SentView {
  id: string;
  at: SimTime;
  toHandles: string[];
  fanout: FanoutView[];
  sms: string[];
}

/** The last message this device sent itself, with its fan-out, copied. `crypto` is the run's, which derives the keys. */
export function lastSent(world: WorldState, device: DeviceState | undefined, crypto: Crypto): SentView | undefined {
  const sent = device?.lastSent;
  if (!sent) return undefined;
  const fanout = sent.fanout.map((f) => {
    const target = world.devices[f.device];
    return { ...f, deviceLabel: target?.label ?? f.device, sealedTo: target ? crypto.keys(target.keySeed).encryptionPublic.slice(0, 16) : '' };
  });
  return { id: sent.messageId, at: sent.at, toHandles: [...sent.toHandles], fanout, sms: [...sent.sms] };
}

/** "Ben (ben@example.org)" for a handle in the cast; the bare handle otherwise. */
export function handleName(world: WorldState, handle: string): string {
  const name = world.people[world.handleOwner[handle] ?? '']?.name;
  return name ? `${name} (${handle})` : handle;
}

export type ConversationItem =
  | { kind: 'message'; key: string; at: SimTime; direction: 'sent' | 'received'; from: string; to: string[]; text: string }
  | { kind: 'call'; key: string; at: SimTime; direction: 'outgoing' | 'incoming'; peer: string; answered: boolean }
  | { kind: 'alert'; key: string; at: SimTime; text: string };

/**
 * What one device shows, oldest first: its messages (plaintext lives only here), calls and
 * alerts. Items at the same moment keep the order alerts, messages, calls (the cast's own
 * registration alerts come at the first moment, before anything is said).
 */
export function conversation(world: WorldState, deviceId: string): ConversationItem[] {
  const d = world.devices[deviceId];
  if (!d) return [];
  const items: ConversationItem[] = [
    ...d.alerts.map((a, i): ConversationItem => ({ kind: 'alert', key: `a-${i}`, at: a.at, text: a.text })),
    ...d.messages.map((m, i): ConversationItem => ({
      kind: 'message',
      key: `m-${i}-${m.id}`,
      at: m.at,
      direction: m.direction,
      from: handleName(world, m.fromHandle),
      to: m.toHandles.map((h) => handleName(world, h)),
      text: m.text,
    })),
    ...d.calls.map((c, i): ConversationItem => ({
      kind: 'call',
      key: `c-${i}`,
      at: c.at,
      direction: c.direction,
      peer: handleName(world, c.peer),
      answered: c.answered,
    })),
  ];
  return items.sort((a, b) => a.at - b.at); // stable: ties keep the order above
}

/** The reason the model gave for refusing the latest action, if it refused it. */
export function rejectionOf(latest: readonly { outcome: 'ok' | 'rejected'; reason?: string }[]): string | undefined {
  const first = latest[0];
  return first?.outcome === 'rejected' ? first.reason : undefined;
}
