import { defineConfig } from 'vitest/config';

/*
 * Benchmarks import the model with Node's own `import` (Node 24 strips the types), not through
 * Vite's module runner. The runner reaches every imported binding through a getter, and Vitest 5
 * counts those accesses too, which slows hot paths that call across modules (`append`, the seeded
 * generator) by a margin that belongs to the test harness, not to the model. The site's bundles
 * are scope-hoisted and pay nothing of the kind. See Vitest's benchmarking guide, "Module runner
 * overhead".
 */
export default defineConfig({
  test: {
    include: [],
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
    environment: 'node',
    experimental: { viteModuleRunner: false, nodeLoader: false },
  },
});
