import type { MemberRow } from '../model';

export type { ConsoleProfile, ContactDetail, DetailWalk } from '../scan/profile';

/**
 * Where a page names what it shows: its title, headings, navigation, breadcrumbs, tabs (also tabs
 * drawn as plain elements with a "tab" class), and column headers.
 */
const NAMING =
  'h1, h2, h3, [role=heading], nav a, nav li, nav [aria-current], [aria-current=page], [aria-selected=true], th, [role=columnheader], [role=tab], [class*=tab], [class*=Tab], [class*=breadcrumb] li, [class*=breadcrumb] a';

/** True when the page's title, headings, navigation or tabs contain any of the words. */
export function pageShows(doc: Document, words: readonly string[]): boolean {
  const text = `${doc.title} ${Array.from(doc.querySelectorAll(NAMING), (element) => (element.textContent ?? '').slice(0, 200)).join(' ')}`;
  return words.some((word) => text.includes(word));
}

/** The first of `words` that the row shows as a whole badge or label (管理者 beside a name). */
export function badgeIn(row: Element, words: readonly string[]): string | undefined {
  for (const element of Array.from(row.querySelectorAll('span, small, em, strong, b, i, div, p, label'))) {
    if (element.childElementCount > 0) continue;
    const text = (element.textContent ?? '').trim();
    if (words.includes(text)) return text;
  }
  return undefined;
}

/** Adds fields a profile read from badges without overwriting what a column gave. */
export function withFields(row: MemberRow, fields: MemberRow['fields']): MemberRow {
  return { ...row, fields: { ...fields, ...row.fields } };
}
