import {
  DAY,
  SeededRandom,
  advanceTo,
  act,
  createSession,
  metadataOnlyCrypto,
  parseScenario,
  type Engine,
  type Policy,
  type ScenarioCore,
  type Session,
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
  /** Share of devices that flip offline or online each simulated hour. */
  churn: number;
}

export const POPULATION_ENGINE = (policies: readonly Policy[]): Engine => ({ crypto: metadataOnlyCrypto, policies });

/** Actions applied per simulated hour, spread evenly; returns how many reader actions ran. */
export function drive(session: Session, engine: Engine, load: Load, fromDay: number, toDay: number, seed = 2): number {
  const rng = new SeededRandom(seed + fromDay);
  const people = Object.values(session.world.people);
  const hours = (toDay - fromDay) * 24;
  const perHourMessages = load.messages / (session.duration * 24);
  let actions = 0;
  let carry = 0;
  for (let h = 0; h < hours; h++) {
    const hourStart = (fromDay * 24 + h) * (DAY / 24);
    advanceTo(session, hourStart, engine);
    carry += perHourMessages;
    const n = Math.floor(carry);
    carry -= n;
    for (let k = 0; k < n; k++) {
      const person = people[rng.int(0, people.length - 1)]!;
      const device = person.devices[rng.int(0, person.devices.length - 1)]!;
      const contact = person.contacts[rng.int(0, person.contacts.length - 1)]!;
      if (!session.world.devices[device]!.online) act(session, { type: 'device.online', device }, engine);
      act(session, { type: 'message.sent', device, to: [contact.name], text: 'x'.repeat(rng.int(5, 160)) }, engine);
      actions += 2;
      if (rng.int(0, 999) < load.callShare * 1000) {
        act(session, { type: 'call.started', device, to: contact.name, answered: rng.int(0, 1) === 1 }, engine);
        actions++;
      }
      if (rng.int(0, 999) < load.typedOnlyShare * 1000) {
        act(session, { type: 'address.entered', device, address: person.contacts[rng.int(0, person.contacts.length - 1)]!.name }, engine);
        actions++;
      }
    }
    const flips = Math.round(load.churn * people.length * 3);
    for (let f = 0; f < flips; f++) {
      const person = people[rng.int(0, people.length - 1)]!;
      const device = person.devices[rng.int(0, person.devices.length - 1)]!;
      act(session, { type: session.world.devices[device]!.online ? 'device.offline' : 'device.online', device }, engine);
      actions++;
    }
  }
  advanceTo(session, toDay * DAY, engine);
  return actions;
}

export function newPopulation(people: number, duration: number, engine: Engine): Session {
  return createSession(populationScenario(people, duration), {
    engine,
    config: { journal: false, scrubWindowMs: 0, deviceHistory: 20 },
  });
}
