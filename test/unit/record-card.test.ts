import { describe, expect, test } from 'vitest';
import {
  APPLE_2016,
  APPLE_2020S,
  CATEGORIES,
  DAY,
  FIELD_LABELS,
  FIELD_NAMES,
  HOUR,
  KEEP_FOREVER,
  KEEP_NOTHING,
  PRESETS,
  SIGNAL_LIKE,
  WHATSAPP_LIKE,
  act,
  advanceTo,
  createSession,
  dayOf,
  firstActionSeq,
  metadataOnlyCrypto,
  recordSpans,
  withRetention,
  type Category,
  type Engine,
  type Policy,
  type RecordSpan,
  type Session,
  unisolate,
} from '../../src/model/index.ts';
import { cardText, recordCard } from '../../src/lib/sim/record-card.ts';
import { FIELD_GLOSSARY, VALUE_GLOSSARY } from '../../src/lib/sim/record-glossary.ts';
import { castScenario } from './model/fixtures.ts';

// Every preset in the engine, so the live ledger prunes nothing any of them still holds.
const fast: Engine = { crypto: metadataOnlyCrypto, policies: PRESETS };
const ANA = '+15550100100';
const BEN = 'ben@example.org';

/**
 * A world where every category and every field value occurs: on file since sign-up, then on day 1
 * a lookup (10:00), a message to an online and an offline device, a call, a network change, a
 * reconnect with delivery, a device added and one removed.
 */
function busyWorld(): Session {
  const s = createSession(castScenario(), { engine: fast });
  advanceTo(s, 10 * HOUR, fast);
  act(s, { type: 'address.entered', device: 'ana-phone', address: BEN }, fast);
  act(s, { type: 'device.offline', device: 'ben-phone' }, fast);
  act(s, { type: 'message.sent', device: 'ana-phone', to: [BEN], text: 'hi' }, fast);
  act(s, { type: 'call.started', device: 'ana-phone', to: BEN }, fast);
  advanceTo(s, 12 * HOUR, fast);
  act(s, { type: 'device.network', device: 'ana-phone', network: 'cafe' }, fast);
  act(s, { type: 'device.online', device: 'ben-phone' }, fast);
  act(s, { type: 'device.added', person: 'cy', device: { id: 'cy-tablet', label: "Cy's tablet", kind: 'tablet', network: 'home' } }, fast);
  act(s, { type: 'device.removed', device: 'cy-tablet' }, fast);
  advanceTo(s, 2 * DAY, fast);
  return s;
}

const world = busyWorld();
const spansUnder = (policy: Policy, s: Session = world): RecordSpan[] =>
  recordSpans(s.world.ledger, policy, firstActionSeq(s.world.journal, s.world.ledger.nextSeq));
const names = Object.fromEntries(Object.values(world.world.people).flatMap((p) => p.handles.map((h) => [h, p.name])));
const first = (policy: Policy, category: Category, s: Session = world) => spansUnder(policy, s).find((span) => span.category === category && !span.onFile)!;

describe('the glossary', () => {
  const fieldNames = [...new Set(CATEGORIES.flatMap((c) => FIELD_NAMES[c] as readonly string[]))];

  test.each(fieldNames)('field %s has a label and a one-line gloss', (name) => {
    expect(FIELD_LABELS[name]).toBeTruthy();
    const gloss = (FIELD_GLOSSARY as Record<string, string>)[name];
    expect(gloss, `no gloss for ${name}`).toMatch(/^[A-Z].{20,200}\.$/);
    expect(gloss).not.toContain('\n');
  });

  test('glosses nothing the model no longer has', () => {
    expect(Object.keys(FIELD_GLOSSARY).sort()).toEqual([...fieldNames].sort());
  });

  test('every value the world writes for a few-valued field has its meaning', () => {
    const all = spansUnder(KEEP_FOREVER).map((span) => span.record.fields as unknown as Record<string, unknown>);
    for (const field of ['change', 'kind'] as const) {
      const values = new Set(all.map((f) => f[field]).filter((v) => v !== undefined));
      expect([...values].sort()).toEqual(Object.keys(VALUE_GLOSSARY[field]).sort());
    }
  });
});

