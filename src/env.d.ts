// Custom client directives the site's integrations add (astro.config.mjs), for the type checker.
declare namespace Astro {
  interface ClientDirectives {
    /** Hydrates at load, one island per task (src/lib/queued-directive.ts). */
    'client:queued'?: boolean;
  }
}
