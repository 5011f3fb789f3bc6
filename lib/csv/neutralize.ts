/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell starting with `=`, `+`, `-`, `@`,
 * tab, CR or LF may run as a formula when the file is opened in a spreadsheet. Such a cell gets a
 * leading `'`, and so does every line of a multi-line value that starts with a formula character,
 * since some spreadsheets evaluate each line of a pasted cell. The full-width forms `＝` `＋` `－` `＠`
 * count too, as a precaution: Japanese Excel takes a full-width `＝` typed at the start of a cell as
 * `=`, so a cell that is merely opened for editing and confirmed could become a formula.
 */
const TRIGGER = '=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20';
const RISKY = new RegExp(`^[${TRIGGER}\\t\\r\\n]|[\\r\\n][${TRIGGER}\\t]`);
const RISKY_LINE_START = new RegExp(`(\\r\\n|\\r|\\n)(?=[${TRIGGER}\\t])`, 'g');
const RISKY_CELL_START = new RegExp(`^[${TRIGGER}\\t\\r\\n]`);

export function neutralizeCell(value: string): string {
  if (!RISKY.test(value)) return value;
  const lines = value.replace(RISKY_LINE_START, "$1'");
  return RISKY_CELL_START.test(lines) ? `'${lines}` : lines;
}
