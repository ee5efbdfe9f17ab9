import { defineConfig } from 'vitest/config';

// The integration tier: tests that run Astro itself (`astro build`, `astro sync`) on scratch copies
// of the project. Each spawns a whole build, so they run one file at a time, outside `npm test`.
export default defineConfig({
  test: {
    include: ['test/integration/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180_000,
  },
});
