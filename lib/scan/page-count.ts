import { surroundings } from './surroundings';
import { cleanText } from './text';

/**
 * What a page states about how many members a list holds: 「全2,000件」, 「500 件中 1-20 件」,
 * "1–25 of 500", "Showing 1 to 20 of 500 entries", "Total 500 items". Read from the text near the
 * list (its toolbar, footer, pager, heading), never from the rows themselves.
 */
export interface StatedCount {
  total: number;
  /** The range this page shows, when the page says it ("1–25 of 500"). */
  from?: number;
  to?: number;
  /** The text the count was read from, for the audit's evidence. */
  text: string;
}

const N = '(\\d{1,3}(?:[,，\\s]\\d{3})+|\\d+)';
const DASH = '[-–—~〜～]';
/** Ranges with a total, most specific first. */
const RANGE_PATTERNS: readonly RegExp[] = [
  new RegExp(`${N}\\s*件中\\s*${N}\\s*${DASH}\\s*${N}\\s*件?`), // 500 件中 1-20 件
  new RegExp(`${N}\\s*${DASH}\\s*${N}\\s*(?:件|名|人)?\\s*(?:/|／)\\s*全?\\s*${N}\\s*(?:件|名|人)?`), // 1–20 / 500, 1-20件 / 全500件
  new RegExp(`${N}\\s*${DASH}\\s*${N}\\s*(?:of|of about)\\s+${N}(?!\\s*(?:pages?|ページ))`, 'i'), // 1–25 of 500
  new RegExp(`showing\\s+${N}\\s+to\\s+${N}\\s+of\\s+${N}`, 'i'), // Showing 1 to 20 of 500
];
/** Totals alone. */
const TOTAL_PATTERNS: readonly RegExp[] = [
  new RegExp(`全\\s*${N}\\s*(?:件|名|人)`), // 全2,000件
  new RegExp(`(?:合計|総数|件数|総件数|登録数|メンバー数|ユーザー数)\\s*[:：]?\\s*${N}\\s*(?:件|名|人)?`), // 合計 500 名
  new RegExp(`total\\s*[:：]?\\s*${N}(?:\\s*(?:items|members|users|results|entries|records|rows))?`, 'i'), // Total 500 items
  new RegExp(`${N}\\s*(?:items|members|users|results|entries|records|people)\\b`, 'i'), // 500 results
  new RegExp(`${N}\\s*(?:件|名|人)(?:の(?:メンバー|ユーザー|社員|連絡先))?$`), // 500件 (a count on its own)
];

function toNumber(text: string): number {
  return Number(text.normalize('NFKC').replace(/[,，\s]/g, ''));
}

/** A count stated in one short text, or undefined. Pages ("Page 1 of 25") are no count of members. */
export function countInText(raw: string): StatedCount | undefined {
  const text = cleanText(raw.normalize('NFKC'));
  if (!text || text.length > 120 || /ページ|page/i.test(text.replace(/per\s*page|\/\s*page|件\s*\/\s*ページ/gi, ''))) return undefined;
  for (const pattern of RANGE_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [a, b, c] = [toNumber(match[1]!), toNumber(match[2]!), toNumber(match[3]!)];
    // 「500 件中 1-20 件」 puts the total first; the others put it last.
    const [total, from, to] = pattern === RANGE_PATTERNS[0] ? [a, b, c] : [c, a, b];
    if (from <= to && to <= total) return { total, from, to, text };
  }
  for (const pattern of TOTAL_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return { total: toNumber(match[1]!), text };
  }
  return undefined;
}

/** Text pieces looked at per level: a bound for pages with a great deal around the list. */
const MAX_PIECES = 400;

/**
 * The count the page states for this list: texts around it (siblings of the list and of its
 * ancestors, a few levels up past wrappers), nearest first. Undefined when none is stated or two disagree.
 */
export function statedCount(root: Element): StatedCount | undefined {
  const found: StatedCount[] = [];
  for (const { level, inside } of surroundings(root)) {
    if (found.length > 0) break;
    let pieces = 0;
    for (const child of Array.from(level.children)) {
      if (child === inside) continue;
      for (const text of shortTexts(child)) {
        if (++pieces > MAX_PIECES) break;
        const count = countInText(text);
        if (count) found.push(count);
      }
    }
  }
  const totals = new Set(found.map((count) => count.total));
  if (totals.size !== 1) return undefined;
  return found.find((count) => count.from !== undefined) ?? found[0];
}

/**
 * The short texts an element shows: the text of every element holding text of its own (so that
 * 「全<b>2,000</b>件」 is read whole, and a footer's label and range are read apart).
 */
function shortTexts(element: Element): string[] {
  const texts: string[] = [];
  const visit = (node: Element) => {
    const tag = node.tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE' || tag === 'TABLE' || tag === 'SELECT' || node.getAttribute('role') === 'row') return;
    let own = false;
    for (let child = node.firstChild; child && !own; child = child.nextSibling) own = child.nodeType === 3 && !!child.nodeValue?.trim();
    if (own) {
      const text = node.textContent ?? '';
      if (text.length <= 120 && /\d/.test(text)) texts.push(text);
    }
    for (let child = node.firstElementChild; child; child = child.nextElementSibling) visit(child);
  };
  visit(element);
  return texts;
}

/** `aria-setsize` agreed by every item of a list (a windowed list saying how many items it has in all). */
export function declaredSetSize(items: readonly Element[]): number | undefined {
  let size: number | undefined;
  for (const item of items.slice(0, 50)) {
    const value = Number(item.getAttribute('aria-setsize'));
    if (!Number.isInteger(value) || value <= 0) return undefined;
    if (size !== undefined && size !== value) return undefined;
    size = value;
  }
  return size;
}
