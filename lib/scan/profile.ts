/**
 * The scanner's contract with a console: what a profile declares and the scanner reads. The
 * profiles themselves live in `lib/consoles`, which depends on this file and never the reverse.
 */
import type { ConsoleId, LinkStatus, MemberRow } from '../model';
import type { ColumnRules } from './columns';
import type { RawRow } from './source';

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
