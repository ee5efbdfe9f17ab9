// Custom client directives the site's integrations add (astro.config.mjs), for the type checker.
declare namespace Astro {
  interface ClientDirectives {
    /**
     * Hydrates one island per task (src/lib/queued-directive.ts): at load, or with "near" when the
     * island's box comes within half a screen of view.
     */
    'client:queued'?: boolean | 'near';
  }
}

/** The URL of the chunk a module is built into (astro.config.mjs, chunkUrl), to preload it without running it. */
declare module 'chunk-url:*' {
  const url: string;
  export default url;
}
