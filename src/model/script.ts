import { presetById, withRetention, type Policy } from './policy.ts';
import type { ScenarioCore, ScriptStep } from './scenario.ts';
import { parseDayTime, type SimTime } from './time.ts';
import type { Action, Cast } from './world/index.ts';

/*
 * Turning a validated scenario into the world's terms. Kept apart from the zod schema
 * (scenario.ts) so the browser bundle, which receives scenarios already validated at build
 * time, never ships the schema library.
 */

export function scenarioPolicy(s: Pick<ScenarioCore, 'policy'>): Policy {
  if (typeof s.policy === 'string') return presetById(s.policy) as Policy;
  return withRetention(presetById(s.policy.base) as Policy, s.policy.retentionDays);
}

export function scenarioCast(s: ScenarioCore): Cast {
  return s.cast as Cast;
}

/** A script step as the world action it stands for, with its time. */
export function stepAction(step: ScriptStep): { at: SimTime; action: Action } {
  const t = parseDayTime(step.at) as SimTime;
  const action = ((): Action => {
    switch (step.do) {
      case 'enter-address':
        return { type: 'address.entered', device: step.device, address: step.address };
      case 'send':
        return { type: 'message.sent', device: step.device, to: typeof step.to === 'string' ? [step.to] : step.to, text: step.text };
      case 'call':
        return { type: 'call.started', device: step.device, to: step.to, answered: step.answered ?? false };
      case 'add-device':
        return { type: 'device.added', person: step.person, device: step.device };
      case 'remove-device':
        return { type: 'device.removed', device: step.device };
      case 'go-offline':
        return { type: 'device.offline', device: step.device };
      case 'go-online':
        return { type: 'device.online', device: step.device };
      case 'change-network':
        return { type: 'device.network', device: step.device, network: step.network };
      case 'legal-request':
        return { type: 'legal.request', process: step.process, target: step.target };
      case 'preservation-request':
        return { type: 'preservation.requested', target: step.target };
      case 'renew-preservation':
        return { type: 'preservation.renewed', target: step.target };
    }
  })();
  return { at: t, action };
}
