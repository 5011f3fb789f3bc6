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
 * right containers) that share an `aria-rowindex`: the fragments are one row.
 */
export function gridSource(grid: Element): RosterSource | undefined {
  const rows = groupRows(ownRows(grid));
  if (rows.length === 0) return undefined;
  const headerRows = rows.filter((group) => isHeaderRow(group[0]!));
  const headerRowCount = new Set(headerRows.map((group) => rowIndexOf(group[0]!) || group)).size;
  const rowCount = Number(grid.getAttribute('aria-rowcount'));
  const colCount = Number(grid.getAttribute('aria-colcount'));
  const headers = readHeaders(grid);
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
      const groups = groupRows(ownRows(grid)).filter((group) => !isHeaderRow(group[0]!));
      fragments = new Map(groups.map((group) => [group[0]!, group]));
      return groups.map((group) => group[0]!);
    },
    readHeaders: () => readHeaders(grid),
    readRow(element): RawRow | undefined {
      const placed = placeCells(fragments.get(element) ?? [element]);
      if (placed.length === 0) return undefined;
      const cells = placed.map((cell) => (cell ? cellText(cell) : ''));
      const elements = placed.map((cell) => cell ?? element);
      return { element, cells, addresses: addressColumns.read(elements), elements: placed };
    },
  };
}

/** Header texts by column of the lowest header row (a grouped header's last line), as rendered now. */
function readHeaders(grid: Element): string[] {
  const groups = groupRows(ownRows(grid)).filter((group) => isHeaderRow(group[0]!));
  const lowest = groups[groups.length - 1];
  if (!lowest) return [];
  return placeCells(lowest).map((cell) => (cell ? nodeText(cell) || cleanText(cell.getAttribute('aria-label')) : ''));
}

/** Rows of this grid, not of a grid nested in one of its cells. */
function ownRows(grid: Element): Element[] {
  return Array.from(grid.querySelectorAll(ROW_SELECTOR)).filter((row) => row.parentElement?.closest(GRID_SELECTOR) === grid);
}

/**
 * Rows grouped by `aria-rowindex`, in row order: the pinned and centre fragments of one row come
 * together. Rows without an index stand alone, in document order.
 */
function groupRows(rows: readonly Element[]): Element[][] {
  const byIndex = new Map<number, Element[]>();
  const groups: Element[][] = [];
  for (const row of rows) {
    const index = rowIndexOf(row);
    if (index === 0) {
      groups.push([row]);
      continue;
    }
    const group = byIndex.get(index);
    if (group) group.push(row);
    else {
      const fresh = [row];
      byIndex.set(index, fresh);
      groups.push(fresh);
    }
  }
  // Containers are listed one after another (all pinned rows, then all centre rows): order by index.
  if (byIndex.size > 1) groups.sort((a, b) => (rowIndexOf(a[0]!) || Infinity) - (rowIndexOf(b[0]!) || Infinity));
  return groups;
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
  const ordered = fragments.length > 1 ? [...fragments].sort((a, b) => leftOf(a) - leftOf(b)) : fragments;
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

function leftOf(element: Element): number {
  return typeof element.getBoundingClientRect === 'function' ? element.getBoundingClientRect().left : 0;
}
