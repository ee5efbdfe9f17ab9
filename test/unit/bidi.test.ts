import { describe, expect, test } from 'vitest';
import { FSI, PDI, isolate, unisolate } from '../../src/model/index.ts';

describe('isolate', () => {
  test.each([
    ['Ana', '\u2068Ana\u2069'],
    ['سارا', '\u2068سارا\u2069'],
    ['', '\u2068\u2069'],
    // A typed override stays inside the isolate, where the PDI ends it.
    ['\u202eenohp', '\u2068\u202eenohp\u2069'],
    // An isolate control of the text's own cannot close ours early.
    ['a\u2069b\u2066c', '\u2068abc\u2069'],
  ])('%j', (text, isolated) => {
    expect(isolate(text)).toBe(isolated);
    expect(isolate(text).startsWith(FSI) && isolate(text).endsWith(PDI)).toBe(true);
  });

  test('unisolate takes the marks back out', () => {
    expect(unisolate(`Sent by ${isolate('Ana')} to ${isolate('Ben')}.`)).toBe('Sent by Ana to Ben.');
  });
});
