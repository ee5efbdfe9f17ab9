import { everHeld, type Category, type RecordSpan, type SimTime } from '../model/index.ts';
import { countUpTo, type Lane, type LaneMark } from './lanes.ts';

/**
 * Which of the laid-out lanes are drawn at a moment, and where they stand. Pure and separate from the
 * layout, because the layout is made once per set of records while this is asked as time plays.
 */

/** Every moment at which a record of the band (on file or acted) appears or stops being held, in order. */
export function changeTimes(spans: readonly RecordSpan[], onFile: boolean): Float64Array {
  const times: number[] = [];
  for (const s of spans) {
    if (s.onFile !== onFile) continue;
    times.push(s.recordedAt);
    if (Number.isFinite(s.endsAt)) times.push(s.endsAt);
  }
  return Float64Array.from(times).sort();
}

/** How many of a lane's marks were recorded by `t` (marks are in time order). */
export const marksUpTo = (marks: readonly LaneMark[], t: SimTime): number => countUpTo(marks, t, (m) => m.span.recordedAt);

/**
 * What is drawn at `at`, as a string: per lane, the marks recorded by then and the records seen but
 * never kept. A string, so a reactive consumer compares it by value and redraws only when it changes.
 */
export function drawnKey(lanes: readonly Lane[], spans: readonly RecordSpan[], onFile: boolean, at: SimTime): string {
  const notKept: Partial<Record<Category, number>> = {};
  for (const s of spans) if (s.onFile === onFile && !everHeld(s) && s.recordedAt <= at) notKept[s.category] = (notKept[s.category] ?? 0) + 1;
  return lanes.map((l) => `${marksUpTo(l.marks, at)}:${notKept[l.category] ?? 0}`).join(',');
}

export interface DrawnLane {
  lane: Lane;
  /** The marks drawn, oldest first. */
  marks: LaneMark[];
  notKept: number;
  /** The lane's band, in px from the top of the drawing. */
  top: number;
  height: number;
}

export interface LaneRows {
  /** Height of the day axis above the first lane. */
  axis: number;
  /** Height of a lane's label line. */
  label: number;
  /** Height of one track of bars. */
  track: number;
  /** Space after each lane. */
  gap: number;
}

/** The lanes with something to draw under `key` (from drawnKey), stacked top to bottom; empty lanes take no room. */
export function stackLanes(lanes: readonly Lane[], key: string, rows: LaneRows): DrawnLane[] {
  const counts = key.split(',').map((part) => part.split(':').map(Number));
  const out: DrawnLane[] = [];
  let top = rows.axis;
  lanes.forEach((lane, i) => {
    const [visible = 0, notKept = 0] = counts[i] ?? [];
    if (visible === 0 && notKept === 0) return;
    const height = rows.label + Math.max(1, lane.tracks) * rows.track + rows.gap;
    out.push({ lane, marks: lane.marks.slice(0, visible), notKept, top, height });
    top += height;
  });
  return out;
}
