import { binaryKind, codeUnitsOf, decodeCsv, decodeUnits, unitSize, type BinaryKind, type CodeUnits, type CsvEncoding } from './decode';
import { detectHeaderRow, HEADER_SEARCH_RECORDS, isKeywordRow } from './headers';
import { fieldRange, recordCount, tokenizeCsv, type CsvSyntaxProblem, type CsvTokens } from './tokenize';

export type Newline = '\r\n' | '\n' | '\r';

/** Why a file is not read, or what is worth telling about one that is; words in lib/problem-text.ts. */
export type CsvProblem =
  | CsvSyntaxProblem
  | { code: 'column-count'; line: number; width: number; cells: number }
  | { code: 'lossy-decoding'; line: number; encoding: string }
  | { code: 'empty' }
  | { code: 'odd-utf16' }
  | { code: 'zip-not-csv' }
  | { code: 'xls-not-csv' }
  | { code: 'pdf-not-csv' }
  | { code: 'not-text' };

/** The layout of a file: what a patch or an appended row must reproduce. */
export interface CsvLayout {
  encoding: CsvEncoding;
  bom: boolean;
  bomLength: number;
  delimiter: string;
  /** The line ending used most (the first one seen on a tie). */
  newline: Newline;
  mixedNewlines: boolean;
  endsWithNewline: boolean;
  /** 0-based index of the header record. */
  headerRowIndex: number;
  /** Records above the header (a title line, a keyword line, `version:v1.0`), each as its cells joined back. */
  preamble: string[];
  headers: string[];
  /** 0-based record where people begin: below the header, and below a keyword row that follows it. */
  dataRowIndex: number;
  /** Byte offset where people begin: everything before it is the file's head, kept byte for byte. */
  dataOffset: number;
}

export interface CsvFile extends CsvLayout {
  ok: true;
  /** Data rows below the header; blank lines are skipped. */
  rows: string[][];
  /** 1-based file line of each data row. */
  rowLines: number[];
  /** Things worth telling the admin that do not stop the file from being read. */
  warnings: CsvProblem[];
  /** How many more there were than `warnings` lists (it lists at most MAX_WARNINGS). */
  warningsLeftOut?: number;
}

export interface CsvReadFailure {
  ok: false;
  error: CsvProblem;
}

const DELIMITERS = [0x2c, 0x09, 0x3b];
const SAMPLE_UNITS = 64 * 1024;

