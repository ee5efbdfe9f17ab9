import type { ClientDirective } from 'astro';

/**
 * `client:queued`: hydrates one island at a time, each in a task of its own. Islands that share a
 * chunk otherwise hydrate together in the one task that evaluates it (the clock, the composer and the
 * announcer, with the simulation they start), a task long enough to block a tap on a slow phone. Here
 * the chunk is evaluated in one task and each island hydrates in a later one, in document order, so
 * input can be handled between them. Astro bundles a directive into one inline script per page, so
 * `turn` is shared by every queued island of the page.
 *
 * `client:queued` alone joins the queue at load: a page that is one simulator. `client:queued="near"`
 * joins it when the box around the island comes within half a screen of view: a writer's figure, which
 * a reader may never scroll to, so an explainer's first load runs none of the simulation. The box is
 * the island's parent (an island is display: contents, and the announcer renders no box of its own),
 * so the islands of one figure join in document order as it comes near.
 */
let turn: Promise<void> = Promise.resolve();

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** How far ahead of the screen a "near" island starts hydrating, so it is ready when it is seen. */
const NEAR_MARGIN = '50% 0px';

function whenNear(element: HTMLElement, then: () => void): void {
  const box = element.parentElement ?? element;
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      then();
    },
    { rootMargin: NEAR_MARGIN },
  );
  observer.observe(box);
}

const queued: ClientDirective = (load, options, element) => {
  const join = () => {
    turn = turn.then(async () => {
      try {
        await nextTask();
        const hydrate = await load();
        await nextTask();
        await hydrate();
      } catch (error) {
        // One island that fails to load must not keep the rest from hydrating; the page reports it as Astro would.
        setTimeout(() => {
          throw error;
        });
      }
    });
  };
  if (options.value === 'near') whenNear(element, join);
  else join();
};

export default queued;
