import { isolate } from './bidi.ts';
import { deviceChart, type DeviceChartState } from './device-machine.ts';
import type { SimulationContext } from './machine.ts';
import type { SimTime } from './time.ts';
import { heldByRetention } from './ledger.ts';
import { heldInCategoryWith, inForce } from './preservation.ts';
import type { LedgerRecord } from './records.ts';
import { selectViewAt } from './selectors.ts';
import { resolveAddress, type DeviceState, type FanoutEntry, type LookupResult, type WorldState } from './world/index.ts';

/**
 * Selectors for the devices' side: what the composer, the people panel and the conversation ask.
 * Each device's state (online, offline, removed) and what it accepts come from its statechart
 * (device-machine.ts); the rest is read from the world's bookkeeping. Every answer is a fresh
 * copy: the engine mutates the world in place, so a panel holding a model array would not see
 * it change.
 */

export interface DeviceAlertItem {
  key: string;
  at: SimTime;
  text: string;
}

/** One device as the panels show it. */
export interface DeviceStatus {
  id: string;
  label: string;
  kind: DeviceState['kind'];
  owner: string;
  ownerName: string;
  network: string;
  networkLabel: string;
  ip: string;
  /** The device statechart's state. */
  state: DeviceChartState;
  /** Whether the chart accepts lookups, sends and calls (only online devices reach the key directory and push service). */
  canReachProvider: boolean;
  /** Messages the push service holds for it until it comes online. */
  queued: number;
  /** Newest first. */
  alerts: DeviceAlertItem[];
}

function deviceStatus(world: WorldState, d: DeviceState): DeviceStatus {
  const chart = deviceChart(world, d.id)!;
  return {
    id: d.id,
    label: d.label,
    kind: d.kind,
    owner: d.owner,
    ownerName: world.people[d.owner]?.name ?? d.owner,
    network: d.network,
    networkLabel: world.networks[d.network]?.label ?? d.network,
    ip: d.ip,
    state: chart.value as DeviceChartState,
    canReachProvider: chart.can({ type: 'message.sent', device: d.id, to: [], text: '' }),
    queued: chart.context.queued,
    alerts: d.alerts.map((a, i) => ({ key: `${d.id}-alert-${i}`, at: a.at, text: a.text })).reverse(),
  };
}

/** Every device in cast order (each person's devices in the order they were added), removed ones included. */
export function selectDeviceStates(c: SimulationContext): DeviceStatus[] {
  const world = c.session.world;
  return Object.values(world.people).flatMap((p) => p.devices.flatMap((id) => (world.devices[id] ? [deviceStatus(world, world.devices[id])] : [])));
}

export interface PersonCard {
  id: string;
  name: string;
  handles: string[];
  /** Devices still registered with the key directory; removed ones are gone from the cast. */
  devices: DeviceStatus[];
}

/** The cast as the people panel shows it, in cast order. */
export function selectCast(c: SimulationContext): PersonCard[] {
  const states = selectDeviceStates(c);
  return Object.values(c.session.world.people).map((p) => ({
    id: p.id,
    name: p.name,
    handles: [...p.handles],
    devices: states.filter((d) => d.owner === p.id && d.state !== 'removed'),
  }));
}

/** The networks a device can move to, in cast order. */
export function selectNetworks(c: SimulationContext): { id: string; label: string }[] {
  return Object.values(c.session.world.networks).map((n) => ({ id: n.id, label: n.label }));
}

/**
 * A fresh id for a device `personId` adds: person, kind and a counter taken from how many
 * devices the person has ever had (removed ones stay in the world, so the count only grows),
 * stepped past any id already taken. Deterministic, so the same actions give the same journal.
 */
export function selectNextDeviceId(c: SimulationContext, personId: string, kind: DeviceState['kind']): string {
  const world = c.session.world;
  let n = (world.people[personId]?.devices.length ?? 0) + 1;
  while (world.devices[`${personId}-${kind}-${n}`]) n++;
  return `${personId}-${kind}-${n}`;
}

/** The names in the contacts of `deviceId`'s owner. */
export function selectContactNames(c: SimulationContext, deviceId: string): string[] {
  const world = c.session.world;
  return world.people[world.devices[deviceId]?.owner ?? '']?.contacts.map((contact) => contact.name) ?? [];
}

export type AddressCheck = { state: 'empty' } | { state: 'invalid'; reason: string } | { state: 'valid'; handles: readonly string[] };