describe.each(PRESETS.map((p) => [p.name, p] as const))('every record under %s', (_name, policy) => {
  const spans = spansUnder(policy);

  test('the world has records of every category', () => {
    expect(new Set(spans.map((s) => s.category))).toEqual(new Set(CATEGORIES));
  });

  test('has a card whose every field, kept or dropped, is labelled and glossed', () => {
    for (const span of spans) {
      const card = recordCard(span, policy, world.world.now, names);
      expect(card.title).toBeTruthy();
      expect(unisolate(card.sentence)).toMatch(/^[A-Z+].*\.$/);
      expect(card.policyName).toBe(policy.name);
      for (const f of [...card.fields, ...card.dropped]) {
        expect(f.label, `${span.category}.${f.name}`).not.toBe(f.name);
        expect(f.gloss, `${span.category}.${f.name}`).toBeTruthy();
      }
      // Kept and dropped together are the category's fields, in the model's order.
      const shown = new Set([...card.fields, ...card.dropped].map((f) => f.name));
      expect(FIELD_NAMES[span.category].filter((n) => shown.has(n))).toEqual(FIELD_NAMES[span.category]);
      // Kept fields are exactly what the policy keeps.
      for (const f of card.fields) expect(policy.retention[span.category].fields).toContain(f.name);
      // A retention always says where it comes from: sources, or an assumption.
      expect(card.expiry.sources.length > 0 || card.expiry.assumption).toBeTruthy();
    }
  });
});

describe('when a record stops being held', () => {
  const lookupAt = 10 * HOUR; // Day 1, 10:00

  test.each([
    [APPLE_2016, 31],
    [APPLE_2020S, 26],
  ])('a day-1 lookup under %s is held until its day and expired from then', (policy, day) => {
    const span = first(policy, 'lookup');
    expect(span.recordedAt).toBe(lookupAt);
    const before = recordCard(span, policy, span.endsAt - 1);
    expect(before.expiry.state).toBe('held');
    expect(before.expiry.text).toBe(`Kept until Day ${day}. ${policy.name} keeps lookup records for ${day - 1} days.`);
    const after = recordCard(span, policy, span.endsAt);
    expect(dayOf(span.endsAt)).toBe(day);
    expect(after.expiry.state).toBe('expired');
    expect(after.expiry.text).toMatch(new RegExp(`^Expired on Day ${day}\\.`));
    expect(after.recorded).toBe('Recorded Day 1, 10:00');
  });

  test('under Signal-like a lookup is never kept, an account is kept as long as it exists, and a connection until a newer one', () => {
    const lookup = recordCard(first(SIGNAL_LIKE, 'lookup'), SIGNAL_LIKE, world.world.now);
    expect(lookup.expiry).toMatchObject({ state: 'never-kept', text: 'Not kept: the servers saw it and kept nothing. Signal-like keeps no lookup records.' });
    expect(lookup.fields).toEqual([]);
    expect(lookup.recorded).toBe('Seen Day 1, 10:00');
    const account = recordCard(
      spansUnder(SIGNAL_LIKE).find((s) => s.category === 'account')!,
      SIGNAL_LIKE,
      40 * DAY,
    );
    expect(account.expiry.state).toBe('held');
    expect(account.expiry.text).toBe('Kept for as long as the account exists. Signal-like keeps accounts for ever.');
    const anas = spansUnder(SIGNAL_LIKE).filter((s) => s.category === 'connection' && s.record.handles[0] === ANA);
    const [older, newest] = [anas.at(-2)!, anas.at(-1)!];
    // Ana's two devices sign in at the same moment: the first is replaced at once, so never held.
    const atOnce = recordCard(anas[0]!, SIGNAL_LIKE, world.world.now);
    expect(atOnce.expiry).toMatchObject({
      state: 'never-kept',
      text: expect.stringMatching(
        /^Not kept: a newer one replaced it at once\. Signal-like keeps only the newest connection record per handle, and only its date\.$/,
      ),
    });
    expect(atOnce.fields).toEqual([]);
    expect(recordCard(older, SIGNAL_LIKE, world.world.now).expiry.text).toMatch(/^Replaced by a newer one, Day 1\. Signal-like keeps only the newest/);
    const latest = recordCard(newest, SIGNAL_LIKE, world.world.now);
    expect(latest.expiry).toMatchObject({ state: 'held' });
    expect(latest.expiry.text).toMatch(/^Kept until a newer one replaces it\./);
    // Signal keeps the last connection's date, not its time.
    expect(latest.recorded).toBe('Recorded Day 1 (only the date is kept)');
    expect(latest.fields.map((f) => f.name)).toEqual(['handle']);
  });

  test('a queued message ends on delivery; one still waiting is held until collected', () => {
    const delivered = recordCard(first(APPLE_2016, 'queue'), APPLE_2016, world.world.now);
    expect(delivered.expiry).toMatchObject({ state: 'expired', text: expect.stringMatching(/^Deleted on delivery, Day 1\./) });
    const s = createSession(castScenario(), { engine: fast });
    act(s, { type: 'device.offline', device: 'ben-phone' }, fast);
    act(s, { type: 'message.sent', device: 'ana-phone', to: [BEN], text: 'hi' }, fast);
    const waiting = recordCard(first(APPLE_2016, 'queue', s), APPLE_2016, s.world.now);
    expect(waiting.expiry.state).toBe('held');
    expect(waiting.expiry.text).toMatch(/^Held until the device collects it, at most until Day 31\./);
  });

  test('device registrations are kept as long as the account, and say that this is assumed', () => {
    const card = recordCard(first(APPLE_2016, 'registration'), APPLE_2016, world.world.now);
    expect(card.expiry.text).toMatch(/^Kept for as long as the account exists\./);
    expect(card.expiry.assumption).toMatch(/not published/);
  });
});

