import { describe, expect, test } from 'vitest';
import { appliedWords, rangeLine, readAssumptions } from '../../src/lib/sim/legal/assumptions.ts';
import { DEFAULT_ASSUMPTIONS, LOOKUP_CACHE, QUEUE_HOLD, STALE_ON_CHANGE } from '../../src/model/index.ts';

describe('the Assumptions group reads its inputs against the model’s table', () => {
  test('only values that differ are changes', () => {
    expect(readAssumptions(DEFAULT_ASSUMPTIONS, { lookupCacheHours: '24', queueHoldDays: '30', staleOnDeviceChange: true })).toEqual({ ok: true, changes: {} });
    expect(readAssumptions(DEFAULT_ASSUMPTIONS, { lookupCacheHours: ' 0 ', queueHoldDays: '30', staleOnDeviceChange: false })).toEqual({
      ok: true,
      changes: { lookupCacheHours: 0, staleOnDeviceChange: false },
    });
  });

  test.each([
    ['lookupCacheHours', '-1', 'Expected a whole number of hours from 0 to 720.'],
    ['lookupCacheHours', '721', 'Expected a whole number of hours from 0 to 720.'],
    ['lookupCacheHours', '', 'Expected a whole number of hours from 0 to 720.'],
    ['lookupCacheHours', '?', 'Expected a whole number of hours from 0 to 720.'],
    ['queueHoldDays', '2.5', 'Expected a whole number of days from 1 to 30.'],
    ['queueHoldDays', '0', 'Expected a whole number of days from 1 to 30.'],
  ] as const)('%s = %j is refused: %s', (key, text, error) => {
    expect(readAssumptions(DEFAULT_ASSUMPTIONS, { [key]: text })).toEqual({ ok: false, errors: { [key]: error } });
  });

  test('each control says its range and default', () => {
    expect(rangeLine(LOOKUP_CACHE)).toBe('Allowed: 0 to 720 hours. Default: 24 hours.');
    expect(rangeLine(QUEUE_HOLD)).toBe('Allowed: 1 to 30 days. Default: 30 days.');
    expect(rangeLine(STALE_ON_CHANGE)).toBe('Default: on.');
  });

  test('the status line names what changed and the lookup records made', () => {
    expect(appliedWords(DEFAULT_ASSUMPTIONS, { ...DEFAULT_ASSUMPTIONS, lookupCacheHours: 1 }, 3, 5)).toBe(
      'Played again with device lookup cache: 1 hour. Lookup records made so far: 5 (were 3).',
    );
    expect(appliedWords(DEFAULT_ASSUMPTIONS, DEFAULT_ASSUMPTIONS, 3, 3)).toBe('Nothing changed.');
  });
});
