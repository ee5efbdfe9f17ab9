import { getViteConfig } from 'astro/config';

// Unit, property and component tests, plus benchmarks. Runs in Node with no browser.
export default getViteConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
    environment: 'node',
    // One module graph per worker, not per file: starting an environment for each of ~50 files was a
    // fifth of the run. The model and its helpers keep no state between calls, and the tests that stub
    // globals or timers restore them (vi.unstubAllGlobals, vi.useRealTimers) in their hooks.
    isolate: false,
  },
});
