import { describe, expect, test } from 'vitest';
import { isCliError, parseArgs, render, USAGE } from '../../scripts/simulate-lib.ts';

/* `--fast`: metadata-only sealing. The same records at the same times, and an output that says no message was really encrypted. */
function options(argv: string[]) {
  const parsed = parseArgs(argv);
  if (isCliError(parsed)) throw new Error(parsed.error);
  return parsed;
}

describe('npm run simulate -- --fast', () => {
  test('holds the same records as a real run, and labels the output metadata-only', () => {
    const real = JSON.parse(render(options(['--scenario', 'offline-two-weeks']))) as Record<string, unknown>;
    const lines: string[] = [];
    const fast = JSON.parse(render(options(['--scenario', 'offline-two-weeks', '--fast']), { header: (l) => lines.push(l) })) as Record<string, unknown>;
    // The same records at the same times; addresses and tokens may differ, since real sealing also draws from the seeded generator.
    type Row = { seq: number; category: string; recorded: string; expires: string; fields: Record<string, unknown> };
    const shape = (held: unknown) => (held as Row[]).map((r) => [r.seq, r.category, r.recorded, r.expires, Object.keys(r.fields)]);
    expect(shape(fast.held)).toEqual(shape(real.held));
    expect((fast.held as Row[]).length).toBeGreaterThan(3);
    expect(real.sealing).toBeUndefined();
    expect(fast.sealing).toBe('metadata-only (--fast): no message was encrypted for real');
    expect(lines).toContain('sealing metadata-only (--fast): no message was encrypted for real');
  });

  test('says so on stderr for CSV and the journal, whose stdout is data only', () => {
    const lines: string[] = [];
    const csv = render(options(['--scenario', 'a-number-typed', '--fast', '--format', 'csv']), { header: (l) => lines.push(l) });
    expect(csv).not.toContain('metadata-only');
    expect(lines.some((l) => l.startsWith('sealing metadata-only'))).toBe(true);
  });

  test('is in the usage text', () => {
    expect(USAGE).toContain('--fast');
    expect(USAGE).toMatch(/--fast +seal nothing for real/);
  });
});
