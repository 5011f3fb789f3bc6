import { cleanText } from './text';

/**
 * Address-shaped: local part, `@`, domain. The domain need not hold a dot: a LINE WORKS ID's part
 * after `@` may be a works domain that is no DNS name (`taro@examplecorp`).
 */
// Letters, marks and digits of any script (IDN, full-width letters), never punctuation or symbols:
// an address ends at 「（」, 「、」, a comma or a space.
const ADDRESS_IN_TEXT = /[\p{L}\p{M}\p{N}\p{Cf}._%+!#$&'*/=?^`{|}~-]+[@＠][\p{L}\p{M}\p{N}\p{Cf}-]+(?:[.．][\p{L}\p{M}\p{N}\p{Cf}-]+)*/u;
const ADDRESSES_IN_TEXT = new RegExp(ADDRESS_IN_TEXT.source, 'gu');
/** An ASCII label run straight into other letters (`jp営業部`): the host name ended where the script changed. */
const SCRIPT_CHANGE = /^([A-Za-z0-9-]+)[^\p{ASCII}]/u;
const WHOLE_ADDRESS = new RegExp(`^${ADDRESS_IN_TEXT.source}$`, 'u');

export function isAddress(text: string): boolean {
  return text.length <= 320 && WHOLE_ADDRESS.test(text);
}

/** The first address-shaped run in a text, or ''. */
export function findAddress(text: string): string {
  if (text.indexOf('@') < 0 && text.indexOf('＠') < 0) return '';
  const match = ADDRESS_IN_TEXT.exec(text);
  return match ? trimAddress(match[0]) : '';
}

/** Every address in a text, in order, once each: 「a@x.co.jp、b@y.co.jp」 holds two. */
export function findAddresses(text: string): string[] {
  if (text.indexOf('@') < 0 && text.indexOf('＠') < 0) return [];
  // One at sign holds one address at most: the single search is much cheaper than every match.
  if (!hasSecondAt(text)) {
    const one = findAddress(text);
    return one ? [one] : [];
  }
  return [...new Set(Array.from(text.matchAll(ADDRESSES_IN_TEXT), (match) => trimAddress(match[0])).filter(Boolean))];
}

function hasSecondAt(text: string): boolean {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code === 0x40 || code === 0xff20) && ++seen > 1) return true;
  }
  return false;
}

function trimAddress(found: string): string {
  const at = Math.max(found.lastIndexOf('@'), found.lastIndexOf('＠'));
  let end = found.length;
  // The domain ends at a label where an ASCII host name runs into text of another script.
  for (let start = at + 1; start < found.length;) {
    const change = SCRIPT_CHANGE.exec(found.slice(start));
    if (change) {
      end = start + change[1]!.length;
      break;
    }
    const dot = found.slice(start).search(/[.．]/);
    if (dot < 0) break;
    start += dot + 1;
  }
  // A sentence's full stop (or a dash) after an address is no part of it.
  return found.slice(0, end).replace(/[.-]+$/, '');
}

/** Identifier-shaped: one token of letters, digits and `._-@`, holding at least one digit or `@`. */
export function isIdLike(text: string): boolean {
  return text.length >= 2 && text.length <= 100 && /^[A-Za-z0-9][A-Za-z0-9._\-@]*$/.test(text) && /[0-9@]/.test(text);
}

/** The address of a `mailto:` href, without query and percent-encoding. */
export function mailtoAddress(href: string): string {
  if (!/^\s*mailto:/i.test(href)) return '';
  let target = href.replace(/^\s*mailto:/i, '').split('?')[0] ?? '';
  try {
    target = decodeURIComponent(target);
  } catch {
    // A malformed escape: keep the text as it is.
  }
  return findAddress(cleanText(target.split(',')[0]));
}

/**
 * An address the element carries beside its text: a `mailto:` link or a `title` holding one
 * (consoles truncate long addresses and show the whole one on hover).
 */
export function attributeAddress(el: Element): string {
  const own = ownAttributeAddress(el);
  if (own) return own;
  if (!el.firstElementChild) return '';
  for (const inner of Array.from(el.querySelectorAll('a[href], [title]'))) {
    const found = ownAttributeAddress(inner);
    if (found) return found;
  }
  return '';
}

function ownAttributeAddress(el: Element): string {
  const href = el.getAttribute('href');
  const fromHref = href ? mailtoAddress(href) : '';
  if (fromHref) return fromHref;
  const title = el.getAttribute('title');
  return title ? findAddress(cleanText(title)) : '';
}
