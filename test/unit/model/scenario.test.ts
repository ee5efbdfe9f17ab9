import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { validateScenario } from '../../../src/lib/content-schemas.ts';
import { ScenarioError, formatPath, runScenario } from '../../../src/model/index.ts';
import { loadScenario } from './fixtures.ts';

const base = () => parse(readFileSync('content/scenarios/a-number-typed.yaml', 'utf8')) as Record<string, any>;

function errorOf(mutate: (s: Record<string, any>) => void): ScenarioError {
  const data = base();
  mutate(data);
  try {
    validateScenario(data, 'content/scenarios/broken.yaml');
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('expected the scenario to be rejected');
}

describe('scenario files', () => {
  test.each(readdirSync('content/scenarios').filter((f) => f.endsWith('.yaml')))('%s parses and runs to the end', (file) => {
    const scenario = loadScenario(file.replace(/\.yaml$/, ''));
    const session = runScenario(scenario);
    expect(session.next).toBe(scenario.script.length);
    expect(session.world.journal.every((e) => e.outcome === 'ok')).toBe(true);
  });
});

describe('bad scenarios give an error naming the file, the field path and what was expected', () => {
  test.each([
    ['missing field', (s: any) => delete s.title, 'title', /expected string, got nothing/],
    ['wrong type', (s: any) => (s.seed = 'abc'), 'seed', /expected number/],
    ['malformed handle', (s: any) => (s.cast.people[0].handles[0] = '555-0142'), 'cast.people[0].handles[0]', /phone number in international form/],
    ['unknown device in the script', (s: any) => (s.script[0].device = 'nobodys-phone'), 'script[0].device', /a device from the cast/],
    [
      'unknown person',
      (s: any) => s.script.push({ at: 'day 33', do: 'add-device', person: 'zed', device: { id: 'z', label: 'Z', kind: 'phone', network: 'home' } }),
      'script[3].person',
      /a person from the cast/,
    ],
    ['time going backwards', (s: any) => (s.script[1].at = 'day 1 08:00'), 'script[1].at', /time cannot go backwards/],
    ['unknown network', (s: any) => (s.cast.people[0].devices[0].network = 'moon'), 'cast.people[0].devices[0].network', /a network from cast.networks/],
    ['unknown action', (s: any) => (s.script[0].do = 'teleport'), 'script[0].do', /one of the script actions|Invalid input/],
    ['unknown policy', (s: any) => (s.policy = 'apple-1999'), 'policy', /./],
    ['duplicate device id', (s: any) => (s.cast.people[1].devices[0].id = 'maya-phone'), 'cast.people[1].devices[0].id', /used once/],
  ])('%s', (_name, mutate, path, expected) => {
    const error = errorOf(mutate);
    const issue = error.issues.find((i) => formatPath(i.path) === path);
    expect(issue, `no issue at ${path}; got ${error.message}`).toBeDefined();
    expect(issue!.message).toMatch(expected);
    expect(error.message).toContain('content/scenarios/broken.yaml: ');
    expect(error.message).toContain(path);
  });
});
