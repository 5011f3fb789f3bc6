/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell starting with `=`, `+`, `-`, `@`,
 * tab, CR or LF may run as a formula when the file is opened in a spreadsheet. Such a cell gets a
 * leading `'`, and so does every line of a multi-line value that starts with a formula character,
 * since some spreadsheets evaluate each line of a pasted cell.
 */
const RISKY = /^[=+\-@\t\r\n]|[\r\n][=+\-@\t]/;
const RISKY_LINE_START = /(\r\n|\r|\n)(?=[=+\-@\t])/g;
const RISKY_CELL_START = /^[=+\-@\t\r\n]/;

export function neutralizeCell(value: string): string {
  if (!RISKY.test(value)) return value;
  const lines = value.replace(RISKY_LINE_START, "$1'");
  return RISKY_CELL_START.test(lines) ? `'${lines}` : lines;
}
