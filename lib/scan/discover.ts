import { findAddress, mailtoAddress } from './address';
import { isClickableItem, isPageFurniture } from './clickable';
import { GRID_SELECTOR, gridParts, gridSource } from './grid';
import { listSources } from './list';
import type { RosterSource } from './source';
import { tableSource, type HeaderTest } from './table';

/** Frames deeper than this are not searched: enough for consoles, a bound for hostile nesting. */
const MAX_ROOT_DEPTH = 5;
const GRID_ROLES = new Set(['grid', 'treegrid', 'table']);

export interface DiscoverOptions {
  /** Also lists of clickable items that show no address: the profile opens each item's detail to read it. */
  clickableItems?: boolean;
}

/** What one walk over the page collects: the tables and grids, the elements that show an address, clickable items. */
interface Walked {
  sources: RosterSource[];
  anchors: Element[];
  clickables?: Element[];
}

/**
 * Every list of people on the page, unranked: data tables, ARIA grids and card layouts, in the
 * document, its open shadow roots and its same-origin frames. One pass over the tree; the inside of
 * a table or grid is read by its source, not walked.
 */
export function discoverSources(doc: Document, isHeader: HeaderTest, options: DiscoverOptions = {}): RosterSource[] {
  const walked: Walked = { sources: [], anchors: [], ...(options.clickableItems ? { clickables: [] } : {}) };
  walkRoot(doc, isHeader, walked, 0);
  const lists = listSources(walked.anchors, isHeader);
  if (walked.clickables) {
    const listed = new Set(lists.map((source) => source.root));
    for (const source of listSources(walked.clickables, isHeader)) {
      if (listed.has(source.root) || isPageFurniture(source.root)) continue;
      source.opensDetails = true;
      lists.push(source);
    }
  }
  return [...walked.sources, ...lists];
}

function walkRoot(root: Document | ShadowRoot, isHeader: HeaderTest, walked: Walked, depth: number): void {
  const start = root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : (root as ShadowRoot);
  if (!start) return;
  const stack: Node[] = [start];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      if ((text.includes('@') || text.includes('＠')) && node.parentElement && findAddress(text)) walked.anchors.push(node.parentElement);
      continue;
    }
    if (node.nodeType === 1) {
      const element = node as Element;
      if (visitElement(element, isHeader, walked, depth)) continue;
    }
    // Children pushed in reverse so that they come off the stack in document order.
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
}

/** True when the element's subtree is handled here and must not be walked. */
function visitElement(element: Element, isHeader: HeaderTest, walked: Walked, depth: number): boolean {
  const tag = element.tagName;
  if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE' || tag === 'NOSCRIPT') return true;
  const role = element.getAttribute('role');
  if (role && GRID_ROLES.has(role) && !element.parentElement?.closest(GRID_SELECTOR)) {
    const parts = gridParts(element);
    // A grid drawn in parts is read once, from its first part, as one grid over their parent.
    if (parts[0] !== element) return true;
    const source =
      (parts.length > 1 ? gridSource(element.parentElement!, parts) : gridSource(element)) ??
      (tag === 'TABLE' ? tableSource(element as HTMLTableElement, isHeader) : undefined);
    if (source) {
      walked.sources.push(source);
      return true;
    }
  } else if (tag === 'TABLE') {
    const source = tableSource(element as HTMLTableElement, isHeader);
    if (source) {
      walked.sources.push(source);
      return true;
    }
  }
  if (depth < MAX_ROOT_DEPTH) {
    const shadow = element.shadowRoot;
    if (shadow) walkRoot(shadow, isHeader, walked, depth + 1);
    if (tag === 'IFRAME' || tag === 'FRAME') {
      const frameDoc = sameOriginDocument(element as HTMLIFrameElement);
      if (frameDoc) walkRoot(frameDoc, isHeader, walked, depth + 1);
    }
  }
  if (walked.clickables && isClickableItem(element)) walked.clickables.push(element);
  if (tag === 'A') {
    const href = element.getAttribute('href');
    if (href && mailtoAddress(href)) walked.anchors.push(element);
  } else {
    const title = element.getAttribute('title');
    if (title && title.includes('@') && findAddress(title)) walked.anchors.push(element);
  }
  return false;
}

/** A frame's document when the page may read it; null for cross-origin frames (access throws or is null). */
function sameOriginDocument(frame: HTMLIFrameElement): Document | null {
  try {
    const doc = frame.contentDocument;
    return doc && doc.body ? doc : null;
  } catch {
    return null;
  }
}
