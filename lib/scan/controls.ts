import { changeVersion } from './change-version';
import { isClickableItem } from './clickable';
import { statedCount } from './page-count';
import { cleanText } from './text';

const CLICKABLE = 'a, button, [role=button], [role=link], input[type=button], input[type=submit]';

/** Names of a "next page" control, strongest first: words, then arrows (» may mean "last", so it comes last). */
const NEXT_NAMES: readonly RegExp[] = [/^(次へ|次のページ(へ)?|次ページ|次の\d*件|次|next|nextpage|gotonextpage|ページ送り)[›>»→≫]*$/i, /^[›>→]$/, /^[»≫]$/];
const LOAD_MORE =
  /^(もっと見る|もっと表示|もっと読み込む|さらに表示|さらに読み込む|続きを表示|続きを読み込む|次の\d+件を表示|loadmore|showmore|viewmore|seemore)/i;

/** What a person (or a screen reader) calls the control. */
export function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label && label.trim()) return cleanText(label);
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' ');
    if (text.trim()) return cleanText(text);
  }
  const text = cleanText(element.textContent);
  if (text) return text;
  if (element.tagName === 'INPUT') return cleanText(element.getAttribute('value'));
  return cleanText(element.getAttribute('title') ?? element.querySelector('img[alt]')?.getAttribute('alt'));
}

/** Disabled by attribute, by ARIA, or by a "disabled" class on it or its list item (pagers drawn with links). */
export function isDisabled(element: Element): boolean {
  if (element.hasAttribute('disabled') || element.getAttribute('aria-disabled') === 'true') return true;
  if (element.closest('[aria-disabled=true], fieldset[disabled]')) return true;
  const classes = `${element.getAttribute('class') ?? ''} ${element.parentElement?.tagName === 'LI' ? (element.parentElement.getAttribute('class') ?? '') : ''}`;
  return /(^|[\s_-])disabled($|[\s_-])/i.test(classes);
}

/** Hidden by attribute or, in a rendered document, by style: a pager's hidden "next" is no control. */
export function isHidden(element: Element): boolean {
  if (element.closest('[hidden], [aria-hidden=true]')) return true;
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(element);
  return style.display === 'none' || style.visibility === 'hidden';
}

const REL_NEXT = 'a[rel~=next], button[rel~=next], link[rel~=next]';

/**
 * Every element of a document or shadow root but those inside a roster row (row actions, cells):
 * on a page of 10,000 rows a selector query over the whole document costs as much as reading the
 * rows, and a pager is never inside one.
 */
export function outsideRows(scope: ParentNode): Element[] {
  const version = changeVersion(scope as Node);
  const known = outsideRowsSeen.get(scope);
  if (version !== undefined && known?.version === version) return known.elements;
  const found: Element[] = [];
  const stack: Element[] = [];
  const pushChildren = (parent: ParentNode) => {
    for (let child = parent.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  };
  pushChildren(scope);
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (element.tagName === 'TR' || element.getAttribute('role') === 'row') continue;
    found.push(element);
    pushChildren(element);
  }
  if (version !== undefined) outsideRowsSeen.set(scope, { version, elements: found });
  return found;
}

/** The scan asks for the page's controls several times between changes. */
const outsideRowsSeen = new WeakMap<ParentNode, { version: number; elements: Element[] }>();

/** Clickable controls and rel=next links outside roster rows. */
function controls(scope: ParentNode): { clickable: Element[]; relNext: Element[] } {
  const elements = outsideRows(scope);
  return {
    clickable: elements.filter((element) => element.matches(CLICKABLE) && (element.textContent ?? '').length <= 60),
    relNext: elements.filter((element) => element.matches(REL_NEXT)),
  };
}

/** Depth of the deepest common ancestor: a control near the roster wins over one elsewhere on the page. */
function closeness(control: Element, root: Element): number {
  let depth = 0;
  for (let node: Element | null = root; node; node = node.parentElement) {
    if (node.contains(control)) {
      for (let up = node.parentElement; up; up = up.parentElement) depth++;
      return depth;
    }
  }
  return -1;
}

