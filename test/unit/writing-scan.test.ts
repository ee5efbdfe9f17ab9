import { describe, expect, test } from 'vitest';
import { ExplainerError, checkProps, parseStepAction, propProblems } from '../../src/lib/writing/components.ts';
import { componentsOf, literalOf } from '../../src/lib/writing/mdx-components.ts';
import { scanExplainer } from '../../src/lib/writing/scan.ts';

const context = {
  scenarios: new Map([
    ['a-number-typed', { duration: 35 }],
    ['new-tablet', { duration: 40 }],
  ]),
  sourceIds: new Set(['intercept-2016', 'apple-lpg-2025']),
};
const scan = (text: string) => scanExplainer(text, context);

/** The components of a text, which must parse. */
function components(text: string) {
  const read = componentsOf(text);
  if ('error' in read) throw new Error(`expected MDX that parses, got line ${read.error.line}: ${read.error.reason}`);
  return read.components;
}

describe('componentsOf: the components in the MDX tree', () => {
  test('reads string, number, boolean, list and expression props, with their lines', () => {
    const found = components(
      '---\ntitle: x\n---\n\nText <Cite id="intercept-2016" />\n<Predict question="Q?" choices={["a > b", "c"]} answer={1} open>\nx\n</Predict>\n<Simulation scenario={someVar} />',
    );
    expect(found.map((c) => [c.name, c.line, c.selfClosing])).toEqual([
      ['Cite', 5, true],
      ['Predict', 6, false],
      ['Simulation', 9, true],
    ]);
    expect(found[1]!.attrs).toEqual({
      question: { kind: 'literal', value: 'Q?' },
      choices: { kind: 'literal', value: ['a > b', 'c'] },
      answer: { kind: 'literal', value: 1 },
      open: { kind: 'literal', value: true },
    });
    expect(found[2]!.attrs.scenario).toEqual({ kind: 'expression', source: 'someVar' });
  });

  test('ignores components written inside code blocks, inline code and comments', () => {
    const text = '```mdx\n<Cite id="nope" />\n```\nUse `<Scrub bind="x" />` here. {/* <Ledger /> */}\n<Aside>ok</Aside>';
    expect(components(text).map((c) => c.name)).toEqual(['Aside']);
  });

  test.each([
    ['indentation, which is not code in MDX', 'Text.\n\n    <Ledger />\n\nMore.', ['Ledger']],
    ['a fenced block with more backticks inside', '````mdx\n```\n<Ledger />\n```\n````\n<Aside>ok</Aside>', ['Aside']],
    ['a tilde fence', '~~~\n<Ledger />\n~~~', []],
    ['a multi-line comment', '{/*\n<Simulation scenario="x" />\n*/}\n<Aside>ok</Aside>', ['Aside']],
    ['HTML elements are not components', '<div class="note"><Cite id="intercept-2016" /></div>', ['Cite']],
    ['frontmatter that mentions a component', '---\ntitle: "<Ledger /> explained"\n---\n\n<Aside>ok</Aside>', ['Aside']],
    ['a < in plain text', 'Keep fewer than 5 <Cite id="intercept-2016" /> and 3 < 4 is fine as \\<Text\\>.', ['Cite']],
  ])('%s', (_what, text, names) => {
    expect(components(text).map((c) => c.name)).toEqual(names);
  });

  test('a prop containing > or /> is one prop, not the end of the tag', () => {
    const [aside] = components('<Aside title="a > b, then c />">x</Aside>');
    expect(aside!.attrs).toEqual({ title: { kind: 'literal', value: 'a > b, then c />' } });
    expect(aside!.selfClosing).toBe(false);
  });

  test('a prop spread over lines keeps the line of the opening tag', () => {
    const found = components('Intro\n\n<Predict\n  question="Q"\n  choices={["a",\n    "b"]}\n  answer={0}\n>\nwhy\n</Predict>');
    expect(found.map((c) => [c.name, c.line])).toEqual([['Predict', 3]]);
    expect(found[0]!.attrs.choices).toEqual({ kind: 'literal', value: ['a', 'b'] });
  });

  test('nesting comes from the tree: each component knows what it sits in', () => {
    const found = components('<Scrolly scenario="a">\n<Step day={1}>x <Cite id="intercept-2016" /></Step>\n</Scrolly>\n<Cite id="intercept-2016" />');
    expect(found.map((c) => [c.name, c.parent])).toEqual([
      ['Scrolly', undefined],
      ['Step', 0],
      ['Cite', 1],
      ['Cite', undefined],
    ]);
  });

  test('a spread prop is noted, since its props are known only at render', () => {
    expect(components('<Simulation scenario="a-number-typed" {...rest} />')[0]).toMatchObject({
      spread: true,
      attrs: { scenario: { kind: 'literal', value: 'a-number-typed' } },
    });
  });

  test('MDX that does not parse gives its line and the parser’s reason', () => {
    expect(componentsOf('ok\n\nText {unclosed\n')).toMatchObject({ error: { line: 3 } });
  });
});

