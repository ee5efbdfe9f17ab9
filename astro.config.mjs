// @ts-check
import { defineConfig } from 'astro/config';
import svelte from '@astrojs/svelte';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';

// SITE_BASE lets the deploy test build the site under a sub-path (GitHub Pages style), and
// ASTRO_OUT_DIR build it somewhere other than dist/ (npm run test:subpath), so dist/ is left alone.
// ASTRO_CACHE_DIR keeps the content layer's store of a scratch copy (the integration tests, which
// link node_modules/) out of the project's own, which astro check and the build read meanwhile.
const base = process.env.SITE_BASE ?? '/';
const outDir = process.env.ASTRO_OUT_DIR || './dist';
const cacheDir = process.env.ASTRO_CACHE_DIR || './node_modules/.astro';

/**
 * What a first load fetches: the Svelte runtime, xstate, the model and the islands a reader acts in
 * first (clock, composer, announcer), in one chunk: a dozen islands each importing the same runtime
 * pieces paid about 9 KB gzip in import lists and chunk overhead, so they travel together. The model's
 * modules that only panels below the first screen ask (legal process, the contact graph's inference,
 * the timeline: analysis-selectors.ts and what it imports) stay out, and the cryptography is imported
 * on demand (real-crypto.ts). So does the simulator's page script (warm-islands.ts, controls-height.ts):
 * on an explainer, whose figures hydrate when near, it must not load the simulation at once. A module
 * named neither here nor in PROVIDER is chunked by Rolldown by the islands that import it, so a panel's
 * own code loads when its island is seen.
 *
 * A chunk with components has CSS, which Astro moves into the page's stylesheets: a dynamic import
 * from outside this chunk that depends on it would ask Vite's preloader for a CSS file that is not
 * there, and fail. (So the embed builder's script is not imported on demand: with its options parser
 * it depends on this chunk, and splitting the islands out to allow it cost more than it saved.)
 */
const FIRST_SCREEN =
  /node_modules\/(svelte|xstate|@xstate\/svelte|pure-rand|clsx)\/|\/src\/model\/(?!(analysis-selectors|legal|legal-request-machine|legal-request-selectors|inference|timeline|real-crypto)\.ts)|\/src\/lib\/sim\/(?!(warm-islands|controls-height)\.ts)[^/]+\.ts$|\/src\/lib\/sim\/devices\/|\/src\/lib\/sim\/legal\/provider\.ts$|components\/sim\/(TimeControls|LiveAnnouncer|devices\/(Composer|Fanout|LookupLines))\.svelte/;

/**
 * The provider's side (lanes, ledger table, record card) hydrates on sight (client:visible) in a chunk
 * of its own, after the first screen's.
 */
const PROVIDER =
  /components\/sim\/(LedgerPanel|LedgerTable|RecordCard|CategoryMark)\.svelte|components\/sim\/lanes\/|charts\/TableTwin|lib\/sim\/(record-card|record-glossary|ledger-export)\.ts|viz\/(lanes|lanes-drawn|lanes-preserved|stack|scale)\.ts/;

/**
 * Rolldown takes groups without their dependencies only when an entry's chunk may export more than
 * the entry does ('allow-extension'); Astro asks for 'exports-only' in the client build too, which matters
 * only to its server builds (it drops inputs used only while prerendering). Islands keep their exports.
 * @returns {import('vite').Plugin}
 */
function clientChunking() {
  return {
    name: 'wtsk:client-chunking',
    applyToEnvironment: (environment) => environment.name === 'client',
    options: (options) => ({ ...options, preserveEntrySignatures: 'allow-extension' }),
  };
}

const CHUNK_URL = 'chunk-url:';

/**
 * `import url from 'chunk-url:./module.ts'`: the URL of the chunk a module is built into, so a page can
 * fetch it in idle time with <link rel="modulepreload"> (into the module map, compiled but not run) and
 * run it only when it is needed. Importing it instead would run it at once: the cryptography library
 * builds its tables when it runs, a long task in idle time on a slow phone. The module still loads by
 * its usual import(), which finds it fetched. In the dev server, the module's own path.
 * @returns {import('vite').Plugin}
 */
function chunkUrl() {
  let serving = false;
  return {
    name: 'wtsk:chunk-url',
    configResolved: (config) => {
      serving = config.command === 'serve';
    },
    resolveId: {
      filter: { id: new RegExp(`^${CHUNK_URL}`) },
      async handler(source, importer) {
        const target = await this.resolve(source.slice(CHUNK_URL.length), importer);
        if (!target) throw new Error(`${importer ?? '?'}: ${source}: no such module`);
        return `\0${CHUNK_URL}${target.id}`;
      },
    },
    load: {
      filter: { id: new RegExp(`^\0${CHUNK_URL}`) },
      handler(id) {
        const target = id.slice(`\0${CHUNK_URL}`.length);
        if (serving) return `export default ${JSON.stringify(`/@fs${target}`)};`;
        return `export default import.meta.ROLLUP_FILE_URL_${this.emitFile({ type: 'chunk', id: target })};`;
      },
    },
  };
}

/**
 * `client:queued` (src/lib/queued-directive.ts): the first screen's islands hydrate one per task.
 * @type {import('astro').AstroIntegration}
 */
const queuedHydration = {
  name: 'wtsk:queued-hydration',
  hooks: {
    'astro:config:setup': ({ addClientDirective }) => {
      addClientDirective({ name: 'queued', entrypoint: fileURLToPath(new URL('./src/lib/queued-directive.ts', import.meta.url)) });
    },
  },
};

export default defineConfig({
  site: 'https://what-the-server-keeps.example',
  base,
  outDir,
  cacheDir,
  trailingSlash: 'always',
  integrations: [svelte(), mdx(), queuedHydration],
  // No prefetch, no telemetry-style extras: the site makes no request a reader did not ask for.
  prefetch: false,
  devToolbar: { enabled: false },
  build: { inlineStylesheets: 'auto' },
  // Groups are matched in priority order; a module in neither is chunked by Rolldown by the set of
  // islands that import it. A group does not pull in its modules' dependencies (each is found by a
  // test or left to Rolldown), or the model's index.ts would pull every module it re-exports into the
  // first load.
  vite: {
    plugins: [clientChunking(), chunkUrl()],
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: {
              codeSplitting: {
                includeDependenciesRecursively: false,
                groups: [
                  { name: 'provider', test: PROVIDER, priority: 2 },
                  { name: 'simulation', test: FIRST_SCREEN, priority: 1 },
                ],
              },
            },
          },
        },
      },
    },
  },
  // Strict Content-Security-Policy, emitted as a <meta> tag in every page: Astro hashes each script and
  // <style> it emits (islands' hydration scripts included), so scripts need no 'unsafe-inline', and nothing
  // may load from another origin. Only style="…" attributes are allowed inline (style-src-attr): Svelte's
  // style: directives, d3 layouts and Shiki code blocks render them, and with default-src 'self' they can
  // fetch nothing. (So Astro's build warning that Shiki is not CSP-compatible does not apply here.)
  // frame-ancestors cannot be set by a <meta> tag: see public/_headers.
  security: {
    csp: {
      directives: ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"],
      styleDirective: { resources: [{ resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
});
