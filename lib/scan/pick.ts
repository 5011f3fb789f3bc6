import { composedChildren, composedParent } from './composed';
import { GRID_SELECTOR, gridSource } from './grid';
import { isOfShape, isStateClass, itemShape, shapedListSource, type ItemShape } from './list';
import type { ListPick, PickSummary } from './list-pick';
import { sampleRows, type Ranked, type Reader } from './rank';
import { queryPath, rootAt } from './selector-path';
import type { RosterSource } from './source';
import { tableSource, type HeaderTest } from './table';

/**
 * From the element the admin clicked to the list it is a row of, and back: a table or ARIA grid
 * row is read by the table or grid reader; anything else is the nearest ancestor repeated beside
 * siblings of its shape, read as a card list. The choice is kept as a `ListPick` and found again
 * with `sourceFromPick`.
 */

/** The clicked item and at least two siblings of its shape make a list. */
const MIN_ITEMS = 3;
/** Share of rows that must hold as many cells as the clicked row for the cells' level to count as cells. */
const ALIKE_ROWS = 0.8;
const MAX_CLIMB = 20;
/** A table or grid and its parts: read by the table or grid reader, never as repeated items (a layout table's rows are no list). */
const TABLE_PARTS = new Set(['TD', 'TH', 'TR', 'TBODY', 'THEAD', 'TFOOT', 'CAPTION', 'COLGROUP', 'COL', 'TABLE']);
const CELL_ROLES = new Set(['gridcell', 'cell', 'columnheader', 'rowheader', 'rowgroup', 'grid', 'treegrid', 'table']);

/** The list under the pointer: its source, the row (or item) the pointer is on, and a list's item shape. */
export interface FoundList {
  source: RosterSource;
  row: Element;
  shape?: ItemShape;
}

/** The list whose row the admin points at; undefined where no row is (a heading, a paragraph, the gap between lists). */
export function listAt(target: Element, isHeader: HeaderTest): FoundList | undefined {
  return tableRowAt(target, isHeader) ?? repeatedItemAt(target, isHeader);
}

/** A row of a data table or an ARIA grid around the element (the innermost one that reads as data). */
function tableRowAt(target: Element, isHeader: HeaderTest): FoundList | undefined {
  for (let node: Element | null = target; node && !isPageRoot(node); node = composedParent(node)) {
    const isRow = node.tagName === 'TR' || node.getAttribute('role') === 'row';
    const container = isRow ? ancestorMatching(node, node.tagName === 'TR' ? 'table' : `${GRID_SELECTOR}, table`) : undefined;
    const source = container && tabularSource(container, isHeader);
    if (source) return { source, row: node };
  }
  return undefined;
}

/** The table or grid reader for an element that is one, as the page's discovery reads it. */
function tabularSource(element: Element, isHeader: HeaderTest): RosterSource | undefined {
  return (
    (element.matches(GRID_SELECTOR) ? gridSource(element) : undefined) ??
    (element.tagName === 'TABLE' ? tableSource(element as HTMLTableElement, isHeader) : undefined)
  );
}

/** The nearest ancestor repeated beside siblings of its shape: the list's items. */
function repeatedItemAt(target: Element, isHeader: HeaderTest): FoundList | undefined {
  let climbed = 0;
  for (let node: Element | null = target; node && !isPageRoot(node) && climbed < MAX_CLIMB; node = composedParent(node), climbed++) {
    if (TABLE_PARTS.has(node.tagName) || CELL_ROLES.has(node.getAttribute('role') ?? '')) continue;
    const siblings = sameShapeSiblings(node);
    if (siblings.length < MIN_ITEMS) continue;
    const { row, items } = rowsAround(node, siblings);
    const container = composedParent(row);
    if (!container) return undefined;
    const shape = itemShape(items);
    return { source: shapedListSource(container, shape, isHeader), row, shape };
  }
  return undefined;
}

/**
 * From repeated items up to the rows that hold them, while those rows repeat too with as many of
 * the items each: then the items were a row's cells, and the rows are the list.
 */
function rowsAround(item: Element, siblings: Element[]): { row: Element; items: Element[] } {
  let row = item;
  let items = siblings;
  for (let parent = composedParent(row); parent && !isPageRoot(parent); parent = composedParent(row)) {
    const rows = sameShapeSiblings(parent);
    if (rows.length < 2) break;
    const shape = itemShape(items);
    const cells = (element: Element) => composedChildren(element).filter((child) => isOfShape(child, shape)).length;
    const width = cells(parent);
    if (rows.filter((other) => cells(other) === width).length < rows.length * ALIKE_ROWS) break;
    row = parent;
    items = rows;
  }
  return { row, items };
}

/** The element and its siblings of the same tag that share a class word with it (or, like it, have none). */
function sameShapeSiblings(element: Element): Element[] {
  const parent = composedParent(element);
  if (!parent) return [element];
  const own = kindClasses(element);
  return composedChildren(parent).filter((sibling) => {
    if (sibling.tagName !== element.tagName) return false;
    const theirs = kindClasses(sibling);
    return own.length === 0 ? theirs.length === 0 : own.some((name) => theirs.includes(name));
  });
}

function kindClasses(element: Element): string[] {
  return Array.from(element.classList).filter((name) => !isStateClass(name));
}

function ancestorMatching(element: Element, selector: string): Element | undefined {
  for (let node = composedParent(element); node; node = composedParent(node)) if (node.matches(selector)) return node;
  return undefined;
}

function isPageRoot(element: Element): boolean {
  return element.tagName === 'BODY' || element.tagName === 'HTML';
}

/** The chosen list on this page (or a re-rendered or loaded one), or undefined when it is not there. */
export function sourceFromPick(doc: Document, pick: ListPick, isHeader: HeaderTest): RosterSource | undefined {
  const root = rootAt(doc, pick.hosts);
  if (!root) return undefined;
  for (const container of queryPath(root, pick.container)) {
    const source = pick.item ? shapedListSource(container, pick.item, isHeader) : tabularSource(container, isHeader);
    if (source && source.rowElements(1).length > 0) {
      source.findAgain = (next) => sourceFromPick(next, pick, isHeader);
      return source;
    }
  }
  return undefined;
}

/** The chosen list as the ranking would present it, so that inspection and the scan take it in the ranking's place. */
export function rankedPick(doc: Document, pick: ListPick, reader: Reader): Ranked | undefined {
  const source = sourceFromPick(doc, pick, reader.isHeader);
  return source && { source, rows: rowCount(source), sample: sampleRows(source), score: Infinity };
}

/** The list in short: its kind, how the page names it (its caption, else its first headers), its rows now. */
export function pickSummary(source: RosterSource): PickSummary {
  return {
    kind: source.kind,
    caption: (source.caption || source.headers.filter(Boolean).slice(0, 4).join(', ')).slice(0, 200),
    rows: rowCount(source),
  };
}

function rowCount(source: RosterSource): number {
  return source.size?.() ?? source.rowElements().length;
}
