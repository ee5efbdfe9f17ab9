import fc from 'fast-check';
import { DAY, HOUR, LEGAL_PROCESSES, type Action } from '../../../src/model/index.ts';

const DEVICES = ['ana-phone', 'ana-laptop', 'ben-phone', 'ben-tablet', 'ben-laptop', 'cy-phone'];
const ADDRESSES = ['ben@example.org', '+15550100200', '+15550100100', 'cy@example.org', '+15550100400', 'Ben', 'nobody', '+1 555 010 0999'];
const NETWORKS = ['home', 'cafe', 'mobile'];
const HANDLES = ['+15550100100', 'ben@example.org', 'cy@example.org', '+15550100400'];

/** Plaintext carries a marker so a test can search provider state for any trace of it. */
export const PLAINTEXT_MARKER = 'PLAINTEXT~';

/** One step: a reader action, or time passing (as an absolute-free "advance by"). */
export type Step = { kind: 'act'; action: Action } | { kind: 'wait'; ms: number };

const device = fc.constantFrom(...DEVICES);

/** The reader's own actions and time passing, with no preservation request. */
export const readerStepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ device, address: fc.constantFrom(...ADDRESSES) }).map(({ device, address }) => act({ type: 'address.entered', device, address })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ device, to: fc.uniqueArray(fc.constantFrom(...ADDRESSES), { minLength: 1, maxLength: 3 }), body: fc.string({ maxLength: 24 }) })
      .map(({ device, to, body }) => act({ type: 'message.sent', device, to, text: `${PLAINTEXT_MARKER}${body}` })),
  },
  { weight: 1, arbitrary: fc.record({ device, to: fc.constantFrom(...ADDRESSES), answered: fc.boolean() }).map((a) => act({ type: 'call.started', ...a })) },
  { weight: 1, arbitrary: device.map((d) => act({ type: 'device.offline', device: d })) },
  { weight: 1, arbitrary: device.map((d) => act({ type: 'device.online', device: d })) },
  { weight: 1, arbitrary: fc.record({ device, network: fc.constantFrom(...NETWORKS) }).map((a) => act({ type: 'device.network', ...a })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ person: fc.constantFrom('ana', 'ben', 'cy', 'dee'), n: fc.nat(999) })
      .map(({ person, n }) =>
        act({ type: 'device.added', person, device: { id: `${person}-extra-${n}`, label: `${person} extra ${n}`, kind: 'tablet', network: 'home' } }),
      ),
  },
  { weight: 1, arbitrary: device.map((d) => act({ type: 'device.removed', device: d })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ process: fc.constantFrom(...LEGAL_PROCESSES), target: fc.constantFrom(...HANDLES) })
      .map((a) => act({ type: 'legal.request', ...a })),
  },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 12 * DAY }).map((ms) => ({ kind: 'wait' as const, ms })) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 6 * HOUR }).map((ms) => ({ kind: 'wait' as const, ms })) },
);

const preservationStepArb: fc.Arbitrary<Step> = fc
  .record({ type: fc.constantFrom('preservation.requested' as const, 'preservation.renewed' as const), target: fc.constantFrom(...HANDLES) })
  .map((a) => act(a));

/**
 * Every step, with preservation requests (18 U.S.C. §2703(f)) and their renewals in play: about one
 * step in ten, so most runs serve one and some renew it or are refused (a second request while one
 * is in force, a renewal with none, or a second renewal).
 */
export const stepArb: fc.Arbitrary<Step> = fc.oneof({ weight: 9, arbitrary: readerStepArb }, { weight: 1, arbitrary: preservationStepArb });

function act(action: Action): Step {
  return { kind: 'act', action };
}

export const stepsArb = fc.array(stepArb, { minLength: 1, maxLength: 24 });
export { HANDLES };
