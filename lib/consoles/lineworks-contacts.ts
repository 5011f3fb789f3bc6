import { findAddress } from '../scan/address';
import { accessibleName, isDisabled } from '../scan/controls';
import { cleanText } from '../scan/text';
import { pageShows, type ConsoleProfile, type ContactDetail } from './profile';

/** Seed 002: a contact that is only shared, not externally linked, says so. */
const SHARED_NOTICE = '他のメンバーがトークできる連絡先です';
const TALK_OR_CALL = /トーク|通話|talk|call/i;
const CLOSE = /^(閉じる|close|×|✕|✖|戻る|back)$/i;
const PALE_CLASS = /(^|[\s_-])(pale|dim|dimmed|inactive|disabled|muted|faded)($|[\s_-])/i;

/** A LINE user is marked by a "LINE" badge or icon (never "LINE WORKS"). */
function isLineBadge(element: Element): boolean {
  const text = (element.childElementCount === 0 ? (element.textContent ?? '') : '').trim();
  const label = (element.getAttribute('title') ?? element.getAttribute('alt') ?? element.getAttribute('aria-label') ?? '').trim();
  return /^LINE(ユーザー| user)?$/i.test(text) || /^LINE(ユーザー| user)?$/i.test(label);
}

/** Pale talk/call buttons: disabled, or drawn faded (a class word, or low opacity). */
function isPale(button: Element): boolean {
  if (isDisabled(button) || PALE_CLASS.test(button.getAttribute('class') ?? '')) return true;
  const inline = Number((button as HTMLElement).style?.opacity);
  if (inline > 0 && inline < 0.6) return true;
  const view = button.ownerDocument.defaultView;
  const opacity = view ? Number(view.getComputedStyle(button).opacity) : 1;
  return opacity > 0 && opacity < 0.6;
}

/** What a contact's row or detail shows: LINE badge, the shared-only notice, talk and call buttons. */
export function readContact(element: Element, withButtons: boolean): ContactDetail {
  const detail: ContactDetail = {};
  const line = Array.from(element.querySelectorAll('span, img, i, small, em, div, svg, [title], [aria-label]')).some(isLineBadge);
  detail.isLineUser = line;
  detail.contactKind = line ? 'line' : 'lineworks';
  const text = cleanText(element.textContent);
  if (text.includes(SHARED_NOTICE)) {
    detail.linkStatus = 'shared-only';
  } else if (withButtons) {
    const buttons = Array.from(element.querySelectorAll('button, [role=button], a')).filter((button) => TALK_OR_CALL.test(accessibleName(button)));
    if (buttons.length > 0) detail.linkStatus = buttons.every(isPale) ? 'shared-only' : 'linked';
  }
  return detail;
}

/** How far up from the contact's name a pane's container may be. */
const PANE_DEPTH = 6;

/**
 * A plain pane beside the list (no dialog) that the click filled: outside the list, naming the
 * contact, and holding what a contact's detail holds (talk/call buttons, labelled values, the
 * shared-only notice). Found by what it shows, whatever its markup.
 */
function paneNaming(doc: Document, list: Element, name: string): Element | undefined {
  if (!name || !doc.body) return undefined;
  const walker = doc.createTreeWalker(doc.body, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.nodeValue?.includes(name) || list.contains(node)) continue;
    for (let element = node.parentElement, depth = 0; element && depth < PANE_DEPTH && !element.contains(list); element = element.parentElement, depth++) {
      if (holdsContactDetail(element)) return element;
    }
  }
  return undefined;
}

function holdsContactDetail(element: Element): boolean {
  if ((element.textContent ?? '').includes(SHARED_NOTICE) || element.querySelector('dt, dl')) return true;
  return Array.from(element.querySelectorAll('button, [role=button], a')).some((button) => TALK_OR_CALL.test(accessibleName(button)));
}

/** Values under labels in a detail (`dt`/`dd`, label and value side by side). */
function labelled(detail: Element, labels: readonly string[]): string {
  for (const term of Array.from(detail.querySelectorAll('dt, th, label, [class*="label"]'))) {
    if (!labels.includes(cleanText(term.textContent).replace(/[:：]$/, ''))) continue;
    const value = term.nextElementSibling;
    if (value) return cleanText(value.textContent);
  }
  // "ラベル: 値" written as one text.
  for (const element of Array.from(detail.querySelectorAll('p, li, div, span'))) {
    if (element.childElementCount > 0) continue;
    const match = /^(.{1,20}?)\s*[:：]\s*(.+)$/.exec(cleanText(element.textContent));
    if (match && labels.includes(match[1]!)) return match[2]!;
  }
  return '';
}

/**
 * LINE WORKS アドレス帳 ▸ 顧客/取引先: external LINE WORKS users and LINE users. The list seldom shows
 * whether a contact is externally linked; 'link-status' mode opens each contact's detail to read it.
 */
export const lineworksContacts: ConsoleProfile = {
  id: 'lineworks-contacts',
  console: 'lineworks-contacts',
  hosts: /(^|\.)worksmobile\.com$/,
  // The address book has a host of its own; elsewhere the address or the page names the list (often only in a tab).
  cue: (doc, url) =>
    url.hostname.startsWith('contact.') ||
    /\/(contacts?|customers?|partners?|external-contacts?)(\/|$)/i.test(url.pathname) ||
    pageShows(doc, ['顧客/取引先', '顧客・取引先', '外部連絡先', 'Customers/Partners', 'External contacts']),
  synonyms: [
    { role: 'identifier', headers: ['id・メールアドレス', 'id/メールアドレス', 'idメールアドレス', 'id', 'lineworksid'] },
    { role: 'organisation', headers: ['部署', '所属'] },
  ],
  identifier: 'id',
  statusValues: [],
  rowDetail: (row) => readContact(row, true),
  detailWalk: {
    opener(row) {
      if (row.matches('[role=button], a[href], button, [tabindex]')) return row;
      return row.querySelector('a[href], [role=button], button, [tabindex]') ?? row;
    },
    findDetail(doc, list, name) {
      const dialogs = Array.from(doc.querySelectorAll('[role=dialog], [aria-modal=true], dialog[open]')).filter((element) => !element.contains(list));
      return dialogs[dialogs.length - 1] ?? paneNaming(doc, list, name);
    },
    read(detail) {
      const contact = readContact(detail, true);
      const id = findAddress(labelled(detail, ['ID', 'LINE WORKS ID']));
      const email = findAddress(labelled(detail, ['メール', 'メールアドレス', 'Email', 'E-mail']));
      if (id) contact.identifier = id;
      if (email) contact.email = email;
      return contact;
    },
    closer(detail) {
      return Array.from(detail.querySelectorAll('button, [role=button], a')).find((button) => CLOSE.test(accessibleName(button)));
    },
  },
};
