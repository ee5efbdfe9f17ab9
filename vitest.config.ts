import { getViteConfig } from 'astro/config';

// Unit, property and component tests, plus benchmarks. Runs in Node with no browser.
export default getViteConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
    environment: 'node',
  },
});
