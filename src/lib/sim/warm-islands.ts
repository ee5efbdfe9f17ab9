/**
 * Fetches every island's code once the page is idle, before the reader scrolls to it. Panels
 * below the fold hydrate when they come into view (client:visible); if the network has dropped
 * by then, their code could not load. Everything else the simulator needs is already in the page,
 * so after this it keeps working offline. The imports land in the same module map Astro hydrates
 * from, so nothing is fetched twice; a failed fetch is left for hydration to retry. Once every
 * import has settled, <html data-islands-warm> says so (what a test of going offline waits for).
 * `alsoLoad` are other on-demand modules the page needs offline too (the real cryptography).
 */
export function warmIslands(root: Document, alsoLoad: readonly (() => Promise<unknown>)[] = []): void {
  const warm = () => {
    const urls = new Set<string>();
    for (const island of root.querySelectorAll('astro-island')) {
      for (const name of ['component-url', 'renderer-url']) {
        const url = island.getAttribute(name);
        if (url) urls.add(url);
      }
    }
    const loads = [...[...urls].map((url) => import(/* @vite-ignore */ url)), ...alsoLoad.map((load) => load())].map((load) => load.catch(() => undefined));
    void Promise.all(loads).then(() => root.documentElement.toggleAttribute('data-islands-warm', true));
  };
  if ('requestIdleCallback' in window) requestIdleCallback(warm, { timeout: 4000 });
  else setTimeout(warm, 2000);
}