function pickNearest(found: Element[], root: Element): Element | undefined {
  let best: Element | undefined;
  let bestDepth = -2;
  for (const element of found) {
    const depth = closeness(element, root);
    if (depth > bestDepth) [best, bestDepth] = [element, depth];
  }
  return best;
}

export function scopeOf(root: Element): ParentNode {
  const top = root.getRootNode();
  return top.nodeType === 9 || top.nodeType === 11 ? (top as ParentNode) : root.ownerDocument;
}

/** The roster's "next page" control: rel=next, then the strongest cue; undefined when there is none. */
export function findNext(root: Element): Element | undefined {
  const { clickable: all, relNext } = controls(scopeOf(root));
  const rel = relNext.filter((element) => element.tagName === 'LINK' || !isHidden(element));
  if (rel.length > 0) return pickNearest(rel, root);
  for (const pattern of NEXT_NAMES) {
    const found = all.filter((element) => pattern.test(accessibleName(element).replace(/\s+/g, '')) && !isHidden(element));
    if (found.length > 0) return pickNearest(found, root);
  }
  // Controls that say "next" only in a title (also on the enclosing item), a class word, or an icon.
  const visible = all.filter((element) => !isHidden(element));
  for (const cue of [titledNext, classedNext, chevronInPager]) {
    const found = visible.filter(cue);
    if (found.length > 0) return pickNearest(found, root);
  }
  return undefined;
}

const NEXT_WORDS = /^(次へ|次のページ(へ)?|次ページ|次|next|nextpage|gotonextpage|gotothenextpage|showthenextpage)$/i;

/** Names a control carries beside its own text: `title` on it or on the pager item around it, `aria-label`. */
function titledNext(element: Element): boolean {
  const holders = [element, element.parentElement?.tagName === 'LI' ? element.parentElement : null];
  return holders.some((holder) =>
    [holder?.getAttribute('title'), holder?.getAttribute('aria-label')].some((name) => !!name && NEXT_WORDS.test(name.replace(/[\s_-]+/g, ''))),
  );
}

const NEXT_CLASS = /(^|\s)([\w-]*?(pagination|paginator|pager|page)[-_]+next|next[-_]+page|btn[-_]next|[\w-]*pagination__next|next)(\s|$)/i;

/** A class word of the control or its pager item that says "next" (ant-pagination-next, btn-next, p-paginator-next). */
function classedNext(element: Element): boolean {
  const holders = [element, element.parentElement?.tagName === 'LI' ? element.parentElement : null];
  return holders.some((holder) => NEXT_CLASS.test(holder?.getAttribute('class') ?? '')) && !/prev|back|last|first/i.test(element.getAttribute('class') ?? '');
}

const CHEVRON =
  /(chevron|arrow|keyboardarrow|navigate|angle|caret)[-_]?(right|next|forward)|^(right|next)$|(^|\s)(anticon-right|icon-right|fa-angle-right|fa-chevron-right)(\s|$)/i;

/**
 * An icon-only control whose icon points right, inside a pager (a container with page numbers
 * or a pager's name): a chevron elsewhere (a carousel, a calendar) is not paging the list.
 */
