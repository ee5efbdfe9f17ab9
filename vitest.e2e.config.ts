import { defineConfig } from 'vitest/config';

// Browser tests in a real, installed Chromium against the built site.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/support/e2e-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: one browser at a time keeps timings honest and memory low.
    fileParallelism: false,
  },
});
