import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { validateScenario } from '../../../src/lib/content-schemas.ts';
import { parseScenario, type ScenarioCore } from '../../../src/model/index.ts';

export function loadScenario(id: string): ScenarioCore {
  const file = `content/scenarios/${id}.yaml`;
  // The scenario files are lessons too: read through the validator the CLI uses, as the build reads them.
  return validateScenario(parse(readFileSync(file, 'utf8')), file);
}

/** A small cast used across tests: Ana has 2 devices, Ben 3, Cy 1, and Dee has no devices at all. */
export function castScenario(overrides: Partial<ScenarioCore> = {}): ScenarioCore {
  return parseScenario({
    id: 'test-cast',
    version: 1,
    title: 'Test cast',
    seed: 1,
    policy: 'apple-2016',
    duration: 60,
    cast: {
      networks: [
        { id: 'home', label: 'Home', kind: 'home', ip: '203.0.113.10' },
        { id: 'cafe', label: 'Café', kind: 'cafe', ip: '192.0.2.77' },
        { id: 'mobile', label: 'Mobile', kind: 'mobile' },
      ],
      people: [
        {
          id: 'ana',
          name: 'Ana',
          handles: ['+15550100100'],
          contacts: [{ name: 'Ben', handles: ['ben@example.org'] }],
          devices: [
            { id: 'ana-phone', label: "Ana's phone", kind: 'phone', network: 'home' },
            { id: 'ana-laptop', label: "Ana's laptop", kind: 'laptop', network: 'home' },
          ],
        },
        {
          id: 'ben',
          name: 'Ben',
          handles: ['ben@example.org', '+15550100200'],
          devices: [
            { id: 'ben-phone', label: "Ben's phone", kind: 'phone', network: 'mobile' },
            { id: 'ben-tablet', label: "Ben's tablet", kind: 'tablet', network: 'home' },
            { id: 'ben-laptop', label: "Ben's laptop", kind: 'laptop', network: 'home' },
          ],
        },
        { id: 'cy', name: 'Cy', handles: ['cy@example.org'], devices: [{ id: 'cy-phone', label: "Cy's phone", kind: 'phone', network: 'cafe' }] },
        { id: 'dee', name: 'Dee', handles: ['+15550100400'], devices: [] },
      ],
    },
    script: [],
    ...overrides,
  });
}
