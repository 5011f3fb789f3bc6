import type { RosterSource } from './source';

/**
 * How far to scroll a virtual list: its last rendered row (every rendered row has been read) to the
 * top of the view, so that the rows after it come into view; at least most of a view.
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

/** The element whose scrolling brings a virtual list's rows: the nearest scrollable ancestor of its rows, else the page. */
export function scrollContainer(source: RosterSource): Element | undefined {
  const doc = source.root.ownerDocument;
  const view = doc.defaultView;
  const start = source.rowElements()[0] ?? source.root;
  for (let element: Element | null = start; element; element = element.parentElement) {
    if (element.scrollHeight <= element.clientHeight + 1) continue;
    const overflow = view ? view.getComputedStyle(element).overflowY : '';
    if (overflow === 'auto' || overflow === 'scroll' || overflow === 'overlay') return element;
  }
  const page = doc.scrollingElement;
  return page && page.scrollHeight > page.clientHeight + 1 ? page : undefined;
}
