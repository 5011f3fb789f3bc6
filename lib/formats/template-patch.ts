import { unencodableChars } from '../csv/encode';
import { findColumn, normalizeHeader } from '../csv/headers';
import { normalizeKey, patchTemplate, type RefusedChange } from '../csv/patch';
import type { CsvFile } from '../csv/read';
import { patchWorkbook } from '../xlsx/patch';
import { isWorkbookTable, readTable, workbookWarnings } from '../xlsx/table';
import { XLSX_MIME } from '../xlsx/write';
import { columnIndex, columnNamed, columnNames } from './table';
import type { BuildResult, ColumnSpec, ExportIssue, ExportProblem, SkippedRow } from './types';

/** What to change in one template row, found by its key cell. */
export interface RowChange {
  member: string;
  name: string;
  cells: Record<string, string>;
}

export interface TemplatePatchSpec {
  template: Uint8Array | undefined;
  keyColumn: string | readonly string[];
  /** Rules of the columns a change may touch, by header. */
  columns: readonly ColumnSpec[];
  /** The changes for the template's rows, keyed by key cell value (any case). */
  changesFor: (file: CsvFile, keyIndex: number, issues: ExportIssue[]) => Map<string, RowChange>;
  lockedColumns?: readonly string[];
  allowClear?: ReadonlySet<string>;
  validRowsOnly?: boolean;
  baseName: string;
  /** The worksheet of a workbook template; else the first that holds the key column. */
  sheet?: string;
}

const TEMPLATE_REQUIRED: ExportIssue = { severity: 'error', problem: { code: 'template-required' } };

/**
 * Fills or changes cells of the console's own file: every change is validated first (all errors
 * listed by row and column), then patched in, copying every other byte of the file.
 */
export function buildTemplatePatch(spec: TemplatePatchSpec): BuildResult {
  if (!spec.template) return { files: [], issues: [TEMPLATE_REQUIRED], skippedRows: [] };
  const file = readTable(spec.template, { ...(spec.sheet !== undefined ? { sheet: spec.sheet } : {}), wanted: spec.keyColumn });
  if (!file.ok) {
    return {
      files: [],
      issues: [{ severity: 'error', ...('line' in file.error ? { line: file.error.line } : {}), problem: file.error }],
      skippedRows: [],
    };
  }
  const keyIndex = findColumn(file.headers, spec.keyColumn);
  if (keyIndex < 0) {
    const names = typeof spec.keyColumn === 'string' ? spec.keyColumn : spec.keyColumn.join(' / ');
    return {
      files: [],
      issues: [{ severity: 'error', problem: { code: 'no-key-column', column: names } }],
      skippedRows: [],
    };
  }
  const workbook = isWorkbookTable(file) ? file.workbook : undefined;
  const issues: ExportIssue[] = isWorkbookTable(file) ? workbookWarnings(file) : [];
  const changes = spec.changesFor(file, keyIndex, issues);
  // A change names a column by the format's header; the file may spell it another way (名 / 名前).
  const fileHeaderOf = (header: string): string => {
    const column = spec.columns[columnNamed(spec.columns, header)];
    const index = column ? columnIndex(file.headers, column) : -1;
    return index >= 0 ? file.headers[index]! : header;
  };
  for (const change of changes.values())
    change.cells = Object.fromEntries(Object.entries(change.cells).map(([header, value]) => [fileHeaderOf(header), value]));
  const rules = new Map(spec.columns.flatMap((column) => columnNames(column).map((name) => [normalizeHeader(name), column] as const)));

  const invalidKeys = new Set<string>();
  const skippedRows: SkippedRow[] = [];
  file.rows.forEach((row, index) => {
    const key = normalizeKey(row[keyIndex] ?? '');
    const change = changes.get(key);
    if (!change) return;
    let invalid = false;
    for (const [header, value] of Object.entries(change.cells)) {
      const column = rules.get(normalizeHeader(header));
      const missing = unencodableChars(value, file.encoding);
      const problem: ExportProblem | undefined =
        value !== '' && column?.rule && !column.rule.schema.safeParse(value).success
          ? column.rule.problem
          : missing.length > 0
            ? { code: 'unencodable', chars: missing.join(' ') }
            : undefined;
      if (!problem) continue;
      invalid = true;
      issues.push({
        severity: 'error',
        row: index + 1,
        line: file.rowLines[index],
        column: header,
        member: change.member,
        problem,
      });
    }
    if (invalid && !invalidKeys.has(key)) {
      invalidKeys.add(key);
      skippedRows.push({ row: index + 1, member: change.member, name: change.name });
    }
  });
  const fileError = issues.some((issue) => issue.severity === 'error' && issue.row === undefined);
  if (fileError || (invalidKeys.size > 0 && !spec.validRowsOnly)) return { files: [], issues, skippedRows: [] };

  const patchChanges = new Map<string, Record<string, string>>();
  for (const [key, change] of changes) if (!invalidKeys.has(key)) patchChanges.set(key, change.cells);
  const options = {
    keyColumn: file.headers[keyIndex]!,
    changes: patchChanges,
    lockedColumns: spec.lockedColumns?.map(fileHeaderOf),
    allowClear: spec.allowClear && new Set([...spec.allowClear].map(fileHeaderOf)),
    trustedColumns: spec.columns.filter((column) => column.trusted).flatMap(columnNames),
  };
  const result = workbook ? patchWorkbook(spec.template, { ...options, sheet: workbook.sheet }) : patchTemplate(spec.template, options);
  if (!result.ok) return { files: [], issues: [...issues, { severity: 'error', problem: result.error }], skippedRows };
  for (const refusal of result.refused) {
    issues.push({ severity: 'warning', row: refusal.row, line: refusal.line, column: refusal.column, problem: refusalProblem(refusal) });
  }
  return {
    files: [
      workbook
        ? { name: `${spec.baseName}.xlsx`, bytes: result.bytes, mime: XLSX_MIME }
        : { name: `${spec.baseName}.csv`, bytes: result.bytes, mime: `text/csv;charset=${file.encoding}` },
    ],
    issues,
    skippedRows,
    changedCells: result.changedCells,
    refusedChanges: result.refused,
  };
}

/** A change the patch left undone, as the check panel lists it. */
function refusalProblem(refusal: RefusedChange): ExportProblem {
  return refusal.reason === 'unencodable'
    ? { code: 'refused-unencodable', column: refusal.column, chars: refusal.detail ?? '' }
    : { code: `refused-${refusal.reason}`, column: refusal.column };
}