function chevronInPager(element: Element): boolean {
  if ((element.textContent ?? '').trim()) return false;
  const icons = [element, ...Array.from(element.querySelectorAll('svg, i, span, img, use'))];
  const pointsRight = icons.some((icon) =>
    ['aria-label', 'data-testid', 'data-icon', 'class', 'href', 'alt', 'name'].some((attribute) =>
      CHEVRON.test((icon.getAttribute(attribute) ?? '').replace(/^#/, '')),
    ),
  );
  return pointsRight && !!pagerOf(element);
}

/** The pager around a control: a navigation region, or a container named for paging, holding page numbers. */
function pagerOf(control: Element): Element | undefined {
  for (let node = control.parentElement, depth = 0; node && depth < 4; node = node.parentElement, depth++) {
    const named = node.tagName === 'NAV' || node.getAttribute('role') === 'navigation' || /pag/i.test(node.getAttribute('class') ?? '');
    if (named || pageNumbersIn(node) >= 2) return node;
  }
  return undefined;
}

/** Page-number controls in a container: two or more make it a pager. */
function pageNumbersIn(node: Element): number {
  if (node.querySelector('tr, [role=row]')) return 0;
  let count = 0;
  for (const element of Array.from(node.querySelectorAll('a, button, li, [role=button]')))
    if (/^\d{1,5}$/.test(cleanText(element.textContent)) && ++count >= 2) break;
  return count;
}

const CURRENT_PAGE = '[aria-current=page], [aria-current=true], [class*=active], [class*=selected], [class*=current]';

/** The page a pager marks as shown (aria-current, an active or selected item), when it marks one. */
export function currentPageNumber(root: Element): number | undefined {
  const numbers = outsideRows(scopeOf(root))
    .filter((element) => element.matches(CURRENT_PAGE) && pagerOf(element))
    .map((element) => cleanText(element.textContent))
    .filter((text) => /^\d{1,5}$/.test(text))
    .map(Number);
  return numbers.length > 0 ? numbers[0] : undefined;
}

/** The control for page `k` in a pager's list of page numbers near the roster. */
export function findPageNumber(root: Element, k: number): Element | undefined {
  const wanted = String(k);
  const found = controls(scopeOf(root)).clickable.filter(
    (element) => !isHidden(element) && pagerOf(element) && (cleanText(element.textContent) === wanted || titleOf(element) === wanted),
  );
  if (found.length > 0) return pickNearest(found, root);
  // Pagers drawn as items that take the click themselves: list items (antd: <li title="2" class="ant-pagination-item">)
  // or any repeated element a script made clickable (Naive UI: <div class="n-pagination-item">).
  const items = outsideRows(scopeOf(root)).filter(
    (item) =>
      (cleanText(item.textContent) === wanted || item.getAttribute('title') === wanted) &&
      (item.tagName === 'LI' || isClickableItem(item)) &&
      !isHidden(item) &&
      pagerOf(item),
  );
  return items.length > 0 ? pickNearest(items, root) : undefined;
}

function titleOf(element: Element): string {
  return cleanText(element.getAttribute('title') ?? element.getAttribute('aria-label'));
}

/** The control that takes a paged list back to its first page: page 1, a "first" control. */
export function findFirstPage(root: Element): Element | undefined {
  const first = controls(scopeOf(root)).clickable.filter(
    (element) =>
      !isHidden(element) &&
      /^(最初|先頭|最初のページ|first|firstpage|gotofirstpage|«|≪)$/i.test((accessibleName(element) || titleOf(element)).replace(/\s+/g, '')),
  );
  return findPageNumber(root, 1) ?? (first.length > 0 ? pickNearest(first, root) : undefined);
}

/** A page-size control near the roster: a native select and the value of its largest option, or a custom combobox to open. */
export type PageSizeControl = { select: HTMLSelectElement; value: string } | { combobox: Element };

/**
 * A page-size control near the roster ("100", "100 / page", 「100件」); undefined when there is none
 * or a native one already shows the largest. A custom combobox (antd, MUI) shows its options only
 * once opened: `pageSizeOffer` reads them then.
 */
export function pageSizeChoice(root: Element, rowsShown: number): PageSizeControl | undefined {
  const scope = scopeOf(root);
  const selects = Array.from(scope.querySelectorAll('select')).filter((select) => !isHidden(select) && !select.closest('tr, [role=row]'));
  for (const select of selects) {
    const options = Array.from((select as HTMLSelectElement).options).map((option) => ({
      value: option.value,
      size: pageSizeOf(option.textContent ?? option.value),
    }));
    if (options.length < 2 || options.some((option) => option.size === undefined)) continue;
    const largest = options.reduce((a, b) => ((b.size ?? 0) > (a.size ?? 0) ? b : a));
    if ((select as HTMLSelectElement).value === largest.value) return undefined;
    return { select: select as HTMLSelectElement, value: largest.value };
  }
  const boxes = outsideRows(scope).filter((element) => isPageSizeBox(element, rowsShown) && !isHidden(element));
  // A select drawn with both a focusable input and a trigger beside it opens from the trigger
  // (PrimeReact's dropdown ignores presses on its input).
  const triggers = boxes.filter((box) => box.tagName !== 'INPUT');
  const combobox = boxes.length > 0 ? pickNearest(triggers.length > 0 ? triggers : boxes, root) : undefined;
  return combobox ? { combobox } : undefined;
}

const COMBOBOX = '[role=combobox], [aria-haspopup=listbox]';
/** A button that opens a menu beside it (ARIA, or Bootstrap's dropdown toggle, which says nothing until opened). */
const MENU_BUTTON = '[aria-haspopup]:not([aria-haspopup=false]), [data-bs-toggle=dropdown], [data-toggle=dropdown], .dropdown-toggle';
/** What a page-size box is called ("Page Size", "Rows per page:", 「表示件数」). */
const PAGE_SIZE_NAME = /page\s*size|per\s*page|rows|表示件数|件数|表示数|ページあたり|1\s*ページ/i;

/**
 * A combobox that shows a page size and is named as one (or shows it with its unit: "20 / page",
 * 「20件」, or, in a pager, shows as many as the list shows rows: PrimeReact names its page-size
 * dropdown "Jump to Page Dropdown"); or, in a pager, a focusable box without any ARIA that shows
 * a page size with its unit (Naive UI's select: a `tabindex` div showing 「20 / ページ」).
 */
function isPageSizeBox(element: Element, rowsShown: number): boolean {
  const opensList = element.matches(COMBOBOX) || element.matches(MENU_BUTTON);
  if (!opensList && !(element.getAttribute('tabindex') === '0' && pagerOf(element))) return false;
  const shown = shownValue(element);
  const size = pageSizeOf(shown);
  if (size === undefined) return false;
  if (!/^\d+$/.test(shown)) return true;
  return opensList && (PAGE_SIZE_NAME.test(accessibleName(element)) || (size === rowsShown && !!pagerOf(element)));
}

/** What a custom select shows: its own text, or, for an input inside the select, the text around it. */
function shownValue(combobox: Element): string {
  const value = (combobox as Partial<HTMLInputElement>).value;
  if (combobox.tagName === 'INPUT' && value) return cleanText(value);
  let node: Element | null = combobox;
  for (let depth = 0; node && depth < 4; node = node.parentElement, depth++) {
    const text = cleanText(shownText(node));
    if (text) return text;
  }
  return '';
}

/** The text an element shows, without the options of a native select kept beside a custom one for forms. */
function shownText(element: Element): string {
  if (!element.querySelector('select')) return element.textContent ?? '';
  let text = '';
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) text += child.nodeValue ?? '';
    else if (child.nodeType === 1 && (child as Element).tagName !== 'SELECT') text += shownText(child as Element);
  }
  return text;
}

