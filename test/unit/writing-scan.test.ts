import { describe, expect, test } from 'vitest';
import { ExplainerError, checkProps, parseStepAction, propProblems } from '../../src/lib/writing/components.ts';
import { blankNonMarkup, scanExplainer, scanTags } from '../../src/lib/writing/scan.ts';

const context = {
  scenarios: new Map([
    ['a-number-typed', { duration: 35 }],
    ['new-tablet', { duration: 40 }],
  ]),
  sourceIds: new Set(['intercept-2016', 'apple-lpg-2025']),
};
const scan = (text: string) => scanExplainer(text, context);

describe('scanTags', () => {
  test('reads string, number, boolean, list and expression props, with their lines', () => {
    const tags = scanTags('---\ntitle: x\n---\n\nText <Cite id="intercept-2016" />\n<Predict question="Q?" choices={["a > b", "c"]} answer={1} open>\nx\n</Predict>\n<Simulation scenario={someVar} />');
    expect(tags.map((t) => [t.name, t.line, t.closing])).toEqual([
      ['Cite', 5, false],
      ['Predict', 6, false],
      ['Predict', 8, true],
      ['Simulation', 9, false],
    ]);
    expect(tags[1]!.attrs).toEqual({
      question: { kind: 'literal', value: 'Q?' },
      choices: { kind: 'literal', value: ['a > b', 'c'] },
      answer: { kind: 'literal', value: 1 },
      open: { kind: 'literal', value: true },
    });
    expect(tags[3]!.attrs.scenario).toEqual({ kind: 'expression', source: 'someVar' });
  });

  test('ignores components written inside code blocks, inline code and comments', () => {
    const text = '```mdx\n<Cite id="nope" />\n```\nUse `<Scrub bind="x" />` here. {/* <Ledger /> */}\n<Aside>ok</Aside>';
    expect(scanTags(text).map((t) => t.name)).toEqual(['Aside', 'Aside']);
    expect(blankNonMarkup(text).split('\n')).toHaveLength(text.split('\n').length);
  });
});

