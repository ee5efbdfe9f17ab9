/**
 * The browser side of a scenario page and an embed page: reads the view options from the URL
 * (through parseOptions, the one place that validates them), shows the notes about ignored values
 * and the changed-version notice, hides the panels the URL leaves out, applies the rest to the
 * shared simulation once the time controls have hydrated, and runs the narration stepper.
 * Everything the URL carries reaches the page as text (textContent), never as HTML.
 */
import { selectNow, type ScenarioCore } from '../../model/index.ts';
import { playbackFor, simulationFor } from '../sim/store.ts';
import { applyPagePreferences, applyViewOptions, startTime, type SimulationHandle } from './apply.ts';
import { parseOptions, type ParsedOptions } from './options.ts';

export interface ScenarioView extends ParsedOptions {
  sim: SimulationHandle;
  core: ScenarioCore;
}

/** Starts the page: `root` is the [data-scenario-view] element that carries the scenario's data. */
export function startScenarioView(root: HTMLElement, search: string = location.search): ScenarioView {
  const data = root.dataset;
  const core = JSON.parse(data['core'] ?? '{}') as ScenarioCore;
  const actor = simulationFor(core);
  const sim: SimulationHandle = { actor, send: (event) => actor.send(event), playback: playbackFor(core) };
  const steps = [...root.querySelectorAll<HTMLElement>('[data-step-at]')];
  const stepTimes = steps.map((s) => Number(s.dataset['stepAt']));
  const parsed = parseOptions(search, { duration: core.duration, steps: steps.length, policyIds: (data['policies'] ?? '').split(' ') });
  const { options, notes } = parsed;
  applyPagePreferences(document.documentElement, options);

  if (options.version !== undefined && options.version > core.version) {
    notes.push(`Ignored v=${options.version}: this scenario is at version ${core.version}.`);
  }
  const notice = root.querySelector<HTMLElement>('[data-version-notice]');
  if (notice && options.version !== undefined && options.version < core.version) {
    const made = notice.querySelector('[data-version-made]');
    if (made) made.textContent = String(options.version);
    notice.hidden = false;
  }
  const noteBox = root.querySelector<HTMLElement>('[data-url-notes]');
  const list = noteBox?.querySelector('ul');
  if (noteBox && list && notes.length > 0) {
    for (const note of notes) list.appendChild(document.createElement('li')).textContent = note;
    noteBox.hidden = false;
  }

  // Panels: the static page renders them all; the URL chooses which stay. A group whose panels
  // are all hidden goes too, so its heading rule does not float above nothing.
  for (const panel of root.querySelectorAll<HTMLElement>('[data-panel]')) {
    panel.hidden = !(options.panels as readonly string[]).includes(panel.dataset['panel'] ?? '');
  }
  for (const group of root.querySelectorAll<HTMLElement>('.devices, .provider, .below')) {
    group.hidden = ![...group.querySelectorAll<HTMLElement>('[data-panel]')].some((p) => !p.hidden);
  }

  // The step shown: the one asked for, or else the last one reached by the day asked for.
  const start = startTime(options, stepTimes);
  const first = options.step > 1 || options.day === 1 ? options.step : Math.max(1, stepTimes.filter((t) => t <= start).length);
  const stepper = startNarration(root, steps, sim, first);
  // Playing stops at each pause point exactly, so its step and the clock show the same moment.
  sim.playback.send({ type: 'playback.stops', times: steps.filter((s) => s.dataset['pause'] !== undefined).map((s) => Number(s.dataset['stepAt'])) });
  // After the time controls hydrate: they set the page's playback speed as they mount.
  whenHydrated(root.querySelector('.controls astro-island'), () => {
    applyViewOptions(sim, options, stepTimes);
    stepper?.follow();
  });
  return { ...parsed, sim, core };
}

function whenHydrated(island: Element | null, run: () => void): void {
  if (!island || !island.hasAttribute('ssr')) run();
  else island.addEventListener('astro:hydrate', run, { once: true });
}

/**
 * The narration stepper. Without script the steps read as a list; with it, one step shows at a
 * time, Back and Next (or the arrow keys inside the stepper) move between them, and each step takes
 * the simulation to its moment: forward in time, or the view back to a moment already passed.
 * While time plays, the step follows the clock, and playback stops at a step marked as a pause.
 */
function startNarration(root: HTMLElement, steps: HTMLElement[], sim: SimulationHandle, first: number) {
  const box = root.querySelector<HTMLElement>('[data-stepper]');
  const nav = box?.querySelector<HTMLElement>('[data-stepper-nav]');
  if (!box || !nav || steps.length === 0) return undefined;
  const [back, next] = [...nav.querySelectorAll('button')];
  const count = nav.querySelector('[data-step-count]');
  let current = 0;

  const show = (index: number) => {
    current = Math.max(0, Math.min(steps.length - 1, index));
    steps.forEach((s, i) => (s.hidden = i !== current));
    if (count) count.textContent = `Step ${current + 1} of ${steps.length}`;
    // aria-disabled, not disabled: a disabled button drops the keyboard focus the arrows rely on.
    back?.setAttribute('aria-disabled', String(current === 0));
    next?.setAttribute('aria-disabled', String(current === steps.length - 1));
  };
  let stepping = false;
  const go = (index: number) => {
    if (index < 0 || index >= steps.length) return;
    show(index);
    sim.playback.send({ type: 'playback.pause' });
    const t = Number(steps[current]?.dataset['stepAt']);
    const now = selectNow(sim.actor.getSnapshot().context);
    stepping = true;
    sim.send(t >= now ? { type: 'time.jumpTo', t } : { type: 'view.scrub', t });
    stepping = false;
  };

  box.dataset['stepper'] = 'on';
  nav.hidden = false;
  show(first - 1);
  back?.addEventListener('click', () => go(current - 1));
  next?.addEventListener('click', () => go(current + 1));
  box.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      go(current + (event.key === 'ArrowRight' ? 1 : -1));
    }
  });

  return {
    /**
     * From now on, when time moves on (playing, or the time controls), the step shown follows the
     * clock; a step the stepper itself went to stays shown.
     */
    follow() {
      let last = selectNow(sim.actor.getSnapshot().context);
      sim.actor.subscribe((snapshot) => {
        const now = selectNow(snapshot.context);
        if (stepping || now === last) return void (last = now);
        // Show each step the clock passed (playback itself stops at a pause, on its moment).
        for (const [i, step] of steps.entries()) {
          const t = Number(step.dataset['stepAt']);
          if (t > last && t <= now) show(i);
        }
        last = now;
      });
    },
  };
}
