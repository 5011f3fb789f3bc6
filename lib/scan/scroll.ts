import { composedParent } from './composed';
import type { RosterSource } from './source';

/**
 * How far to scroll a list: its lowest drawn row (every drawn row has been read) to a quarter of a
 * view from the top, so that the rows after it come into view; at least most of a view, at most a
 * few views. The quarter is overlap: a virtualiser that places its window by estimated row heights
 * (PrimeReact) starts the next window a row or two later than the scroll position says.
 */
export function scrollStep(container: Element, rows: readonly Element[]): number {
  const least = Math.max(container.clientHeight * 0.8, 100);
  // The lowest row on screen, whatever the DOM order (lists that recycle rows keep no order).
  let lowest = -Infinity;
  for (const row of rows) lowest = Math.max(lowest, row.getBoundingClientRect().top);
  if (!Number.isFinite(lowest)) return least;
  return Math.max(least, Math.min(lowest - viewTopOf(container) - container.clientHeight / 4, container.clientHeight * 4));
}

/**
 * Where to scroll so that item `number` is drawn a third of a view from the top, judged from drawn
 * rows that say their item number (a windowed list's rows are all of one height); undefined when
 * no drawn row says one.
 */
export function scrollTopFor(container: Element, rows: readonly Element[], numberOf: (row: Element) => number, number: number): number | undefined {
  const numbered = rows.filter((row) => numberOf(row) > 0);
  if (numbered.length === 0) return undefined;
  const heights = numbered
    .map((row) => row.getBoundingClientRect().height)
    .filter((height) => height > 0)
    .sort((a, b) => a - b);
  const height = heights[Math.floor(heights.length / 2)];
  if (!height) return undefined;
  const known = numbered[0]!;
  const knownTop = known.getBoundingClientRect().top - contentTopOf(container);
  const top = knownTop + (number - numberOf(known)) * height - container.clientHeight / 3;
  return Math.max(0, Math.min(top, container.scrollHeight - container.clientHeight));
}

/** Where what scrolls shows its top, in viewport coordinates (the page's view starts at 0). */
export function viewTopOf(container: Element): number {
  return container === container.ownerDocument.scrollingElement ? 0 : container.getBoundingClientRect().top;
}

/** Where the top of a scroller's whole content stands now, in viewport coordinates. */
function contentTopOf(container: Element): number {
  return viewTopOf(container) - container.scrollTop;
}

const SCROLLS = new Set(['auto', 'scroll', 'overlay']);
/** How many times its own height a clipped element must hold before it counts as a list's window. */
const CLIPPED_WINDOW = 2;

/**
 * The element whose scrolling moves the list's rows: the nearest ancestor that scrolls, else the page.
 * A window that clips far more than it shows without a scrollbar of its own (`overflow: hidden`, its
 * scrollbar drawn by script, as Element Plus's virtual table does) scrolls too: it follows its scroll
 * position and draws from its scroll event.
 */
export function scrollContainer(source: RosterSource): Element | undefined {
  const doc = source.root.ownerDocument;
  const view = doc.defaultView;
  const start = source.rowElements(1)[0] ?? source.root;
  for (let element: Element | null = start; element; element = composedParent(element)) {
    if (element === doc.documentElement || element === doc.body) break;
    if (element.scrollHeight <= element.clientHeight + 1) continue;
    const overflow = view ? view.getComputedStyle(element).overflowY : '';
    if (SCROLLS.has(overflow)) return element;
    if (overflow === 'hidden' && element.clientHeight > 0 && element.scrollHeight > element.clientHeight * CLIPPED_WINDOW) return element;
  }
  const page = doc.scrollingElement;
  return page && page.scrollHeight > page.clientHeight + 1 ? page : undefined;
}

/**
 * The element that scrolls the list's columns sideways: the one inside (or around) the list with
 * the most to scroll. Grids draw a separate scrollbar that the body follows, or the reverse.
 */
export function sidewaysScroller(root: Element): Element | undefined {
  const view = root.ownerDocument.defaultView;
  let best: Element | undefined;
  let bestRange = 1;
  const consider = (element: Element) => {
    const range = element.scrollWidth - element.clientWidth;
    if (range <= bestRange) return;
    const overflow = view ? view.getComputedStyle(element).overflowX : '';
    if (SCROLLS.has(overflow) || (overflow === 'hidden' && element.scrollLeft > 0)) [best, bestRange] = [element, range];
  };
  for (let element: Element | null = root; element && element !== root.ownerDocument.body; element = composedParent(element)) consider(element);
  for (const element of Array.from(root.querySelectorAll('div'))) consider(element);
  return best;
}

/**
 * Moves an element's scroll position and says so with a scroll event of our own: a background tab
 * delivers scroll events only with a drawn frame, which it does not draw, and windowed lists render
 * from their scroll handler.
 */
