import { describe, expect, test } from 'vitest';
import { isId, scenarioCoreSchema } from '../../src/model/index.ts';
import { sourceIdSchema } from '../../src/lib/content-schemas.ts';
import { COMPONENT_PROPS } from '../../src/lib/writing/components.ts';
import { slugProblem } from '../../scripts/new-explainer.ts';

// One rule for every id and slug; each place that checks one must agree with it.
const CASES: [string, boolean][] = [
  ['intercept-2016', true],
  ['a-number-typed', true],
  ['2016-story', true],
  ['ana-phone', true],
  ['x', true],
  ['double--hyphen', false],
  ['-leading', false],
  ['trailing-', false],
  ['Upper-case', false],
  ['snake_case', false],
  ['with space', false],
  ['dot.yaml', false],
  ['../escape', false],
  ['', false],
];

describe.each(CASES)('%j', (id, valid) => {
  test(`is ${valid ? '' : 'not '}an id`, () => {
    expect(isId(id)).toBe(valid);
  });
  test('a source id agrees', () => {
    expect(sourceIdSchema.safeParse(id).success).toBe(valid);
  });
  test('a scenario id agrees', () => {
    expect(scenarioCoreSchema.shape.id.safeParse(id).success).toBe(valid);
  });
  test('a <Cite id> agrees', () => {
    expect(COMPONENT_PROPS.Cite.safeParse({ id }).success).toBe(valid);
  });
  test('an explainer slug agrees (3 to 60 characters)', () => {
    expect(slugProblem(id) === undefined).toBe(valid && id.length >= 3);
  });
});
