// @ts-check
import { defineConfig } from 'astro/config';
import svelte from '@astrojs/svelte';
import mdx from '@astrojs/mdx';

// SITE_BASE lets the deploy test build the site under a sub-path (GitHub Pages style).
const base = process.env.SITE_BASE ?? '/';

export default defineConfig({
  site: 'https://what-the-server-keeps.example',
  base,
  trailingSlash: 'always',
  integrations: [svelte(), mdx()],
  // No prefetch, no telemetry-style extras: the site makes no request a reader did not ask for.
  prefetch: false,
  devToolbar: { enabled: false },
  build: { inlineStylesheets: 'auto' },
});