export function setScroll(element: Element, to: { top?: number; left?: number }): void {
  const doc = element.ownerDocument;
  if (to.top !== undefined) element.scrollTop = to.top;
  if (to.left !== undefined) element.scrollLeft = to.left;
  const isPage = element === doc.scrollingElement;
  const EventClass = doc.defaultView?.Event ?? Event;
  (isPage ? doc : element).dispatchEvent(new EventClass('scroll', { bubbles: isPage }));
}

/**
 * Rows placed by a virtualiser: absolutely positioned or translated, themselves or a wrapper
 * between them and the scrolling element (the rows a window draws move inside a tall spacer).
 */
export function isWindowed(rows: readonly Element[], container: Element): boolean {
  const view = container.ownerDocument.defaultView;
  if (!view) return false;
  const row = rows[Math.floor(rows.length / 2)];
  for (let element: Element | null = row ?? null; element && element !== container; element = composedParent(element)) {
    const style = view.getComputedStyle(element);
    if (style.position === 'absolute' || (style.transform && style.transform !== 'none')) return true;
  }
  return false;
}

/** The last row ends within a view of the bottom of what scrolls: where an infinite list asks for more. */
export function endsNearBottom(rows: readonly Element[], container: Element): boolean {
  return spaceBelowRows(rows, container) < container.clientHeight;
}

/**
 * How far what scrolls reaches below the lowest drawn row (Infinity when no row is drawn): more
 * than a view inside a list's own scroller means rows not drawn yet (a window kept by padding).
 */
export function spaceBelowRows(rows: readonly Element[], container: Element): number {
  let lowest = -Infinity;
  for (const row of rows.slice(-20)) lowest = Math.max(lowest, row.getBoundingClientRect().bottom);
  if (!Number.isFinite(lowest)) return Infinity;
  return contentTopOf(container) + container.scrollHeight - lowest;
}

/** How far the highest drawn row stands below the top of what scrolls (Infinity when no row is drawn). */
export function spaceAboveRows(rows: readonly Element[], container: Element): number {
  let highest = Infinity;
  for (const row of rows.slice(0, 20)) highest = Math.min(highest, row.getBoundingClientRect().top);
  if (!Number.isFinite(highest)) return Infinity;
  return highest - contentTopOf(container);
}

const LOADING =
  '[aria-busy=true], [role=progressbar], [class*=loading], [class*=Loading], [class*=spinner], [class*=Spinner], [class*=skeleton], [class*=Skeleton]';

/**
 * A list that shows it is loading more (a spinner, a progress bar, a skeleton row, an overlay):
 * looked for around the rows, from the last row up to the list's parent, but not inside the rows (a
 * substring match of class names over 50,000 cells costs more than reading them).
 */
export function loadingShown(root: Element, rows: readonly Element[]): boolean {
  const last = rows[rows.length - 1];
  if (!last) return !!(root.parentElement ?? root).querySelector(LOADING);
  if (isLoading(last)) return true;
  let isRow: Set<Element> | undefined;
  const top = root.parentElement ?? root;
  let path: Element = last;
  for (let parent = last.parentElement; parent; path = parent, parent = parent.parentElement) {
    // A body that holds the rows and nothing else (a 10,000-row tbody) has nothing more to look at.
    const onlyRows = parent.childElementCount === rows.length && rows[0]!.parentElement === parent && last.parentElement === parent;
    if (!onlyRows) {
      isRow ??= new Set(rows);
      for (const child of parent.children) {
        if (child !== path && !isRow.has(child) && (child.matches(LOADING) || child.querySelector(LOADING))) return true;
      }
    }
    if (parent === top) break;
  }
  return false;
}

/** A row that stands for an item still loading: itself marked so, or holding only a loading mark. */
export function isLoading(row: Element): boolean {
  return row.matches(LOADING) || (row.childElementCount <= 1 && !!row.querySelector(LOADING));
}

/**
 * The fewest horizontal positions that together draw every needed column, greedily: each position
 * chosen draws the most columns not yet covered. Columns never drawn anywhere are left out.
 */
export function coverColumns(needed: readonly number[], drawnAt: ReadonlyMap<number, readonly number[]>, positions: readonly number[]): number[] {
  const open = new Set(needed.filter((column) => (drawnAt.get(column)?.length ?? 0) > 0));
  const chosen: number[] = [];
  while (open.size > 0) {
    let best = positions[0]!;
    let bestCount = -1;
    for (const position of positions) {
      let count = 0;
      for (const column of open) if (drawnAt.get(column)!.includes(position)) count++;
      if (count > bestCount) [best, bestCount] = [position, count];
    }
    if (bestCount <= 0) break;
    chosen.push(best);
    for (const column of [...open]) if (drawnAt.get(column)!.includes(best)) open.delete(column);
  }
  return chosen.sort((a, b) => a - b);
}
