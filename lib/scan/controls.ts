import { cleanText } from './text';

const CLICKABLE = 'a, button, [role=button], [role=link], input[type=button], input[type=submit]';

/** Names of a "next page" control, strongest first: words, then arrows (» may mean "last", so it comes last). */
const NEXT_NAMES: readonly RegExp[] = [
  /^(次へ|次のページ(へ)?|次ページ|次の\d*件|次|next|nextpage|gotonextpage|ページ送り)[›>»→≫]*$/i,
  /^[›>→]$/,
  /^[»≫]$/,
];
const LOAD_MORE = /^(もっと見る|もっと表示|もっと読み込む|さらに表示|さらに読み込む|続きを表示|続きを読み込む|次の\d+件を表示|loadmore|showmore|viewmore|seemore)/i;

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
  const classes = `${element.getAttribute('class') ?? ''} ${element.parentElement?.tagName === 'LI' ? element.parentElement.getAttribute('class') ?? '' : ''}`;
  return /(^|[\s_-])disabled($|[\s_-])/i.test(classes);
}

/** Hidden by attribute or, in a rendered document, by style: a pager's hidden "next" is no control. */
function isHidden(element: Element): boolean {
  if (element.closest('[hidden], [aria-hidden=true]')) return true;
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(element);
  return style.display === 'none' || style.visibility === 'hidden';
}

const REL_NEXT = 'a[rel~=next], button[rel~=next], link[rel~=next]';

/**
 * Clickable controls and rel=next links of a document or shadow root, less those inside a roster row
 * (row actions). Rows are not entered: on a page of 10,000 rows a selector query over the whole
 * document costs as much as reading the rows.
 */
function controls(scope: ParentNode): { clickable: Element[]; relNext: Element[] } {
  const clickable: Element[] = [];
  const relNext: Element[] = [];
  const stack: Element[] = [];
  const pushChildren = (parent: ParentNode) => {
    for (let child = parent.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  };
  pushChildren(scope);
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (element.tagName === 'TR' || element.getAttribute('role') === 'row') continue;
    if (element.matches(CLICKABLE) && (element.textContent ?? '').length <= 60) clickable.push(element);
    if (element.matches(REL_NEXT)) relNext.push(element);
    pushChildren(element);
  }
  return { clickable, relNext };
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

function scopeOf(root: Element): ParentNode {
  const top = root.getRootNode();
  return top.nodeType === 9 || top.nodeType === 11 ? (top as ParentNode) : root.ownerDocument;
}

/** The roster's "next page" control: rel=next, then the strongest name; undefined when there is none. */
export function findNext(root: Element): Element | undefined {
  const { clickable: all, relNext } = controls(scopeOf(root));
  const rel = relNext.filter((element) => element.tagName === 'LINK' || !isHidden(element));
  if (rel.length > 0) return pickNearest(rel, root);
  for (const pattern of NEXT_NAMES) {
    const found = all.filter((element) => pattern.test(accessibleName(element).replace(/\s+/g, '')) && !isHidden(element));
    if (found.length > 0) return pickNearest(found, root);
  }
  return undefined;
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
  const container = root.parentElement?.parentElement ?? root.parentElement;
  const total = /全\s*([\d,]+)\s*(件|名|人)|([\d,]+)\s*(件|名|人)中|of\s+([\d,]+)/.exec(cleanText(container?.textContent?.slice(0, 20000)));
  const count = total ? Number((total[1] ?? total[3] ?? total[5] ?? '').replace(/,/g, '')) : 0;
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