/**
 * What an opened page-size combobox offers: how many page sizes its own listbox (`aria-controls` /
 * `aria-owns`), else the page, shows as options, and the largest when larger than the one shown.
 */
export function pageSizeOffer(combobox: Element): { options: number; larger?: Element } {
  const doc = combobox.ownerDocument;
  const listIds = `${combobox.getAttribute('aria-controls') ?? ''} ${combobox.getAttribute('aria-owns') ?? ''}`.split(/\s+/).filter(Boolean);
  const lists = listIds.map((id) => doc.getElementById(id)).filter((list): list is HTMLElement => list !== null);
  let candidates =
    lists.length > 0 ? lists.flatMap((list) => Array.from(list.querySelectorAll('[role=option]'))) : Array.from(doc.querySelectorAll('[role=option]'));
  if (candidates.length === 0) candidates = menuBeside(combobox);
  if (candidates.length === 0) candidates = unmarkedOptions(combobox);
  let larger: Element | undefined;
  let size = pageSizeOf(shownValue(combobox)) ?? 0;
  const offered: number[] = [];
  for (const option of candidates) {
    const offer = isHidden(option) ? undefined : pageSizeOf(option.textContent ?? '');
    if (offer === undefined) continue;
    offered.push(offer);
    if (offer > size) [larger, size] = [option, offer];
  }
  // 1, 2, 3, … are pages to jump to, not page sizes: choosing the largest would skip to the last page.
  if (offered.length >= 3 && offered.every((offer, index) => offer === index + 1)) return { options: offered.length };
  return larger ? { options: offered.length, larger } : { options: offered.length };
}

