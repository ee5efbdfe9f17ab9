import {
  DAY,
  HOUR,
  SeededRandom,
  act,
  advanceTo,
  createSession,
  metadataOnlyCrypto,
  parseScenario,
  type Action,
  type Engine,
  type Policy,
  type ScenarioCore,
  type Session,
  type SimTime,
} from '../../src/model/index.ts';

/**
 * A seeded population for benchmarks: `people` people with three devices each, five contacts
 * each, spread over shared and mobile networks. Generated, not stored, so the benchmark files
 * stay small and every run is the same.
 */
export function populationScenario(people: number, duration: number, seed = 1): ScenarioCore {
  const rng = new SeededRandom(seed);
  const handle = (i: number) => `+1555${String(1_000_000 + i).slice(1)}`;
  return parseScenario({
    id: 'population',
    version: 1,
    title: 'Population benchmark',
    seed,
    policy: 'apple-2020s',
    duration,
    cast: {
      networks: [
        ...Array.from({ length: 50 }, (_, i) => ({ id: `home-${i}`, label: `Home ${i}`, kind: 'home' })),
        { id: 'mobile', label: 'Mobile', kind: 'mobile' },
      ],
      people: Array.from({ length: people }, (_, i) => ({
        id: `p${i}`,
        name: `Person ${i}`,
        handles: [handle(i)],
        contacts: Array.from({ length: 5 }, (_, c) => ({ name: `Contact ${c}`, handles: [handle(rng.int(0, people - 1))] })),
        devices: (['phone', 'tablet', 'laptop'] as const).map((kind) => ({
          id: `p${i}-${kind}`,
          label: `Person ${i}'s ${kind}`,
          kind,
          network: kind === 'phone' ? 'mobile' : `home-${i % 50}`,
        })),
      })),
    },
    script: [],
  });
}

export interface Load {
  messages: number;
  /** Calls and address look-ups without a message, as shares of messages. */
  callShare: number;
  typedOnlyShare: number;
  /** Share of devices that switch off or on each simulated hour. */
  churn: number;
}

export const POPULATION_ENGINE = (policies: readonly Policy[]): Engine => ({ crypto: metadataOnlyCrypto, policies });

export type Workload = { at: SimTime; action: Action }[];

/*
 * Message texts are cut from one flat string, as typed text is. `'x'.repeat(n)` would build a
 * rope that the model must flatten before it can count the bytes: work no reader's message causes.
 */
const TEXT = 'Meet at the usual place at eight? Bring the notes from Tuesday and the spare key, and tell Sam we are running late. '.repeat(2);

/**
 * The reader actions for days [fromDay, toDay), generated before timing starts so benchmarks
 * measure the model, not the generator. Messages are spread evenly over the hours.
 */
export function workload(session: Session, load: Load, fromDay: number, toDay: number, seed = 2): Workload {
  const rng = new SeededRandom(seed + fromDay);
  const people = Object.values(session.world.people);
  const perHour = load.messages / (session.duration * 24);
  const out: Workload = [];
  let carry = 0;
  for (let h = fromDay * 24; h < toDay * 24; h++) {
    const at = h * HOUR;
    carry += perHour;
    const n = Math.floor(carry);
    carry -= n;
    for (let k = 0; k < n; k++) {
      const person = people[rng.int(0, people.length - 1)]!;
      const device = person.devices[rng.int(0, person.devices.length - 1)]!;
      const contact = person.contacts[rng.int(0, person.contacts.length - 1)]!;
      // People pick up the device they write on: it comes online first if it was off.
      out.push({ at, action: { type: 'device.online', device } });
      out.push({ at, action: { type: 'message.sent', device, to: [contact.name], text: TEXT.slice(0, rng.int(5, 160)) } });
      if (rng.int(0, 999) < load.callShare * 1000) out.push({ at, action: { type: 'call.started', device, to: contact.name, answered: rng.int(0, 1) === 1 } });
      if (rng.int(0, 999) < load.typedOnlyShare * 1000) {
        out.push({ at, action: { type: 'address.entered', device, address: person.contacts[rng.int(0, person.contacts.length - 1)]!.name } });
      }
    }
    const flips = Math.round(load.churn * people.length * 3);
    for (let f = 0; f < flips; f++) {
      const person = people[rng.int(0, people.length - 1)]!;
      const device = person.devices[rng.int(0, person.devices.length - 1)]!;
      out.push({ at, action: { type: rng.int(0, 1) === 0 ? 'device.offline' : 'device.online', device } });
    }
  }
  return out;
}

/** Plays a workload, then advances to the end of `toDay`. Returns how many actions ran. */
export function play(session: Session, engine: Engine, work: Workload, toDay: number): number {
  for (const { at, action } of work) {
    if (at > session.world.now) advanceTo(session, at, engine);
    act(session, action, engine);
  }
  advanceTo(session, toDay * DAY, engine);
  return work.length;
}

export function newPopulation(people: number, duration: number, engine: Engine): Session {
  return createSession(populationScenario(people, duration), {
    engine,
    config: { journal: false, scrubWindowMs: 0, deviceHistory: 20 },
  });
}
