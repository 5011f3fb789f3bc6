import { MAX_CELL_LENGTH } from '../model';

/**
 * Invisible format characters (zero-width, bidi embeddings/overrides/isolates, BOM). A hostile or
 * sloppy page can use them to make one address look like another; they carry no roster meaning.
 */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/g;
const SPACES = /\s+/g;
/** Anything cleanText would change: most cells have none of it, and are returned as they are. */
const NEEDS_CLEANING = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]|[^\S ]| {2}|^ | $/;

/** Page text as a value: invisible characters removed, whitespace collapsed, trimmed, capped. */
export function cleanText(raw: string | null | undefined): string {
  if (!raw) return '';
  const text = NEEDS_CLEANING.test(raw) ? raw.replace(INVISIBLE, '').replace(SPACES, ' ').trim() : raw;
  return text.length > MAX_CELL_LENGTH ? text.slice(0, MAX_CELL_LENGTH) : text;
}

/** Text of a node as a value (textContent only: markup in a cell is never interpreted). */
export function nodeText(node: Node | null | undefined): string {
  return node ? cleanText(node.textContent) : '';
}

/** A header for matching: NFKC-folded, lower-case, without spaces, sort marks, required marks and colons. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000]+/g, '')
    .replace(/[▲▼△▽↑↓⇅↕*※:：]/g, '')
    .replace(/\((必須|任意|required|optional)\)$/, '');
}

/** Realm-independent: nodes from iframes and parsed documents fail `instanceof Element`. */
export function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === 1;
}