/**
 * The items of a menu drawn beside the button that opens it, in the same group (Bootstrap: a
 * `.dropdown-menu` of links after the toggle), at least two that offer a page size.
 */
function menuBeside(button: Element): Element[] {
  const group = button.parentElement;
  // A combobox's options come in its listbox, drawn once it opens: never the form's copy beside it.
  if (!group || button.matches(COMBOBOX) || !button.matches(MENU_BUTTON)) return [];
  const found = Array.from(group.querySelectorAll('*')).filter(
    (element) => element.firstElementChild === null && !button.contains(element) && pageSizeOf(element.textContent ?? '') !== undefined,
  );
  return found.length >= 2 ? found : [];
}

/**
 * The options of a select drawn without ARIA (its menu a popup of plain divs, linked to the box by
 * nothing): the innermost elements outside the box's pager that offer a page size with its unit,
 * as the box shows it ("100 / ページ"), at least two of them.
 */
function unmarkedOptions(box: Element): Element[] {
  const pager = pagerOf(box) ?? box;
  const found = outsideRows(scopeOf(box)).filter(
    (element) =>
      element.firstElementChild === null &&
      !pager.contains(element) &&
      !/^\d+$/.test(cleanText(element.textContent)) &&
      pageSizeOf(element.textContent ?? '') !== undefined,
  );
  return found.length >= 2 ? found : [];
}

/** The page size an option offers: "100", "100 / page", 「100件/ページ」, "Show 100"; undefined when it offers none. */
export function pageSizeOf(text: string): number | undefined {
  const match = /^(?:show\s*|表示\s*)?(\d{1,4})\s*(?:件|名|行|rows?|items?|entries|per\s*page|\/\s*page|件\s*\/\s*ページ|件表示)?\s*$/i.exec(
    cleanText(text.normalize('NFKC')).replace(/\s*\/\s*(page|ページ)$/i, ''),
  );
  return match ? Number(match[1]) : undefined;
}

/** A "load more" / もっと見る control near the roster. */
export function findLoadMore(root: Element): Element | undefined {
  const found = controls(scopeOf(root)).clickable.filter((element) => LOAD_MORE.test(accessibleName(element).replace(/\s+/g, '')) && !isHidden(element));
  return found.length > 0 ? pickNearest(found, root) : undefined;
}

/** Pages in all when the pager shows it: the highest page number, "1 / 12", or a total count over the page size. */
export function pageCount(root: Element, next: Element | undefined, rowsOnPage: number): number | undefined {
  let highest = 0;
  const pager = next?.closest('nav, [role=navigation], ul, ol, [class*=pag], [class*=Pag]') ?? next?.parentElement;
  if (pager) {
    for (const element of Array.from(pager.querySelectorAll(CLICKABLE + ', li, span'))) {
      const text = cleanText(element.textContent);
      if (/^\d{1,5}$/.test(text)) highest = Math.max(highest, Number(text));
    }
    const ofPages = /(\d+)\s*\/\s*(\d+)/.exec(cleanText(pager.textContent));
    if (ofPages) highest = Math.max(highest, Number(ofPages[2]));
  }
  if (highest > 0) return highest;
  const count = statedCount(root)?.total ?? 0;
  return count > 0 && rowsOnPage > 0 ? Math.ceil(count / rowsOnPage) : undefined;
}

/**
 * How to follow a control: a link with a real same-origin address is loaded without navigating
 * the tab; anything else (a button, a `#` or `javascript:` link) is clicked.
 */
export function followTarget(control: Element, baseUrl: string): { url: string } | { click: Element } {
  const href = control.getAttribute('href');
  if (href && !/^\s*(#|javascript:)/i.test(href)) {
    try {
      const url = new URL(href, baseUrl);
      if (url.origin === new URL(baseUrl).origin && (url.protocol === 'https:' || url.protocol === 'http:')) return { url: url.href };
    } catch {
      // An unparsable href: treat the control as a button.
    }
  }
  return { click: control };
}
