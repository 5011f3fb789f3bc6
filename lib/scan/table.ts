import { AddressColumns, captionOf, type RawRow, type RosterSource } from './source';
import { cleanText, nodeText } from './text';
import { cellText, piecesText } from './cell';
import { findAddress } from './address';
import { changeVersion } from './change-version';
import { surroundings } from './surroundings';

/** Decides whether a header text names a known column; given by the reader's synonym tables. */
export type HeaderTest = (text: string) => boolean;

const SAMPLE_ROWS = 50;

/**
 * A data table, or undefined for a layout table: marked presentational, holding other tables,
 * a form laid out in rows, a single column, or rows of no common shape.
 */
export function tableSource(table: HTMLTableElement, isHeader: HeaderTest): RosterSource | undefined {
  const role = table.getAttribute('role');
  if (role === 'presentation' || role === 'none') return undefined;
  if (table.querySelector('table')) return undefined;
  const rows = table.rows;
  if (rows.length === 0) return undefined;

  const headerRows = findHeaderRows(table, isHeader);
  const headers = headerRows.length > 0 ? headerGrid(headerRows) : detachedHeader(table);
  const isDataRow = (row: Element): boolean => {
    if (headerRows.length > 0 && headerRows.includes(row as HTMLTableRowElement)) return false;
    // Rows drawn only to measure column widths (fixed-header tables) are hidden from people.
    if (row.getAttribute('aria-hidden') === 'true') return false;
    // A row of header cells only repeats the header (or names a group); a lone spanning cell says "no data".
    const first = row.firstElementChild;
    let dataCell = first?.tagName === 'TD';
    for (let cell = first?.nextElementSibling; cell && !dataCell; cell = cell.nextElementSibling) dataCell = cell.tagName === 'TD';
    return dataCell && (first!.nextElementSibling !== null || (first as HTMLTableCellElement).colSpan <= 1);
  };
  const isBodyRow = (row: HTMLTableRowElement): boolean => {
    const section = row.parentElement?.tagName;
    return section !== 'THEAD' && section !== 'TFOOT' && isDataRow(row);
  };
  const sample: HTMLTableRowElement[] = [];
  for (let i = 0; i < rows.length && sample.length < SAMPLE_ROWS; i++) if (isBodyRow(rows[i]!)) sample.push(rows[i]!);
  if (sample.length === 0) return undefined;
  if (!looksLikeData(table, sample, headers.length)) return undefined;
  // A row with fewer cells than this may hold a spanning cell; one with as many cannot shift a column.
  const width = Math.max(headers.length, ...sample.map((row) => row.cells.length));

  // Rows of the body sections (and rows placed in the table itself), by walking siblings: indexing
  // table.rows costs more than reading the cells.
  const bodyRows = (limit: number): Element[] => {
    const body: Element[] = [];
    for (let part = table.firstElementChild; part && body.length < limit; part = part.nextElementSibling) {
      if (part.tagName === 'TR') {
        if (isDataRow(part)) body.push(part);
      } else if (part.tagName === 'TBODY') {
        for (let row = part.firstElementChild; row && body.length < limit; row = row.nextElementSibling) {
          if (row.tagName === 'TR' && isDataRow(row)) body.push(row);
        }
      }
    }
    return body;
  };
  // The scan looks at the rows many times between changes; a long table is walked once per change.
  let allRows: { version: number | undefined; rows: Element[] } | undefined;

  const addressColumns = new AddressColumns();
  return {
    kind: 'table',
    root: table,
    caption: captionOf(table),
    headers,
    signature: `table|${headers.join('|')}`,
    size: () => Math.max(0, table.rows.length - headerRows.length),
    rowElements(limit = Infinity) {
      if (limit !== Infinity) return bodyRows(limit);
      const version = changeVersion(table);
      if (version === undefined || version !== allRows?.version) allRows = { version, rows: bodyRows(Infinity) };
      return allRows.rows;
    },
    readRow(element) {
      return readTableRow(element as HTMLTableRowElement, width, addressColumns);
    },
  };
}

function readTableRow(row: HTMLTableRowElement, width: number, addressColumns: AddressColumns): RawRow {
  const texts: string[] = [];
  if (row.childElementCount >= width) {
    let textOnly = 0;
    for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) {
      if (cell.firstElementChild) {
        texts.push(piecesText(cell));
      } else {
        if (texts.length < 31) textOnly |= 1 << texts.length;
        texts.push(cleanText(cell.textContent));
      }
    }
    const cells = row.cells;
    return { element: row, cells: texts, addresses: addressColumns.read(cells), elements: cells, textOnly };
  }
  // Spanned slots stay empty, and point at their cell, so that later cells keep their header's column.
  const elements: Element[] = [];
  for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) {
    texts.push(cellText(cell));
    elements.push(cell);
    for (let span = (cell as HTMLTableCellElement).colSpan; span > 1; span--) {
      texts.push('');
      elements.push(cell);
    }
  }
  return { element: row, cells: texts, addresses: addressColumns.read(elements), elements };
}

