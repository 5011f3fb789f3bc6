import { AddressColumns, captionOf, type RawRow, type RosterSource } from './source';
import { cleanText, nodeText } from './text';
import { cellText } from './cell';
import { rowIndexOf } from './row-index';

export const GRID_SELECTOR = '[role=grid], [role=treegrid], [role=table]';
const ROW_SELECTOR = '[role=row]';
const CELL_SELECTOR = '[role=gridcell], [role=cell], [role=rowheader], [role=columnheader]';

/**
 * An ARIA table or grid. Virtualised grids keep only the visible rows (and columns) in the DOM;
 * `aria-rowindex` and `aria-colindex` place them, `aria-rowcount` / `aria-colcount` say how many
 * there are in all. Grids with pinned columns draw one row as several fragments (left, centre,
 * right containers) that share an `aria-rowindex` or a row key: the fragments are one row. Some draw
 * each pinned part as a grid of its own beside the main one (`parts`, under one `grid` element).
 */
export function gridSource(grid: Element, parts: readonly Element[] = [grid]): RosterSource | undefined {
  const ownRows = () => parts.flatMap(rowsOf);
  const rows = groupRows(ownRows());
  if (rows.length === 0) return undefined;
  const headerRows = rows.filter((group) => isHeaderRow(group[0]!));
  const headerRowCount = new Set(headerRows.map((group) => rowIndexOf(group[0]!) || group)).size;
  const rowCount = Number(grid.getAttribute('aria-rowcount'));
  const colCount = Number(grid.getAttribute('aria-colcount'));
  const headers = readHeaders(parts);
  const addressColumns = new AddressColumns();
  // The fragments of each row as last listed, by the element that stands for the row.
  let fragments = new Map<Element, Element[]>();
  return {
    kind: 'grid',
    root: grid,
    caption: captionOf(grid),
    headers,
    signature: `grid|${headers.join('|')}`,
    declaredRows: rowCount > 0 ? Math.max(0, rowCount - headerRowCount) : undefined,
    rowCount: rowCount > 0 ? rowCount : undefined,
    columnCount: colCount > 0 ? colCount : undefined,
    rowElements() {
      const groups = groupRows(ownRows()).filter(drawsRecord);
      fragments = new Map(groups.map((group) => [group[0]!, group]));
      return groups.map((group) => group[0]!);
    },
    readHeaders: () => readHeaders(parts),
    readRow(element): RawRow | undefined {
      const placed = placeCells(fragments.get(element) ?? [element]);
      if (placed.length === 0) return undefined;
      const cells = placed.map((cell) => (cell ? cellText(cell) : ''));
      const elements = placed.map((cell) => cell ?? element);
      return { element, cells, addresses: addressColumns.read(elements), elements: placed };
    },
  };
}

/**
 * Header texts by column of the lowest header row (a grouped header's last line), as rendered now;
 * of a grid drawn in parts, the lowest header row of every part, placed as one row's fragments.
 */
function readHeaders(parts: readonly Element[]): string[] {
  const lowest = parts.flatMap((part) => {
    const groups = groupRows(rowsOf(part)).filter((group) => isHeaderRow(group[0]!));
    return groups[groups.length - 1] ?? [];
  });
  if (lowest.length === 0) return [];
  return placeCells(lowest).map((cell) => (cell ? nodeText(cell) || cleanText(cell.getAttribute('aria-label')) : ''));
}

/** Rows of this grid, not of a grid nested in one of its cells. */
function rowsOf(grid: Element): Element[] {
  return Array.from(grid.querySelectorAll(ROW_SELECTOR)).filter((row) => row.parentElement?.closest(GRID_SELECTOR) === grid);
}

/** Attributes by which grids name the record a row draws, beside `aria-rowindex` (Element Plus `rowkey`, antd `data-row-key`). */
const ROW_KEY_ATTRIBUTES = ['rowkey', 'data-row-key', 'data-rowkey'] as const;

