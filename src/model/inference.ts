import type { Category, LedgerRecord } from './records.ts';
import type { Policy } from './policy.ts';
import type { SimTime } from './time.ts';
import type { WorldState } from './world/index.ts';

/** Why an observer links two handles. */
export type Evidence = 'lookup' | 'call' | 'routing';

export interface InferredEdge {
  /** The two handles, sorted, so an edge has one key whichever way it ran. */
  a: string;
  b: string;
  evidence: Record<Evidence, number>;
  /** They really talked (a message either way, or an answered call) by t. */
  real: boolean;
  /** Only lookups link them: someone typed an address and nothing came of it, as far as the records show. */
  lookupOnly: boolean;
}

/**
 * What the records held show of a pair who really talked: a conversation (messages or calls), only
 * that one typed the other's address (a lookup cannot show that a message was sent), or nothing.
 */
export type Shown = 'conversation' | 'lookup' | 'nothing';

export interface ActualEdge {
  a: string;
  b: string;
  shown: Shown;
}

/** The graph's counts, keeping "the records show a conversation" apart from "only an address was looked up". */
export interface GraphTally {
  /** Links whose records show messages or calls, and how many of those pairs really talked. */
  conversations: number;
  conversationsReal: number;
  /** Links that are only lookups. */
  lookupOnly: number;
  /** Pairs who really talked, and how the records show them. */
  talked: number;
  shownAsConversation: number;
  shownAsLookup: number;
}

export interface ContactGraph {
  nodes: string[];
  /** What an observer rebuilds from the records held. */
  inferred: InferredEdge[];
  /** Who really talked: the truth the records are measured against. */
  actual: ActualEdge[];
  tally: GraphTally;
  /** Of the links whose records show a conversation, the share that are real (1 when there are none). */
  precision: number;
  /** Of the pairs who really talked, the share the records show as a conversation (1 when nobody talked). */
  recall: number;
}

const key = (x: string, y: string) => (x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`);

/** For each category that links two people: the fields holding both ends, and what kind of evidence it is. */
const PAIRS: Partial<Record<Category, readonly [string, string, Evidence]>> = {
  lookup: ['requesterHandle', 'lookedUpHandle', 'lookup'],
  call: ['callerHandle', 'calleeHandle', 'call'],
  routing: ['senderHandle', 'recipientHandle', 'routing'],
};

/** The pair of handles a record links, if the policy (when given) kept both ends. */
function link(o: LedgerRecord, policy?: Policy): [string, string, Evidence] | undefined {
  const f = o.fields as unknown as Record<string, string | undefined>;
  const pair = PAIRS[o.category];
  if (!pair) return undefined;
  const kept = policy?.retention[o.category].fields;
  if (kept && (!kept.includes(pair[0]) || !kept.includes(pair[1]))) return undefined;
  const from = f[pair[0]];
  const to = f[pair[1]];
  return from && to && from !== to ? [from, to, pair[2]] : undefined;
}

/** Who really talked by `t`: from the people's own devices, never from provider records. */
export function actualEdges(world: WorldState, t: SimTime): Set<string> {
  const edges = new Set<string>();
  for (const device of Object.values(world.devices)) {
    for (const m of device.messages) {
      if (m.direction !== 'sent' || m.at > t) continue;
      for (const to of m.toHandles) if (to !== m.fromHandle) edges.add(key(m.fromHandle, to));
    }
    const own = world.people[device.owner]?.handles[0];
    for (const call of device.calls) {
      if (own && call.direction === 'outgoing' && call.answered && call.at <= t) edges.add(key(own, call.peer));
    }
  }
  return edges;
}

/**
 * The contact graph an observer can rebuild from `held` (the records held at t under `policy`),
 * set against who really talked. Lookups that never became messages become false edges;
 * conversations whose lookups were cached or have expired become missing edges.
 */
export function inferGraph(held: Record<Category, LedgerRecord[]>, policy: Policy, actual: Set<string>): ContactGraph {
  const edges = new Map<string, InferredEdge>();
  const nodes = new Set<string>();
  for (const list of Object.values(held)) {
    for (const o of list) {
      const linked = link(o, policy);
      if (!linked) continue;
      const [x, y, evidence] = linked;
      const k = key(x, y);
      let edge = edges.get(k);
      if (!edge) {
        const [a, b] = x < y ? [x, y] : [y, x];
        edge = { a, b, evidence: { lookup: 0, call: 0, routing: 0 }, real: actual.has(k), lookupOnly: true };
        edges.set(k, edge);
      }
      edge.evidence[evidence]++;
      if (evidence !== 'lookup') edge.lookupOnly = false;
      nodes.add(x).add(y);
    }
  }
  const inferred = [...edges.values()].sort((p, q) => (p.a + p.b < q.a + q.b ? -1 : 1));
  const actualList = [...actual].sort().map((k): ActualEdge => {
    const [a = '', b = ''] = k.split('\u0000');
    nodes.add(a).add(b);
    const edge = edges.get(k);
    return { a, b, shown: !edge ? 'nothing' : edge.lookupOnly ? 'lookup' : 'conversation' };
  });
  const conversations = inferred.filter((e) => !e.lookupOnly);
  const tally: GraphTally = {
    conversations: conversations.length,
    conversationsReal: conversations.filter((e) => e.real).length,
    lookupOnly: inferred.length - conversations.length,
    talked: actualList.length,
    shownAsConversation: actualList.filter((e) => e.shown === 'conversation').length,
    shownAsLookup: actualList.filter((e) => e.shown === 'lookup').length,
  };
  return {
    nodes: [...nodes].sort(),
    inferred,
    actual: actualList,
    tally,
    precision: tally.conversations === 0 ? 1 : tally.conversationsReal / tally.conversations,
    recall: tally.talked === 0 ? 1 : tally.shownAsConversation / tally.talked,
  };
}

/**
 * Everyone any record made by now has ever linked, under any policy and whether still held or not,
 * with who really talked: the frame a contact graph is laid out in. It changes only when something
 * happens, never as records expire, so a drawing laid out on it stays put from day to day and under
 * every policy.
 */
export function everLinked(records: Iterable<LedgerRecord>, actual: Set<string>): { nodes: string[]; links: { a: string; b: string }[] } {
  const keys = new Set(actual);
  for (const o of records) {
    const linked = link(o);
    if (linked) keys.add(key(linked[0], linked[1]));
  }
  const nodes = new Set<string>();
  const links = [...keys].sort().map((k) => {
    const [a = '', b = ''] = k.split('\u0000');
    nodes.add(a).add(b);
    return { a, b };
  });
  return { nodes: [...nodes].sort(), links };
}
