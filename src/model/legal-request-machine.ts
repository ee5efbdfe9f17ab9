import { assertEvent, assign, initialTransition, setup, transition } from 'xstate';
import type { LegalProcess } from './policy.ts';
import type { SimTime } from './time.ts';

/**
 * A legal request's life: drafted (the reader is still choosing the process and the target),
 * served, then produced. A retrospective process (subpoena, §2703(d) order, warrant) produces what
 * is held the moment it is served. A pen register is prospective: once served it is collecting,
 * and it has produced everything when its collection ends. The world keeps the bookkeeping (the
 * requests served and when, in `world.legalRequests`); this chart says which stage a request is in.
 */

export interface LegalRequestContext {
  process: LegalProcess;
  /** A normalised handle. */
  target: string;
  servedAt: SimTime | undefined;
  /**
   * When a pen register stops collecting. The simulation does not model an order's term (60 days
   * under 18 U.S.C. § 3123(c)(1)), so the caller passes the end of the simulated time.
   */
  collectsUntil: SimTime;
}

export type LegalRequestEvent =
  { type: 'draft.changed'; process: LegalProcess; target: string } | { type: 'request.served'; at: SimTime } | { type: 'time.passed'; at: SimTime };

export type LegalRequestInput = Pick<LegalRequestContext, 'process' | 'target' | 'collectsUntil'>;

export const legalRequestMachine = setup({
  types: {
    context: {} as LegalRequestContext,
    input: {} as LegalRequestInput,
    events: {} as LegalRequestEvent,
  },
  guards: {
    isProspective: ({ context }) => context.process === 'pen-register',
    collectionEnded: ({ context, event }) => {
      assertEvent(event, 'time.passed');
      return event.at >= context.collectsUntil;
    },
  },
  actions: {
    changeDraft: assign(({ event }) => {
      assertEvent(event, 'draft.changed');
      return { process: event.process, target: event.target };
    }),
    recordService: assign({
      servedAt: ({ event }) => {
        assertEvent(event, 'request.served');
        return event.at;
      },
    }),
  },
}).createMachine({
  id: 'legalRequest',
  context: ({ input }) => ({ ...input, servedAt: undefined }),
  initial: 'drafted',
  states: {
    drafted: {
      on: {
        'draft.changed': { target: 'drafted', actions: 'changeDraft' },
        'request.served': { target: 'served', actions: 'recordService' },
      },
    },
    // Passed through at once: what follows service depends only on the process.
    served: {
      always: [{ guard: 'isProspective', target: 'collecting' }, { target: 'produced' }],
    },
    collecting: {
      on: { 'time.passed': { guard: 'collectionEnded', target: 'produced' } },
    },
    // A preservation request (a later issue) will add a `preserved` state beside `drafted`: records frozen, not yet produced.
    produced: { type: 'final' },
  },
});

export type LegalRequestStage = 'drafted' | 'collecting' | 'produced';

/** The chart's stage for a request drafted with `input`, served at `servedAt` (if it was), seen at `at`. */
export function legalRequestStage(input: LegalRequestInput, servedAt: SimTime | undefined, at: SimTime): LegalRequestStage {
  let [snapshot] = initialTransition(legalRequestMachine, input);
  if (servedAt !== undefined) {
    [snapshot] = transition(legalRequestMachine, snapshot, { type: 'request.served', at: servedAt });
    [snapshot] = transition(legalRequestMachine, snapshot, { type: 'time.passed', at });
  }
  return snapshot.value as LegalRequestStage;
}
