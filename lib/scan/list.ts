import { attributeAddress } from './address';
import { captionOf, type RawRow, type RosterSource } from './source';
import { cellText } from './cell';
import { composedChildNodes, composedChildren, composedParent, composedText } from './composed';
import { capText, cleanText, headerKey } from './text';
import { headerTableIn, type HeaderTest } from './table';
import { surroundings } from './surroundings';

/** How far up from an address an item may start: deep enough for nested card markup. */
const MAX_ITEM_DEPTH = 10;
/** Subtrees that hold actions or code, never member data. */
const SKIPPED = new Set(['BUTTON', 'SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SELECT', 'SVG', 'svg', 'INPUT', 'TEXTAREA']);
/** Class-name words that say what a value is, mapped to a header word the synonym table knows. */
const CLASS_WORDS: Record<string, string> = {
  name: 'name',
  fullname: 'name',
  displayname: 'name',
  username: 'name',
  membername: 'name',
  email: 'email',
  mail: 'email',
  mailaddress: 'email',
  emailaddress: 'email',
  id: 'id',
  userid: 'id',
  loginid: 'id',
  memberid: 'id',
  org: 'organization',
  organization: 'organization',
  organisation: 'organization',
  department: 'department',
  dept: 'department',
  division: 'division',
  team: 'team',
  status: 'status',
  state: 'status',
  role: 'role',
  position: 'position',
  jobtitle: 'position',
  phone: 'phone',
  tel: 'phone',
};
/** Class words that mark one state of an item rather than its kind. */
const STATE_CLASS = /^(is-|has-)|active|selected|current|focus|hover|odd|even|disabled|first|last|open|checked/i;

/**
 * Repeated card or list layouts: sibling elements of one shape, at least two of them holding an
 * address. `anchors` are the elements that show or carry an address.
 */
export function listSources(anchors: readonly Element[], isHeader: HeaderTest): RosterSource[] {
  const itemsByContainer = new Map<Element, Set<Element>>();
  for (const anchor of anchors) {
    let child: Element = anchor;
    for (let depth = 0; depth < MAX_ITEM_DEPTH; depth++) {
      const parent = composedParent(child);
      if (!parent || parent.tagName === 'HTML') break;
      let items = itemsByContainer.get(parent);
      if (!items) itemsByContainer.set(parent, (items = new Set()));
      items.add(child);
      child = parent;
    }
  }
  const ranked = [...itemsByContainer].filter(([, items]) => items.size >= 2).sort((a, b) => b[1].size - a[1].size);
  const accepted: { container: Element; items: Set<Element> }[] = [];
  for (const [container, items] of ranked) {
    // A container inside an accepted item is part of one card (an address and a calendar address); a
    // container around an accepted one groups lists, and the lists themselves are offered.
    const overlaps = accepted.some((other) => other.container.contains(container) || container.contains(other.container));
    if (!overlaps) accepted.push({ container, items });
  }
  return accepted.map(({ container, items }) => cardSource(container, [...items], isHeader)).filter((source) => source !== undefined);
}

/** The items of a card or list layout: one tag, and the class words every item carries. */
export interface ItemShape {
  tag: string;
  classes: string[];
}

/** A class word that marks one state of an item (selected, odd, is-open) rather than its kind. */
export function isStateClass(name: string): boolean {
  return STATE_CLASS.test(name);
}

/** Tag and shared class words of the given items (those that hold addresses): their siblings of that shape are members too. */
export function itemShape(items: readonly Element[]): ItemShape {
  const tag = items[0]!.tagName;
  let classes = Array.from(items[0]!.classList).filter((name) => !STATE_CLASS.test(name));
  for (const item of items.slice(1)) classes = classes.filter((name) => item.classList.contains(name));
  return { tag, classes };
}

export function isOfShape(element: Element, shape: ItemShape): boolean {
  return element.tagName === shape.tag && shape.classes.every((name) => element.classList.contains(name));
}

