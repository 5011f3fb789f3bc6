import { composedParent } from './composed';
import type { RosterSource } from './source';

/**
 * How far to scroll a list: its lowest drawn row (every drawn row has been read) to the top of the
 * view, so that the rows after it come into view; at least most of a view, at most a few views.
 */
export function scrollStep(container: Element, rows: readonly Element[]): number {
  const least = Math.max(container.clientHeight * 0.8, 100);
  // The lowest row on screen, whatever the DOM order (lists that recycle rows keep no order).
  let lowest = -Infinity;
  for (const row of rows) lowest = Math.max(lowest, row.getBoundingClientRect().top);
  if (!Number.isFinite(lowest)) return least;
  const viewTop = container === container.ownerDocument.scrollingElement ? 0 : container.getBoundingClientRect().top;
  return Math.max(least, Math.min(lowest - viewTop, container.clientHeight * 4));
}

const SCROLLS = new Set(['auto', 'scroll', 'overlay']);

/** The element whose scrolling moves the list's rows: the nearest ancestor that scrolls, else the page. */
export function scrollContainer(source: RosterSource): Element | undefined {
  const doc = source.root.ownerDocument;
  const view = doc.defaultView;
  const start = source.rowElements(1)[0] ?? source.root;
  for (let element: Element | null = start; element; element = composedParent(element)) {
    if (element === doc.documentElement || element === doc.body) break;
    if (element.scrollHeight <= element.clientHeight + 1) continue;
    const overflow = view ? view.getComputedStyle(element).overflowY : '';
    if (SCROLLS.has(overflow)) return element;
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
  const isPage = container === container.ownerDocument.scrollingElement;
  const contentTop = (isPage ? 0 : container.getBoundingClientRect().top) - container.scrollTop;
  return contentTop + container.scrollHeight - lowest;
}

const LOADING = '[aria-busy=true], [role=progressbar], [class*=loading], [class*=Loading], [class*=spinner], [class*=Spinner], [class*=skeleton], [class*=Skeleton]';

/** A list that shows it is loading more (a spinner, a progress bar, a skeleton row). */
export function loadingShown(root: Element): boolean {
  return !!(root.parentElement ?? root).querySelector(LOADING);
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
