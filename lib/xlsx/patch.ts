import { planPatch, type PatchFailure, type PatchOptions, type PatchSuccess, type PlanRow } from '../csv/patch';
import { dateSerial } from './dates';
import { attempt, type XlsxProblem } from './errors';
import { columnName, type CellModel, type RowModel, type SheetModel } from './read';
import { openSheet, type OpenSheet, type TableReadOptions } from './table';
import { grownTables, parseRange, rangeRef } from './tables';
import { attrOf, escapeOoxml, escapeXml } from './xml';
import { rewriteZip } from './zip';

/** Row number → 0-based column → new value. */
export type SheetEdits = Map<number, Map<number, string>>;

/**
 * A number as Excel writes one in `<v>` and shows it back unchanged: no leading zero, no sign other
 * than `-`, at most 15 digits. Only such a value keeps a number cell a number; anything else
 * (`00123`, `+81…`, a 20-digit ID) becomes text.
 */
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d{0,14})(?:\.\d{1,15})?$/;

function textCell(prefix: string, value: string): string {
  const escaped = escapeXml(escapeOoxml(value));
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : '';
  return ` t="inlineStr"><${prefix}is><${prefix}t${space}>${escaped}</${prefix}t></${prefix}is></${prefix}c>`;
}

/** What the cell held before the change, which decides whether a new value may keep its type. */
type Held = 'number' | 'date' | 'other';

/**
 * A cell with a new value: its style kept, written as an inline string (so the shared strings part
 * stays as it is) and never as a formula. A number cell stays a number only for a plain number; a
 * date cell stays a date (its serial, shown by its own date format) only for a `yyyymmdd` date.
 */
function cellXml(model: SheetModel, ref: string, style: string | undefined, value: string, held: Held): string {
  const prefix = model.prefix;
  const head = `<${prefix}c r="${ref}"${style === undefined ? '' : ` s="${escapeXml(style)}"`}`;
  if (value === '') return `${head}/>`;
  const serial = held === 'date' ? dateSerial(value, model.date1904) : undefined;
  const number = serial !== undefined ? String(serial) : held === 'number' && PLAIN_NUMBER.test(value) ? value : undefined;
  if (number !== undefined) return `${head}><${prefix}v>${number}</${prefix}v></${prefix}c>`;
  return head + textCell(prefix, value);
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

function columnStyle(model: SheetModel, col: number): string | undefined {
  return model.colStyles.find((range) => range.min <= col + 1 && col + 1 <= range.max)?.style;
}

function rowCells(model: SheetModel, r: number, row: RowModel | undefined, edits: Map<number, string>, splices: Splice[]): string {
  let added = '';
  const cols = [...edits.keys()].sort((a, b) => a - b);
  for (const col of cols) {
    const value = edits.get(col)!;
    const cell: CellModel | undefined = row?.cells.find((candidate) => candidate.col === col);
    const ref = `${columnName(col)}${r}`;
    if (cell) {
      const style = attrOf(cell.attrs, 's', model.part);
      const held: Held = cell.date === 'date' ? 'date' : cell.numeric && cell.value !== '' && !cell.date ? 'number' : 'other';
      splices.push({ start: cell.start, end: cell.end, text: cellXml(model, ref, style, value, held) });
      continue;
    }
    const text = cellXml(model, ref, row?.style ?? columnStyle(model, col), value, 'other');
    const after = row?.cells.find((candidate) => candidate.col > col);
    if (after) splices.push({ start: after.start, end: after.start, text });
    else added += text;
  }
  return added;
}

/**
 * The sheet's XML with the edited cells replaced or added, every other character as it was. A new
 * cell takes the row's style, else its column's; a new row goes where its number puts it.
 */
export function editSheet(model: SheetModel, edits: SheetEdits): string {
  const prefix = model.prefix;
  const splices: Splice[] = [];
  const present = new Set(model.rows.map((row) => row.r));
  const pending = [...edits.keys()].filter((r) => !present.has(r)).sort((a, b) => a - b);
  const newRow = (r: number) => `<${prefix}row r="${r}">${rowCells(model, r, undefined, edits.get(r)!, splices)}</${prefix}row>`;
  for (const row of model.rows) {
    let before = '';
    while (pending.length > 0 && pending[0]! < row.r) before += newRow(pending.shift()!);
    if (before) splices.push({ start: row.start, end: row.start, text: before });
    const rowEdits = edits.get(row.r);
    if (!rowEdits) continue;
    const added = rowCells(model, row.r, row, rowEdits, splices);
    if (!added) continue;
    if (row.openEnd === row.end) {
      // `<row r="5" …/>` opens to hold its first cells.
      const open = model.xml.slice(row.start, row.end).replace(/\s*\/>$/, '>');
      splices.push({ start: row.start, end: row.end, text: `${open}${added}</${prefix}row>` });
    } else splices.push({ start: model.xml.lastIndexOf('</', row.end - 1), end: model.xml.lastIndexOf('</', row.end - 1), text: added });
  }
  const tail = pending.map(newRow).join('');
  if (tail && model.dataEmpty)
    splices.push({ start: model.dataEmpty.start, end: model.dataEmpty.end, text: `<${prefix}sheetData>${tail}</${prefix}sheetData>` });
  else if (tail) splices.push({ start: model.dataCloseStart, end: model.dataCloseStart, text: tail });
  if (model.dimension) {
    const ref = dimensionCovering(model.xml.slice(model.dimension.start, model.dimension.end), edits);
    if (ref) splices.push({ ...model.dimension, text: ref });
  }
  // Stable: splices at one offset keep the order they were made in.
  const ordered = splices.map((splice, order) => ({ ...splice, order })).sort((a, b) => a.start - b.start || a.order - b.order);
  let out = '';
  let read = 0;
  for (const splice of ordered) {
    out += model.xml.slice(read, splice.start) + splice.text;
    read = splice.end;
  }
  return out + model.xml.slice(read);
}

/** The used range stretched over the edited cells; undefined when it already covers them. */
function dimensionCovering(ref: string, edits: SheetEdits): string | undefined {
  const range = parseRange(ref);
  if (!range) return undefined;
  let grown = false;
  for (const [r, cols] of edits) {
    for (const col of cols.keys()) {
      if (col > range.lastCol) [range.lastCol, grown] = [col, true];
    }
    if (r > range.lastRow) [range.lastRow, grown] = [r, true];
  }
  return grown ? rangeRef(range) : undefined;
}

/**
 * The package with one sheet's XML replaced (and the range of a table that written rows extend);
 * every other entry copied byte for byte.
 */
export function writeSheet(opened: OpenSheet, edits: SheetEdits): Uint8Array {
  if (edits.size === 0) return opened.workbook.zip.bytes.slice();
  const { model } = opened;
  const text = new TextEncoder().encode(editSheet(model, edits));
  const bytes = model.bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...text]) : text;
  return rewriteZip(opened.workbook.zip, new Map([[model.part, bytes], ...grownTables(opened.workbook, model.part, edits)]));
}