describe('literalOf', () => {
  test.each([
    ['3', { kind: 'literal', value: 3 }],
    [' true ', { kind: 'literal', value: true }],
    ['["a", "b"]', { kind: 'literal', value: ['a', 'b'] }],
    ["'x'", { kind: 'literal', value: 'x' }],
    ['someVar', { kind: 'expression', source: 'someVar' }],
    ['1 + 1', { kind: 'expression', source: '1 + 1' }],
  ])('{%s}', (source, expected) => {
    expect(literalOf(source)).toEqual(expected);
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
    [
      'bad bind',
      '<Simulation scenario="a-number-typed" />\n<Scrub bind="retention" />',
      'line 2: <Scrub> bind: expected bind to be one of retentionDays, callRetentionDays, connectionRetentionDays, queueDays, got "retention"',
    ],
    ['unknown component', '<Simulaton scenario="a-number-typed" />', 'line 1: unknown component <Simulaton>'],
    ['bad panel name', '<Simulation scenario="a-number-typed" panels="ledger,chart" />', 'expected panels from'],
    ['a panel with nothing to bind to', '<Ledger />', 'line 1: <Ledger> has no <Simulation> or <Scrolly> above it'],
    ['a step outside a Scrolly', '<Step day={1}>x</Step>', 'line 1: <Step> is only allowed inside a <Scrolly>'],
    [
      'a step past the scenario’s end',
      '<Scrolly scenario="a-number-typed">\n<Step day={36}>x</Step>\n</Scrolly>',
      'line 2: <Step> is past the end of scenario "a-number-typed", which runs 35 days',
    ],
    [
      'a bad step action',
      '<Scrolly scenario="a-number-typed">\n<Step day={2} action="dance">x</Step>\n</Scrolly>',
      'line 2: <Step> action: expected action "play", "pause" or "policy:<preset>"',
    ],
    ['a step with neither day nor at', '<Scrolly scenario="a-number-typed">\n<Step>x</Step>\n</Scrolly>', 'expected either day={N} or at="day N HH:MM"'],
    ['a Scrolly with no steps', '<Scrolly scenario="a-number-typed">\n</Scrolly>', 'line 1: <Scrolly> has no <Step> inside it'],
    ['an unclosed Scrolly', '<Scrolly scenario="a-number-typed">\n<Step day={1}>x</Step>', 'line 1: <Scrolly> is never closed'],
    [
      'a panel shown twice',
      '<Simulation scenario="a-number-typed" panels="ledger" />\n<Ledger />',
      'line 2: the ledger panel appears more than once (lines 1, 2)',
    ],
    ['an answer out of range', '<Predict question="Q" choices={["a","b"]} answer={2}>x</Predict>', 'expected answer to be the index of one of the choices'],
    [
      'ambiguous binding',
      '<Simulation scenario="a-number-typed" panels="composer" controls={false} />\n<Scrub bind="retentionDays" />\n<Simulation scenario="new-tablet" panels="people" />\n<Scrub bind="queueDays" />',
      'line 4: <Scrub> would bind to "new-tablet", but an earlier <Scrub> binds to "a-number-typed"',
    ],
  ])('%s', (_what, text, expected) => {
    const { problems } = scan(text);
    expect(problems.join('\n')).toContain(expected);
  });

  test.each([
    ['a component in a code block', 'Write it like this:\n\n```mdx\n<Simulation scenario="no-such-thing" />\n<Ledger />\n```\n'],
    ['a > inside a prop', '<Predict question="Is 3 > 2?" choices={["yes > no", "no"]} answer={0}>x</Predict>'],
    ['a prop with /> inside it', '<Aside title="type <Ledger /> to add one">x</Aside>'],
    ['a component in inline code', 'Type `<Scrolly scenario="x">` to start a story.'],
    ['a component in a comment', '{/* <Cite id="made-up" /> */}'],
  ])('no problem with %s, which the old text scanner misread', (_what, text) => {
    expect(scan(text).problems).toEqual([]);
  });

  test('a self-closed Scrolly needs its steps', () => {
    expect(scan('<Scrolly scenario="a-number-typed" />').problems).toEqual(['line 1: <Scrolly> needs <Step> elements inside it, then </Scrolly>']);
  });

  test('a Scrolly inside another is named with both lines', () => {
    const { problems } = scan(
      '<Scrolly scenario="a-number-typed">\n<Step day={1}>x</Step>\n<Scrolly scenario="new-tablet">\n<Step day={2}>y</Step>\n</Scrolly>\n</Scrolly>',
    );
    expect(problems).toContain('line 3: <Scrolly> inside another <Scrolly> (line 1)');
  });

  test('a step in an element inside a Scrolly is still its step', () => {
    expect(scan('<Scrolly scenario="a-number-typed">\n<div>\n<Step day={2}>x</Step>\n</div>\n</Scrolly>').problems).toEqual([]);
  });

  test('a closing tag with no opening tag is a parse problem with its line', () => {
    expect(scan('Fine.\n\n</Scrolly>').problems).toEqual([expect.stringMatching(/^line 3: the MDX does not parse: Unexpected closing tag/)]);
  });

  test('props set by a spread are left to the render check', () => {
    expect(scan('<Simulation scenario="a-number-typed" {...more} />').problems).toEqual([]);
  });

  test('a hyphenated or lower-case element is HTML, not an unknown component', () => {
    expect(scan('<section><Aside>x</Aside></section>').problems).toEqual([]);
  });

  test('components that name one figure share its scenario, and one of them says where it starts', () => {
    const result = scan(
      [
        '<Scrolly scenario="new-tablet" panels="people" figure="story">',
        '  <Step day={2}>One</Step>',
        '</Scrolly>',
        'Kept for <Scrub bind="retentionDays" figure="retention" />.',
        '<Timeline figure="retention" day={35} />',
        '<Ledger figure="story" />',
      ].join('\n'),
    );
    expect(result.problems).toEqual([]);
    expect(result.figureScenarios).toEqual({ story: 'new-tablet', retention: 'new-tablet' });
    // A panel that continues a figure takes the figure's scenario, not a binding to the nearest one.
    expect(result.bindings).toEqual({ Scrub: 'new-tablet' });
  });

  test('a figure starts once; a second start, or another scenario under the same name, is named with both lines', () => {
    expect(scan('<Simulation scenario="a-number-typed" panels="composer" figure="f" day={3} />\n<Ledger figure="f" day={5} />').problems).toEqual([
      'line 2: <Ledger> says where figure "f" starts, but line 1 already does; a figure starts once, and the rest continue it',
    ]);
    expect(
      scan('<Scrolly scenario="a-number-typed" figure="f">\n<Step day={2}>x</Step>\n</Scrolly>\n<Timeline figure="f" policy="signal-like" />').problems,
    ).toEqual(['line 4: <Timeline> says where figure "f" starts, but line 1 already does; a figure starts once, and the rest continue it']);
    expect(scan('<Simulation scenario="a-number-typed" panels="composer" figure="f" />\n<Ledger scenario="new-tablet" figure="f" />').problems).toEqual([
      'line 2: <Ledger> figure "f" runs scenario "a-number-typed" (line 1), but this one names "new-tablet"; give it another figure name',
    ]);
  });

  test('a figure cannot open after its scenario ends, and its policy is a preset', () => {
    expect(scan('<Simulation scenario="a-number-typed" day={999} />').problems).toEqual([
      'line 1: <Simulation> day={999} is past the end of scenario "a-number-typed", which runs 35 days',
    ]);
    expect(scan('<Simulation scenario="a-number-typed" />\n<Timeline policy="apple-2099" />').problems).toEqual([
      expect.stringMatching(/^line 2: <Timeline> policy: expected policy to be one of apple-2016, .*got "apple-2099"$/),
    ]);
  });

  test('markup that would build but misbehave is named with its line', () => {
    expect(scan('<simulation scenario="a-number-typed" />').problems).toEqual([
      'line 1: <simulation> is HTML, not a component: components start with a capital letter (did you mean <Simulation>?)',
    ]);
    expect(scan('Text.\n\n<script>alert(1)</script>\n\n<iframe src="https://example.org/" />').problems).toEqual([
      "line 3: <script> is not allowed in an explainer: the site's Content-Security-Policy blocks it; use the writers' components",
      "line 5: <iframe> is not allowed in an explainer: the site's Content-Security-Policy blocks it; use the writers' components",
    ]);
    expect(scan('<button onClick="go()">x</button>').problems).toEqual([
      "line 1: <button> onClick: event handlers are not allowed in an explainer; use the writers' components",
    ]);
    expect(scan('[click](javascript:alert(1))').problems).toEqual(['line 1: <a> href: expected a web address, got a "javascript:" address']);
    expect(scan('![a chart](https://example.org/chart.png)\n\n<img src="//cdn.example.org/x.png" alt="x" />').problems).toEqual([
      'line 1: <img> src: "https://example.org/chart.png" is on another site; the site loads nothing from other origins, so put the file in public/ and give its path',
      'line 3: <img> src: "//cdn.example.org/x.png" is on another site; the site loads nothing from other origins, so put the file in public/ and give its path',
    ]);
    expect(scan('<div style="background: url(https://example.org/x.png)">x</div>').problems).toEqual([
      'line 1: <div> style: url(…) is not allowed in an explainer: the page loads nothing from a style',
    ]);
    // Links to other sites are fine (sources are cited that way), and so are the site's own images.
    expect(scan('[the guidelines](https://www.apple.com/legal/)\n\n![a chart](/images/chart.png)\n\n<img src="chart.png" alt="" />').problems).toEqual([]);
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
    expect(() => checkProps('Scrub', { bind: 'speed' }, 'content/explainers/x.mdx')).toThrow(
      /^content\/explainers\/x\.mdx: <Scrub> bind: expected bind to be one of/,
    );
    expect(() => checkProps('Cite', { id: 'intercept-2016', page: 3 }, 'f.mdx')).toThrow('f.mdx: <Cite> has no prop "page" (its props: id)');
  });

  test('types are checked too: a day in quotes is not a number', () => {
    expect(propProblems('Simulation', { scenario: 'a-number-typed', day: '3' })).toEqual([
      '<Simulation> day: expected the day to open on as a number in braces, like {3}',
    ]);
  });

  test('step actions are a small, closed vocabulary', () => {
    expect(parseStepAction('play')).toEqual({ kind: 'play' });
    expect(parseStepAction('policy:apple-2020s')).toEqual({ kind: 'policy', preset: 'apple-2020s' });
    expect(parseStepAction('policy:made-up')).toBeUndefined();
    expect(parseStepAction('rewind')).toBeUndefined();
  });
});
