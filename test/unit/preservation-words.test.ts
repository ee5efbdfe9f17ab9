import { describe, expect, test } from 'vitest';
import { DAY, HOUR, selectNow, selectPreservation, selectSpans, startSimulation, type RecordSpan } from '../../src/model/index.ts';
import { describeChange, type Holdings } from '../../src/lib/sim/announce.ts';
import { retentionText } from '../../src/lib/sim/format.ts';
import { heldWords } from '../../src/lib/sim/legal/legal.ts';
import { preservationAction, preservationStatus } from '../../src/lib/sim/legal/preservation.ts';
import { cardText, recordCard } from '../../src/lib/sim/record-card.ts';
import { memoSpans } from '../../src/lib/sim/spans-memo.ts';
import { markLabel } from '../../src/lib/sim/span-words.ts';
import { preservedPart } from '../../src/viz/lanes-preserved.ts';
import { linear } from '../../src/viz/scale.ts';
import { castScenario } from './model/fixtures.ts';

const ANA = '+15550100100';

/**
 * One session under Apple (2016): Ana looks Ben up on day 1, a preservation request for her number
 * arrives on day 5 and is renewed on day 80; the words the panel, the ledger, the lanes and the
 * live region use are read at each step.
 */
describe('a preservation request, as the site words it', () => {
  const actor = startSimulation({ scenario: castScenario({ duration: 200 }), crypto: 'metadata-only' });
  const c = () => actor.getSnapshot().context;
  const holdings = (): Holdings => ({ spans: selectSpans(c()), now: selectNow(c()), policyName: c().policy.name });
  const say = (event: Parameters<typeof actor.send>[0]): string => {
    const before = holdings();
    actor.send(event);
    return describeChange(before, holdings(), c().latest);
  };
  const lookup = () => selectSpans(c()).find((s) => s.category === 'lookup' && !s.onFile) as RecordSpan;

  test('before any request: none sent, and the panel offers to send one', () => {
    actor.send({ type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' });
    actor.send({ type: 'time.advanceBy', ms: 4 * DAY });
    const answer = selectPreservation(c(), ANA);
    expect(preservationStatus(answer)).toBe('No preservation request sent for this target.');
    expect(preservationAction(answer)).toBe('send');
  });

  test('served: announced with its deadline and how many records it keeps past their retention', () => {
    expect(say({ type: 'preservation.requested', target: ANA })).toBe(
      `Preservation request served for ${ANA}: records held until Day 95. 3 records now kept past their retention.`,
    );
    const answer = selectPreservation(c(), ANA);
    expect(preservationStatus(answer)).toBe("Sent Day 5, 00:00: the target's records are preserved until Day 95 (3 records kept longer than their retention).");
    expect(preservationAction(answer)).toBe('renew');
    expect(lookup()).toMatchObject({ ending: 'preserved', preservedUntil: 94 * DAY, ownEndsAt: 30 * DAY, endsAt: 94 * DAY });
  });

  test('past its own retention: the ledger, the legal panel and the mark say why it is still there', () => {
    actor.send({ type: 'time.advanceBy', ms: 35 * DAY });
    const held = c().session.world.ledger.byCategory.lookup.length;
    expect(held).toBeGreaterThan(0);
    const record = { expiresAt: 30 * DAY, preservedUntil: 94 * DAY };
    expect(retentionText(record, 40 * DAY)).toBe('preserved until Day 95 (its retention ended Day 31)');
    expect(retentionText({ expiresAt: 50 * DAY }, 40 * DAY)).toBe('expires in 10 days');
    expect(heldWords(record)).toBe('Preserved until Day 95 by a preservation request (its retention: Day 31).');
    expect(markLabel(lookup(), false, undefined)).toBe(
      'Lookup record, recorded Day 1, 00:00, preserved until Day 95 by a preservation request; its own retention: Day 31',
    );
    expect(preservationStatus(selectPreservation(c(), ANA))).toMatch(/\(3 records kept longer than their retention\)\.$/);
  });

  test('viewing a moment before the request: the panel says none was sent then, but the button acts now and offers the renewal', () => {
    actor.send({ type: 'view.scrub', t: 2 * DAY });
    expect(preservationAction(selectPreservation(c(), ANA))).toBe('send');
    expect(preservationAction(selectPreservation(c(), ANA, selectNow(c())))).toBe('renew');
    actor.send({ type: 'view.live' });
  });

  test('viewing a moment before the request: the mark and the card give its plain retention, with no word of preservation', () => {
    const spans = memoSpans();
    const live = spans(c());
    actor.send({ type: 'view.scrub', t: 2 * DAY });
    expect(spans(c())).not.toBe(live);
    expect(markLabel(lookup(), false, undefined)).toBe('Lookup record, recorded Day 1, 00:00, kept until Day 31');
    const card = cardText(recordCard(lookup(), c().policy, 2 * DAY, {}));
    expect(card).toContain('Kept until Day 31.');
    expect(card).not.toMatch(/preserv/i);
    actor.send({ type: 'view.live' });
    expect(spans(c())).toEqual(live);
  });

  test('renewed once: 90 days more, and no second renewal offered', () => {
    actor.send({ type: 'time.jumpTo', t: 80 * DAY });
    expect(say({ type: 'preservation.renewed', target: ANA })).toBe(
      `Preservation request renewed for ${ANA}: records held until Day 185. 3 records now kept past their retention.`,
    );
    expect(preservationAction(selectPreservation(c(), ANA))).toBeUndefined();
    expect(say({ type: 'preservation.renewed', target: ANA })).toBe(
      `Not done: the preservation request for ${ANA} was already renewed once: the law provides one renewal.`,
    );
  });

  test('viewing a moment between the request and its renewal: preserved until the first lapse, not the renewed one', () => {
    actor.send({ type: 'view.scrub', t: 50 * DAY });
    expect(markLabel(lookup(), false, undefined)).toBe(
      'Lookup record, recorded Day 1, 00:00, preserved until Day 95 by a preservation request; its own retention: Day 31',
    );
    expect(cardText(recordCard(lookup(), c().policy, 50 * DAY, {}))).toContain('Preserved until Day 95 by a preservation request (18 U.S.C. §2703(f))');
    actor.send({ type: 'view.live' });
    expect(markLabel(lookup(), false, undefined)).toContain('preserved until Day 185');
  });

  test('lapsed: announced, and its records expire by their own clock at once', () => {
    const words = say({ type: 'time.jumpTo', t: 184 * DAY + HOUR });
    expect(words).toContain('A preservation request lapsed Day 185, 00:00: the records it kept expire by their own clock again.');
    expect(words).toContain('released when its preservation request lapsed, Day 185');
    const answer = selectPreservation(c(), ANA);
    expect(answer.stage).toBe('lapsed');
    expect(preservationAction(answer)).toBe('send');
  });
});

describe('the lanes draw the time a request adds', () => {
  const x = linear([0, 100 * DAY], [0, 100]);
  const mark = (span: Partial<RecordSpan>) => ({ span: { recordedAt: 0, endsAt: 60 * DAY, ...span } as RecordSpan, x0: 0, x1: 60, track: 0, runsOff: false });

  test.each([
    ['from its own end to the bar’s end', { preservedUntil: 60 * DAY, ownEndsAt: 25 * DAY }, { x0: 25, x1: 60 }],
    ['nothing for a record no request kept', {}, undefined],
  ])('%s', (_d, span, part) => {
    expect(preservedPart(mark(span), x)).toEqual(part);
  });
});