/** What makes fragments one row: the same `aria-rowindex`, else the same row key; '' when the row says neither. */
function rowGroupKey(row: Element): string {
  const index = rowIndexOf(row);
  if (index > 0) return `#${index}`;
  for (const name of ROW_KEY_ATTRIBUTES) {
    const key = row.getAttribute(name);
    if (key) return `${name}=${key}`;
  }
  return '';
}

/**
 * Rows grouped by `aria-rowindex` or row key, in row order: the pinned and centre fragments of one
 * row come together. Rows without either stand alone, in document order.
 */
function groupRows(rows: readonly Element[]): Element[][] {
  const byKey = new Map<string, Element[]>();
  const groups: Element[][] = [];
  for (const row of rows) {
    const key = rowGroupKey(row);
    if (key === '') {
      groups.push([row]);
      continue;
    }
    const group = byKey.get(key);
    if (group) group.push(row);
    else {
      const fresh = [row];
      byKey.set(key, fresh);
      groups.push(fresh);
    }
  }
  // Containers are listed one after another (all pinned rows, then all centre rows): order by index.
  if (byKey.size > 1 && groups.some((group) => rowIndexOf(group[0]!) > 0))
    groups.sort((a, b) => (rowIndexOf(a[0]!) || Infinity) - (rowIndexOf(b[0]!) || Infinity));
  return groups;
}

/**
 * The grids drawn side by side as one (a pinned column's grid beside the main one, Element Plus's
 * virtual table): sibling grids under one parent whose rows name the same records. Unrelated
 * grids side by side share no row key and stay apart.
 */
export function gridParts(grid: Element): Element[] {
  const parent = grid.parentElement;
  if (!parent) return [grid];
  const siblings = Array.from(parent.children).filter((child) => child.matches(GRID_SELECTOR));
  if (siblings.length < 2) return [grid];
  const keysOf = (part: Element) => new Set(rowsOf(part).map(rowGroupKey).filter(Boolean));
  const keys = siblings.map(keysOf);
  const shared = keys.every((own, i) => own.size > 0 && [...own].some((key) => keys.some((other, j) => j !== i && other.has(key))));
  return shared ? siblings : [grid];
}

/**
 * A row that draws a record: it has a cell, and its first is no column header. SlickGrid keeps an
 * empty `role=row` for a hidden pane before the rows: taken for one, it hid the real scroller.
 */
function drawsRecord(group: readonly Element[]): boolean {
  for (const row of group) {
    const first = row.querySelector(CELL_SELECTOR);
    if (first) return first.getAttribute('role') !== 'columnheader';
  }
  return false;
}

function isHeaderRow(row: Element): boolean {
  const first = row.querySelector(CELL_SELECTOR);
  return first?.getAttribute('role') === 'columnheader';
}

/**
 * Cells by column, over every fragment of a row: at `aria-colindex - 1` when given, else after the
 * cells of the fragments to their left (fragments ordered by where they are drawn).
 */
function placeCells(fragments: readonly Element[]): (Element | undefined)[] {
  // By where each fragment's first cell is drawn: a main part may start under a pinned part (drawing a placeholder there).
  const ordered = fragments.length > 1 ? [...fragments].sort((a, b) => leftOf(firstCell(a) ?? a) - leftOf(firstCell(b) ?? b)) : fragments;
  const placed: (Element | undefined)[] = [];
  let next = 0;
  for (const row of ordered) {
    const cells = Array.from(row.querySelectorAll(CELL_SELECTOR)).filter((cell) => cell.closest(ROW_SELECTOR) === row);
    for (const cell of cells) {
      const colIndex = Number(cell.getAttribute('aria-colindex'));
      const column = colIndex >= 1 && colIndex <= 1000 ? colIndex - 1 : next;
      placed[column] = cell;
      next = column + 1;
    }
  }
  return Array.from(placed);
}

function firstCell(row: Element): Element | undefined {
  return Array.from(row.querySelectorAll(CELL_SELECTOR)).find((cell) => cell.closest(ROW_SELECTOR) === row);
}

function leftOf(element: Element): number {
  return typeof element.getBoundingClientRect === 'function' ? element.getBoundingClientRect().left : 0;
}
