import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { scenarioSchema, type Scenario } from '../../src/lib/content-schemas.ts';
import { citedIds, teachingTexts } from '../../src/lib/scenario-teaching.ts';
import { isApplePreset } from '../../src/lib/sim/legal/provider.ts';
import {
  DAY,
  MINUTE,
  PRESETS,
  formatPath,
  legalResponse,
  parseDayTime,
  presetById,
  runScenario,
  scenarioPolicy,
  type Category,
  type LegalProcess,
  type LegalResponse,
  type Policy,
  type LookupFields,
  type Session,
} from '../../src/model/index.ts';

/*
 * Every scenario in content/scenarios: valid under the full collection schema (the build's), runs to
 * the end with no rejected step, and really shows what its narration says. The claims below are the
 * checkable core of each scenario's text; if a model change breaks one, the scenario's words need
 * rereading, not just the numbers.
 */

const DIR = 'content/scenarios';
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

// YAML 1.1, as strict as Astro's loader or stricter: unquoted dates become Dates, yes/no booleans.
const load = (file: string): unknown => parse(readFileSync(join(DIR, file), 'utf8'), { schema: 'yaml-1.1' });

function parsed(file: string): Scenario {
  const result = scenarioSchema.safeParse(load(file));
  if (!result.success) throw new Error(result.error.issues.map((i) => `${DIR}/${file}: ${formatPath(i.path)}: ${i.message}`).join('\n'));
  return result.data;
}

const scenarios = new Map(files.map((f) => [f.replace(/\.yaml$/, ''), parsed(f)]));
const runs = new Map<string, Session>();
/** Runs once, keeping everything every preset still holds, so any policy can be asked afterwards. */
function run(id: string): Session {
  let session = runs.get(id);
  if (!session) {
    session = runScenario(scenarios.get(id) as Scenario, { policies: [...PRESETS] });
    runs.set(id, session);
  }
  return session;
}

/** What the scenario's n-th scripted legal request returns when it is served, under `policy`. */
function answer(id: string, n: number, policy?: Policy): LegalResponse {
  const scenario = scenarios.get(id) as Scenario;
  const world = run(id).world;
  const request = world.legalRequests[n];
  if (!request) throw new Error(`${id} has no legal request #${n}`);
  return legalResponse(world.ledger, policy ?? scenarioPolicy(scenario), {
    process: request.process,
    target: request.target,
    servedAt: request.at,
    at: scenario.duration * DAY,
    backupMode: 'standard',
    preservations: world.preservations,
  });
}

const categories = (r: LegalResponse) => [...new Set(r.produced.map((p) => p.category))].sort();
const producedOf = (r: LegalResponse, category: string) => r.produced.filter((p) => p.category === category);
const t = (s: string) => parseDayTime(s) as number;
const preset = (id: string) => presetById(id) as Policy;

describe('content/scenarios', () => {
  test('has at least the seven teaching scenarios', () => {
    for (const id of [
      'a-number-typed',
      'reporter-and-source',
      'new-tablet',
      'offline-two-weeks',
      'order-day-10-or-40',
      'same-week-different-messengers',
      'unanswered-call',
    ]) {
      expect(scenarios.has(id), `content/scenarios/${id}.yaml`).toBe(true);
    }
  });

  describe.each(files)('%s', (file) => {
    const id = file.replace(/\.yaml$/, '');
    const scenario = () => scenarios.get(id) as Scenario;

    test('matches the full scenario schema, and its id is its file name', () => {
      expect(scenario().id).toBe(id);
    });

    test('runs to the end with no rejected journal entry', () => {
      const session = run(id);
      expect(session.next).toBe(scenario().script.length);
      expect(session.world.now).toBe(scenario().duration * DAY);
      const rejected = session.world.journal.filter((e) => e.outcome === 'rejected');
      expect(rejected.map((e) => e.reason)).toEqual([]);
    });

    test("every prompt's answer is one of its choices", () => {
      for (const prompt of scenario().prompts) {
        expect(Number.isInteger(prompt.answer)).toBe(true);
        expect(prompt.answer).toBeGreaterThanOrEqual(0);
        expect(prompt.answer).toBeLessThan(prompt.choices.length);
      }
    });

    test('narration and prompt times lie within the duration; narration runs forward', () => {
      const end = scenario().duration * DAY;
      let previous = 0;
      for (const step of scenario().narration) {
        const at = t(step.at);
        expect(at, step.at).toBeLessThanOrEqual(end);
        expect(at, step.at).toBeGreaterThanOrEqual(previous);
        previous = at;
      }
      for (const prompt of scenario().prompts) if (prompt.at) expect(t(prompt.at)).toBeLessThanOrEqual(end);
    });

    test('cites only sources it lists, and says "Apple" only under an Apple preset', () => {
      const texts = teachingTexts(scenario());
      for (const [path, text] of texts) {
        for (const cited of citedIds(text)) expect(scenario().sources, formatPath(path)).toContain(cited);
        if (!isApplePreset(scenario().policy)) expect(text, formatPath(path)).not.toMatch(/\bApple\b/);
      }
    });

    test('uses documentation addresses: example.org emails and 555-01xx numbers (or the UK drama range)', () => {
      for (const person of scenario().cast.people) {
        for (const handle of [...person.handles, ...(person.contacts ?? []).flatMap((c) => c.handles)]) {
          const digits = handle.replace(/[^\d+]/g, '');
          expect(handle.includes('@') ? handle.endsWith('@example.org') : /^\+155501001\d\d$|^\+447700900\d{3}$/.test(digits), handle).toBe(true);
        }
      }
    });
  });
});

