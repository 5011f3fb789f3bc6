import { MAX_CELL_LENGTH } from '../row-limits';

/**
 * Control characters (C0 and C1, less the whitespace ones): they carry no text. Format characters
 * (bidi overrides, zero-width spaces) are kept: a cell is stored as read, the dashboard isolates it
 * on display, and identifiers are normalized apart (lib/identity).
 */
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;
/** Whitespace to collapse: JavaScript's `\s` less U+FEFF, which is a zero-width character and kept. */
const SPACES = /[\t\n\v\f\r \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;
/** Anything cleanText would change: most cells have none of it, and are returned as they are. */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const NEEDS_CLEANING = /[\u0000-\u001F\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]| {2}|^ | $/;

/** Page text as a value, as read: control characters removed, whitespace collapsed, trimmed, capped. */
export function cleanText(raw: string | null | undefined): string {
  if (!raw) return '';
  return capText(NEEDS_CLEANING.test(raw) ? raw.replace(CONTROLS, '').replace(SPACES, ' ').replace(/^ | $/g, '') : raw);
}

/** A value within the stored length: for texts joined from pieces, each capped on its own. */
export function capText(text: string): string {
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
