import { fromCallback, type EventObject } from 'xstate';
import type { TickEvent } from '../../model/index.ts';

/**
 * The browser's ticker for the playback machine: one tick per animation frame, carrying the real
 * milliseconds since the previous one (the machine caps a frame and applies the speed). Started
 * when playback enters `playing` and stopped when it leaves.
 */
export const animationFrameTicker = fromCallback<EventObject>(({ sendBack }) => {
  let stopped = false;
  let last = performance.now();
  const tick = (time: number) => {
    sendBack({ type: 'playback.tick', ms: time - last } satisfies TickEvent);
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
