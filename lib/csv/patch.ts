import { unitSize, type CsvEncoding } from './decode';
import { encodeText, unencodableChars } from './encode';
import { findColumn, normalizeHeader } from './headers';
import { neutralizeCell } from './neutralize';
import { fieldRange, recordCount } from './tokenize';
import { fieldValue, parseCsv, type CsvLayout, type CsvProblem, type ParsedCsv } from './read';

/** A new value, or one that may blank a cell holding a value (a deletion in LINE WORKS bulk modify). */
export type CellChange = string | { value: string; allowClear?: boolean };

export interface PatchOptions {
  /** Header of the column whose value says which row a change is for; several spellings allowed. */
  keyColumn: string | readonly string[];
  /** Key value → header → new value. Keys and headers are matched tolerant of case, width and spaces. */
  changes: ReadonlyMap<string, Readonly<Record<string, CellChange>>>;
  /** Headers whose cells may be blanked. */
  allowClear?: ReadonlySet<string>;
  /** Headers never changed (besides the key column, which never is). */
  lockedColumns?: readonly string[];
  /** Headers whose new values passed a format rule, so they are written as they are (`+81` phone numbers). */
  trustedColumns?: readonly string[];
  /** Forces the reading encoding. */
  encoding?: CsvEncoding;
}

export interface CellRef {
  /** 1-based data row below the header; absent when the change names no row. */
  row?: number;
  /** 1-based file line of the row. */
  line?: number;
  column: string;
  key: string;
}

export interface ChangedCell extends CellRef {
  row: number;
  line: number;
  before: string;
  after: string;
}

export type RefusalReason = 'no-such-column' | 'locked-column' | 'would-clear' | 'missing-cell' | 'unencodable' | 'formula-cell';

export interface RefusedChange extends CellRef {
  reason: RefusalReason;
  before?: string;
  after: string;
  /** Shift_JIS: the characters it cannot encode. */
  detail?: string;
}

export interface PatchSuccess {
  ok: true;
  bytes: Uint8Array;
  layout: CsvLayout;
  changedCells: ChangedCell[];
  refused: RefusedChange[];
  /** Keys of changes that matched no row. */
  unmatchedKeys: string[];
}

export interface PatchFailure {
  ok: false;
  error: CsvProblem | { code: 'no-key-column'; column: string };
}

export type PatchResult = PatchSuccess | PatchFailure;

/** Keys (IDs, emails) compare without case, width or surrounding spaces. */
export function normalizeKey(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase();
}

interface Edit {
  start: number;
  end: number;
  bytes: Uint8Array;
}

