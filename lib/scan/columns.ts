import type { FieldKey, MemberRow } from '../model';
import { MAX_CELLS_PER_ROW, MAX_OTHER_EMAILS } from '../row-limits';
import { findAddress, findAddresses, isAddress, isIdLike } from './address';
import { nameInCell, pathInCell } from './cell';
import type { RawRow } from './source';
import { roleOfHeader, type ColumnRole, type HeaderSynonym } from './synonyms';
import { capText } from './text';

/** How a console's rows are read into MemberRow: given by its profile. */
export interface ColumnRules {
  /** Header synonyms, checked before the common ones. */
  synonyms: readonly HeaderSynonym[];
  /** Which column is the identifier: an ID column (falling back to the address), or always the address. */
  identifier: 'id' | 'email';
  /** Values that make an unlabeled column the status column (badges such as 使用中). */
  statusValues: readonly string[];
}

export interface ColumnPlan {
  roles: (ColumnRole | undefined)[];
}

/** Share of a column's non-empty cells that must agree before its content decides its meaning. */
const CONTENT_SHARE = 0.6;
const NAME_PARTS: readonly ColumnRole[] = ['familyName', 'givenName'];

/** Gives each column a meaning: from its header first, from what its cells hold when the header says nothing. */
export function planColumns(
  headers: readonly string[],
  sample: readonly RawRow[],
  rules: ColumnRules,
  tables: readonly (readonly HeaderSynonym[])[],
): ColumnPlan {
  const width = Math.max(headers.length, ...sample.map((row) => row.cells.length));
  const roles: (ColumnRole | undefined)[] = [];
  const taken = new Set<ColumnRole>();
  for (let column = 0; column < width; column++) {
    const header = headers[column];
    const role = header ? roleOfHeader(header, tables) : undefined;
    if (role && !taken.has(role)) {
      roles[column] = role;
      taken.add(role);
    }
  }
  const values = (column: number) => sample.map((row) => row.cells[column] ?? '').filter(Boolean);
  const agree = (column: number, test: (text: string) => boolean) => {
    const texts = values(column);
    return texts.length > 0 && texts.filter(test).length >= texts.length * CONTENT_SHARE;
  };
  const statusSet = new Set(rules.statusValues);
  const open = () => Array.from({ length: width }, (_, column) => column).filter((column) => roles[column] === undefined);
  const assign = (role: ColumnRole, test: (text: string) => boolean) => {
    if (taken.has(role)) return;
    const column = open().find((candidate) => agree(candidate, test));
    if (column !== undefined) {
      roles[column] = role;
      taken.add(role);
    }
  };
  assign('email', isAddress);
  if (statusSet.size > 0) assign('status', (text) => statusSet.has(text));
  const hasName = taken.has('name') || NAME_PARTS.every((part) => taken.has(part));
  if (!hasName) assign('name', (text) => isNameLike(text) && !statusSet.has(text));
  if (!taken.has('identifier') && !taken.has('email')) assign('identifier', isIdLike);
  return { roles };
}

/** A name has at least two characters: a lone letter is an avatar's initial. */
function isNameLike(text: string): boolean {
  return text.length >= 2 && text.length <= 100 && !findAddress(text) && !/^[\d\s\-/:.,()+]+$/.test(text) && !/^https?:/i.test(text);
}

/** Values for yes/no fields as consoles show them. */
const YES = /^(yes|true|on|linked|connected|enabled|有効|連携済み?|連携中|設定済み?|済|あり|✓|✔|〇|○)$/i;
const NO = /^(no|false|off|not linked|unlinked|disconnected|disabled|無効|未連携|未設定|なし|無し|-|—|ー|×|✕)?$/i;

