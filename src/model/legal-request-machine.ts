import { assertEvent, assign, initialTransition, setup, transition } from 'xstate';
import type { LegalProcess } from './policy.ts';
import { lapsesAt, type Preservation } from './preservation.ts';
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

/**
 * A preservation request's life (18 U.S.C. §2703(f)), its own kind of request beside the orders
 * above: drafted, then in force (its records frozen, nothing produced), renewed at most once while
 * in force, and lapsed 90 days after service (180 if renewed). An order served later produces what
 * it froze; the world keeps the bookkeeping (`world.preservations`), this chart says the stage.
 */
export interface PreservationRequestContext {
  /** A normalised handle. */
  target: string;
  servedAt: SimTime | undefined;
  renewedAt: SimTime | undefined;
}

export type PreservationRequestEvent =
  | { type: 'draft.changed'; target: string }
  | { type: 'preservation.served'; at: SimTime }
  | { type: 'preservation.renewed'; at: SimTime }
  | { type: 'time.passed'; at: SimTime };

const asPreservation = (c: PreservationRequestContext): Preservation => ({
  target: c.target,
  servedAt: c.servedAt ?? 0,
  ...(c.renewedAt === undefined ? {} : { renewedAt: c.renewedAt }),
});

export const preservationRequestMachine = setup({
  types: {
    context: {} as PreservationRequestContext,
    input: {} as { target: string },
    events: {} as PreservationRequestEvent,
  },
  guards: {
    /** A renewal extends a request only while it is still in force. */
    stillInForce: ({ context, event }) => {
      assertEvent(event, 'preservation.renewed');
      return event.at < lapsesAt(asPreservation(context));
    },
    hasLapsed: ({ context, event }) => {
      assertEvent(event, 'time.passed');
      return event.at >= lapsesAt(asPreservation(context));
    },
  },
  actions: {
    changeTarget: assign(({ event }) => {
      assertEvent(event, 'draft.changed');
      return { target: event.target };
    }),
    recordPreservation: assign(({ event }) => {
      assertEvent(event, 'preservation.served');
      return { servedAt: event.at, renewedAt: undefined };
    }),
    recordRenewal: assign(({ event }) => {
      assertEvent(event, 'preservation.renewed');
      return { renewedAt: event.at };
    }),
  },
}).createMachine({
  id: 'preservationRequest',
  context: ({ input }) => ({ target: input.target, servedAt: undefined, renewedAt: undefined }),
  initial: 'drafted',
  states: {
    drafted: {
      on: {
        'draft.changed': { target: 'drafted', actions: 'changeTarget' },
        'preservation.served': { target: 'preserved', actions: 'recordPreservation' },
      },
    },
    // Records frozen. The one renewal is the only way on to `renewed`; `renewed` accepts none.
    preserved: {
      on: {
        'preservation.renewed': { guard: 'stillInForce', target: 'renewed', actions: 'recordRenewal' },
        'time.passed': { guard: 'hasLapsed', target: 'lapsed' },
      },
    },
    renewed: {
      on: { 'time.passed': { guard: 'hasLapsed', target: 'lapsed' } },
    },
    // Its records expire by their own clock again; a new request may be served.
    lapsed: {
      on: { 'preservation.served': { target: 'preserved', actions: 'recordPreservation' } },
    },
  },
});

export type PreservationStage = 'drafted' | 'preserved' | 'renewed' | 'lapsed';

/** The chart's stage for the preservation request `p` (if one was served), seen at `at`. */
export function preservationStage(target: string, p: Preservation | undefined, at: SimTime): PreservationStage {
  let [snapshot] = initialTransition(preservationRequestMachine, { target });
  if (p === undefined || p.servedAt > at) return 'drafted';
  [snapshot] = transition(preservationRequestMachine, snapshot, { type: 'preservation.served', at: p.servedAt });
  if (p.renewedAt !== undefined && p.renewedAt <= at) {
    [snapshot] = transition(preservationRequestMachine, snapshot, { type: 'time.passed', at: p.renewedAt });
    [snapshot] = transition(preservationRequestMachine, snapshot, { type: 'preservation.renewed', at: p.renewedAt });
  }
  [snapshot] = transition(preservationRequestMachine, snapshot, { type: 'time.passed', at });
  return snapshot.value as PreservationStage;
}