function serializeField(value: string, delimiter: string, quoted: boolean): string {
  const needsQuotes = quoted || value.includes(delimiter) || /["\r\n]/.test(value);
  return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One row of a table being patched, as `planPatch` sees it, whatever the file it comes from. */
export interface PlanRow<Handle> {
  /** 1-based data row, numbered as the reader numbers it. */
  row: number;
  /** 1-based line of the file (a sheet's row number in a workbook). */
  line: number;
  /** What the caller needs to find the row again when it writes the change. */
  handle: Handle;
  /** The cell's value; undefined when the row has no cell in that column. */
  value(index: number): string | undefined;
}

export interface PlannedCell<Handle> {
  handle: Handle;
  /** 0-based column. */
  index: number;
  after: string;
}

export interface PlanHooks<Handle> {
  /** Characters of a value the file cannot hold. */
  cannotHold(value: string): string[];
  /** A reason a cell must keep its value whatever is asked (a workbook's formula). */
  refuse?(handle: Handle, index: number): RefusalReason | undefined;
  /**
   * The file types its cells (a workbook's text cell never runs as a formula), so values are written
   * as they are rather than neutralised.
   */
  literal?: boolean;
}

export interface PatchPlan<Handle> {
  ok: true;
  keyIndex: number;
  cells: PlannedCell<Handle>[];
  changedCells: ChangedCell[];
  refused: RefusedChange[];
  unmatchedKeys: string[];
}

/**
 * Decides which cells of a table change and which requested changes are refused, and why; the
 * caller writes the planned cells into its own file (CSV bytes, a worksheet's XML).
 */
export function planPatch<Handle>(
  headers: readonly string[],
  options: PatchOptions,
  rows: Iterable<PlanRow<Handle>>,
  hooks: PlanHooks<Handle>,
): PatchPlan<Handle> | PatchFailure {
  const keyIndex = findColumn(headers, options.keyColumn);
  if (keyIndex < 0) {
    const names = typeof options.keyColumn === 'string' ? options.keyColumn : options.keyColumn.join(' / ');
    return { ok: false, error: { code: 'no-key-column', column: names } };
  }

  const columnIndex = new Map<string, number>();
  headers.forEach((header, index) => {
    const name = normalizeHeader(header);
    if (!columnIndex.has(name)) columnIndex.set(name, index);
  });
  const locked = new Set([normalizeHeader(headers[keyIndex]!), ...(options.lockedColumns ?? []).map(normalizeHeader)]);
  const trusted = new Set((options.trustedColumns ?? []).map(normalizeHeader));
  const clearable = new Set([...(options.allowClear ?? [])].map(normalizeHeader));

  const changes = new Map<string, { key: string; cells: Record<string, CellChange> }>();
  for (const [key, cells] of options.changes) changes.set(normalizeKey(key), { key, cells: { ...cells } });

  const changedCells: ChangedCell[] = [];
  const refused: RefusedChange[] = [];
  const matched = new Set<string>();
  const cells: PlannedCell<Handle>[] = [];

  for (const { key, cells } of changes.values()) {
    for (const [column, change] of Object.entries(cells)) {
      if (!columnIndex.has(normalizeHeader(column))) {
        const after = typeof change === 'string' ? change : change.value;
        refused.push({ column, key, after, reason: 'no-such-column' });
        delete cells[column];
      }
    }
  }

  for (const { row, line, handle, value } of rows) {
    const keyValue = value(keyIndex);
    if (keyValue === undefined) continue;
    const normalizedKey = normalizeKey(keyValue);
    const entry = changes.get(normalizedKey);
    if (!entry) continue;
    matched.add(normalizedKey);
    for (const [column, change] of Object.entries(entry.cells)) {
      const name = normalizeHeader(column);
      const index = columnIndex.get(name)!;
      const requested = typeof change === 'string' ? change : change.value;
      const ref = { row, line, column: headers[index]!, key: entry.key };
      const refuse = (reason: RefusalReason, before?: string, detail?: string) =>
        refused.push({ ...ref, before, after: requested, reason, ...(detail ? { detail } : {}) });
      const before = value(index);
      if (before === undefined) {
        refuse('missing-cell');
        continue;
      }
      const after = trusted.has(name) || hooks.literal ? requested : neutralizeCell(requested);
      if (after === before) continue;
      if (locked.has(name)) {
        refuse('locked-column', before);
        continue;
      }
      const allowed = clearable.has(name) || (typeof change !== 'string' && change.allowClear === true);
      if (after === '' && before !== '' && !allowed) {
        refuse('would-clear', before);
        continue;
      }
      const missing = hooks.cannotHold(after);
      if (missing.length > 0) {
        refuse('unencodable', before, missing.join(' '));
        continue;
      }
      const kept = hooks.refuse?.(handle, index);
      if (kept) {
        refuse(kept, before);
        continue;
      }
      cells.push({ handle, index, after });
      changedCells.push({ ...ref, before, after });
    }
  }

  const unmatchedKeys = [...changes.entries()].filter(([normalized]) => !matched.has(normalized)).map(([, entry]) => entry.key);
  return { ok: true, keyIndex, cells, changedCells, refused, unmatchedKeys };
}

/** A CSV file's data rows for `planPatch`; the handle is the row's first field. */
function* csvRows(parsed: ParsedCsv): Iterable<PlanRow<number>> {
  const { units, tokens, layout } = parsed;
  let dataRow = 0;
  for (let r = layout.dataRowIndex; r < recordCount(tokens); r++) {
    // Rows are numbered as readCsv numbers them: blank lines do not count.
    if (tokens.recordStart[r] === tokens.recordEnd[r]) continue;
    dataRow++;
    const [first, next] = fieldRange(tokens, r);
    yield {
      row: dataRow,
      line: tokens.recordLine[r]!,
      handle: first,
      value: (index) => (first + index < next ? fieldValue(units, tokens, first + index, layout.encoding) : undefined),
    };
  }
}

/**
 * Changes only the cells asked for and copies every other byte as it came: rows, header lines,
 * encoding, BOM, delimiter, quoting and line endings. With no change the output is the input.
 */
export function patchTemplate(bytes: Uint8Array, options: PatchOptions): PatchResult {
  const parsed = parseCsv(bytes, options.encoding);
  if ('ok' in parsed) return parsed;
  const { tokens, layout } = parsed;
  const plan = planPatch(layout.headers, options, csvRows(parsed), { cannotHold: (value) => unencodableChars(value, layout.encoding) });
  if (!plan.ok) return plan;
  const edits: Edit[] = plan.cells.map(({ handle, index, after }) => {
    const field = handle + index;
    const text = serializeField(after, layout.delimiter, tokens.fieldQuoted[field]!);
    return { start: tokens.fieldStart[field]!, end: tokens.fieldEnd[field]!, bytes: encodeText(text, layout.encoding, false) };
  });
  edits.sort((a, b) => a.start - b.start);
  const { changedCells, refused, unmatchedKeys } = plan;
  return { ok: true, bytes: applyEdits(bytes, edits, layout.bomLength, unitSize(layout.encoding)), layout, changedCells, refused, unmatchedKeys };
}

function applyEdits(bytes: Uint8Array, edits: readonly Edit[], bomLength: number, size: number): Uint8Array {
  if (edits.length === 0) return bytes.slice();
  let length = bytes.length;
  for (const edit of edits) length += edit.bytes.length - (edit.end - edit.start) * size;
  const out = new Uint8Array(length);
  let read = 0;
  let write = 0;
  for (const edit of edits) {
    const start = bomLength + edit.start * size;
    out.set(bytes.subarray(read, start), write);
    write += start - read;
    out.set(edit.bytes, write);
    write += edit.bytes.length;
    read = bomLength + edit.end * size;
  }
  out.set(bytes.subarray(read), write);
  return out;
}
