import { describe, expect, test } from 'vitest';
import { APPLE_2016, DAY, HOUR, SIGNAL_LIKE, selectSpans, startSimulation, type RecordSpan } from '../../src/model/index.ts';
import { changeLine, laneLine, markLabel, spanEnd, spanLabel } from '../../src/lib/sim/span-words.ts';
import { memoSpans } from '../../src/lib/sim/spans-memo.ts';
import { castScenario } from './model/fixtures.ts';

const span = (over: Partial<RecordSpan>): RecordSpan => ({
  seq: 1,
  category: 'lookup',
  recordedAt: 9 * HOUR,
  endsAt: 30 * DAY + 9 * HOUR,
  ending: 'retention',
  onFile: false,
  record: {} as RecordSpan['record'],
  ...over,
});

describe('span words', () => {
  test.each([
    ['retention, held', span({}), DAY, 'kept until Day 31'],
    ['retention, over', span({}), 31 * DAY, 'expired Day 31'],
    ['delivered, waiting', span({ category: 'queue', ending: 'delivered', endsAt: 3 * DAY }), DAY, 'held until delivered, Day 4'],
    ['delivered, over', span({ category: 'queue', ending: 'delivered', endsAt: 3 * DAY }), 4 * DAY, 'deleted on delivery, Day 4'],
    ['replaced, over', span({ category: 'connection', ending: 'replaced', endsAt: 2 * DAY }), 5 * DAY, 'replaced by a newer record, Day 3'],
    ['queued, waiting', span({ category: 'queue' }), DAY, 'held until delivered, or dropped Day 31'],
    ['queued, never delivered', span({ category: 'queue' }), 31 * DAY, 'dropped undelivered, Day 31'],
    ['kept for ever', span({ ending: 'never', endsAt: Number.POSITIVE_INFINITY }), 99 * DAY, 'kept with no end date'],
  ])('%s', (_d, s, at, words) => {
    expect(spanEnd(s, at)).toBe(words);
  });

  test('a mark and a strip line say the record, when, and how it ends', () => {
    expect(spanLabel(span({}), false)).toBe('Lookup record, recorded Day 1, 09:00, kept until Day 31');
    expect(spanLabel(span({}), true)).toBe('Lookup record, recorded Day 1, 09:00, expired Day 31');
    expect(changeLine({ kind: 'recorded', at: 9 * HOUR, span: span({}) })).toBe('Lookup record recorded Day 1, 09:00, kept until Day 31');
    expect(changeLine({ kind: 'expired', at: 30 * DAY + 9 * HOUR, span: span({}) })).toBe('Lookup record expired Day 31');
  });
});

describe('lane and mark words', () => {
  test('a lane says what it holds, what expired and what the policy saw but never kept', () => {
    expect(laneLine({ category: 'lookup', drawn: 2, held: 1, notKept: 0, policyName: 'Apple 2016' })).toBe('Lookup record · 1 held, 1 expired');
    expect(laneLine({ category: 'routing', drawn: 0, held: 0, notKept: 3, policyName: 'Signal-like' })).toBe(
      'Push routing · 0 held, 3 seen, not kept under Signal-like',
    );
  });

  test('a mark says what the latest request did to its record', () => {
    const reach = { servedAt: DAY, process: 'subpoena' as const, target: '+1', categories: [], produced: new Set([1]), gone: new Set([2]) };
    expect(markLabel(span({}), false, reach)).toBe('Lookup record, recorded Day 1, 09:00, kept until Day 31; produced to the subpoena');
    expect(markLabel(span({ seq: 2 }), true, reach)).toBe('Lookup record, recorded Day 1, 09:00, expired Day 31; already gone when the request was served');
    expect(markLabel(span({ seq: 3 }), false, undefined)).toBe('Lookup record, recorded Day 1, 09:00, kept until Day 31');
  });
});

describe('memoSpans', () => {
  test('recomputes when the history or the policy changes, not when only time passes', () => {
    const actor = startSimulation({ scenario: castScenario({ duration: 60 }) });
    const c = () => actor.getSnapshot().context;
    const spans = memoSpans();
    const first = spans(c());
    actor.send({ type: 'time.advanceBy', ms: HOUR });
    expect(spans(c())).toBe(first);
    actor.send({ type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' });
    const second = spans(c());
    expect(second).not.toBe(first);
    expect(second).toEqual(selectSpans(c()));
    actor.send({ type: 'device.offline', device: 'ben-laptop' });
    actor.send({ type: 'message.sent', device: 'ana-phone', to: ['ben@example.org'], text: 'hi' });
    const queued = spans(c()).find((s) => s.category === 'queue');
    expect(queued?.ending).toBe('retention');
    // The laptop comes back: no new record, but the queued copy's span now ends on delivery.
    actor.send({ type: 'device.online', device: 'ben-laptop' });
    expect(spans(c()).find((s) => s.seq === queued?.seq)?.ending).toBe('delivered');
    actor.send({ type: 'policy.set', policy: SIGNAL_LIKE });
    expect(spans(c())).toEqual(selectSpans(c()));
    actor.send({ type: 'policy.set', policy: APPLE_2016 });
    actor.send({ type: 'reset' });
    expect(spans(c())).toEqual(selectSpans(c()));
  });
});
