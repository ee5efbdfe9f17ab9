import type { ClientDirective } from 'astro';

/**
 * `client:queued`: hydrates at load, as `client:load` does, but one island at a time, each in a task of
 * its own. Islands that share a chunk otherwise hydrate together in the one task that evaluates it
 * (the clock, the composer and the announcer, with the simulation they start), a task long enough to
 * block a tap on a slow phone. Here the chunk is evaluated in one task and each island hydrates in a
 * later one, in document order, so input can be handled between them. Astro bundles a directive into
 * one inline script per page, so `turn` is shared by every queued island of the page.
 */
let turn: Promise<void> = Promise.resolve();

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const queued: ClientDirective = (load) => {
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

export default queued;
