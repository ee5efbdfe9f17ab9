import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_MISSING, findChromium } from './tools/chromium.ts';

const TRACE_MODES = ['off', 'on', 'retain-on-failure', 'on-first-retry'] as const;

/** E2E_TRACE, checked: a typo names the variable and the values it takes instead of tracing nothing. */
function traceMode(value: string | undefined): (typeof TRACE_MODES)[number] {
  if (value === undefined || value === '') return 'off';
  const mode = TRACE_MODES.find((m) => m === value);
  if (!mode) throw new Error(`E2E_TRACE=${JSON.stringify(value)}: expected one of ${TRACE_MODES.join(', ')}`);
  return mode;
}

const executablePath = findChromium();
if (!executablePath) throw new Error(CHROMIUM_MISSING);

// Browser tests in the installed Chromium (never a downloaded one) against the built site.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.e2e.ts',
  globalSetup: './test/support/e2e-setup.ts',
  // Generous, because the machine is shared: a test fails on what the page does, never on how fast.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // A retry would hide a flake; a test that fails once is a test to fix.
  retries: 0,
  forbidOnly: !!process.env['CI'],
  // Every test opens its own context (the visit fixture), so tests of one file can share out across
  // workers too, and the long files (privacy, scenarios, xss) do not leave a worker idle at the end.
  fullyParallel: true,
  // Four workers on two cores: a clean CI run of the suite kept the CPU only about a third busy
  // (tests mostly wait on the page: lookup delays, frames, the pauses that prove nothing happened),
  // so two workers left most of the machine idle. Assertions auto-wait, so load slows them, never fails them.
  workers: Number(process.env['E2E_WORKERS'] ?? 4),
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'test-results/html' }]],
  outputDir: 'test-results/artifacts',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath, args: [...CHROMIUM_FLAGS] },
    viewport: { width: 1280, height: 900 },
    // Recording a trace of every test (to keep the failing ones) cost a fifth to a third of the suite's
    // CPU time, and the suite is CPU-bound on two cores. A failure keeps its screenshot and its error;
    // to trace it, run that test again with `E2E_TRACE=on` (or `--trace on`).
    trace: traceMode(process.env['E2E_TRACE']),
    screenshot: 'only-on-failure',
  },
});
