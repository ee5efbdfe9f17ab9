// @ts-check
import { defineConfig } from 'astro/config';
import svelte from '@astrojs/svelte';
import mdx from '@astrojs/mdx';

// SITE_BASE lets the deploy test build the site under a sub-path (GitHub Pages style), and
// ASTRO_OUT_DIR build it somewhere other than dist/ (npm run test:subpath), so dist/ is left alone.
// ASTRO_CACHE_DIR keeps the content layer's store of a scratch copy (the integration tests, which
// link node_modules/) out of the project's own, which astro check and the build read meanwhile.
const base = process.env.SITE_BASE ?? '/';
const outDir = process.env.ASTRO_OUT_DIR || './dist';
const cacheDir = process.env.ASTRO_CACHE_DIR || './node_modules/.astro';

/** Modules of the panels that load when scrolled to (see manualChunks below). */
const ON_DEMAND =
  /ContactGraph|force-layout|graph-focus|charts\/(Timeline|TimelineKey|TimelineTable|GraphTable|GraphKey)\.svelte|charts\/chart-text|components\/sim\/legal\/|lib\/sim\/legal\/|devices\/(Conversation|PeoplePanel|AddDeviceForm)\.svelte/;

/**
 * The provider's side (lanes, ledger table, record card) hydrates on sight (client:visible) in a chunk
 * of its own, after the islands a reader acts in first (clock, composer, announcer) and the model.
 */
const PROVIDER =
  /components\/sim\/(LedgerPanel|LedgerTable|RecordCard|CategoryMark)\.svelte|components\/sim\/lanes\/|charts\/TableTwin|lib\/sim\/(record-card|record-glossary|ledger-export|span-words)\.ts|viz\/(lanes|lanes-drawn|lanes-preserved|stack|scale)\.ts/;
/** A story's read-only devices strip is only on explainer pages. */
const STORY = /devices\/StoryDevices\.svelte/;

export default defineConfig({
  site: 'https://what-the-server-keeps.example',
  base,
  outDir,
  cacheDir,
  trailingSlash: 'always',
  integrations: [svelte(), mdx()],
  // No prefetch, no telemetry-style extras: the site makes no request a reader did not ask for.
  prefetch: false,
  devToolbar: { enabled: false },
  build: { inlineStylesheets: 'auto' },
  // The simulator's first screen (clock, composer, the provider's lanes), their shared code and the
  // model travel in one chunk: a dozen islands each importing the same runtime pieces paid about 9 KB
  // gzip in import lists and chunk overhead. Panels that hydrate only when scrolled to (client:visible,
  // below the first screen) keep their own code apart, so a first load does not fetch it: the contact
  // graph (with d3-force), the timeline, the legal and policy panels, the conversation and the people.
  vite: {
    build: {
      rollupOptions: {
        output: {
          manualChunks(id) {
            if (!/\/src\/(components\/sim|viz|lib\/sim)\//.test(id) || ON_DEMAND.test(id)) return undefined;
            if (STORY.test(id)) return undefined;
            return PROVIDER.test(id) ? 'provider' : 'panels';
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