describe('scanExplainer: a writer’s mistakes, each named with its line', () => {
  test('a clean explainer has no problems, numbers citations by first use and binds panels to the nearest simulation', () => {
    const result = scan(
      [
        'Intro <Cite id="apple-lpg-2025" /> and <Cite id="intercept-2016" /> and again <Cite id="apple-lpg-2025" />.',
        '<Simulation scenario="a-number-typed" panels="composer" />',
        'Kept for <Scrub bind="retentionDays" min={0} max={60} />.',
        '<Ledger />',
        '<Scrolly scenario="new-tablet" panels="people">',
        '  <Step day={2}>One</Step>',
        '  <Step at="day 3 09:00" action="policy:apple-2020s">Two</Step>',
        '</Scrolly>',
        '<Timeline />',
      ].join('\n'),
    );
    expect(result.problems).toEqual([]);
    expect(result.citeOrder).toEqual(['apple-lpg-2025', 'intercept-2016']);
    expect(result.bindings).toEqual({ Scrub: 'a-number-typed', Ledger: 'a-number-typed', Timeline: 'new-tablet' });
    expect(result.scenarios).toEqual(['a-number-typed', 'new-tablet']);
    expect(result.hasFigures).toBe(true);
  });

  test('an explainer of text, citations, predictions and asides has no figures', () => {
    const result = scan('<Aside title="Note">x <Cite id="intercept-2016" /></Aside>\n<Predict question="Q" choices={["a","b"]} answer={0}>why</Predict>');
    expect(result.problems).toEqual([]);
    expect(result.hasFigures).toBe(false);
  });

  test.each([
    ['unknown scenario id', '<Simulation scenario="no-such-thing" />', 'line 1: <Simulation> scenario: unknown scenario id "no-such-thing"'],
    ['unknown source id', 'See <Cite id="made-up-2099" />.', 'line 1: <Cite> id: unknown source id "made-up-2099"'],
    ['unknown prop', '<Simulation scenario="a-number-typed" pannels="ledger" />', 'line 1: <Simulation> has no prop "pannels"'],
    ['bad bind', '<Simulation scenario="a-number-typed" />\n<Scrub bind="retention" />', 'line 2: <Scrub> bind: expected bind to be one of retentionDays, callRetentionDays, connectionRetentionDays, queueDays, got "retention"'],
    ['unknown component', '<Simulaton scenario="a-number-typed" />', 'line 1: unknown component <Simulaton>'],
    ['bad panel name', '<Simulation scenario="a-number-typed" panels="ledger,chart" />', 'expected panels from'],
    ['a panel with nothing to bind to', '<Ledger />', 'line 1: <Ledger> has no <Simulation> or <Scrolly> above it'],
    ['a step outside a Scrolly', '<Step day={1}>x</Step>', 'line 1: <Step> is only allowed inside a <Scrolly>'],
    ['a step past the scenario’s end', '<Scrolly scenario="a-number-typed">\n<Step day={36}>x</Step>\n</Scrolly>', 'line 2: <Step> is past the end of scenario "a-number-typed", which runs 35 days'],
    ['a bad step action', '<Scrolly scenario="a-number-typed">\n<Step day={2} action="dance">x</Step>\n</Scrolly>', 'line 2: <Step> action: expected action "play", "pause" or "policy:<preset>"'],
    ['a step with neither day nor at', '<Scrolly scenario="a-number-typed">\n<Step>x</Step>\n</Scrolly>', 'expected either day={N} or at="day N HH:MM"'],
    ['a Scrolly with no steps', '<Scrolly scenario="a-number-typed">\n</Scrolly>', 'line 1: <Scrolly> has no <Step> inside it'],
    ['an unclosed Scrolly', '<Scrolly scenario="a-number-typed">\n<Step day={1}>x</Step>', 'line 1: <Scrolly> is never closed'],
    ['a panel shown twice', '<Simulation scenario="a-number-typed" panels="ledger" />\n<Ledger />', 'line 2: the ledger panel appears more than once (lines 1, 2)'],
    ['an answer out of range', '<Predict question="Q" choices={["a","b"]} answer={2}>x</Predict>', 'expected answer to be the index of one of the choices'],
    ['ambiguous binding', '<Simulation scenario="a-number-typed" panels="composer" controls={false} />\n<Scrub bind="retentionDays" />\n<Simulation scenario="new-tablet" panels="people" />\n<Scrub bind="queueDays" />', 'line 4: <Scrub> would bind to "new-tablet", but an earlier <Scrub> binds to "a-number-typed"'],
  ])('%s', (_what, text, expected) => {
    const { problems } = scan(text);
    expect(problems.join('\n')).toContain(expected);
  });

  test('every problem is reported, not only the first', () => {
    const { problems } = scan('<Cite id="x-1" />\n<Cite id="x-2" />\n<Simulation scenario="nope" />');
    expect(problems).toHaveLength(3);
  });
});

describe('component props at render', () => {
  test('checkProps returns typed props and names the file on a mistake', () => {
    expect(checkProps('Scrub', { bind: 'retentionDays', min: 0, max: 90 }, 'content/explainers/x.mdx')).toEqual({ bind: 'retentionDays', min: 0, max: 90 });
    expect(() => checkProps('Scrub', { bind: 'speed' }, 'content/explainers/x.mdx')).toThrow(ExplainerError);
    expect(() => checkProps('Scrub', { bind: 'speed' }, 'content/explainers/x.mdx')).toThrow(/^content\/explainers\/x\.mdx: <Scrub> bind: expected bind to be one of/);
    expect(() => checkProps('Cite', { id: 'intercept-2016', page: 3 }, 'f.mdx')).toThrow('f.mdx: <Cite> has no prop "page" (its props: id)');
  });

  test('types are checked too: a day in quotes is not a number', () => {
    expect(propProblems('Simulation', { scenario: 'a-number-typed', day: '3' })).toEqual(['<Simulation> day: expected the day to open on as a number in braces, like {3}']);
  });

  test('step actions are a small, closed vocabulary', () => {
    expect(parseStepAction('play')).toEqual({ kind: 'play' });
    expect(parseStepAction('policy:apple-2020s')).toEqual({ kind: 'policy', preset: 'apple-2020s' });
    expect(parseStepAction('policy:made-up')).toBeUndefined();
    expect(parseStepAction('rewind')).toBeUndefined();
  });
});
