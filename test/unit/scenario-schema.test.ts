import { describe, expect, test } from 'vitest';
import { scenarioSchema } from '../../src/lib/content-schemas.ts';
import { citedIds, splitCitations, withoutCitations } from '../../src/lib/scenario-teaching.ts';
import { formatPath } from '../../src/model/index.ts';

/*
 * The scenarios collection's schema, on fixtures built in memory: one valid scenario, then one
 * mutation per kind of mistake. Each must fail at the right field path with a message that says what
 * was expected, since that is what the build prints next to the file name.
 */

type Data = Record<string, any>;

function valid(): Data {
  return {
    id: 'fixture',
    version: 2,
    title: 'A fixture',
    seed: 1,
    policy: 'apple-2016',
    duration: 20,
    cast: {
      networks: [{ id: 'home', label: 'Home', kind: 'home', ip: '203.0.113.10' }],
      people: [
        {
          id: 'ana',
          name: 'Ana',
          handles: ['+1 555 010 0100'],
          contacts: [{ name: 'Ben', handles: ['ben@example.org'] }],
          devices: [{ id: 'ana-phone', label: "Ana's phone", kind: 'phone', network: 'home' }],
        },
        { id: 'ben', name: 'Ben', handles: ['ben@example.org'], devices: [{ id: 'ben-phone', label: "Ben's phone", kind: 'phone', network: 'home' }] },
      ],
    },
    script: [
      { at: 'day 1 09:00', do: 'enter-address', device: 'ana-phone', address: 'Ben' },
      { at: 'day 5 12:00', do: 'legal-request', process: '2703d', target: 'ben@example.org' },
    ],
    summary: 'Ana looks Ben up and sends nothing; Apple keeps the lookup {cite:intercept-2016}.',
    goals: ['See the lookup record.', 'Watch it expire.'],
    narration: [
      { at: 'day 1 09:00', text: 'Ana types Ben.', pause: true },
      { at: 'day 5 12:00', text: 'An order arrives {cite:intercept-2016}.' },
      { at: 'day 20 23:00', text: 'The end.' },
    ],
    prompts: [{ at: 'day 1 09:00', question: 'Is anything recorded?', choices: ['No', 'Yes'], answer: 1, explanation: 'The lookup is.' }],
    discussion: [
      { question: 'Why?', notes: 'Because.' },
      { question: 'So what?', notes: 'Discuss.' },
    ],
    sources: ['intercept-2016'],
    corrections: [{ date: '2026-11-27', version: 2, text: 'Moved the order to day 5.' }],
    activity: { minutes: 15, steps: ['Predict.', 'Play.', 'Discuss.'] },
  };
}

