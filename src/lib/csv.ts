/**
 * The one CSV writer: the ledger's "Download CSV" and `npm run simulate -- --format csv` both write
 * through it, so a cell is guarded and quoted the same way wherever it is opened.
 */

/** A cell a spreadsheet would run as a formula starts with one of these (OWASP's list, tab and CR included). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Only a number, optionally signed: -3, +1.5, and every phone number in E.164 form (+15550100142),
 * which for this purpose is a signed run of digits.
 */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Cells that must be quoted under RFC 4180. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV cell, safe to open in a spreadsheet.
 *
 * Formula injection (OWASP "CSV Injection"): Excel, LibreOffice and Google Sheets run a cell that
 * starts with =, +, -, @, a tab or a CR as a formula, so text a scenario author or a reader typed
 * (a device label, an address) could call out (`=HYPERLINK(…)`, `-2+3+cmd|…`). Such a cell gets a
 * leading `'`, which the spreadsheet shows as text.
 *
 * The one exception is a cell that is only a number. As a formula, `-3` or `+15550100142` is that
 * number and nothing else: it can compute nothing and reach nothing. The records are full of phone
 * numbers, and a `'` before every handle would show up literally after a plain CSV import and stop
 * handles matching across columns. A spreadsheet may still read such a cell as a number and drop
 * the +; import the column as text to keep it. `+1 555 010 0142` or `+1555abc` is not only a number,
 * so it is guarded.
 *
 * Quoting (RFC 4180): a cell containing a comma, a double quote, CR or LF is wrapped in double
 * quotes, with each inner double quote doubled.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as RFC 4180 CSV: CRLF after every record, the last included. */
export function csv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
