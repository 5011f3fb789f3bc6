import type { CodeUnits } from './decode';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Where a file stops being CSV; words in lib/problem-text.ts. */
export type CsvSyntaxProblem = { code: 'unterminated-quote'; line: number } | { code: 'text-after-quote'; line: number };

/**
 * Every field and record of a file with its exact span in code units, so that a patch can rewrite one
 * field and copy everything else as it came. Flat arrays: a 100,000-row file has a million fields.
 */
export interface CsvTokens {
  /** Field spans; a quoted field's span includes its quotes. */
  fieldStart: number[];
  fieldEnd: number[];
  fieldQuoted: boolean[];
  /** Index of each record's first field; record r owns fields [recordField[r], recordField[r + 1]). */
  recordField: number[];
  /** Record spans without the line ending. */
  recordStart: number[];
  recordEnd: number[];
  /** 1-based line on which each record starts. */
  recordLine: number[];
  newlines: { crlf: number; lf: number; cr: number };
  endsWithNewline: boolean;
  /** Set when the file cannot be read past some point; records before it are kept. */
  problem?: CsvSyntaxProblem;
}

export function recordCount(tokens: CsvTokens): number {
  return tokens.recordStart.length;
}

export function fieldRange(tokens: CsvTokens, record: number): [number, number] {
  const first = tokens.recordField[record]!;
  const next = record + 1 < tokens.recordField.length ? tokens.recordField[record + 1]! : tokens.fieldStart.length;
  return [first, next];
}

export function tokenizeCsv(units: CodeUnits, delimiter: number, maxRecords = Infinity): CsvTokens {
  const tokens: CsvTokens = {
    fieldStart: [],
    fieldEnd: [],
    fieldQuoted: [],
    recordField: [],
    recordStart: [],
    recordEnd: [],
    recordLine: [],
    newlines: { crlf: 0, lf: 0, cr: 0 },
    endsWithNewline: false,
  };
  const n = units.length;
  let i = 0;
  let line = 1;
  while (i < n && tokens.recordStart.length < maxRecords) {
    tokens.recordField.push(tokens.fieldStart.length);
    tokens.recordStart.push(i);
    tokens.recordLine.push(line);
    for (;;) {
      const start = i;
      let quoted = false;
      if (units[i] === QUOTE) {
        quoted = true;
        const openLine = line;
        i++;
        for (;;) {
          if (i >= n) {
            tokens.problem = { code: 'unterminated-quote', line: openLine };
            break;
          }
          const c = units[i]!;
          if (c === QUOTE) {
            if (units[i + 1] === QUOTE) {
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === LF || (c === CR && units[i + 1] !== LF)) line++;
          i++;
        }
        if (!tokens.problem && i < n && units[i] !== delimiter && units[i] !== CR && units[i] !== LF) {
          tokens.problem = { code: 'text-after-quote', line };
        }
      } else {
        while (i < n) {
          const c = units[i]!;
          if (c === delimiter || c === LF || c === CR) break;
          i++;
        }
      }
      tokens.fieldStart.push(start);
      tokens.fieldEnd.push(i);
      tokens.fieldQuoted.push(quoted);
      if (tokens.problem) break;
      if (i < n && units[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    tokens.recordEnd.push(i);
    if (tokens.problem) return tokens;
    if (i < n) {
      if (units[i] === CR && units[i + 1] === LF) {
        tokens.newlines.crlf++;
        i += 2;
      } else {
        if (units[i] === CR) tokens.newlines.cr++;
        else tokens.newlines.lf++;
        i++;
      }
      line++;
      if (i === n) tokens.endsWithNewline = true;
    }
  }
  return tokens;
}