function issuesOf(mutate: (s: Data) => void, parseOptions?: Parameters<typeof scenarioSchema.safeParse>[1]) {
  const data = valid();
  mutate(data);
  const result = scenarioSchema.safeParse(data, parseOptions);
  expect(result.success, 'expected the fixture to be rejected').toBe(false);
  return result.error!.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

describe('scenario schema', () => {
  test('the valid fixture passes, and an unquoted YAML date in corrections reads as its text', () => {
    expect(scenarioSchema.safeParse(valid()).success).toBe(true);
    const data = valid();
    data.corrections[0].date = new Date('2026-11-27T00:00:00Z');
    expect(scenarioSchema.parse(data).corrections?.[0]?.date).toBe('2026-11-27');
    const plain = valid();
    delete plain.corrections;
    expect(scenarioSchema.safeParse(plain).success).toBe(true);
  });

  // [name, mutation, field path, what the message must say]
  test.each<[string, (s: Data) => void, string, RegExp]>([
    // missing fields
    ['missing core field', (s) => delete s.title, 'title', /^expected string, got nothing \(the field is missing\)$/],
    ['missing nested core field', (s) => delete s.cast.people[1].name, 'cast.people[1].name', /^expected string, got nothing/],
    ['missing summary', (s) => delete s.summary, 'summary', /expected a one-paragraph summary, got nothing \(the field is missing\)/],
    ['missing narration', (s) => delete s.narration, 'narration', /expected a list of narration steps, got nothing/],
    ['missing activity', (s) => delete s.activity, 'activity', /expected a classroom activity .*got nothing/],
    [
      'missing prompt explanation',
      (s) => delete s.prompts[0].explanation,
      'prompts[0].explanation',
      /expected the explanation shown after the reader answers, got nothing/,
    ],
    // wrong types
    ['wrong type: goals as text', (s) => (s.goals = 'learn things'), 'goals', /expected a list of learning goals, got string "learn things"/],
    [
      'wrong type: answer as text',
      (s) => (s.prompts[0].answer = 'Yes'),
      'prompts[0].answer',
      /expected the index of the right choice, counting from 0, got string "Yes"/,
    ],
    ['wrong type: choice as a YAML boolean', (s) => (s.prompts[0].choices[1] = true), 'prompts[0].choices[1]', /expected a choice, got boolean true/],
    ['wrong type: pause', (s) => (s.narration[0].pause = 'yes'), 'narration[0].pause', /expected true or false/],
    [
      'an assumption out of its range',
      (s) => (s.assumptions = { lookupCacheHours: 1000 }),
      'assumptions.lookupCacheHours',
      /^a whole number of hours from 0 to 720$/,
    ],
    ['an assumption of the wrong kind', (s) => (s.assumptions = { staleOnDeviceChange: 'no' }), 'assumptions.staleOnDeviceChange', /^true or false$/],
    ['wrong type: minutes', (s) => (s.activity.minutes = 45), 'activity.minutes', /expected 15 \(a 15-minute classroom activity\), got number 45/],
    ['malformed narration time', (s) => (s.narration[1].at = 'Tuesday'), 'narration[1].at', /expected a time like "day 3 14:00".*got "Tuesday"/],
    [
      'malformed correction date',
      (s) => (s.corrections[0].date = '27/11/2026'),
      'corrections[0].date',
      /expected a real date written YYYY-MM-DD, got "27\/11\/2026"/,
    ],
    [
      'impossible correction date',
      (s) => (s.corrections[0].date = '2026-02-30'),
      'corrections[0].date',
      /expected a real date written YYYY-MM-DD, got "2026-02-30"/,
    ],
    [
      'wrong type: source id',
      (s) => (s.sources = [2016]),
      'sources[0]',
      /expected a source id \(a file name in content\/sources\/, without .yaml\), got number 2016/,
    ],
    ['wrong type: core field', (s) => (s.seed = 'abc'), 'seed', /^expected number, got string "abc"$/],
    ['not a whole number', (s) => (s.version = 1.5), 'version', /^expected a whole number, got number 1.5$/],
    [
      'unknown policy',
      (s) => (s.policy = 'apple-1999'),
      'policy',
      /^expected a policy preset \(apple-2016, .*\) or \{ base: <preset>, retentionDays: .*got string "apple-1999"$/,
    ],
    ['unknown script action', (s) => (s.script[0].do = 'teleport'), 'script[0].do', /^expected "do" to be one of the script actions \(enter-address, send, /],
    [
      'unknown legal process',
      (s) => (s.script[1].process = 'letter'),
      'script[1].process',
      /^expected one of "subpoena", "2703d", "pen-register", "warrant", got string "letter"$/,
    ],
    [
      'malformed handle (a refinement: the semantic checks must not run on it)',
      (s) => (s.cast.people[0].handles[0] = '555-0100'),
      'cast.people[0].handles[0]',
      /phone number in international form/,
    ],
    // counts
    ['too few goals', (s) => (s.goals = ['one']), 'goals', /expected at least 2 learning goals/],
    ['too many choices', (s) => (s.prompts[0].choices = ['a', 'b', 'c', 'd', 'e', 'f']), 'prompts[0].choices', /expected at most 5 choices/],
    ['too few narration steps', (s) => s.narration.splice(1), 'narration', /expected at least 3 narration steps/],
    ['one discussion question', (s) => s.discussion.pop(), 'discussion', /expected at least 2 discussion questions/],
    ['no sources', (s) => (s.sources = []), 'sources', /expected at least 1 source ids/],
    ['empty text', (s) => (s.narration[2].text = '  '), 'narration[2].text', /expected the text of this step, got an empty text/],
    // misspelt fields
    [
      'misspelt optional field',
      (s) => (s.narration[0].pasue = true),
      'narration[0].pasue',
      /expected only the fields of a narration step .*not "pasue" \(did you mean "pause"\?\)/,
    ],
    [
      'misspelt top-level field',
      (s) => (s.corection = []),
      'corection',
      /expected only the fields of a scenario, not "corection" \(did you mean "corrections"\?\)/,
    ],
    [
      'misspelt field on a call',
      (s) => s.script.push({ at: 'day 6', do: 'call', device: 'ana-phone', to: 'Ben', answerd: true }),
      'script[2].answerd',
      /not "answerd" \(did you mean "answered"\?\)/,
    ],
    [
      'misspelt field on a device',
      (s) => (s.cast.people[0].devices[0].onlin = false),
      'cast.people[0].devices[0].onlin',
      /not "onlin" \(did you mean "online"\?\)/,
    ],
    ['unknown field in a contact', (s) => (s.cast.people[0].contacts[0].nmae = 'Ben'), 'cast.people[0].contacts[0].nmae', /did you mean "name"/],
    ['an unknown field far from any', (s) => (s.cast.zzz = 1), 'cast.zzz', /^expected only the fields here \(networks, people\), not "zzz"$/],
    // references resolved when the file is checked
    [
      'a send to no contact',
      (s) => s.script.push({ at: 'day 6', do: 'send', device: 'ana-phone', to: 'Theodore', text: 'hi' }),
      'script[2].to',
      /Ana's contacts \(Ben\), not "Theodore"/,
    ],
    ['a call to no contact', (s) => s.script.push({ at: 'day 6', do: 'call', device: 'ana-phone', to: 'Bne' }), 'script[2].to', /not "Bne"/],
    [
      'one of several recipients unknown',
      (s) => s.script.push({ at: 'day 6', do: 'send', device: 'ana-phone', to: ['Ben', 'Cy'], text: 'hi' }),
      'script[2].to[1]',
      /not "Cy"/,
    ],
    ['an address typed to no contact', (s) => (s.script[0].address = 'Benn'), 'script[0].address', /not "Benn"/],
    [
      'a contact twice',
      (s) => s.cast.people[0].contacts.push({ name: 'Ben', handles: ['+1 555 010 0199'] }),
      'cast.people[0].contacts[1].name',
      /"Ben" repeats/,
    ],
    [
      'contacts differing in case',
      (s) => s.cast.people[0].contacts.push({ name: 'ben', handles: ['+1 555 010 0199'] }),
      'cast.people[0].contacts[1].name',
      /"ben" and "Ben" differ only in case/,
    ],
    ['two people with one name', (s) => (s.cast.people[1].name = 'ANA'), 'cast.people[1].name', /differ only in case/],
    ['a name with a direction override', (s) => (s.cast.people[0].devices[0].label = 'Ana\u202es phone'), 'cast.people[0].devices[0].label', /text-direction/],
    ['a name too long', (s) => (s.cast.people[0].name = 'A'.repeat(61)), 'cast.people[0].name', /at most 60 characters, got 61/],
    [
      'a handle with a zero-width space',
      (s) => (s.cast.people[1].handles[0] = 'ben\u200b@example.org'),
      'cast.people[1].handles[0]',
      /phone number in international form/,
    ],
    [
      'retention for __proto__',
      (s) => (s.policy = JSON.parse('{"base":"apple-2016","retentionDays":{"__proto__":5}}')),
      'policy.retentionDays.__proto__',
      /a record category/,
    ],
    // the model's semantic checks
    [
      'unknown person',
      (s) => s.script.push({ at: 'day 6', do: 'add-device', person: 'zed', device: { id: 'z', label: 'Z', kind: 'phone', network: 'home' } }),
      'script[2].person',
      /a person from the cast, not "zed"/,
    ],
    ['unknown device', (s) => (s.script[0].device = 'nobodys-phone'), 'script[0].device', /a device from the cast/],
    ['script time going backwards', (s) => (s.script[1].at = 'day 1 08:00'), 'script[1].at', /time cannot go backwards/],
    // the teaching checks
    [
      'narration time going backwards',
      (s) => (s.narration[2].at = 'day 2'),
      'narration[2].at',
      /at or after the step before \(day 5 12:00\): narration cannot go backwards/,
    ],
    ['narration past the duration', (s) => (s.narration[2].at = 'day 25 10:00'), 'narration[2].at', /within the scenario's 20 days/],
    ['prompt past the duration', (s) => (s.prompts[0].at = 'day 21 00:01'), 'prompts[0].at', /within the scenario's 20 days/],
    ['answer out of range', (s) => (s.prompts[0].answer = 2), 'prompts[0].answer', /from 0 to 1 \(choices count from 0\), not 2/],
    ['repeated choice', (s) => (s.prompts[0].choices = ['Yes', 'Yes']), 'prompts[0].choices[1]', /choices that differ/],
    [
      'unknown source id',
      (s) => (s.sources = ['intercept-2016', 'made-up-2020']),
      'sources[1]',
      /a source id from content\/sources\/ .*there is no "made-up-2020"/,
    ],
    ['badly formed source id', (s) => (s.sources = ['Intercept 2016']), 'sources[0]', /kebab-case/],
    ['repeated source id', (s) => (s.sources = ['intercept-2016', 'intercept-2016']), 'sources[1]', /listed once/],
    [
      'unknown inline citation',
      (s) => (s.narration[1].text = 'An order {cite:no-such-source}.'),
      'narration[1].text',
      /citation of a source id from content\/sources\/ .*no "no-such-source"/,
    ],
    [
      'citation not listed in sources',
      (s) => (s.discussion[0].notes = 'See {cite:signal-bigbrother}.'),
      'discussion[0].notes',
      /"signal-bigbrother" is not listed: add it to sources/,
    ],
    ['malformed citation', (s) => (s.goals[0] = 'See {cite: Intercept}.'), 'goals[0]', /citations written \{cite:source-id\}/],
    ['"Apple" under a non-Apple policy', (s) => (s.policy = 'signal-like'), 'summary', /no "Apple" in a scenario whose policy is signal-like/],
    [
      '"Apple" under a custom non-Apple policy',
      (s) => (s.policy = { base: 'whatsapp-like', retentionDays: { lookup: 7 } }),
      'summary',
      /custom policy based on whatsapp-like/,
    ],
    [
      'correction from a future version',
      (s) => (s.corrections[0].version = 3),
      'corrections[0].version',
      /a version this scenario has reached \(1 to 2\), not 3/,
    ],
  ])('%s', (_name, mutate, path, message) => {
    const issues = issuesOf(mutate);
    const issue = issues.find((i) => i.path === path);
    expect(issue, `no issue at ${path}; got ${JSON.stringify(issues)}`).toBeDefined();
    expect(issue!.message).toMatch(message);
  });

  test('field messages survive a generic per-parse error map, as Astro passes one when it loads a collection', () => {
    const generic = { error: () => 'Required' };
    expect(issuesOf((s) => delete s.summary, generic)).toContainEqual({
      path: 'summary',
      message: 'expected a one-paragraph summary, got nothing (the field is missing)',
    });
    expect(issuesOf((s) => (s.sources = ['made-up-2020']), generic)[0]!.message).toMatch(/there is no "made-up-2020"/);
    expect(issuesOf((s) => (s.assumptions = { queueHoldDays: 90 }), generic)).toContainEqual({
      path: 'assumptions.queueHoldDays',
      message: 'a whole number of days from 1 to 30',
    });
  });

  test('a value of the wrong type gets one message, not a second one about its length', () => {
    expect(issuesOf((s) => (s.prompts[0].choices = 'Yes or no'))).toEqual([
      { path: 'prompts[0].choices', message: 'expected a list of choices, got string "Yes or no"' },
    ]);
    expect(issuesOf((s) => (s.summary = []))).toEqual([{ path: 'summary', message: 'expected a one-paragraph summary, got a list' }]);
  });

  test('semantic checks wait until the shapes are right, so one mistake gives one clear message', () => {
    const issues = issuesOf((s) => {
      s.prompts[0].answer = 'one';
      s.sources = ['made-up-2020'];
    });
    expect(issues).toEqual([{ path: 'prompts[0].answer', message: expect.stringMatching(/^expected the index/) }]);
  });
});

describe('inline citations', () => {
  test('split into text and citation parts, in order', () => {
    expect(splitCitations('Kept 30 days {cite:intercept-2016}, then gone{cite:apple-lpg-2025}')).toEqual([
      { kind: 'text', text: 'Kept 30 days ' },
      { kind: 'cite', id: 'intercept-2016' },
      { kind: 'text', text: ', then gone' },
      { kind: 'cite', id: 'apple-lpg-2025' },
    ]);
    expect(splitCitations('No citations.')).toEqual([{ kind: 'text', text: 'No citations.' }]);
  });

  test('cited ids are listed once each; plain text drops the markers', () => {
    expect(citedIds('{cite:a-1} and {cite:b-2} and {cite:a-1}')).toEqual(['a-1', 'b-2']);
    expect(withoutCitations('Kept 30 days {cite:intercept-2016}.')).toBe('Kept 30 days.');
  });
});
