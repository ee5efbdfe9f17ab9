import { DAY, sessionEnd } from '../../model/index.ts';
import type { Simulation } from './store.ts';

/**
 * Playback is page state shared by every island (the time controls, an embed's autoplay, an
 * explainer's scroll steps): one clock per page, driven by requestAnimationFrame. Each frame
 * advances simulated time by the real time elapsed × speed; the model does the rest.
 */
export const SPEEDS = [1, 3, 7, 15, 30] as const;

class Playback {
  playing = $state(false);
  /** Simulated days per real second. */
  speed = $state(3);
  private frame: number | undefined;
  private last = 0;
  private sim: Simulation | undefined;

  play(sim: Simulation): void {
    if (this.playing) return;
    const context = sim.actor.getSnapshot().context;
    if (context.session.world.now >= sessionEnd(context.session)) return;
    this.sim = sim;
    this.playing = true;
    this.last = performance.now();
    this.frame = requestAnimationFrame(this.tick);
  }

  pause(): void {
    this.playing = false;
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
  }

  private tick = (time: number): void => {
    const sim = this.sim;
    if (!sim || !this.playing) return;
    // A background tab must not leap a month when it comes back: cap one frame at 250 ms.
    const elapsed = Math.min(time - this.last, 250);
    this.last = time;
    sim.send({ type: 'time.advanceBy', ms: (elapsed / 1000) * this.speed * DAY });
    const context = sim.actor.getSnapshot().context;
    if (context.session.world.now >= sessionEnd(context.session)) {
      this.pause();
      return;
    }
    this.frame = requestAnimationFrame(this.tick);
  };
}

export const playback = new Playback();
