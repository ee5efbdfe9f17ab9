import { defineConfig } from 'vitest/config';

/*
 * Benchmarks import the model with Node's own `import` (Node 24 strips the types), not through
 * Vite's module runner. The runner reaches every imported binding through a getter, and Vitest 5
 * counts those accesses too, which slows hot paths that call across modules (`append`, the seeded
 * generator) by a margin that belongs to the test harness, not to the model. The site's bundles
 * are scope-hoisted and pay nothing of the kind. See Vitest's benchmarking guide, "Module runner
 * overhead".
 */

/**
 * Benchmarks report figures; they must never fail because a machine is slower. Vitest gives a benchmark
 * project at least 60 s per test and 120 s per hook, and it raises anything lower (0, "no limit", included)
 * to those floors, so the limits are set well above the slowest runs seen: the 365-day benchmark took 31.9 s
 * per run on a loaded 2-core machine, and niced on a 2-core machine at load 17 (2026-12-02) the 30-day test
 * took 351 s (11 runs of 11 to 61 s) and the 365-day one 505 s (tinybench calls it more than once).
 * The limits still end a benchmark that hangs.
 */
const BENCH_TEST_TIMEOUT_MS = 20 * 60_000;
const BENCH_HOOK_TIMEOUT_MS = 10 * 60_000;

export default defineConfig({
  test: {
    include: [],
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
    environment: 'node',
    testTimeout: BENCH_TEST_TIMEOUT_MS,
    hookTimeout: BENCH_HOOK_TIMEOUT_MS,
    experimental: { viteModuleRunner: false, nodeLoader: false },
  },
});