describe('each scenario shows what its text says', () => {
  test('a-number-typed: the day-10 order finds the lookup Maya never followed up; by day 32 it has expired', () => {
    const day10 = answer('a-number-typed', 0);
    const lookups = producedOf(day10, 'lookup');
    expect(lookups).toHaveLength(1);
    expect(lookups[0]).toMatchObject({ direction: 'of', fields: { requesterHandle: '+15550100142', lookedUpHandle: '+15550100177', deviceCount: 2 } });
    expect(run('a-number-typed').world.devices['maya-phone']!.messages).toHaveLength(0);

    const day32 = answer('a-number-typed', 1);
    expect(producedOf(day32, 'lookup')).toHaveLength(0);
    expect(day32.noLongerHeld.find((g) => g.category === 'lookup')?.goneAt).toBe(t('day 31 09:00'));
    expect(categories(day32)).toEqual(['account', 'registration']);
  });

  test("reporter-and-source: the order for Rosa's number names Sol four times; the subpoena puts both at the café", () => {
    const sol = '+15550100134';
    const order = answer('reporter-and-source', 0);
    const naming = order.produced.filter((p) => Object.values(p.fields).includes(sol));
    expect(naming.map((p) => p.category).sort()).toEqual(['call', 'lookup', 'lookup', 'lookup']);
    expect(naming.filter((p) => Object.values(p.fields).includes('203.0.113.90'))).toHaveLength(3);
    const rosaCafe = order.produced.find((p) => p.category === 'connection' && p.fields.ip === '192.0.2.60');
    expect(rosaCafe?.recordedAt).toBe(t('day 8 12:25'));
    expect(order.cannotProduce.map((c) => c.what)).toContain('Message content');

    const subpoena = answer('reporter-and-source', 1);
    const solCafe = subpoena.produced.find((p) => p.category === 'connection' && p.fields.ip === '192.0.2.60');
    expect(solCafe?.recordedAt).toBe(t('day 8 12:20'));

    const late = legalResponse(run('reporter-and-source').world.ledger, preset('apple-2020s'), {
      process: '2703d',
      target: '+15550100121',
      servedAt: t('day 34 12:00'),
      at: t('day 34 12:00'),
      backupMode: 'standard',
    });
    expect(categories(late)).toEqual(['account', 'registration']);
  });

  test('new-tablet: registration, an alert on the phone, and lookups that return one device more', () => {
    const world = run('new-tablet').world;
    expect(world.devices['lena-phone']!.alerts.map((a) => a.at)).toEqual([t('day 3 20:00')]);
    const lookups = world.ledger.byCategory.lookup.filter((o) => o.handles.includes('+15550100156'));
    expect(lookups.map((o) => [o.recordedAt, (o.fields as { deviceCount: number }).deviceCount])).toEqual([
      [t('day 1 18:00'), 1],
      [t('day 5 08:30'), 2],
    ]);
    // One routing record per ciphertext: Omar's second message also reaches the new tablet.
    const routing = new Set(world.ledger.byCategory.routing.map((o) => o.seq));
    const fanouts = world.journal
      .filter((e) => e.action.type === 'message.sent' && e.action.device === 'omar-phone')
      .map((e) => e.records.filter((seq) => routing.has(seq)).length);
    expect(fanouts).toEqual([1, 2]);
    expect(world.devices['omar-phone']!.lastSent!.fanout.map((f) => f.device)).toEqual(['lena-phone', 'lena-tablet']);
    const subpoena = answer('new-tablet', 0);
    expect(producedOf(subpoena, 'registration').map((p) => p.fields.device)).toEqual(["Lena's phone", "Lena's tablet"]);
  });

  test('offline-two-weeks: two messages wait 14 days and are deleted on delivery; the third is still queued at the end', () => {
    const world = run('offline-two-weeks').world;
    const queue = world.ledger.byCategory.queue;
    expect(queue.map((o) => [o.recordedAt, o.endedAt])).toEqual([
      [t('day 1 09:00'), t('day 15 18:00')],
      [t('day 2 19:30'), t('day 15 18:00')],
      [t('day 16 10:00'), undefined],
    ]);
    expect(world.queue['ben-tablet']).toHaveLength(1);
    expect(world.devices['ben-tablet']!.messages.map((m) => m.text)).toEqual(['Are we still on for Saturday?', 'Yes, see you at ten.']);
    // The hold limit (30 days) would drop it on day 46, after the scenario's 40 days.
    expect(world.queue['ben-tablet']![0]!.queuedAt + world.config.queueHoldMs).toBe(t('day 46 10:00'));
  });

  test('order-day-10-or-40: the day-5 preservation request keeps for the day-40 order the lookups and call that retention alone would have lost', () => {
    const day10 = answer('order-day-10-or-40', 0);
    expect(categories(day10)).toEqual(['account', 'call', 'connection', 'lookup', 'registration']);
    expect(producedOf(day10, 'lookup')).toHaveLength(3);
    const day40 = answer('order-day-10-or-40', 1);
    expect(categories(day40)).toEqual(['account', 'call', 'connection', 'lookup', 'registration']);
    expect(producedOf(day40, 'lookup')).toHaveLength(3);
    // Marked with why they are still there: kept until the request lapses, 90 days after day 5 12:00.
    expect(new Set(['call', 'connection', 'lookup'].flatMap((c) => producedOf(day40, c as Category).map((p) => p.preservedUntil)))).toEqual(
      new Set([t('day 95 12:00')]),
    );
    expect(day40.noLongerHeld).toEqual([]);
    const world = run('order-day-10-or-40').world;
    expect(world.preservations).toEqual([{ target: '+15550100183', servedAt: t('day 5 12:00') }]);
    // Without the request, version 1's lesson: retention alone leaves only the account and devices on day 40.
    const on = (policy: string, day: string, preservations = world.preservations) =>
      legalResponse(world.ledger, preset(policy), {
        process: '2703d',
        target: '+15550100183',
        servedAt: t(day),
        at: t(day),
        backupMode: 'standard',
        preservations,
      });
    const unpreserved = on('apple-2020s', 'day 40 09:00', []);
    expect(categories(unpreserved)).toEqual(['account', 'registration']);
    expect(
      unpreserved.noLongerHeld
        .map((g) => g.goneAt)
        .sort((a, b) => a - b)
        .at(-1),
    ).toBe(t('day 29 21:00'));
    // Under 2016's 30 days the call would have lasted to day 34: held on day 30, gone by day 40.
    expect(producedOf(on('apple-2016', 'day 30 12:00', []), 'call')).toHaveLength(1);
    expect(producedOf(on('apple-2020s', 'day 30 12:00', []), 'call')).toHaveLength(0);
    expect(producedOf(on('apple-2016', 'day 40 09:00', []), 'call')).toHaveLength(0);
  });

  test('same-week-different-messengers: the three policies answer the same week differently', () => {
    const under = (policy: string, n: number) => answer('same-week-different-messengers', n, preset(policy));
    const pen = (policy: string) => under(policy, 0);
    const order = (policy: string) => under(policy, 1);
    const requests = run('same-week-different-messengers').world.legalRequests.map((r) => r.process);
    expect(requests).toEqual<LegalProcess[]>(['pen-register', '2703d']);

    expect(pen('apple-2020s').produced).toHaveLength(0);
    expect(categories(order('apple-2020s'))).toEqual(['account', 'call', 'connection', 'lookup', 'registration']);

    expect(categories(order('signal-like'))).toEqual(['account', 'connection']);
    expect(producedOf(order('signal-like'), 'connection')).toEqual([expect.objectContaining({ fields: { handle: '+15550100112' } })]);

    const routing = producedOf(pen('whatsapp-like'), 'routing');
    expect(routing.length).toBeGreaterThan(0);
    expect(routing.every((r) => r.deliveredAt! - r.recordedAt <= 15 * MINUTE)).toBe(true);
    expect(new Set(routing.map((r) => r.fields.recipientHandle))).toEqual(new Set(['+15550100115', '+15550100118', '+15550100112']));
    expect(categories(order('whatsapp-like'))).toEqual(['account', 'connection']);
  });

  test('unanswered-call: the missed and the answered call leave identical invitation records', () => {
    const world = run('unanswered-call').world;
    const calls = world.ledger.byCategory.call;
    expect(calls).toHaveLength(2);
    expect(calls[0]!.fields).toEqual(calls[1]!.fields);
    expect(calls.map((c) => c.recordedAt)).toEqual([t('day 2 20:00'), t('day 4 20:00')]);
    expect(world.devices['theo-phone']!.calls.map((c) => c.answered)).toEqual([false, true]);
    expect(producedOf(answer('unanswered-call', 0), 'call')).toHaveLength(2);
  });

  test('unanswered-call: each call starts with its own lookup of Theo, so two lookup records are held (prompt 3)', () => {
    const lookups = run('unanswered-call')
      .world.ledger.byCategory.lookup.map((r) => ({ recordedAt: r.recordedAt, fields: r.fields as LookupFields }))
      .filter((r) => r.fields.lookedUpHandle === '+15550100152');
    expect(lookups.map((r) => r.fields.requesterHandle)).toEqual(['+15550100147', '+15550100147']);
    expect(lookups.every((r) => r.recordedAt < t('day 4 20:01'))).toBe(true);
    const prompt = scenarios.get('unanswered-call')!.prompts[2]!;
    expect(prompt.choices[prompt.answer]).toMatch(/^Two/);
  });
});

