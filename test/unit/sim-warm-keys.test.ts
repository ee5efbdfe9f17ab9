import { afterEach, expect, test, vi } from 'vitest';
import { createSession } from '../../src/model/index.ts';
import { deviceKeys } from '../../src/model/real-crypto.ts';
import { warmKeysOnIntent } from '../../src/lib/sim/warm-keys.ts';
import { castScenario } from './model/fixtures.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

test('keys are derived only once the reader first acts, every device once, one device per task', async () => {
  vi.useFakeTimers();
  const page = new EventTarget();
  vi.stubGlobal('document', page);
  vi.stubGlobal('requestIdleCallback', undefined); // the Safari path: a task of its own per device
  const world = createSession(castScenario()).world;
  const derived: string[] = [];
  warmKeysOnIntent(
    () => Object.values(world.devices).map((device) => device.keySeed),
    () => Promise.resolve((seed: string) => (derived.push(seed), deviceKeys(seed))),
  );

  await vi.runAllTimersAsync();
  expect(derived, 'derived before the reader did anything').toEqual([]);

  page.dispatchEvent(new Event('focusin'));
  await vi.advanceTimersToNextTimerAsync();
  expect(derived).toHaveLength(1);
  await vi.runAllTimersAsync();
  const seeds = Object.values(world.devices).map((device) => device.keySeed);
  expect([...derived].sort()).toEqual([...seeds].sort());

  page.dispatchEvent(new Event('pointerdown'));
  page.dispatchEvent(new Event('keydown'));
  await vi.runAllTimersAsync();
  expect(derived, 'a second start after the first').toHaveLength(seeds.length);
});
