import { zipSync } from 'fflate';
import Papa from 'papaparse';
import type { CsvEncoding } from '../csv/decode';
import { DEFAULT_OUTPUT_ENCODING, encodeText, outputEncodingLayout, unencodableChars, type OutputEncoding } from '../csv/encode';
import { findColumn, normalizeHeader } from '../csv/headers';
import { neutralizeCell } from '../csv/neutralize';
import type { Member } from '../model';
import { replaceRows } from '../xlsx/patch';
import { isWorkbookTable, openSheet, readTable, workbookWarnings } from '../xlsx/table';
import { writeWorkbook, XLSX_MIME } from '../xlsx/write';
import type { BuildResult, ColumnSpec, ExportFile, ExportIssue, ExportProblem, OutputKind, SkippedRow } from './types';

/** Every spelling of a column: its own header first, then the ones other files use. */
export function columnNames(column: ColumnSpec): string[] {
  return [column.header, ...(column.aliases ?? [])];
}

/** The index of the column a header names under any of its spellings, -1 when none. */
export function columnNamed(columns: readonly ColumnSpec[], header: string): number {
  const wanted = normalizeHeader(header);
  return columns.findIndex((column) => columnNames(column).some((name) => normalizeHeader(name) === wanted));
}

/** A column's index in a file's headers under any of its spellings, -1 when absent. */
export function columnIndex(headers: readonly string[], column: ColumnSpec): number {
  return findColumn(headers, columnNames(column));
}

/** One row to write: cells in the order of the format's columns. */
export interface TableRow {
  member: string;
  name: string;
  cells: string[];
}

/** A column that says how to fill itself from a member. */
export interface MemberColumn<Context> extends ColumnSpec {
  value: (member: Member, context: Context) => string;
}

/**
 * One row per member; a value the admin typed for a member (by header) wins over the derived one.
 */
export function memberRows<Context>(
  columns: readonly MemberColumn<Context>[],
  members: readonly Member[],
  context: Context,
  typed?: ReadonlyMap<string, Readonly<Record<string, string>>>,
): TableRow[] {
  return members.map((member) => {
    const cells = columns.map((column) => column.value(member, context));
    const own = typed?.get(member.key);
    if (own) {
      for (const [header, value] of Object.entries(own)) {
        const index = columnNamed(columns, header);
        if (index >= 0) cells[index] = value;
      }
    }
    return { member: member.key, name: member.name, cells };
  });
}

export interface TableSpec {
  columns: readonly ColumnSpec[];
  rows: readonly TableRow[];
  /** File name without extension; parts get `-001`, `-002` … */
  baseName: string;
  encoding?: OutputEncoding;
  validRowsOnly?: boolean;
  /** Rows per file; more rows make several files handed over as one zip. */
  maxRowsPerFile?: number;
  /** The admin's own sample file: its header lines and columns are kept and rows appended. */
  template?: Uint8Array;
  /** Without a template: CSV (the default) or a workbook. */
  output?: OutputKind;
  /** The worksheet of a workbook template. */
  sheet?: string;
}

const CRLF = '\r\n';

function mimeOf(encoding: CsvEncoding): string {
  return `text/csv;charset=${encoding}`;
}

/** Where each format column goes in the written file: the template's column order, or the format's own. */
interface Target {
  headers: readonly string[];
  /** Format column index → file column index, -1 when the file has no such column. */
  placement: number[];
  encoding: CsvEncoding;
  bom: boolean;
  delimiter: string;
  newline: string;
  /** Header lines above the first data row (preamble, header and keyword row). */
  headLines: number;
  /**
   * A CSV template's bytes above its first data row and whether they end a line, or a workbook
   * template and its sheet, whose example rows are written over.
   */
  template?: { head: Uint8Array; endsWithNewline: boolean } | { workbook: Uint8Array; sheet: string };
  /** A workbook's text cells never run as formulas, so values go in as they are, not neutralised. */
  kind: OutputKind;
}

function targetOf(spec: TableSpec, issues: ExportIssue[]): Target | undefined {
  if (!spec.template) {
    const kind = spec.output ?? 'csv';
    // A workbook holds Unicode text: the encoding chosen for CSV does not apply.
    const { encoding, bom } = kind === 'xlsx' ? { encoding: 'utf-8' as const, bom: false } : outputEncodingLayout(spec.encoding ?? DEFAULT_OUTPUT_ENCODING);
    return {
      headers: spec.columns.map((column) => column.header),
      placement: spec.columns.map((_, index) => index),
      encoding,
      bom,
      delimiter: ',',
      newline: CRLF,
      headLines: 1,
      kind,
    };
  }
  const wanted = spec.columns.filter((column) => column.required).map((column) => column.header);
  const file = readTable(spec.template, { ...(spec.sheet !== undefined ? { sheet: spec.sheet } : {}), ...(wanted.length > 0 ? { wanted } : {}) });
  if (!file.ok) {
    issues.push({ severity: 'error', ...('line' in file.error ? { line: file.error.line } : {}), problem: file.error });
    return undefined;
  }
  const placement = spec.columns.map((column) => columnIndex(file.headers, column));
  spec.columns.forEach((column, index) => {
    if (placement[index] === -1 && column.required) {
      issues.push({ severity: 'error', column: column.header, problem: { code: 'template-missing-column', column: column.header } });
    }
  });
  const workbook = isWorkbookTable(file) ? file.workbook : undefined;
  if (isWorkbookTable(file)) issues.push(...workbookWarnings(file));
  // A console's sample file comes with example members. They are never uploaded with the real ones:
  // the file is written from the template's head (a workbook's example rows are written over), and
  // each example row is named.
  file.rows.forEach((row, index) => {
    const line = file.rowLines[index]!;
    const shown = row
      .filter((cell) => cell.trim() !== '')
      .slice(0, 3)
      .join(', ');
    issues.push({ severity: 'warning', row: index + 1, line, problem: { code: 'template-example-row', line, cells: shown } });
  });
  return {
    headers: file.headers,
    placement,
    encoding: file.encoding,
    bom: file.bom,
    delimiter: file.delimiter,
    newline: file.newline,
    ...(workbook
      ? { headLines: workbook.dataRow - 1, template: { workbook: spec.template, sheet: workbook.sheet }, kind: 'xlsx' as const }
      : {
          headLines: file.dataRowIndex,
          template: { head: spec.template.subarray(0, file.dataOffset), endsWithNewline: file.rows.length > 0 || file.endsWithNewline },
          kind: 'csv' as const,
        }),
  };
}