function cardSource(container: Element, anchoredItems: Element[], isHeader: HeaderTest): RosterSource | undefined {
  const sameTag = anchoredItems.filter((item) => item.tagName === anchoredItems[0]!.tagName);
  if (sameTag.length < 2) return undefined;
  return shapedListSource(container, itemShape(sameTag), isHeader);
}

/** The container's children of one shape, read as cards (labelled values) or as rows of cells. */
export function shapedListSource(container: Element, shape: ItemShape, isHeader: HeaderTest): RosterSource {
  const isItem = (element: Element) => isOfShape(element, shape);
  const columns = new Map<string, number>();
  const headers: string[] = [];
  const columnOf = (key: string, header: string): number => {
    let column = columns.get(key);
    if (column === undefined) {
      column = headers.length;
      columns.set(key, column);
      headers.push(header);
    }
    return column;
  };
  const items = () => composedChildren(container).filter(isItem);
  const first = items()[0];
  // Lists drawn as rows of cells often carry their header as a sibling row of the same width.
  const headerRow = first ? siblingHeader(container, cellsOf(first).cells.length, isHeader) : [];
  const source: RosterSource = {
    kind: 'list',
    root: container,
    caption: captionOf(container),
    headers,
    signature: `list|${shape.tag}.${shape.classes.join('.')}`,
    rowElements: items,
    readRow(element): RawRow | undefined {
      const values = cardValues(element, isHeader);
      if (values.length === 0) return undefined;
      const cells: string[] = [];
      const addresses: string[] = [];
      const elements: (Element | undefined)[] = [];
      for (const value of values) {
        const column = value.label ? columnOf(`label:${headerKey(value.label)}`, value.label) : columnOf(`slot:${value.slot}`, headerRow[value.slot] ?? '');
        // A second value under one label joins the first (several phone numbers, badges).
        cells[column] = cells[column] ? capText(`${cells[column]} ${value.text}`.trim()) : value.text;
        if (value.address && !addresses[column]) addresses[column] = value.address;
        elements[column] ??= value.element;
      }
      return {
        element,
        cells: Array.from(cells, (cell) => cell ?? ''),
        addresses: Array.from(addresses, (address) => address ?? ''),
        elements: Array.from(elements),
      };
    },
  };
  // Headers come from the cards: read the first few so that inspection can show them.
  for (const item of items().slice(0, 20)) source.readRow(item);
  return source;
}

/**
 * The header of a list drawn as rows of cells: a sibling row of the same width before the list or
 * one of its surroundings, or a header table drawn apart from the rows (antd's virtual table puts
 * a `<table>` header above rows of divs).
 */
function siblingHeader(container: Element, width: number, isHeader: HeaderTest): string[] {
  if (width < 2) return [];
  for (const { inside } of surroundings(container)) {
    const before = inside.previousElementSibling;
    if (!before) continue;
    const texts = composedChildren(before).map((child) => cleanText(composedText(child)));
    const headers = texts.length === width ? texts : (headerTableIn(before, width) ?? []);
    if (headers.length === width && headers.filter(isHeader).length * 2 >= headers.filter(Boolean).length && headers.some(Boolean)) return headers;
  }
  return [];
}

interface CardValue {
  /** The label the card gives the value, '' when none. */
  label: string;
  /** Position among the item's cells, for values without a label. */
  slot: number;
  text: string;
  address: string;
  element: Element;
}

/** An item drawn as a row: its innermost single wrapper (`level`) and that wrapper's cells. */
function cellsOf(item: Element): { level: Element; cells: Element[] } {
  let level = item;
  let cells = drawnCells(level);
  // Wrappers with one drawn child (an avatar beside a body counts as none) are looked through.
  while (cells.length === 1 && !hasOwnText(level)) {
    level = cells[0]!;
    cells = drawnCells(level);
  }
  return { level, cells };
}

/** The children that show member data: no controls, nothing hidden, no avatar. */
function drawnCells(element: Element): Element[] {
  return composedChildren(element).filter((child) => !SKIPPED.has(child.tagName) && child.getAttribute('aria-hidden') !== 'true' && !isAvatar(child));
}

