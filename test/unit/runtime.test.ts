import { describe, expect, test } from 'vitest';

// npm runs scripts with node_modules/.bin first on PATH, so the `node` devDependency
// (Node 24) runs them even on a machine whose own Node is 20. Astro 7 and Vitest 5 need >= 22.12.
describe('runtime', () => {
  test('scripts run on Node >= 22.12', () => {
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    expect(major > 22 || (major === 22 && minor >= 12), `running on Node ${process.versions.node}`).toBe(true);
  });
});
