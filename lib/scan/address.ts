import { cleanText } from './text';

/**
 * Address-shaped: local part, `@`, domain. The domain need not hold a dot: a LINE WORKS ID's part
 * after `@` may be a works domain that is no DNS name (`taro@examplecorp`).
 */
const ADDRESS_IN_TEXT = /[A-Za-z0-9._%+\-!#$&'*/=?^`{|}~\u0080-\uFFFF]+[@＠][A-Za-z0-9\-\u0080-\uFFFF]+(?:\.[A-Za-z0-9\-\u0080-\uFFFF]+)*/;
const WHOLE_ADDRESS = new RegExp(`^${ADDRESS_IN_TEXT.source}$`);

export function isAddress(text: string): boolean {
  return text.length <= 320 && WHOLE_ADDRESS.test(text);
}

/** The first address-shaped run in a text, or ''. */
export function findAddress(text: string): string {
  if (text.indexOf('@') < 0 && text.indexOf('＠') < 0) return '';
  const match = ADDRESS_IN_TEXT.exec(text);
  if (!match) return '';
  // A sentence's full stop (or a dash) after an address is no part of it.
  const last = match[0].charCodeAt(match[0].length - 1);
  return last === 0x2e || last === 0x2d ? match[0].replace(/[.\-]+$/, '') : match[0];
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
