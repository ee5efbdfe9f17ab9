import { describe, expect, test } from 'vitest';
import { csv, csvCell } from '../../src/lib/csv.ts';

describe('csvCell: quoting (RFC 4180)', () => {
  test.each<[string, string | number, string]>([
    ['plain text', "Maya's phone", "Maya's phone"],
    ['a number', 145, '145'],
    ['a comma is quoted', 'Day 1, 09:00', '"Day 1, 09:00"'],
    ['a quote is doubled', 'say "hi"', '"say ""hi"""'],
    ['a line feed is quoted', 'two\nlines', '"two\nlines"'],
    ['a CRLF is quoted', 'two\r\nlines', '"two\r\nlines"'],
    ['an empty cell', '', ''],
  ])('%s', (_name, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('csvCell: formula injection (OWASP), with numbers and phone numbers left readable', () => {
  test.each<[string, string | number, string]>([
    ['= is a formula', '=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['@ is a formula', '@SUM(A1)', "'@SUM(A1)"],
    ['- then a formula', '-2+3+cmd|calc', "'-2+3+cmd|calc"],
    ['+ then a formula', '+cmd|calc', "'+cmd|calc"],
    ['+SUM is a formula', '+SUM(A1)', "'+SUM(A1)"],
    ['a tab start is guarded', '\t=1', "'\t=1"],
    ['a tab before a number is guarded', '\t5', "'\t5"],
    ['a CR start is guarded and quoted', '\r=1', `"'\r=1"`],
    ['a DDE payload in an address', "=cmd|'/c calc'!a0@evil.example", "'=cmd|'/c calc'!a0@evil.example"],
    ['an E.164 phone number stays readable', '+15550100142', '+15550100142'],
    ['a long E.164 number too', '+447700900123', '+447700900123'],
    ['a negative number is a number', '-3', '-3'],
    ['a negative decimal too', '-2.5', '-2.5'],
    ['a number as a JavaScript number', -3, '-3'],
    ['a lone sign is not a number', '-', "'-"],
    ['a phone number with spaces is not only a number', '+1 555 010 0142', "'+1 555 010 0142"],
    ['a plus then letters is guarded', '+1555abc', "'+1555abc"],
    ['a number then a formula is guarded', '-1+1', "'-1+1"],
    ['an email address', 'sam@example.org', 'sam@example.org'],
    ['= inside a cell is not a formula', 'a=b', 'a=b'],
  ])('%s', (_name, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('csv', () => {
  test('CRLF after every row, the last included; cells guarded and quoted', () => {
    expect(
      csv([
        ['seq', 'handle'],
        [1, '+15550100142'],
        [2, '=1+1'],
      ]),
    ).toBe("seq,handle\r\n1,+15550100142\r\n2,'=1+1\r\n");
  });
  test('no rows, no text', () => {
    expect(csv([])).toBe('');
  });
});
