import { describe, expect, test } from 'vitest';
import {
  APPLE_2016,
  CATEGORIES,
  DAY,
  FIELD_NAMES,
  KEEP_FOREVER,
  KEEP_NOTHING,
  PRESETS,
  SIGNAL_LIKE,
  selectHandleName,
  selectSpans,
  startSimulation,
  type Policy,
  type RecordSpan,
} from '../../src/model/index.ts';
import { cardText, recordCard } from '../../src/lib/sim/record-card.ts';
import { CATEGORY_GLOSS, FIELD_GLOSSARY } from '../../src/lib/sim/record-glossary.ts';
import { castScenario } from './model/fixtures.ts';

/** A day in which every kind of record is made: a lookup, a message (one copy queued), a call, a device back online. */
function busyWeek() {
  const actor = startSimulation({ scenario: castScenario({ duration: 60 }) });
  actor.send({ type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' });
  actor.send({ type: 'device.offline', device: 'ben-laptop' });
  actor.send({ type: 'message.sent', device: 'ana-phone', to: ['ben@example.org'], text: 'hi' });
  actor.send({ type: 'call.started', device: 'ana-phone', to: 'ben@example.org', answered: true });
  actor.send({ type: 'time.advanceBy', ms: DAY });
  actor.send({ type: 'device.online', device: 'ben-laptop' });
  return actor;
}

const spansUnder = (policy: Policy) => {
  const actor = busyWeek();
  actor.send({ type: 'policy.set', policy });
  const c = actor.getSnapshot().context;
  return { c, spans: selectSpans(c) };
};

describe('record cards', () => {
  test('every field a record can hold has a one-line gloss, and every category a plain sentence', () => {
    for (const c of CATEGORIES) {
      expect(CATEGORY_GLOSS[c]).toMatch(/\.$/);
      for (const f of FIELD_NAMES[c]) expect(FIELD_GLOSSARY[f], `${c}.${f}`).toMatch(/^[A-Z].+\.$/);
    }
  });

  test.each(PRESETS.map((p) => [p.name, p] as const))('under %s, each record says what it is, what is kept and what is dropped', (_name, policy) => {
    const { c, spans } = spansUnder(policy);
    const seen = new Set(spans.map((s) => s.category));
    expect([...seen].sort()).toEqual([...CATEGORIES].sort());
    for (const span of spans) {
      const card = recordCard(span, policy, c.session.world.now, (h) => selectHandleName(c, h));
      const rule = policy.retention[span.category];
      const kept = card.expiry.state === 'never-kept' ? [] : FIELD_NAMES[span.category].filter((f) => rule.fields.includes(f) && f in span.record.fields);
      expect(card.fields.map((f) => f.name).sort()).toEqual(kept.sort());
      expect([...card.fields.map((f) => f.name), ...card.dropped.map((d) => d.name)].sort()).toEqual([...FIELD_NAMES[span.category]].sort());
      for (const f of card.fields) expect(f.gloss).toBe(FIELD_GLOSSARY[f.name]);
      expect(card.sentence).not.toMatch(/undefined|NaN/);
      expect(card.expiry.sources).toEqual(rule.sources);
      expect(card.expiry.assumption).toBe(rule.assumption);
    }
  });

  test('a lookup under Apple (2016): named people, the 30-day rule, held then expired on day 31', () => {
    const { c, spans } = spansUnder(APPLE_2016);
    const lookup = spans.find((s) => s.category === 'lookup') as RecordSpan;
    const name = (h: string) => selectHandleName(c, h);
    const held = recordCard(lookup, APPLE_2016, 10 * DAY, name);
    expect(held.sentence).toBe('Ana (+15550100100) looked up Ben (ben@example.org); the key directory answered with 3 devices.');
    expect(held.expiry).toMatchObject({ state: 'held', text: 'Kept until Day 31', rule: 'Under Apple, 2016: kept 30 days' });
    expect(held.fields.find((f) => f.name === 'lookedUpHandle')?.value).toBe('Ben (ben@example.org)');
    expect(recordCard(lookup, APPLE_2016, 31 * DAY, name).expiry).toMatchObject({ state: 'expired', text: 'Expired Day 31' });
    expect(cardText(held).split('\n')).toEqual(expect.arrayContaining(['Lookup record', 'Kept until Day 31', 'Recorded Day 1, 00:00']));
  });

  test('a policy that keeps nothing says the record was seen and not kept; one that keeps all says so', () => {
    const nothing = spansUnder(KEEP_NOTHING);
    const lookup = nothing.spans.find((s) => s.category === 'lookup') as RecordSpan;
    expect(recordCard(lookup, KEEP_NOTHING, DAY).expiry).toMatchObject({ state: 'never-kept', text: `Seen, but not kept under ${KEEP_NOTHING.name}` });
    expect(recordCard(lookup, KEEP_NOTHING, DAY).fields).toEqual([]);
    const all = spansUnder(KEEP_FOREVER);
    const kept = all.spans.find((s) => s.category === 'lookup') as RecordSpan;
    expect(recordCard(kept, KEEP_FOREVER, 40 * DAY).expiry).toMatchObject({ state: 'held', text: 'Kept with no end date' });
  });

  test('Signal-like keeps no lookup fields, and the card lists them as seen but not kept', () => {
    const { spans } = spansUnder(SIGNAL_LIKE);
    const lookup = spans.find((s) => s.category === 'lookup') as RecordSpan;
    const card = recordCard(lookup, SIGNAL_LIKE, DAY);
    expect(card.dropped.length + card.fields.length).toBe(FIELD_NAMES.lookup.length);
    expect(card.expiry.rule.startsWith(`Under ${SIGNAL_LIKE.name}: `)).toBe(true);
  });
});