function* sheetPlanRows(opened: OpenSheet): Iterable<PlanRow<RowModel>> {
  const byNumber = new Map(opened.model.rows.map((row) => [row.r, row] as const));
  const { rows, rowLines } = opened.table;
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i]!;
    // A sparse row has no element for an empty cell: the cell is empty, not missing.
    yield { row: i + 1, line: rowLines[i]!, handle: byNumber.get(rowLines[i]!)!, value: (index) => cells[index] ?? '' };
  }
}

export type WorkbookPatchResult = PatchSuccess | PatchFailure | { ok: false; error: XlsxProblem };

/**
 * `patchTemplate` for a workbook: the same rules decide each cell (shared through `planPatch`), the
 * cells are written into the sheet's XML, and every other part of the package is copied as it
 * came. A formula cell is never changed; values are written as text that never runs as a formula.
 */
export function patchWorkbook(bytes: Uint8Array, options: PatchOptions & Pick<TableReadOptions, 'sheet'>): WorkbookPatchResult {
  const opened = attempt(() => openSheet(bytes, { ...(options.sheet !== undefined ? { sheet: options.sheet } : {}), wanted: options.keyColumn }));
  if ('ok' in opened) return opened;
  const plan = planPatch(opened.table.headers, options, sheetPlanRows(opened), {
    cannotHold: () => [],
    literal: true,
    refuse: (row, index) => (row.cells.find((cell) => cell.col === index)?.formula ? 'formula-cell' : undefined),
  });
  if (!plan.ok) return plan;
  const edits: SheetEdits = new Map();
  for (const { handle, index, after } of plan.cells) {
    let row = edits.get(handle.r);
    if (!row) edits.set(handle.r, (row = new Map()));
    row.set(index, after);
  }
  const written = attempt(() => writeSheet(opened, edits));
  if (!(written instanceof Uint8Array)) return written;
  const { changedCells, refused, unmatchedKeys } = plan;
  return { ok: true, bytes: written, layout: opened.table, changedCells, refused, unmatchedKeys };
}

/**
 * The sheet with the template's example rows left out and `rows` written in their place: one sheet
 * row each from the first data row (right below the header, or below its keyword row), cells at the
 * given (0-based) columns. Every cell of an example row that no written value covers is emptied, its
 * style kept, so that no example member is uploaded with the real ones.
 */
export function replaceRows(opened: OpenSheet, rows: readonly (readonly string[])[]): Uint8Array {
  const { table, model } = opened;
  const edits: SheetEdits = new Map();
  const examples = new Set(table.rowLines);
  for (const row of model.rows) {
    if (!examples.has(row.r)) continue;
    edits.set(row.r, new Map(row.cells.filter((cell) => cell.col >= 0 && (cell.value !== '' || cell.formula)).map((cell) => [cell.col, ''] as const)));
  }
  rows.forEach((cells, i) => {
    const r = table.workbook.dataRow + i;
    const row = edits.get(r) ?? new Map<number, string>();
    cells.forEach((value, col) => {
      if (value !== '') row.set(col, value);
    });
    if (row.size > 0) edits.set(r, row);
  });
  return writeSheet(opened, edits);
}