/** The delimiter that splits the first records into the same number of columns most often. */
export function detectDelimiter(units: CodeUnits): number {
  const sample = units.subarray(0, SAMPLE_UNITS);
  let best = DELIMITERS[0]!;
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const tokens = tokenizeCsv(sample, delimiter, 50);
    const widths = new Map<number, number>();
    for (let r = 0; r < recordCount(tokens); r++) {
      const [first, next] = fieldRange(tokens, r);
      const width = next - first;
      if (width > 1) widths.set(width, (widths.get(width) ?? 0) + 1);
    }
    let score = 0;
    for (const [width, count] of widths) score = Math.max(score, count * 1000 + width);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

export function fieldValue(units: CodeUnits, tokens: CsvTokens, field: number, encoding: CsvEncoding): string {
  const start = tokens.fieldStart[field]!;
  const end = tokens.fieldEnd[field]!;
  if (!tokens.fieldQuoted[field]) return decodeUnits(units, start, end, encoding);
  const inner = decodeUnits(units, start + 1, Math.max(start + 1, end - 1), encoding);
  return inner.includes('"') ? inner.replaceAll('""', '"') : inner;
}

export function recordValues(units: CodeUnits, tokens: CsvTokens, record: number, encoding: CsvEncoding): string[] {
  const [first, next] = fieldRange(tokens, record);
  const values: string[] = [];
  for (let f = first; f < next; f++) values.push(fieldValue(units, tokens, f, encoding));
  return values;
}

function isBlankRecord(tokens: CsvTokens, record: number): boolean {
  return tokens.recordStart[record] === tokens.recordEnd[record];
}

export interface ParsedCsv {
  units: CodeUnits;
  tokens: CsvTokens;
  layout: CsvLayout;
  /** 1-based line of the first character that could not be decoded; absent when none. */
  lossyLine?: number;
}

const NOT_TEXT = { zip: 'zip-not-csv', ole: 'xls-not-csv', pdf: 'pdf-not-csv', binary: 'not-text' } as const satisfies Record<BinaryKind, CsvProblem['code']>;

/** 1-based line of the first character the decoder could not read. */
function firstLossyLine(text: string): number {
  const at = text.indexOf('\uFFFD');
  let line = 1;
  for (let i = 0; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line++;
  }
  return line;
}

// Longer than any keyword: a record with a longer field is a person's, and is not decoded twice.
const KEYWORD_UNITS = 64;

function shortFields(tokens: CsvTokens, record: number): boolean {
  const [first, next] = fieldRange(tokens, record);
  for (let f = first; f < next; f++) if (tokens.fieldEnd[f]! - tokens.fieldStart[f]! > KEYWORD_UNITS) return false;
  return true;
}

/** Decodes and tokenises a file; the shared first step of reading and patching. */
export function parseCsv(bytes: Uint8Array, override?: CsvEncoding): ParsedCsv | CsvReadFailure {
  const decoded = decodeCsv(bytes, override);
  const body = bytes.length - decoded.bomLength;
  if (body === 0) {
    return { ok: false, error: { code: 'empty' } };
  }
  const binary = unitSize(decoded.encoding) === 1 ? binaryKind(bytes.subarray(decoded.bomLength)) : undefined;
  if (binary) return { ok: false, error: { code: NOT_TEXT[binary] } };
  if (decoded.encoding.startsWith('utf-16') && body % 2 === 1) {
    return { ok: false, error: { code: 'odd-utf16' } };
  }
  const units = codeUnitsOf(bytes, decoded.encoding, decoded.bomLength);
  const delimiter = detectDelimiter(units);
  const tokens = tokenizeCsv(units, delimiter);
  if (tokens.problem) return { ok: false, error: tokens.problem };
  const records = recordCount(tokens);
  const head: string[][] = [];
  for (let r = 0; r < Math.min(records, HEADER_SEARCH_RECORDS); r++) head.push(recordValues(units, tokens, r, decoded.encoding));
  const headerRowIndex = detectHeaderRow(head);
  const headers = head[headerRowIndex] ?? [];
  let dataRowIndex = headerRowIndex + 1;
  while (dataRowIndex < records && tokens.recordStart[dataRowIndex] === tokens.recordEnd[dataRowIndex]) dataRowIndex++;
  if (dataRowIndex < records && shortFields(tokens, dataRowIndex) && isKeywordRow(headers, recordValues(units, tokens, dataRowIndex, decoded.encoding)))
    dataRowIndex++;
  const dataOffset = dataRowIndex < records ? decoded.bomLength + tokens.recordStart[dataRowIndex]! * unitSize(decoded.encoding) : bytes.length;
  const { crlf, lf, cr } = tokens.newlines;
  const newline: Newline = lf > crlf && lf >= cr ? '\n' : cr > crlf && cr > lf ? '\r' : '\r\n';
  const layout: CsvLayout = {
    encoding: decoded.encoding,
    bom: decoded.bom,
    bomLength: decoded.bomLength,
    delimiter: String.fromCharCode(delimiter),
    newline,
    mixedNewlines: [crlf, lf, cr].filter((count) => count > 0).length > 1,
    endsWithNewline: tokens.endsWithNewline,
    headerRowIndex,
    preamble: head.slice(0, headerRowIndex).map((cells) => cells.join(String.fromCharCode(delimiter))),
    headers,
    dataRowIndex,
    dataOffset,
  };
  return { units, tokens, layout, ...(decoded.lossy ? { lossyLine: firstLossyLine(decoded.text) } : {}) };
}

const MAX_WARNINGS = 100;

/** Reads a CSV file of any common encoding, delimiter and line ending; never throws on bad input. */
export function readCsv(bytes: Uint8Array, override?: CsvEncoding): CsvFile | CsvReadFailure {
  const parsed = parseCsv(bytes, override);
  if ('ok' in parsed) return parsed;
  const { units, tokens, layout } = parsed;
  const warnings: CsvProblem[] = [];
  const { lossyLine } = parsed;
  if (lossyLine !== undefined) {
    warnings.push({ code: 'lossy-decoding', line: lossyLine, encoding: layout.encoding });
  }
  const rows: string[][] = [];
  const rowLines: number[] = [];
  const width = layout.headers.length;
  let warningsLeftOut = 0;
  for (let r = layout.dataRowIndex; r < recordCount(tokens); r++) {
    if (isBlankRecord(tokens, r)) continue;
    const row = recordValues(units, tokens, r, layout.encoding);
    const line = tokens.recordLine[r]!;
    if (row.length !== width) {
      if (warnings.length < MAX_WARNINGS) warnings.push({ code: 'column-count', line, width, cells: row.length });
      else warningsLeftOut += 1;
    }
    rows.push(row);
    rowLines.push(line);
  }
  return { ok: true, ...layout, rows, rowLines, warnings, ...(warningsLeftOut > 0 ? { warningsLeftOut } : {}) };
}