/*
 * A summary describes the situation, never the answers to its own questions: it is what the
 * gallery card, the page's lede and the printed worksheet show before anyone has predicted. A
 * choice's distinctive words are those no other choice and not the question uses; a summary gives
 * a prompt away when it uses two or more of the right answer's, and more of them than of any wrong
 * choice's (a summary that names every option, like "try all three policies", gives nothing away).
 */
describe('summaries do not give away their prompts’ answers', () => {
  const STOP = new Set(
    'the and for with that this from are was were his her their its has have had any all one two only not but also than then them they which who what when where into onto over under each been being does did done just more most much very same other such about after before between both some yes nothing none'.split(
      ' ',
    ),
  );
  const words = (text: string) =>
    text
      .toLowerCase()
      .replace(/\{cite:[^}]+\}/g, '')
      .match(/[a-z0-9]+/g) ?? [];
  /** The words of choice `k` that neither the question nor another choice uses. */
  function distinctive(question: string, choices: readonly string[], k: number): string[] {
    const elsewhere = new Set([...words(question), ...choices.flatMap((c, j) => (j === k ? [] : words(c)))]);
    return [...new Set(words(choices[k]!))].filter((w) => !elsewhere.has(w) && !STOP.has(w) && (w.length >= 3 || /^\d+$/.test(w)));
  }
  function giveaway(summary: string, prompt: Scenario['prompts'][number]): string[] | undefined {
    const said = new Set(words(summary));
    const share = (k: number) => {
      const own = distinctive(prompt.question, prompt.choices, k);
      const used = own.filter((w) => said.has(w));
      return { used, fraction: own.length === 0 ? 0 : used.length / own.length };
    };
    const right = share(prompt.answer);
    const wrong = Math.max(0, ...prompt.choices.map((_, k) => (k === prompt.answer ? 0 : share(k).fraction)));
    return right.used.length >= 2 && right.fraction > wrong ? right.used : undefined;
  }

  test('the check catches a summary that states an answer', () => {
    const prompt = {
      question: 'What does the order produce?',
      choices: ['Only his account', 'His three lookups and the call invitation'],
      answer: 1,
      explanation: 'x',
    };
    expect(giveaway('Kai talks to Lia. The order then finds three lookups and a call invitation.', prompt)).toEqual(['three', 'lookups', 'call', 'invitation']);
    expect(giveaway('Kai talks to Lia, and an order for his number follows.', prompt)).toBeUndefined();
  });

  for (const [id, s] of scenarios) {
    test(id, () => {
      for (const [i, prompt] of s.prompts.entries()) expect(giveaway(s.summary, prompt), `prompt ${i + 1}: ${prompt.question}`).toBeUndefined();
    });
  }
});
