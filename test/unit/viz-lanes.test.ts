import { describe, expect, test } from 'vitest';
import { DAY, type Category, type RecordSpan } from '../../src/model/index.ts';
import { LANE_ORDER, countUpTo, laneDomain, layoutLanes, markAfterKey, markAt } from '../../src/viz/lanes.ts';
import { changeTimes, drawnKey, stackLanes } from '../../src/viz/lanes-drawn.ts';
import { linear } from '../../src/viz/scale.ts';

let seq = 0;
function span(category: Category, fromDay: number, toDay: number, extra: Partial<RecordSpan> = {}): RecordSpan {
  const recordedAt = fromDay * DAY;
  const endsAt = toDay === Infinity ? Infinity : toDay * DAY;
  return { seq: seq++, category, recordedAt, endsAt, ending: 'retention', onFile: false, record: {} as RecordSpan['record'], ...extra };
}

// 91 days drawn 910 px wide: 10 px a day.
const x = linear(laneDomain(60 * DAY), [0, 910]);

describe('laneDomain', () => {
  test.each([
    [60, 91],
    [10, 42],
    [30, 63],
  ])('a %i-day scenario is drawn over %i days, a week boundary at least 31 days past its end', (days, drawn) => {
    expect(laneDomain(days * DAY)).toEqual([0, drawn * DAY]);
  });
});

describe('layoutLanes', () => {
  test('gives every category a lane, in reading order, and leaves what was on file to the band', () => {
    const lanes = layoutLanes([span('lookup', 1, 31), span('account', 0, Infinity, { onFile: true })], { x });
    expect(lanes.map((l) => l.category)).toEqual(LANE_ORDER);
    expect(lanes[0]).toMatchObject({ tracks: 1, marks: [{ x0: 10, x1: 310, track: 0, runsOff: false }] });
    expect(lanes.find((l) => l.category === 'account')!.marks).toEqual([]);
    // The band lays out the other half: only what was on file.
    const band = layoutLanes([span('lookup', 1, 31), span('account', 0, Infinity, { onFile: true })], { x, onFile: true });
    expect(band[0]!.marks).toEqual([]);
    expect(band.find((l) => l.category === 'account')).toMatchObject({ tracks: 1, marks: [{ x0: 0, runsOff: true }] });
  });

  test('bars that overlap go on separate tracks; one that starts after another ends shares its track', () => {
    const [lookup] = layoutLanes([span('lookup', 1, 31), span('lookup', 2, 32), span('lookup', 40, 70)], { x });
    expect(lookup!.marks.map((m) => m.track)).toEqual([0, 1, 0]);
    expect(lookup!.tracks).toBe(2);
  });

  test('a crowded lane stops growing at maxTracks and shares the track that frees soonest', () => {
    const spans = [1, 2, 3, 4].map((d) => span('lookup', d, d + 30));
    const [lookup] = layoutLanes(spans, { x, maxTracks: 3 });
    expect(lookup!.marks.map((m) => m.track)).toEqual([0, 1, 2, 0]);
  });

  test('an instant record is still a mark; one kept for ever runs off the edge; one never kept is only counted', () => {
    const lanes = layoutLanes([span('queue', 5, 5.001), span('account', 3, Infinity), span('routing', 2, 2)], { x, minWidth: 4 });
    const by = (c: Category) => lanes.find((l) => l.category === c)!;
    expect(by('queue').marks[0]!.x1 - by('queue').marks[0]!.x0).toBe(4);
    expect(by('account').marks[0]).toMatchObject({ x1: 910, runsOff: true });
    expect(by('routing')).toMatchObject({ marks: [], neverKept: 1 });
  });
});

describe('picking and moving between marks', () => {
  const lanes = layoutLanes([span('lookup', 1, 31), span('lookup', 2, 32), span('lookup', 40, 70), span('call', 10, 20)], { x });
  const lookups = lanes[0]!.marks;
  const call = lanes.find((l) => l.category === 'call')!.marks[0]!;

  test('a tap picks the bar under it on the tapped track, else the nearest bar', () => {
    expect(markAt(lanes[0]!, 100, 1)).toBe(lookups[1]);
    expect(markAt(lanes[0]!, 100, 0)).toBe(lookups[0]);
    expect(markAt(lanes[0]!, 350, 0)).toBe(lookups[1]); // past the first bar's end, inside the second
    expect(markAt(lanes[0]!, 390)).toBe(lookups[2]);
  });

  test.each([
    ['ArrowRight', 0, 1],
    ['ArrowLeft', 1, 0],
    ['End', 0, 2],
    ['Home', 2, 0],
  ])('%s moves along the lane from mark %i to mark %i', (key, from, to) => {
    expect(markAfterKey(lanes, lookups[from]!.span.seq, key)).toBe(lookups[to]);
  });

  test('up and down skip empty lanes and land on the nearest mark; the ends go nowhere', () => {
    expect(markAfterKey(lanes, lookups[0]!.span.seq, 'ArrowDown')).toBe(call);
    expect(markAfterKey(lanes, call.span.seq, 'ArrowUp')).toBe(lookups[1]); // both lookups cover day 15: the newer wins
    expect(markAfterKey(lanes, call.span.seq, 'ArrowDown')).toBeUndefined();
    expect(markAfterKey(lanes, lookups[2]!.span.seq, 'ArrowRight')).toBeUndefined();
    expect(markAfterKey(lanes, lookups[0]!.span.seq, 'x')).toBeUndefined();
  });
});

describe('countUpTo', () => {
  test('counts the sorted items at or below a value, at every boundary', () => {
    const values = [1, 3, 3, 7];
    expect([0, 1, 2, 3, 6, 7, 8].map((t) => countUpTo(values, t, (v) => v))).toEqual([0, 1, 1, 3, 3, 4, 4]);
    expect(countUpTo([], 5, (v: number) => v)).toBe(0);
  });
});

describe('lanes drawn at a moment', () => {
  const spans = [span('lookup', 1, 31), span('lookup', 5, 35), span('routing', 2, 2, { ending: 'retention' }), span('account', 0, Infinity, { onFile: true })];
  const lanes = layoutLanes(spans, { x });
  const rows = { axis: 20, label: 10, track: 5, gap: 2 };

  test('change times are every recording and every finite end of the band, in order', () => {
    expect([...changeTimes(spans, false)]).toEqual([1, 2, 2, 5, 31, 35].map((d) => d * DAY));
    expect([...changeTimes(spans, true)]).toEqual([0]);
  });

  test('the key counts marks recorded by then and records never kept, lane by lane', () => {
    // Lanes in LANE_ORDER: lookup, routing, queue, call, connection, registration, account.
    expect(drawnKey(lanes, spans, false, 0)).toBe('0:0,0:0,0:0,0:0,0:0,0:0,0:0');
    expect(drawnKey(lanes, spans, false, 3 * DAY)).toBe('1:0,0:1,0:0,0:0,0:0,0:0,0:0');
    expect(drawnKey(lanes, spans, false, 6 * DAY)).toBe('2:0,0:1,0:0,0:0,0:0,0:0,0:0');
  });

  test('only lanes with something to draw are stacked, each below the last', () => {
    const shown = stackLanes(lanes, drawnKey(lanes, spans, false, 6 * DAY), rows);
    expect(shown.map((l) => [l.lane.category, l.marks.length, l.notKept, l.top, l.height])).toEqual([
      // Two overlapping lookups take two tracks; the never-kept routing lane one.
      ['lookup', 2, 0, 20, 10 + 2 * 5 + 2],
      ['routing', 0, 1, 42, 10 + 5 + 2],
    ]);
  });
});
