import type { Localized } from '../i18n';
import type { ConsoleId, LinkStatus, MemberRow } from '../model';
import type { ColumnRules } from '../scan/columns';
import type { RawRow } from '../scan/source';


/** What a contact's detail (or its row) shows about a contact. */
export interface ContactDetail {
  linkStatus?: LinkStatus;
  isLineUser?: boolean;
  contactKind?: 'lineworks' | 'line' | 'email';
  identifier?: string;
  email?: string;
}

/** Opening each contact to read what the list does not show (LINE WORKS link status). */
export interface DetailWalk {
  /** The element to click to open a row's detail. */
  opener(row: Element): Element;
  /** The detail that opened for the contact named `name`, once it is there: a dialog or a plain pane. */
  findDetail(doc: Document, list: Element, name: string): Element | undefined;
  read(detail: Element): ContactDetail;
  /** The control that closes the detail; undefined: press Escape. */
  closer(detail: Element): Element | undefined;
}

/**
 * A console: mostly declarations. The generic reader does the reading; a profile says how to
 * recognise the console, what its headers and badges mean, which tabs hold members, and how to
 * finish a row.
 */
export interface ConsoleProfile extends ColumnRules {
  id: string;
  console: ConsoleId;
  label: Localized;
  /** Hosts the console is served from. */
  hosts: RegExp;
  /** Page content that tells this console's roster from the site's other pages. */
  cue(doc: Document, url: URL): boolean;
  /** Where the page names the tenant (a header's tenant name). */
  tenantSelector?: string;
  /** Tabs that each list part of the roster: every one is read, and the row's `fields.tab` says which. */
  tabs?: readonly string[];
  /** Contacts: read per row from the list, and by opening each contact in 'link-status' mode. */
  rowDetail?(row: Element): ContactDetail;
  detailWalk?: DetailWalk;
  /** Last touches on a row: badges into fields, values folded. */
  finish?(row: MemberRow, raw: RawRow): MemberRow;
}

/**
 * Where a page names what it shows: its title, headings, navigation, breadcrumbs, tabs (also tabs
 * drawn as plain elements with a "tab" class), and column headers.
 */
const NAMING = 'h1, h2, h3, [role=heading], nav a, nav li, nav [aria-current], [aria-current=page], [aria-selected=true], th, [role=columnheader], [role=tab], [class*=tab], [class*=Tab], [class*=breadcrumb] li, [class*=breadcrumb] a';

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
