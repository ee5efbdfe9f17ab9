import { describe, expect, test } from 'vitest';
import { formatFigures, ratio, spread, type Figure } from '../../scripts/bench-browser/figures.ts';
import { parseOptions } from '../../scripts/bench-browser/options.ts';
import { onePerKind, pageKind } from '../../scripts/lighthouse-lib.ts';

describe('bench:browser options', () => {
  const ALL = ['weight', 'interactions', 'long-tasks', 'soak', 'lighthouse'];
  const BUT_LIGHTHOUSE = ['weight', 'interactions', 'long-tasks', 'soak'];
  test.each([
    [[], { runs: 3, quick: false, parts: ALL }],
    [['--runs', '5'], { runs: 5, quick: false, parts: ALL }],
    [['--quick'], { runs: 1, quick: true, parts: ALL }],
    [['--quick', '--runs', '2'], { runs: 2, quick: true, parts: ALL }],
    [['--no-lighthouse'], { runs: 3, quick: false, parts: BUT_LIGHTHOUSE }],
    [['--only', 'interactions'], { runs: 3, quick: false, parts: ['interactions'] }],
    [['--only', 'interactions', '--runs', '2'], { runs: 2, quick: false, parts: ['interactions'] }],
    [['--only', 'soak,weight'], { runs: 3, quick: false, parts: ['weight', 'soak'] }],
    [['--only', 'lighthouse', '--only', 'long-tasks'], { runs: 3, quick: false, parts: ['long-tasks', 'lighthouse'] }],
    [['--only', 'weight,lighthouse', '--no-lighthouse'], { runs: 3, quick: false, parts: ['weight'] }],
    [['--quick', '--only', 'weight, soak'], { runs: 1, quick: true, parts: ['weight', 'soak'] }],
  ])('%j', (args, expected) => {
    expect(parseOptions(args)).toEqual(expected);
  });

  test.each([
    [['--runs'], /--runs takes a whole number/],
    [['--runs', '0'], /--runs takes a whole number/],
    [['--runs', '2.5'], /--runs takes a whole number/],
    [['--runs', 'many'], /--runs takes a whole number/],
    [['--fast'], /unknown option --fast/],
    [['--only'], /--only takes a comma-separated list of parts from: weight, interactions, long-tasks, soak, lighthouse/],
    [['--only', '--quick'], /--only takes a comma-separated list/],
    [['--only', 'bogus'], /no part called "bogus"; the parts are weight, interactions, long-tasks, soak, lighthouse$/],
    [['--only', 'interactions,longtasks'], /no part called "longtasks"/],
    [['--only', 'interactions,'], /no part called ""/],
    [['--only', 'lighthouse', '--no-lighthouse'], /leaves nothing to run/],
  ])('%j is refused with a message', (args, message) => {
    expect(parseOptions(args)).toMatch(message);
  });
});

describe('bench:browser figures', () => {
  test('spread skips runs under the Event Timing floor and counts them', () => {
    expect(spread([30, null, 10, 20])).toEqual({ min: 10, median: 20, max: 30, unreported: 1 });
    expect(spread([null, null])).toBeUndefined();
  });

  test('the ratio is of medians, and absent when the reference is missing or zero', () => {
    const base: Figure = { name: 'x', unit: 'ms', values: [10, 30, 20] };
    expect(ratio({ ...base, reference: [5, 10, 15] })).toBe(2);
    expect(ratio(base)).toBeUndefined();
    expect(ratio({ ...base, reference: [0] })).toBeUndefined();
  });

  test('the table aligns its columns, shows unreported runs, and numbers the notes', () => {
    const text = formatFigures([
      { name: 'interaction: Pause (/simulator/)', unit: 'ms', values: [null, 40, 60], reference: [20], note: 'Event Timing at 4×.' },
      { name: 'soak: heap', unit: 'MB', values: [7.25] },
      { name: 'interaction: nothing reported', unit: 'ms', values: [null] },
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^figure\s+unit\s+runs\s+min\s+median\s+max\s+reference \/sources\/\s+× ref$/);
    expect(lines[2]).toMatch(/^interaction: Pause \(\/simulator\/\) \[1\]\s+ms\s+3 \(1 < 16 ms\)\s+40\s+50\s+60\s+20\s+2\.50$/);
    expect(lines[3]).toMatch(/^soak: heap\s+MB\s+1\s+7\.3\s+7\.3\s+7\.3$/);
    expect(lines[4]).toMatch(/^interaction: nothing reported\s+ms\s+1\s+< 16\s+< 16\s+< 16$/);
    expect(lines.at(-1)).toBe('[1] Event Timing at 4×.');
    expect(
      new Set(
        lines
          .slice(0, 5)
          .map((l) => l.indexOf(' ms '))
          .filter((i) => i > 0),
      ).size,
    ).toBe(1);
  });
});

describe('which pages Lighthouse audits (scripts/lighthouse-lib.ts)', () => {
  test.each([
    ['', 'home'],
    ['sources/', 'sources/'],
    ['scenarios/', 'scenarios/'],
    ['scenarios/two-phones/', 'scenarios/*'],
    ['embed/two-phones/', 'embed/*'],
  ])('%j is of kind %j', (page, kind) => {
    expect(pageKind(page)).toBe(kind);
  });

  test('one page per kind, the heaviest, in page order', () => {
    const sizes: Record<string, number> = { '': 5, 'scenarios/': 2, 'scenarios/a/': 10, 'scenarios/b/': 30, 'sources/': 4 };
    expect(onePerKind(Object.keys(sizes).sort(), (page) => sizes[page]!)).toEqual(['', 'scenarios/', 'scenarios/b/', 'sources/']);
  });
});