describe('why: sources and assumptions', () => {
  test('a cited retention links each of its sources on the sources page, with no assumption', () => {
    const card = recordCard(first(APPLE_2016, 'lookup'), APPLE_2016, world.world.now);
    expect(card.expiry.sources).toEqual([{ id: 'intercept-2016', label: 'The Intercept, 2016', href: '/sources/#intercept-2016' }]);
    expect(card.expiry.assumption).toBeUndefined();
  });

  test.each([
    [APPLE_2016, 'connection', /2025 guidelines/],
    [WHATSAPP_LIKE, 'connection', /No retention is published/],
    [KEEP_NOTHING, 'lookup', /counterfactual/],
    [withRetention(APPLE_2016, { lookup: 3 }), 'lookup', /^Set by the reader\.$/],
  ] as const)('an assumed retention says so (%s, %s)', (policy, category, words) => {
    const card = recordCard(first(policy, category), policy, world.world.now);
    expect(card.expiry.assumption).toMatch(words);
    expect(cardText(card)).toContain(`Assumption: ${card.expiry.assumption}`);
  });

  test('a custom retention is the reader’s, and its expiry follows it', () => {
    const policy = withRetention(APPLE_2016, { lookup: 3 });
    const card = recordCard(first(policy, 'lookup'), policy, 3 * DAY);
    expect(card.expiry.text).toBe('Kept until Day 4. Custom (from Apple, 2016) keeps lookup records for 3 days.');
    expect(card.expiry.sources).toEqual([]);
  });
});

