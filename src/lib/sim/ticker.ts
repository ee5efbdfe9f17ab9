import { fromCallback, type EventObject } from 'xstate';
import type { TickEvent } from '../../model/index.ts';

/**
 * The browser's ticker for the playback machine: one tick per animation frame, carrying the real
 * milliseconds since the previous one (the machine caps a frame and applies the speed). Started
 * when playback enters `playing` and stopped when it leaves.
 */
export const animationFrameTicker = fromCallback<EventObject>(({ sendBack }) => {
  let stopped = false;
  // The first frame after Play only takes the time: the frame that paints the Pause button carries no
  // tick, so pressing Play waits for no simulation step (time starts moving from the next frame).
  let last: number | undefined;
  const tick = (time: number) => {
    if (last !== undefined) sendBack({ type: 'playback.tick', ms: time - last } satisfies TickEvent);
    last = time;
    // The tick itself may end playback (the scenario's end), which stops this ticker.
    if (!stopped) frame = requestAnimationFrame(tick);
  };
  let frame = requestAnimationFrame(tick);
  return () => {
    stopped = true;
    cancelAnimationFrame(frame);
  };
});
