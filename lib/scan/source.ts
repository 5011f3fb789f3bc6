import { attributeAddress } from './address';
import { nodeText } from './text';

/** One row as the page shows it, before any meaning is given to its columns. */
export interface RawRow {
  element: Element;
  /** Cell texts by column. */
  cells: string[];
  /** By column: an address the cell carries in a `mailto:` link or a `title`, '' when none. */
  addresses: readonly string[];
  /** By column, the cell element when the layout has cells (tables, grids), to read a structured cell closer. */
  elements?: ArrayLike<Element | undefined>;
  /** Bit `1 << column` set: that cell holds text only, so reading it closer is skipped (columns 0–30). */
  textOnly?: number;
}

export type SourceKind = 'table' | 'grid' | 'list';

/** A list of people on the page: a data table, an ARIA grid or a repeated card layout. */
export interface RosterSource {
  kind: SourceKind;
  root: Element;
  /** A caption, accessible name or nearby heading, '' when none. */
  caption: string;
  /** Column headers; grows for card layouts when a later card shows a new label. */
  headers: string[];
  /** Row elements in the DOM now, in roster order; the first `limit` when given. */
  rowElements(limit?: number): Element[];
  /** How many rows the DOM holds now, without listing them when the layout can tell. */
  size?(): number;
  readRow(element: Element): RawRow | undefined;
  /** The full size the list declares (aria-rowcount less header rows), when it does. */
  declaredRows?: number;
  /** aria-rowcount as declared: the last row's aria-rowindex. */
  rowCount?: number;
  /** aria-colcount as declared: more columns than are drawn means the columns are virtualised too. */
  columnCount?: number;
  /** Header texts by column as drawn now, for lists that draw only some columns at a time. */
  readHeaders?(): string[];
  /** Kind and headers: finds the same list again after a re-render or on the next page. */
  signature: string;
  /** A list of clickable items that shows no address: each item's detail says who it is. */
  opensDetails?: boolean;
  /** Finds this list again where the ranking would not (a list the admin picked): after a re-render or on the next page. */
  findAgain?(doc: Document): RosterSource | undefined;
}

const NO_ADDRESSES: readonly string[] = [];

/**
 * Columns whose cells hold an address only in an attribute (a name linked with `mailto:`, an
 * address truncated with the whole one in `title`). Decided once from a sample, so that the
 * bulk of a large table is read with textContent alone.
 */
export class AddressColumns {
  private readonly columns = new Set<number>();
  private sampled = 0;

  constructor(private readonly sampleSize = 40) {}

  /** By column, the attribute address of each cell ('' when none); [] when no column carries one. */
  read(cells: ArrayLike<Element>): readonly string[] {
    if (this.sampled < this.sampleSize) {
      this.sampled++;
      for (let column = 0; column < cells.length; column++) {
        const cell = cells[column]!;
        if ((cell.firstElementChild || cell.hasAttribute('title')) && attributeAddress(cell)) this.columns.add(column);
      }
    }
    if (this.columns.size === 0) return NO_ADDRESSES;
    return Array.from(cells, (cell, column) => (this.columns.has(column) ? attributeAddress(cell) : ''));
  }
}

/** A short description of where a list is: its caption, labelled-by text, or the heading above it. */
export function captionOf(root: Element): string {
  const label = root.getAttribute('aria-label');
  if (label) return nodeTextOf(label);
  const labelledBy = root.getAttribute('aria-labelledby');
  if (labelledBy) {
    const doc = root.ownerDocument;
    const text = labelledBy
      .split(/\s+/)
      .map((id) => nodeText(doc.getElementById(id)))
      .join(' ')
      .trim();
    if (text) return text;
  }
  const caption = root.tagName === 'TABLE' ? (root as HTMLTableElement).caption : null;
  if (caption) return nodeText(caption);
  return headingBefore(root);
}

function nodeTextOf(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** The nearest heading before the element within a few ancestors. */
function headingBefore(root: Element): string {
  let node: Element | null = root;
  for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      const heading =
        /^H[1-6]$/.test(sibling.tagName) || sibling.getAttribute('role') === 'heading' ? sibling : sibling.querySelector('h1,h2,h3,h4,h5,h6,[role=heading]');
      if (heading) return nodeText(heading).slice(0, 200);
    }
  }
  return '';
}