/**
 * The values an item shows, in order, each with the label it carries: a `dt`/`label`/"ラベル:"
 * element before it, a "ラベル: 値" text, a data-label / aria-label attribute, or a class word; or,
 * without a label, its position among the item's cells (empty cells keep their place).
 */
export function cardValues(item: Element, isHeader: HeaderTest): CardValue[] {
  const values: CardValue[] = [];
  const { level, cells } = cellsOf(item);
  if (cells.length < 2) {
    // One value: what the innermost wrapper shows, without the avatar beside it.
    const text = cleanText(composedText(level));
    return text ? [{ label: labelOf(item, item.parentElement ?? item), slot: 0, text, address: attributeAddress(item), element: level }] : [];
  }
  let pendingLabel = '';
  cells.forEach((cell, slot) => {
    if (cell.getAttribute('role') === 'button' && !cell.firstElementChild) return;
    const terms = Array.from(cell.children).filter((child) => child.tagName === 'DT');
    if (terms.length > 0) {
      // A definition list inside the card: each term labels the description after it.
      for (const term of terms) {
        const description = term.nextElementSibling;
        if (description?.tagName !== 'DD') continue;
        values.push({
          label: cleanText(term.textContent).replace(/[:：]$/, ''),
          slot,
          text: cellText(description),
          address: attributeAddress(description),
          element: description,
        });
      }
      return;
    }
    const text = cellText(cell);
    const labelText = text.replace(/[:：]$/, '').trim();
    if (/^(DT|TH|LABEL)$/.test(cell.tagName) || (/[:：]$/.test(text) && labelText.length <= 30)) {
      pendingLabel = labelText;
      return;
    }
    const inner = innerLabel(cell);
    const inline = /^(.{1,30}?)\s*[:：]\s*(.+)$/.exec(text);
    const address = attributeAddress(cell);
    if (inner) values.push({ ...inner, slot, address, element: cell });
    else if (inline && !/^https?$/i.test(inline[1]!) && isHeader(inline[1]!))
      values.push({ label: inline[1]!, text: inline[2]!, slot, address, element: cell });
    else values.push({ label: pendingLabel || labelOf(cell, item), slot, text, address, element: cell });
    pendingLabel = '';
  });
  return values;
}

/** A cell holding its own label and value: `<div><span>部署</span><span>営業部</span></div>` with a label element first. */
function innerLabel(cell: Element): { label: string; text: string } | undefined {
  const children = Array.from(cell.children);
  const head = children[0];
  if (children.length !== 2 || !head) return undefined;
  const isLabel = /^(DT|TH|LABEL)$/.test(head.tagName) || /(^|[\s_-])(label|key|caption)($|[\s_-])/i.test(head.getAttribute('class') ?? '');
  if (!isLabel) return undefined;
  return { label: cleanText(head.textContent).replace(/[:：]$/, ''), text: cellText(children[1]!) };
}

/** An avatar shows a picture or an initial: it marks the person, it does not name them. */
function isAvatar(element: Element): boolean {
  return /(^|[\s_-])avatar/i.test(element.getAttribute('class') ?? '') && (element.textContent ?? '').trim().length <= 2;
}

function hasOwnText(element: Element): boolean {
  return composedChildNodes(element).some((node) => node.nodeType === 3 && !!node.nodeValue?.trim());
}

/** A label the value element (or a wrapper inside the card) declares by attribute or class word. */
function labelOf(element: Element, item: Element): string {
  for (let node: Element | null = element; node && node !== item; node = composedParent(node)) {
    const declared = node.getAttribute('data-label') ?? node.getAttribute('data-field') ?? node.getAttribute('data-column') ?? node.getAttribute('itemprop');
    if (declared) return cleanText(declared);
    const aria = node.getAttribute('aria-label');
    if (aria && node.tagName !== 'A') return cleanText(aria);
    const words = Array.from(node.classList)
      .flatMap((name) =>
        name
          .replace(/([a-z])([A-Z])/g, '$1-$2')
          .toLowerCase()
          .split(/[-_]+/),
      )
      .map((word) => CLASS_WORDS[word])
      .filter((word): word is string => !!word);
    if (words.length > 0) return words[words.length - 1]!;
  }
  return '';
}