/** A row in MemberRow terms. Undefined when it names nobody (an empty or spacer row). */
export function rowToMember(raw: RawRow, plan: ColumnPlan, rules: ColumnRules): MemberRow | undefined {
  const { roles } = plan;
  const { cells, addresses, elements } = raw;
  const textOnly = raw.textOnly ?? 0;
  // A cell read closer (a name beside its badge, a path of steps), unless it holds text only.
  const structured = (column: number) => (column < 31 && textOnly & (1 << column) ? undefined : elements?.[column]);
  let name = '';
  let familyName = '';
  let givenName = '';
  let emailText = '';
  let emailAddress = '';
  let idText = '';
  let idAddress = '';
  let looseAddress = '';
  // A column that is there but blank is read as '' (shown empty), unlike a column the page lacks:
  // findings such as a missing Chatwork account ID depend on that difference.
  const fields: Partial<Record<FieldKey, string>> = {};
  // Cells past the last planned column still count: a card's mailto link may come after them all.
  const width = Math.max(roles.length, cells.length, addresses.length);
  for (let column = 0; column < width; column++) {
    const role = roles[column];
    const cellAddress = addresses[column] ?? '';
    const shown = cells[column] ?? '';
    switch (role) {
      case undefined:
        looseAddress ||= cellAddress;
        break;
      case 'name': {
        looseAddress ||= cellAddress;
        const cell = structured(column);
        name = cell ? nameInCell(cell, shown) : shown;
        break;
      }
      case 'familyName':
        familyName = shown;
        break;
      case 'givenName':
        givenName = shown;
        break;
      case 'email':
        emailText = shown;
        emailAddress = cellAddress;
        break;
      case 'identifier':
        idText = shown;
        idAddress = cellAddress;
        break;
      case 'organisation': {
        const cell = structured(column);
        setField(fields, role, cell ? pathInCell(cell, shown) : shown, cellAddress);
        break;
      }
      default:
        setField(fields, role, shown, cellAddress);
    }
  }
  name ||= familyName && givenName ? capText(`${familyName} ${givenName}`) : familyName || givenName;
  // An address only in a link or title: the email column's own, else one on the name or an unlabeled cell.
  const email = (emailText && findAddress(emailText)) || emailAddress || looseAddress;
  // No address anywhere: the address column's text as shown, so that the admin sees what is there.
  const identifier = (rules.identifier === 'email' ? email : idText || idAddress || email) || emailText;
  if (!name && !identifier) return undefined;
  const row: MemberRow = { name, identifier, fields, cells: cells.length > MAX_CELLS_PER_ROW ? cells.slice(0, MAX_CELLS_PER_ROW) : cells };
  if (email && email !== identifier) row.email = email;
  // A cell that lists several addresses lists several: the first is the member's, the rest kept beside it.
  // Only a cell holding more than the one address found can list others (most rows: skipped unsearched).
  const others =
    idText || emailText.length > email.length ? findAddresses(`${idText}\n${emailText}`).filter((address) => address !== identifier && address !== email) : [];
  if (others.length > 0) row.otherEmails = others.slice(0, MAX_OTHER_EMAILS);
  return row;
}

/** A console field from a cell: yes/no fields and meeting tools folded, addresses found in link cells. */
function setField(fields: Partial<Record<FieldKey, string>>, role: FieldKey, cell: string, cellAddress: string): void {
  switch (role) {
    case 'calendarLinked': {
      const linkedAddress = findAddress(cell) || cellAddress;
      if (linkedAddress) {
        fields.calendarLinked = 'yes';
        fields.calendarAddress = linkedAddress;
      } else {
        setYesNo(fields, role, cell);
      }
      return;
    }
    case 'zoomLinked':
      if (/^https?:\/\//i.test(cell)) {
        fields.zoomLinked = 'yes';
        fields.personalMeetingUrl = cell;
      } else {
        setYesNo(fields, role, cell);
      }
      return;
    case 'calendarAddress': {
      const linkedAddress = findAddress(cell) || cellAddress;
      if (linkedAddress) fields.calendarLinked = 'yes';
      if (linkedAddress || cell) fields.calendarAddress = linkedAddress || cell;
      return;
    }
    case 'meetingTool':
      if (cell) fields.meetingTool = meetingTool(cell);
      return;
    case 'personalMeetingUrl':
      if (cell && !NO.test(cell)) fields.personalMeetingUrl = cell;
      return;
    default:
      fields[role] = cell;
  }
}

function setYesNo(fields: Partial<Record<FieldKey, string>>, key: 'calendarLinked' | 'zoomLinked', cell: string): void {
  if (YES.test(cell)) fields[key] = 'yes';
  else if (NO.test(cell)) fields[key] = 'no';
}

export function meetingTool(text: string): string {
  // NFKC may lengthen a text (㍿ → 株式会社).
  const folded = capText(text.normalize('NFKC').toLowerCase());
  if (folded.includes('zoom')) return 'zoom';
  if (folded.includes('meet')) return 'google-meet';
  if (folded.includes('teams')) return 'teams';
  if (folded.includes('webex')) return 'webex';
  return folded.trim();
}
