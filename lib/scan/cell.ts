import { composedChildNodes } from './composed';
import { capText, cleanText } from './text';

const SKIPPED = new Set(['BUTTON', 'SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SELECT', 'INPUT', 'TEXTAREA']);

/** Pieces of text a cell shows in separate elements (a name link and a badge, path items), in order. */
export function cellPieces(cell: Element): { element: Element; text: string }[] {
  const pieces: { element: Element; text: string }[] = [];
  const visit = (element: Element) => {
    if (SKIPPED.has(element.tagName) || element.getAttribute('aria-hidden') === 'true') return;
    if (element.tagName === 'SLOT' || element.shadowRoot) {
      // Slotted content is drawn here but lives elsewhere in the tree.
      for (const node of composedChildNodes(element)) {
        if (node.nodeType === 1) visit(node as Element);
        else if (node.nodeType === 3 && node.nodeValue?.trim()) pieces.push({ element, text: cleanText(node.nodeValue) });
      }
      return;
    }
    let own = false;
    for (let node = element.firstChild; node && !own; node = node.nextSibling) own = node.nodeType === 3 && !!node.nodeValue?.trim();
    if (own && !element.firstElementChild) {
      const text = cleanText(element.textContent);
      if (text) pieces.push({ element, text });
      return;
    }
    // Text beside elements (a name followed by its badge) is a piece of its own, as each element is.
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 1) visit(node as Element);
      else if (node.nodeType === 3 && node.nodeValue?.trim()) pieces.push({ element, text: cleanText(node.nodeValue) });
    }
  };
  visit(cell);
  return pieces;
}

/** Pieces beside a name that mark the person rather than name them (badges, chips, avatars' initials). */
const BADGE_CLASS = /badge|label|tag|chip|role|status|avatar|icon/i;
const BADGE_WORDS = new Set([
  '管理者',
  '副管理者',
  '組織管理者',
  '主管理者',
  'オーナー',
  'あなた',
  '自分',
  '本人',
  '外部',
  '招待中',
  'LINE',
  'Admin',
  'Owner',
  'You',
  'External',
  'Invited',
]);

/**
 * A name cell's name: the piece marked as the name (a class word "name", or the link), else the
 * pieces that are no badge; the cell text when it has one piece.
 */
export function nameInCell(cell: Element, cellText: string): string {
  if (!cell.firstElementChild) return cellText;
  const pieces = cellPieces(cell);
  if (pieces.length <= 1) return pieces[0]?.text ?? cellText;
  const classOf = (piece: { element: Element }) => piece.element.getAttribute('class') ?? '';
  const marked =
    pieces.find((piece) => /name/i.test(classOf(piece))) ?? pieces.find((piece) => piece.element.closest('a') && cell.contains(piece.element.closest('a')));
  if (marked) return marked.text;
  const plain = pieces.filter((piece) => !BADGE_CLASS.test(classOf(piece)) && !BADGE_WORDS.has(piece.text));
  return capText((plain.length > 0 ? plain : pieces).map((piece) => piece.text).join(' '));
}

/** A path shown as list items or separate steps (会社 › 本部 › 部), `|`-joined as LINE WORKS writes it. */
export function pathInCell(cell: Element, cellText: string): string {
  if (!cell.firstElementChild) return cellText;
  const items = Array.from(cell.querySelectorAll('li'));
  if (items.length > 1)
    return capText(
      items
        .map((item) => cleanText(item.textContent))
        .filter(Boolean)
        .join('|'),
    );
  const pieces = cellPieces(cell).map((piece) => piece.text);
  const steps = pieces.filter((text) => !/^[›>/|»]$/.test(text));
  return steps.length < pieces.length ? capText(steps.join('|')) : cellText;
}

/** A cell's text: its pieces apart by a space, so that a name and its badge do not run together. */
export function cellText(cell: Element): string {
  return cell.firstElementChild || cell.tagName === 'SLOT' || cell.shadowRoot ? piecesText(cell) : cleanText(cell.textContent);
}

/** The text of a cell that holds elements. */
export function piecesText(cell: Element): string {
  const pieces = cellPieces(cell);
  return pieces.length === 1 ? pieces[0]!.text : cleanText(pieces.map((piece) => piece.text).join(' '));
}
