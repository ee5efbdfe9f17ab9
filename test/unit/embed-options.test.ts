import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEFAULT_OPTIONS, PANELS, SPEEDS, THEMES, formatOptions, parseOptions, type ViewOptions } from '../../src/lib/embed/options.ts';

const context = { duration: 40, steps: 6, policyIds: ['apple-2016', 'apple-2020s', 'signal-like'] };

describe('embed options', () => {
  test('no query gives the defaults and no notes', () => {
    expect(parseOptions('', context)).toEqual({ options: DEFAULT_OPTIONS, notes: [] });
  });

  test('good values are taken', () => {
    const { options, notes } = parseOptions(
      '?day=12&speed=30&autoplay=1&panels=ledger,timeline&policy=signal-like&seed=9&step=3&motion=reduce&theme=dark&v=2',
      context,
    );
    expect(notes).toEqual([]);
    expect(options).toEqual({
      day: 12,
      speed: 30,
      autoplay: true,
      panels: ['ledger', 'timeline'],
      policy: 'signal-like',
      seed: 9,
      step: 3,
      reducedMotion: true,
      theme: 'dark',
      version: 2,
    });
  });

  test.each([
    ['day=0', /day from 1 to 40/],
    ['day=41', /day from 1 to 40/],
    ['day=1e3', /day from 1 to 40/],
    ['speed=2', /one of 1, 3, 7, 15, 30/],
    ['autoplay=yes', /1 or 0/],
    ['panels=ledger,<script>', /panel names/],
    ['policy=nsa', /one of apple-2016/],
    ['seed=-1', /whole number/],
    ['step=7', /step from 1 to 6/],
    ['theme=blue', /auto, light, dark/],
    ['motion=slow', /reduce or full/],
    ['zoom=2', /unknown option/],
  ])('%s is ignored with a note', (query, note) => {
    const { options, notes } = parseOptions(query, context);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(note);
    if (!query.startsWith('panels')) expect(options).toEqual(DEFAULT_OPTIONS);
  });

  test.each([
    ['autoplay=0', { autoplay: false }],
    ['autoplay=true', { autoplay: true }],
    ['autoplay=false&motion=full', { autoplay: false, reducedMotion: false }],
    ['motion=reduce', { reducedMotion: true }],
    ['panels=%20ledger%20,,graph', { panels: ['ledger', 'graph'] }],
    ['panels=', {}],
    ['v=1000000', { version: 1_000_000 }],
    ['seed=2147483647', { seed: 2147483647 }],
  ])('%s is taken without a note', (query, changed) => {
    expect(parseOptions(query, context)).toEqual({ options: { ...DEFAULT_OPTIONS, ...changed }, notes: [] });
  });

  test.each([
    ['seed=2147483648', 'Ignored seed=“2147483648”: expected a whole number from 0 to 2147483647.'],
    ['v=0', 'Ignored v=“0”: expected a scenario version number.'],
    [
      'panels=ledger,nope,chart',
      'Ignored panels=“nope,chart”: expected panel names from people, composer, conversation, ledger, timeline, legal, graph, policy.',
    ],
    ['day=3&day=4', 'Ignored a second “day”.'],
    ['speed=3&speed=nope', 'Ignored a second “speed”.'],
  ])('%s: the note says what was ignored and what was expected', (query, note) => {
    expect(parseOptions(query, context).notes).toEqual([note]);
  });

  test('the first of two values counts, even when the second is the good one', () => {
    expect(parseOptions('day=99&day=4', context).options.day).toBe(DEFAULT_OPTIONS.day);
  });

  test('a panel list with no known panel keeps the default panels', () => {
    expect(parseOptions('panels=nope', context).options.panels).toEqual(PANELS);
  });

  test('a partly valid panel list keeps the valid panels', () => {
    expect(parseOptions('panels=ledger,nope', context).options.panels).toEqual(['ledger']);
  });

  test('notes quote at most 24 characters and no control characters', () => {
    const { notes } = parseOptions(`day=${'9'.repeat(100)}%00%1b`, context);
    expect(notes[0]!.length).toBeLessThan(120);
    // eslint-disable-next-line no-control-regex -- the point: no control character reaches the note
    expect(notes[0]).not.toMatch(/[\u0000-\u001f]/);
  });

  test('many bad values give at most six notes', () => {
    const query = Array.from({ length: 20 }, (_, i) => `x${i}=1`).join('&');
    expect(parseOptions(query, context).notes).toHaveLength(6);
  });

  test('any query string parses without throwing to valid options', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (query) => {
        const { options } = parseOptions(query, context);
        expect(options.day).toBeGreaterThanOrEqual(1);
        expect(options.day).toBeLessThanOrEqual(40);
        expect(SPEEDS).toContain(options.speed);
        expect(THEMES).toContain(options.theme);
        for (const p of options.panels) expect(PANELS).toContain(p);
        if (options.policy !== undefined) expect(context.policyIds).toContain(options.policy);
      }),
      { numRuns: 500 },
    );
  });

  test('format then parse gives the same options (share links round-trip)', () => {
    const optionsArb: fc.Arbitrary<ViewOptions> = fc.record({
      day: fc.integer({ min: 1, max: 40 }),
      speed: fc.constantFrom(...SPEEDS),
      autoplay: fc.boolean(),
      panels: fc.subarray([...PANELS], { minLength: 1 }),
      policy: fc.option(fc.constantFrom(...context.policyIds), { nil: undefined }),
      seed: fc.option(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { nil: undefined }),
      step: fc.integer({ min: 1, max: 6 }),
      reducedMotion: fc.boolean(),
      theme: fc.constantFrom(...THEMES),
      version: fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(optionsArb, (options) => {
        const parsed = parseOptions(formatOptions(options), context);
        expect(parsed.notes).toEqual([]);
        expect(parsed.options).toEqual(options);
      }),
      { numRuns: 300 },
    );
  });
});
