import { DAY, everHeld, type Category, type RecordSpan, type SimTime } from '../model/index.ts';
import type { Linear } from './scale.ts';

/**
 * The retention lanes' geometry: one lane per record category, each record a bar from when it was
 * recorded to when it stops being held, packed into a few tracks so short bars do not hide one
 * another. Pure: the component turns it into SVG.
 */

/** Lanes top to bottom: what people do first, then the background the provider always has. */
export const LANE_ORDER: readonly Category[] = ['lookup', 'routing', 'queue', 'call', 'connection', 'registration', 'account'];

/**
 * The day axis: from the start to a week boundary at least 31 days after the scenario ends, so a
 * record made on its last day can still be seen to expire (a month is the longest fixed retention
 * any preset has but the queue's 30-day hold). Fixed per scenario, so bars never move as time plays.
 */
export function laneDomain(end: SimTime): [SimTime, SimTime] {
  const week = 7 * DAY;
  return [0, Math.ceil((end + 31 * DAY) / week) * week];
}

export interface LaneMark {
  span: RecordSpan;
  /** Left and right edges in px; at least `minWidth` apart. */
  x0: number;
  x1: number;
  track: number;
  /** The record is still held past the right edge of the axis (kept for ever, or longer than drawn). */
  runsOff: boolean;
}

export interface Lane {
  category: Category;
  marks: LaneMark[];
  /** Tracks in use (0 when the lane is empty). */
  tracks: number;
  /** Records the policy saw but never kept (0-day retention). */
  neverKept: number;
}

export interface LaneOptions {
  x: Linear;
  /** The narrowest bar drawn, so an instant record is still a mark (px). */
  minWidth?: number;
  /** Space kept between bars on one track (px). */
  gap?: number;
  maxTracks?: number;
  /** Which records to lay out: those the reader's actions made (default), or those on file since sign-up. */
  onFile?: boolean;
}

/**
 * Lays the spans out into lanes in LANE_ORDER. Records on file since sign-up go in a band of
 * their own, laid out by a second call with `onFile: true`. Each bar goes on the first track free at its left edge; when every track is busy
 * it shares the one that frees soonest, so a crowded lane grows dense rather than tall.
 */
export function layoutLanes(spans: readonly RecordSpan[], { x, minWidth = 4, gap = 2, maxTracks = 4, onFile = false }: LaneOptions): Lane[] {
  const [t0, t1] = x.domain;
  const right = x(t1);
  const lanes = new Map<Category, Lane>(LANE_ORDER.map((category) => [category, { category, marks: [], tracks: 0, neverKept: 0 }]));
  const trackEnds = new Map<Category, number[]>(LANE_ORDER.map((c) => [c, []]));
  // Spans come in seq order, which is time order, so each lane is packed left to right.
  for (const span of spans) {
    if (span.onFile !== onFile) continue;
    const lane = lanes.get(span.category) as Lane;
    if (!everHeld(span)) {
      lane.neverKept++;
      continue;
    }
    if (span.endsAt < t0 || span.recordedAt > t1) continue;
    const x0 = x(Math.max(span.recordedAt, t0));
    const x1 = Math.max(x0 + minWidth, Math.min(right, x(Math.min(span.endsAt, t1))));
    const ends = trackEnds.get(span.category) as number[];
    let track = ends.findIndex((end) => end + gap <= x0);
    if (track === -1 && ends.length < maxTracks) track = ends.push(x1) - 1;
    if (track === -1) track = ends.indexOf(Math.min(...ends));
    ends[track] = Math.max(ends[track] as number, x1);
    lane.marks.push({ span, x0, x1, track, runsOff: span.endsAt > t1 });
  }
  for (const lane of lanes.values()) lane.tracks = (trackEnds.get(lane.category) as number[]).length;
  return [...lanes.values()];
}

/** The mark a pointer at `px` picks in `lane`: one under it (on `track` first), else the nearest. */
export function markAt(lane: Lane, px: number, track?: number): LaneMark | undefined {
  let best: LaneMark | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const m of lane.marks) {
    const distance = px < m.x0 ? m.x0 - px : px > m.x1 ? px - m.x1 : 0;
    // A bar on the tapped track wins a tie; otherwise the closest bar, newest first.
    const score = distance * 2 + (track === undefined || m.track === track ? 0 : 1);
    if (score <= bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Where a key moves the chosen mark: Left and Right go to the previous or next record in its lane,
 * Up and Down to the nearest record in the next lane that has any, Home and End to the lane's first
 * and last. Undefined for any other key, or when there is nowhere to go.
 */
export function markAfterKey(lanes: readonly Lane[], seq: number, key: string): LaneMark | undefined {
  const filled = lanes.filter((l) => l.marks.length > 0);
  const li = filled.findIndex((l) => l.marks.some((m) => m.span.seq === seq));
  if (li === -1) return undefined;
  const lane = filled[li] as Lane;
  const mi = lane.marks.findIndex((m) => m.span.seq === seq);
  const here = lane.marks[mi] as LaneMark;
  const within: Record<string, number> = { ArrowLeft: mi - 1, ArrowRight: mi + 1, Home: 0, End: lane.marks.length - 1 };
  if (key in within) return lane.marks[within[key] as number];
  const across: Record<string, number> = { ArrowUp: li - 1, ArrowDown: li + 1 };
  if (!(key in across)) return undefined;
  const next = filled[across[key] as number];
  return next ? markAt(next, (here.x0 + here.x1) / 2) : undefined;
}

/** How many of `items`, sorted by `value` ascending, have a value at or below `t` (a binary search). */
export function countUpTo<T>(items: ArrayLike<T>, t: number, value: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (value(items[mid] as T) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The mark nearest a pointer in a lane's band: `box` is the drawing's box on screen, `frame` its
 * size in drawing units, where the lane's first track starts (`top`) and one track's height.
 */
export function markAtPointer(
  box: { left: number; top: number; width: number; height: number },
  pointer: { clientX: number; clientY: number },
  frame: { w: number; height: number; top: number; track: number },
  lane: Lane,
): LaneMark | undefined {
  const px = ((pointer.clientX - box.left) / box.width) * frame.w;
  const py = ((pointer.clientY - box.top) / box.height) * frame.height;
  return markAt(lane, px, Math.max(0, Math.floor((py - frame.top) / frame.track)));
}
