import { append } from '../ledger.ts';
import { device as deviceOf, keepNewest, ownerHandle } from './access.ts';
import { cachedRegistered, consultDirectory, resolveAddress } from './directory.ts';
import type { Notes, WorldState } from './types.ts';

/**
 * A call invitation to what the person typed: the first registered handle it resolves to gets
 * one, and the provider writes a call record that does not say whether it was answered.
 */
export function startCall(world: WorldState, deviceId: string, to: string, answered: boolean, notes: Notes): void {
  const caller = deviceOf(world, deviceId);
  const resolved = resolveAddress(world, deviceId, to);
  if ('error' in resolved) {
    notes?.push(`no call: ${resolved.error}`);
    return;
  }
  const callerHandle = ownerHandle(world, caller);
  for (const calleeHandle of resolved.handles) {
    consultDirectory(world, caller, calleeHandle, true);
    if (!cachedRegistered(caller, calleeHandle)) {
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
    // The devices the caller's lookup lists: the directory's now, unless a cached answer is trusted (staleOnDeviceChange off).
    for (const id of caller.cache[calleeHandle]!.devices) {
      const callee = deviceOf(world, id);
      if (callee.online && callee.registered)
        keepNewest(callee.calls, { at: world.now, direction: 'incoming', peer: callerHandle, answered }, world.config.deviceHistory);
    }
    notes?.push(`call invitation recorded: ${callerHandle} → ${calleeHandle} (${answered ? 'answered' : 'not answered'}; the record does not say)`);
    return;
  }
}