/** Every error of every row, so that the admin sees them all before anything is written. */
function validate(spec: TableSpec, target: Target, issues: ExportIssue[]): Set<number> {
  const invalid = new Set<number>();
  const checked = spec.columns
    .map((column, index) => ({ column, index }))
    .filter(({ column, index }) => (column.rule || column.required || target.encoding === 'shift_jis') && target.placement[index] !== -1);
  spec.rows.forEach((row, rowIndex) => {
    for (const { column, index } of checked) {
      const value = row.cells[index] ?? '';
      let problem: ExportProblem | undefined;
      if (value === '') {
        if (column.required) problem = { code: 'required' };
      } else if (column.rule && !column.rule.schema.safeParse(value).success) problem = column.rule.problem;
      else {
        const missing = unencodableChars(value, target.encoding);
        if (missing.length > 0) problem = { code: 'unencodable', chars: missing.join(' ') };
      }
      if (!problem) continue;
      invalid.add(rowIndex);
      issues.push({ severity: 'error', row: rowIndex + 1, line: target.headLines + rowIndex + 1, column: column.header, member: row.member, problem });
    }
  });
  return invalid;
}

function fileCells(spec: TableSpec, target: Target, row: TableRow): string[] {
  const cells = new Array<string>(target.headers.length).fill('');
  spec.columns.forEach((column, index) => {
    const at = target.placement[index]!;
    if (at < 0) return;
    const value = row.cells[index] ?? '';
    cells[at] = column.trusted || target.kind === 'xlsx' ? value : neutralizeCell(value);
  });
  return cells;
}

function serialize(target: Target, rows: string[][]): string {
  return Papa.unparse(rows, { delimiter: target.delimiter, newline: target.newline, header: false }) + target.newline;
}

function renderPart(spec: TableSpec, target: Target, rows: readonly TableRow[]): Uint8Array {
  const cells = rows.map((row) => fileCells(spec, target, row));
  const { template } = target;
  if (template && 'workbook' in template) return replaceRows(openSheet(template.workbook, { sheet: template.sheet }), cells);
  if (target.kind === 'xlsx')
    return writeWorkbook({ sheetName: spec.baseName, headers: target.headers, required: spec.columns.map((column) => !!column.required), rows: cells });
  const body = serialize(target, cells);
  if (!template) return encodeText(serialize(target, [[...target.headers]]) + body, target.encoding, target.bom);
  const { head, endsWithNewline } = template;
  const appended = encodeText((endsWithNewline ? '' : target.newline) + body, target.encoding, false);
  const out = new Uint8Array(head.length + appended.length);
  out.set(head);
  out.set(appended, head.length);
  return out;
}

/**
 * Validates, neutralises, serialises and encodes rows into one file, or into parts of at most
 * `maxRowsPerFile` rows zipped together. Refuses (no file) while an error stands, unless
 * `validRowsOnly`, in which case the rows in error are left out and listed.
 */
export function buildTable(spec: TableSpec): BuildResult {
  const issues: ExportIssue[] = [];
  const target = targetOf(spec, issues);
  if (!target) return { files: [], issues, skippedRows: [] };
  const invalid = validate(spec, target, issues);
  if (issues.some((issue) => issue.severity === 'error' && issue.row === undefined)) return { files: [], issues, skippedRows: [] };
  if (invalid.size > 0 && !spec.validRowsOnly) return { files: [], issues, skippedRows: [] };
  const skippedRows: SkippedRow[] = [];
  const rows = spec.rows.filter((row, index) => {
    if (!invalid.has(index)) return true;
    skippedRows.push({ row: index + 1, member: row.member, name: row.name });
    return false;
  });

  const perFile = spec.maxRowsPerFile ?? Infinity;
  const mime = target.kind === 'xlsx' ? XLSX_MIME : mimeOf(target.encoding);
  const extension = target.kind === 'xlsx' ? 'xlsx' : 'csv';
  if (rows.length <= perFile) return { files: [{ name: `${spec.baseName}.${extension}`, bytes: renderPart(spec, target, rows), mime }], issues, skippedRows };

  const parts: Record<string, Uint8Array> = {};
  for (let start = 0, part = 1; start < rows.length; start += perFile, part++) {
    parts[`${spec.baseName}-${String(part).padStart(3, '0')}.${extension}`] = renderPart(spec, target, rows.slice(start, start + perFile));
  }
  const zip: ExportFile = { name: `${spec.baseName}.zip`, bytes: zipSync(parts, { level: 6 }), mime: 'application/zip' };
  return { files: [zip], issues, skippedRows };
}

/** A file name part from free text (a tenant, a date) that every OS accepts. */
/** A tenant as a file-name part: letters and digits of any script (株式会社エグザンプル stays as it is), `.`, `_`, `-`; anything else one `-`. */
export function fileNamePart(text: string): string {
  return (
    text
      .normalize('NFKC')
      .replace(/[^\p{L}\p{N}._-]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'export'
  );
}

export function dateStamp(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
}
