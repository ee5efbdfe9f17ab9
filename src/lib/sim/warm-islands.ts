/**
 * Fetches every island's code once the page is idle, before the reader scrolls to it. Panels
 * below the fold hydrate when they come into view (client:visible); if the network has dropped
 * by then, their code could not load. Everything else the simulator needs is already in the page,
 * so after this it keeps working offline. The imports land in the same module map Astro hydrates
 * from, so nothing is fetched twice; a failed fetch is left for hydration to retry. Once every
 * fetch has settled, <html data-islands-warm> says so (what a test of going offline waits for).
 * `modules` are other chunks the page needs offline too (the real cryptography, by its URL from
 * `chunk-url:`): preloaded into the module map but not run, since running one can be a long task
 * (the cryptography library builds its tables); its own import() runs it when it is needed.
 */
export function warmIslands(root: Document, modules: readonly string[] = []): void {
  const warm = () => {
    const urls = new Set<string>();
    for (const island of root.querySelectorAll('astro-island')) {
      for (const name of ['component-url', 'renderer-url']) {
        const url = island.getAttribute(name);
        if (url) urls.add(url);
      }
    }
    const loads = [...[...urls].map((url) => import(/* @vite-ignore */ url)), ...modules.map((url) => preloadModule(root, url))];
    void Promise.all(loads.map((load) => load.catch(() => undefined))).then(() => root.documentElement.toggleAttribute('data-islands-warm', true));
  };
  if ('requestIdleCallback' in window) requestIdleCallback(warm, { timeout: 4000 });
  else setTimeout(warm, 2000);
}

/** Fetches a module into the module map without running it; settles when the fetch does. */
function preloadModule(root: Document, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const link = root.createElement('link');
    link.rel = 'modulepreload';
    link.href = url;
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => reject(new Error(`could not fetch ${url}`)), { once: true });
    root.head.append(link);
  });
}
