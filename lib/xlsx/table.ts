import type { CsvEncoding } from '../csv/decode';
import { detectHeaderRow, findColumn, HEADER_SEARCH_RECORDS, isKeywordRow } from '../csv/headers';
import { readCsv, type CsvFile, type CsvReadFailure } from '../csv/read';
import { attempt, XlsxError, type XlsxProblem } from './errors';
import { isWorkbookBytes, openWorkbook, readSheet, sheetRows, type SheetModel, type Workbook } from './read';

/**
 * A worksheet read as a table in the shape of a CSV file, so that header matching, validation and
 * row numbering are exactly the CSV ones. A workbook holds Unicode text, so its layout reads as
 * UTF-8 (every character can be written back); `rowLines` are the sheet's row numbers.
 * `headerRowIndex` and `dataRowIndex` count the sheet's rows that hold a value, as a CSV file's
 * count its records. `dataOffset` is always 0: a workbook is a zip of XML parts, and no byte of it
 * divides the head from the people, so its rows are written by sheet row (`workbook.dataRow`) instead.
 */
export interface WorkbookTable extends CsvFile {
  /**
   * `dataRow` is the sheet row where people begin: the first one below the header (and its keyword
   * row) that holds a value, else the one right below them. Blank rows count, unlike in `dataRowIndex`.
   */
  workbook: { sheet: string; sheets: string[]; externalLinks: boolean; dataRow: number };
}

export interface TableReadOptions {
  /** Forces the reading encoding of a CSV file. */
  encoding?: CsvEncoding;
  /** The worksheet the admin chose, by name. */
  sheet?: string;
  /** Header names that tell the sheet to read: the first whose header row holds one of them. */
  wanted?: string | readonly string[];
}

export interface OpenSheet {
  workbook: Workbook;
  model: SheetModel;
  table: WorkbookTable;
}

function tableOf(workbook: Workbook, name: string, model: SheetModel): WorkbookTable {
  const { rows, rowNumbers } = sheetRows(model);
  const headerRowIndex = rows.length === 0 ? 0 : detectHeaderRow(rows.slice(0, HEADER_SEARCH_RECORDS));
  const headers = rows[headerRowIndex] ?? [];
  // Blank rows are not among `rows`, so the row below the header is the one CSV reads past its blank lines.
  const dataRowIndex = headerRowIndex + (isKeywordRow(headers, rows[headerRowIndex + 1] ?? []) ? 2 : 1);
  return {
    ok: true,
    encoding: 'utf-8',
    bom: false,
    bomLength: 0,
    delimiter: ',',
    newline: '\r\n',
    mixedNewlines: false,
    endsWithNewline: true,
    headerRowIndex,
    preamble: rows.slice(0, headerRowIndex).map((cells) => cells.join(',')),
    headers,
    dataRowIndex,
    dataOffset: 0,
    rows: rows.slice(dataRowIndex),
    rowLines: rowNumbers.slice(dataRowIndex),
    warnings: [],
    workbook: {
      sheet: name,
      sheets: workbook.sheets.map((sheet) => sheet.name),
      externalLinks: workbook.externalLinks,
      dataRow: rowNumbers[dataRowIndex] ?? (rowNumbers[dataRowIndex - 1] ?? 0) + 1,
    },
  };
}

/**
 * Opens a workbook on the sheet the admin chose, or else the first whose header row holds a wanted
 * column, or else the first sheet. Throws XlsxError.
 */
export function openSheet(bytes: Uint8Array, options: TableReadOptions = {}): OpenSheet {
  const workbook = openWorkbook(bytes);
  if (options.sheet !== undefined) {
    const sheet = workbook.sheets.find((candidate) => candidate.name === options.sheet);
    if (!sheet) throw new XlsxError('sheet-not-found', options.sheet);
    const model = readSheet(workbook, sheet);
    return { workbook, model, table: tableOf(workbook, sheet.name, model) };
  }
  let first: OpenSheet | undefined;
  for (const sheet of workbook.sheets) {
    const model = readSheet(workbook, sheet);
    const opened = { workbook, model, table: tableOf(workbook, sheet.name, model) };
    if (options.wanted === undefined || findColumn(opened.table.headers, options.wanted) >= 0) return opened;
    first ??= opened;
  }
  return first!;
}

/** A CSV file or a worksheet as a table; a workbook's failure carries an `xlsx-…` code. */
export function readTable(bytes: Uint8Array, options: TableReadOptions = {}): CsvFile | WorkbookTable | CsvReadFailure | { ok: false; error: XlsxProblem } {
  if (!isWorkbookBytes(bytes)) return readCsv(bytes, options.encoding);
  const opened = attempt(() => openSheet(bytes, options));
  return 'ok' in opened ? opened : opened.table;
}

/** What a workbook holds that the admin should know of, though it does not stop the export. */
export function workbookWarnings(table: WorkbookTable): { severity: 'warning'; problem: { code: 'xlsx-external-links' } }[] {
  return table.workbook.externalLinks ? [{ severity: 'warning', problem: { code: 'xlsx-external-links' } }] : [];
}

export function isWorkbookTable(file: CsvFile): file is WorkbookTable {
  return 'workbook' in file;
}

/** Names of a workbook's worksheets, for the admin to choose from; empty for anything else. */
export function sheetNames(bytes: Uint8Array): string[] {
  if (!isWorkbookBytes(bytes)) return [];
  const workbook = attempt(() => openWorkbook(bytes));
  return 'zip' in workbook ? workbook.sheets.map((sheet) => sheet.name) : [];
}
