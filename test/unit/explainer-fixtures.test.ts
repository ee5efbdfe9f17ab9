import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import type { Source } from '../../src/lib/content-schemas.ts';
import type { ScenarioCore } from '../../src/model/index.ts';
import { ExplainerError } from '../../src/lib/writing/components.ts';
import { guideGaps, GUIDE } from '../../src/lib/writing/guide.ts';
import { prepareExplainer } from '../../src/lib/writing/prepare.ts';

// The page's own preparation step (read the file, check it, build the components' context) on real
// fixture files and the real scenarios and sources, as the build runs it.
const yamlDir = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parse(readFileSync(join(dir, f), 'utf8')));
const scenarios = yamlDir('content/scenarios') as ScenarioCore[];
const sources = yamlDir('content/sources') as Source[];
const FIXTURES = 'test/fixtures/explainers/mistakes';

function problemOf(file: string): string {
  try {
    prepareExplainer(join(FIXTURES, file), ['intercept-2016'], scenarios, sources);
  } catch (error) {
    expect(error).toBeInstanceOf(ExplainerError);
    return (error as Error).message;
  }
  throw new Error(`${file} was accepted`);
}

describe('a fixture for each kind of writer’s mistake', () => {
  test.each([
    ['unknown-scenario.mdx', 'line 12: <Simulation> scenario: unknown scenario id "a-numbr-typed"'],
    ['unknown-source.mdx', 'line 10: <Cite> id: unknown source id "apple-2099"'],
    ['unknown-prop.mdx', 'line 10: <Simulation> has no prop "pannels" (its props: scenario, panels, day, policy, figure, controls, caption)'],
    [
      'unknown-policy.mdx',
      'line 10: <Simulation> policy: expected policy to be one of apple-2016, apple-2020s, signal-like, whatsapp-like, keep-forever, keep-nothing, got "Apple, 2016"',
    ],
    ['step-past-end.mdx', 'line 11: <Step> is past the end of scenario "a-number-typed", which runs 35 days'],
    [
      'bad-bind.mdx',
      'line 12: <Scrub> bind: expected bind to be one of retentionDays, callRetentionDays, connectionRetentionDays, queueDays, got "retentionWeeks"',
    ],
  ])('%s fails, naming the file and the problem', (file, problem) => {
    const expected = `${FIXTURES}/${file}: ${problem}`;
    // The message may go on with a hint (the known ids, where to add a source).
    expect(problemOf(file).slice(0, expected.length)).toBe(expected);
  });

  test('every real explainer passes the same checks', () => {
    for (const file of readdirSync('content/explainers').filter((f) => f.endsWith('.mdx'))) {
      const prepared = prepareExplainer(join('content/explainers', file), [], scenarios, sources);
      expect(prepared.scan.problems, file).toEqual([]);
      expect(prepared.cited.length, `${file} cites sources`).toBeGreaterThan(0);
    }
  });
});

describe('the writers’ guide', () => {
  test('documents every component and every prop, and nothing that does not exist', () => {
    expect(guideGaps()).toEqual([]);
  });

  test('would notice a missing prop or a made-up one', () => {
    const broken = GUIDE.map((doc) =>
      doc.name === 'Scrub'
        ? { ...doc, props: doc.props.filter((p) => p.name !== 'max').concat({ name: 'step', type: 'number', required: false, text: '' }) }
        : doc,
    );
    expect(guideGaps(broken)).toEqual(['<Scrub> prop "max" is not in the writers\' guide', '<Scrub> has no prop "step", but the guide lists it']);
  });
});
