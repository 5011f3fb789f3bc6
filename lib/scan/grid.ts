import { AddressColumns, captionOf, type RawRow, type RosterSource } from './source';
import { cleanText, nodeText } from './text';
import { cellText } from './cell';

export const GRID_SELECTOR = '[role=grid], [role=treegrid], [role=table]';
const ROW_SELECTOR = '[role=row]';
const CELL_SELECTOR = '[role=gridcell], [role=cell], [role=rowheader], [role=columnheader]';

/**
 * An ARIA table or grid. Virtualised grids keep only the visible rows in the DOM; `aria-rowindex`
 * and `aria-colindex` place them, `aria-rowcount` says how many there are in all.
 */
export function gridSource(grid: Element): RosterSource | undefined {
  const allRows = ownRows(grid);
  if (allRows.length === 0) return undefined;
  const headerRows = allRows.filter(isHeaderRow);
  const headerRow = headerRows[headerRows.length - 1];
  const headers = headerRow ? placeCells(headerRow).map((cell) => (cell ? nodeText(cell) || cleanText(cell.getAttribute('aria-label')) : '')) : [];
  const rowCount = Number(grid.getAttribute('aria-rowcount'));
  const addressColumns = new AddressColumns();
  return {
    kind: 'grid',
    root: grid,
    caption: captionOf(grid),
    headers,
    signature: `grid|${headers.join('|')}`,
    declaredRows: rowCount > 0 ? Math.max(0, rowCount - headerRows.length) : undefined,
    rowCount: rowCount > 0 ? rowCount : undefined,
    rowElements() {
      return ownRows(grid).filter((row) => !isHeaderRow(row));
    },
    readRow(element): RawRow | undefined {
      const placed = placeCells(element);
      if (placed.length === 0) return undefined;
      const cells = placed.map((cell) => (cell ? cellText(cell) : ''));
      const elements = placed.map((cell) => cell ?? element);
      return { element, cells, addresses: addressColumns.read(elements), elements: placed };
    },
  };
}

/** Rows of this grid, not of a grid nested in one of its cells. */
function ownRows(grid: Element): Element[] {
  return Array.from(grid.querySelectorAll(ROW_SELECTOR)).filter((row) => row.parentElement?.closest(GRID_SELECTOR) === grid);
}

function isHeaderRow(row: Element): boolean {
  const first = row.querySelector(CELL_SELECTOR);
  return first?.getAttribute('role') === 'columnheader';
}

/** Cells by column: at `aria-colindex - 1` when given, else in document order. */
function placeCells(row: Element): (Element | undefined)[] {
  const cells = Array.from(row.querySelectorAll(CELL_SELECTOR)).filter((cell) => cell.closest(ROW_SELECTOR) === row);
  const placed: (Element | undefined)[] = [];
  let next = 0;
  for (const cell of cells) {
    const colIndex = Number(cell.getAttribute('aria-colindex'));
    const column = colIndex >= 1 && colIndex <= 1000 ? colIndex - 1 : next;
    placed[column] = cell;
    next = column + 1;
  }
  return Array.from(placed);
}
