import { describe, expect, test } from 'vitest';
import { cleanName, nameIsSafe, scenarioCoreSchema } from '../../src/model/index.ts';

/*
 * One rule for names: a scenario's names (nameIsSafe, in the schema) and the names readers type
 * (cleanName) agree on format characters. A zero-width joiner is kept inside an emoji sequence,
 * which it holds together, and nowhere else.
 */
const CODER = '👩🏽\u200d💻';
const FAMILY = '👨\u200d👩\u200d👧';

describe('names: the zero-width joiner only inside an emoji sequence, in scenarios and typed names alike', () => {
  test.each([
    [`Ana ${CODER}`, true, `Ana ${CODER}`],
    [`${FAMILY} tablet`, true, `${FAMILY} tablet`],
    ['Ana\u200d phone', false, 'Ana phone'],
    ['\u200d👩', false, '👩'],
    ['Ana\u200bphone', false, 'Ana phone'],
    ['\u202eenohp', false, 'enohp'],
    ['Ana\u2066 phone', false, 'Ana phone'],
    ['Ana\ufeff', false, 'Ana'],
    ['Ana\u00adphone', false, 'Ana phone'],
  ])('%j', (name, safe, cleaned) => {
    expect(nameIsSafe(name)).toBe(safe);
    expect(cleanName(name)).toBe(cleaned);
    // What cleanName keeps, a scenario may hold: the two never disagree.
    expect(nameIsSafe(cleanName(name))).toBe(true);
  });

  test('the scenario schema applies the same rule to a device name', () => {
    const device = (label: string) => scenarioCoreSchema.shape.cast.shape.people.element.shape.devices.element.shape.label.safeParse(label).success;
    expect(device(`Ana's ${CODER}`)).toBe(true);
    expect(device('Ana\u200d phone')).toBe(false);
    expect(device('Ana\u200bphone')).toBe(false);
  });
});
