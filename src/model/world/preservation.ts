import { parseHandle } from '../handles.ts';
import { lapsesAt, preservationInForce } from '../preservation.ts';
import { dayOf } from '../time.ts';
import { normalised } from './create.ts';
import type { Action, Notes, WorldState } from './types.ts';

type PreservationAction = Extract<Action, { type: 'preservation.requested' | 'preservation.renewed' }>;

/** Why a preservation request or its renewal cannot be served now, or undefined when it can. */
export function preservationRejection(world: WorldState, action: PreservationAction): string | undefined {
  const parsed = parseHandle(action.target);
  if (!parsed.ok) return `target "${action.target}" is not a phone number or email address`;
  const current = preservationInForce(world.preservations, parsed.handle.value, world.now);
  if (action.type === 'preservation.requested') {
    return current
      ? `a preservation request for ${parsed.handle.value} is in force until Day ${dayOf(lapsesAt(current, world.now))}: renew it instead`
      : undefined;
  }
  if (!current) return `no preservation request for ${parsed.handle.value} is in force: serve one first`;
  // §2703(f)(2) provides for one 90-day extension on a renewed request.
  return current.renewedAt === undefined
    ? undefined
    : `the preservation request for ${parsed.handle.value} was already renewed once: the law provides one renewal`;
}

/** Serves a preservation request, or renews the one in force (checked by `preservationRejection`). */
export function preserve(world: WorldState, action: PreservationAction, notes: Notes): void {
  const target = normalised(action.target, 'target');
  if (action.type === 'preservation.requested') {
    const p = { target, servedAt: world.now };
    world.preservations.push(p);
    notes?.push(`preservation request served for ${target}: records held until Day ${dayOf(lapsesAt(p))}`);
    return;
  }
  const current = preservationInForce(world.preservations, target, world.now);
  if (!current) return;
  current.renewedAt = world.now;
  notes?.push(`preservation request renewed for ${target}: records held until Day ${dayOf(lapsesAt(current))}`);
}