/**
 * Column headers of one or more header rows: each column takes the text of the lowest cell that
 * covers it, so that a grouped header (ビジネスチャット over Chatwork アカウントID / Chatwork ID / Slack)
 * and cells spanning both rows (名前) land in the right column.
 */
function headerGrid(rows: readonly HTMLTableRowElement[]): string[] {
  const grid: string[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let column = 0;
    for (const cell of Array.from(row.cells)) {
      while (grid[r]![column] !== undefined) column++;
      const text = headerText(cell);
      const rowSpan = Math.max(1, Math.min(cell.rowSpan || 1, rows.length - r));
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < Math.max(1, cell.colSpan); dc++) grid[r + dr]![column + dc] = dc === 0 || dr > 0 ? text : '';
      }
      column += Math.max(1, cell.colSpan);
    }
  });
  const width = Math.max(0, ...grid.map((line) => line.length));
  return Array.from({ length: width }, (_, column) => {
    for (let r = grid.length - 1; r >= 0; r--) {
      const text = grid[r]![column];
      if (text) return text;
    }
    return '';
  });
}

/** A header cell's text; a sort button's accessible name when the cell shows only an icon. */
function headerText(cell: Element): string {
  return nodeText(cell) || cleanText(cell.getAttribute('aria-label')) || cleanText(cell.querySelector('[aria-label]')?.getAttribute('aria-label'));
}

/**
 * A fixed-header table draws its header in a table of its own before the body's table (so that the
 * body scrolls under it); columns line up by position. The body may sit several wrappers deep (a
 * custom scrollbar's viewport inside the body's wrapper: Element Plus), so the header is looked for
 * before each ancestor of the list's surroundings.
 */
function detachedHeader(table: HTMLTableElement): string[] {
  const width = Math.max(
    0,
    ...Array.from(table.rows)
      .slice(0, 5)
      .map((row) => row.cells.length),
  );
  for (const { inside } of surroundings(table)) {
    for (let sibling = inside.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      const headers = headerTableIn(sibling, width);
      if (headers) return headers;
    }
  }
  return [];
}

/**
 * The header of a table drawn apart from its rows, found in `element` (the table itself or one
 * inside it, nearest the rows first): taken only when its columns line up with the rows' `width`
 * (a gutter column over the scrollbar aside), so an unrelated header is never borrowed.
 */
export function headerTableIn(element: Element, width: number): string[] | undefined {
  const candidates = element.tagName === 'TABLE' ? [element as HTMLTableElement] : Array.from(element.querySelectorAll('table'));
  for (const header of candidates.reverse()) {
    if (!isHeaderOnly(header)) continue;
    const headers = headerGrid(Array.from(header.rows));
    while (headers.length > width && headers.at(-1) === '') headers.pop();
    if (headers.length === width) return headers;
  }
  return undefined;
}

/** A table of header rows only: every row in thead, or every cell a header cell. */
function isHeaderOnly(table: HTMLTableElement): boolean {
  const rows = Array.from(table.rows);
  return rows.length > 0 && rows.every((row) => row.parentElement?.tagName === 'THEAD' || Array.from(row.cells).every((cell) => cell.tagName === 'TH'));
}

/** The rows of thead, else a first row of header cells or of known header words. */
function findHeaderRows(table: HTMLTableElement, isHeader: HeaderTest): HTMLTableRowElement[] {
  const head = table.tHead;
  const headRows = head ? Array.from(head.children).filter((row): row is HTMLTableRowElement => row.tagName === 'TR') : [];
  if (headRows.length > 0) return headRows;
  const first = table.rows[0];
  if (!first || first.cells.length === 0) return [];
  const cells = Array.from(first.cells);
  if (cells.every((cell) => cell.tagName === 'TH' || cell.getAttribute('role') === 'columnheader')) return [first];
  const texts = cells.map((cell) => nodeText(cell)).filter(Boolean);
  if (texts.length >= 2 && !texts.some((text) => findAddress(text)) && texts.filter(isHeader).length * 2 >= texts.length) return [first];
  return [];
}

function looksLikeData(table: HTMLTableElement, sample: HTMLTableRowElement[], headerCount: number): boolean {
  const counts = sample.map((row) => row.cells.length);
  const widest = Math.max(headerCount, ...counts);
  if (widest < 2) return false;
  const withControls = sample.filter((row) => row.querySelector('input:not([type=checkbox]):not([type=hidden]), select, textarea')).length;
  if (withControls * 2 > sample.length) return false;
  if (headerCount > 0 || table.caption) return true;
  // Without a header, rows of one shape make a list; a layout grid of panels does not.
  const modal = mostCommon(counts);
  return sample.length >= 2 && counts.filter((count) => count === modal).length >= sample.length * 0.7;
}

function mostCommon(values: number[]): number {
  const tally = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const value of values) {
    const count = (tally.get(value) ?? 0) + 1;
    tally.set(value, count);
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return best;
}