/** Whether what was typed on `deviceId` is an address the model can look up, by the model's own rules. */
export function selectAddressCheck(c: SimulationContext, deviceId: string, text: string): AddressCheck {
  if (text.trim() === '') return { state: 'empty' };
  const resolved = resolveAddress(c.session.world, deviceId, text);
  return 'error' in resolved ? { state: 'invalid', reason: resolved.error } : { state: 'valid', handles: resolved.handles };
}

/** A composer lookup, and whether the lookup record it wrote is still on the provider's servers at the moment viewed. */
export interface ComposerLookup extends LookupResult {
  held: boolean;
}

/** The composer's latest lookups on `deviceId`, when they are for `address` (what is typed now); otherwise none. */
export function selectComposerLookups(c: SimulationContext, deviceId: string, address: string): ComposerLookup[] {
  const composer = c.session.world.devices[deviceId]?.composer;
  if (!composer || composer.error || composer.address !== address.trim()) return [];
  return composer.results.map((r) => ({ ...r, held: r.record !== undefined && lookupHeld(c, r.record) }));
}

/**
 * Whether the lookup record `seq` is held at the moment viewed. Asked on every frame of playback
 * while the composer shows a lookup, so it finds the one record (by seq, in order) instead of
 * listing every held record.
 */
function lookupHeld(c: SimulationContext, seq: number): boolean {
  const { ledger } = c.session.world;
  const at = selectViewAt(c);
  const { preservations } = c.session.world;
  if (c.policy.retention.lookup.keep.kind === 'latest' || preservations.some((p) => inForce(p, at)))
    return heldInCategoryWith(ledger, c.policy, 'lookup', at, preservations).some((o) => o.seq === seq);
  const list = ledger.byCategory.lookup;
  let lo = ledger.start.lookup;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as LedgerRecord).seq < seq) lo = mid + 1;
    else hi = mid;
  }
  const o = list[lo];
  return o !== undefined && o.seq === seq && heldByRetention(o, c.policy, at);
}

/** "Ben (ben@example.org)" for a handle in the cast; the bare handle otherwise. */
export function selectHandleName(c: SimulationContext, handle: string): string {
  return handleName(c.session.world, handle);
}

function handleName(world: WorldState, handle: string): string {
  const name = world.people[world.handleOwner[handle] ?? '']?.name;
  return name ? `${isolate(name)} (${handle})` : handle;
}

export interface FanoutRow extends FanoutEntry {
  deviceLabel: string;
  /** Key seed of the device it was sealed to: its public key (real-crypto.ts) is what the view fingerprints. */
  recipientKeySeed: string;
}

export interface SentMessage {
  id: string;
  at: SimTime;
  toHandles: string[];
  fanout: FanoutRow[];
  sms: string[];
}

/** The last message `deviceId` sent itself, with its fan-out. */
export function selectLastSent(c: SimulationContext, deviceId: string): SentMessage | undefined {
  const world = c.session.world;
  const sent = world.devices[deviceId]?.lastSent;
  if (!sent) return undefined;
  const fanout = sent.fanout.map((f) => {
    const target = world.devices[f.device];
    return { ...f, deviceLabel: target?.label ?? f.device, recipientKeySeed: target?.keySeed ?? '' };
  });
  return { id: sent.messageId, at: sent.at, toHandles: [...sent.toHandles], fanout, sms: [...sent.sms] };
}

/** A message with the device that sent it. */
export interface SentBy extends SentMessage {
  fromDevice: string;
  fromLabel: string;
}

/**
 * The newest message any device had sent by `t`, with its fan-out: the ciphertexts a story figure
 * shows. A device remembers only its last message, so looking back past a device's later message
 * finds the one before it from another device, or nothing.
 */
export function selectLatestSent(c: SimulationContext, t: SimTime = selectViewAt(c)): SentBy | undefined {
  let latest: DeviceState | undefined;
  for (const d of Object.values(c.session.world.devices)) {
    if (d.lastSent && d.lastSent.at <= t && (!latest?.lastSent || d.lastSent.at > latest.lastSent.at)) latest = d;
  }
  const sent = latest && selectLastSent(c, latest.id);
  return latest && sent ? { ...sent, fromDevice: latest.id, fromLabel: latest.label } : undefined;
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
export function selectConversation(c: SimulationContext, deviceId: string): ConversationItem[] {
  const world = c.session.world;
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
    ...d.calls.map((call, i): ConversationItem => ({
      kind: 'call',
      key: `c-${i}`,
      at: call.at,
      direction: call.direction,
      peer: handleName(world, call.peer),
      answered: call.answered,
    })),
  ];
  return items.sort((a, b) => a.at - b.at); // stable: ties keep the order above
}