describe('people and fields', () => {
  test('names people in the sentence when names are given; the fields keep the handles the provider holds', () => {
    const span = first(APPLE_2016, 'lookup');
    const plain = recordCard(span, APPLE_2016, world.world.now);
    expect(unisolate(plain.sentence)).toBe(`A device signed in as ${ANA} asked the key directory about ${BEN}; it returned keys for 3 devices.`);
    const named = recordCard(span, APPLE_2016, world.world.now, names);
    expect(unisolate(named.sentence)).toBe('A device signed in as Ana asked the key directory about Ben; it returned keys for 3 devices.');
    // Each name sits in its own bidi isolate, so a right-to-left name cannot reorder the words around it.
    expect(named.sentence).toBe('A device signed in as \u2068Ana\u2069 asked the key directory about \u2068Ben\u2069; it returned keys for 3 devices.');
    expect(named.fields.find((f) => f.name === 'lookedUpHandle')).toMatchObject({ value: BEN, person: 'Ben' });
    expect(plain.fields.find((f) => f.name === 'lookedUpHandle')?.person).toBeUndefined();
    // A lookup function works as well as a map, and a handle it cannot name stays a handle.
    const fn = recordCard(span, APPLE_2016, world.world.now, (h) => (h === ANA ? 'Ana' : undefined));
    expect(unisolate(fn.sentence)).toContain(`Ana asked the key directory about ${BEN}`);
  });

  test.each([
    ['account', undefined, 'An account reached at +15550100100: Apple knows it exists, and since when.'],
    ['account', names, 'An account for Ana, reached at +15550100100: Apple knows it exists, and since when.'],
    ['registration', names, "Ana's phone was registered in the key directory under Ana’s handle, so messages to that handle reach it."],
    ['connection', names, "Ana's phone signed in to Apple’s servers as Ana."],
  ] as const)('says what a record on file is in one sentence (%s)', (category, given, words) => {
    const span = spansUnder(APPLE_2016).find((s) => s.category === category)!;
    expect(unisolate(recordCard(span, APPLE_2016, world.world.now, given).sentence)).toBe(words);
  });

  test('says what each later record is, and a removed device is said to be removed', () => {
    const sentences = spansUnder(APPLE_2016)
      .filter((s) => !s.onFile)
      .map((s) => unisolate(recordCard(s, APPLE_2016, world.world.now, names).sentence));
    expect(sentences).toEqual(
      expect.arrayContaining([
        'The push service held an encrypted message for a device registered under Ben’s handle, because that device was offline.',
        'A device signed in as Ana invited Ben to a call.',
        "Ana's phone, signed in as Ana, moved to another network and connected to Apple’s servers from there.",
        "Ben's phone, signed in as Ben, came back online and reconnected to Apple’s servers.",
        "Cy's tablet was removed from the key directory under Cy’s handle, so messages to that handle no longer reach it.",
      ]),
    );
  });

  test('under sealed sender the sentence does not name the sender, and the sender was never seen', () => {
    const card = recordCard(first(SIGNAL_LIKE, 'routing'), SIGNAL_LIKE, world.world.now, names);
    expect(unisolate(card.sentence)).not.toContain('Ana');
    expect(unisolate(card.sentence)).toContain('sealed inside the encryption');
    expect(card.dropped.find((d) => d.name === 'senderHandle')).toMatchObject({ seen: false });
    expect(card.dropped.find((d) => d.name === 'senderIp')).toMatchObject({ seen: true });
    const apple = recordCard(first(APPLE_2016, 'routing'), APPLE_2016, world.world.now, names);
    expect(unisolate(apple.sentence)).toBe('The push service carried an encrypted message from Ana to a device registered under Ben’s handle.');
  });

  test('a field with a few values glosses the value it has; times read as days', () => {
    const change = recordCard(first(APPLE_2016, 'connection'), APPLE_2016, world.world.now);
    expect(change.fields.find((f) => f.name === 'kind')).toMatchObject({
      value: 'network-change',
      gloss: expect.stringMatching(/Here it moved to another network\.$/),
    });
    const account = recordCard(spansUnder(APPLE_2016)[0]!, APPLE_2016, world.world.now);
    expect(account.fields.find((f) => f.name === 'registeredAt')?.value).toBe('Day 1, 00:00');
  });
});

describe('the card as text', () => {
  test('has every part, one per line; without glosses it is short enough to announce', () => {
    const card = recordCard(first(APPLE_2016, 'lookup'), APPLE_2016, world.world.now, names);
    const full = cardText(card).split('\n');
    expect(full[0]).toBe('Lookup record');
    expect(full).toContain(card.sentence);
    expect(full).toContain(card.recorded);
    expect(full).toContain(`Handle looked up: ${BEN} (Ben) (${card.fields.find((f) => f.name === 'lookedUpHandle')!.gloss})`);
    expect(full).toContain(card.expiry.text);
    expect(full).toContain('Sources: The Intercept, 2016');
    const short = cardText(card, { glosses: false });
    expect(short).toContain(`Handle looked up: ${BEN} (Ben)`);
    expect(short).not.toContain(card.fields[0]!.gloss);
    expect(short).not.toContain('Sources:');
    const sealed = cardText(recordCard(first(SIGNAL_LIKE, 'routing'), SIGNAL_LIKE, world.world.now));
    expect(sealed).toContain('Not kept under Signal-like: Sender, never seen by the servers; Sender IP;');
  });
});
