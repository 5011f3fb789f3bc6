import { parseDomainName } from './domain-name';
import type { Localized } from '../i18n';

/** Why an identifier could not be read. */
export type IdentifierProblem =
  | 'empty'
  | 'placeholder'
  | 'whitespace'
  | 'control-character'
  | 'invalid-encoding'
  | 'multiple-addresses'
  | 'multiple-at'
  | 'no-local-part'
  | 'no-domain'
  | 'invalid-local-part'
  | 'invalid-domain'
  | 'too-long';

export const IDENTIFIER_PROBLEM_TEXT: Record<IdentifierProblem, Localized> = {
  empty: { ja: '空欄です', en: 'empty' },
  placeholder: { ja: '「なし」「N/A」などの代わりの文字です', en: 'a placeholder such as "N/A" or "-"' },
  whitespace: { ja: '途中に空白があります', en: 'contains a space' },
  'control-character': { ja: '制御文字が含まれています', en: 'contains a control character' },
  'invalid-encoding': { ja: 'URLエンコードが壊れています', en: 'broken percent-encoding' },
  'multiple-addresses': { ja: '複数のアドレスが含まれています', en: 'holds more than one address' },
  'multiple-at': { ja: '「@」が複数あります', en: 'more than one "@"' },
  'no-local-part': { ja: '「@」の前がありません', en: 'nothing before "@"' },
  'no-domain': { ja: '「@」の後(ドメイン)がありません', en: 'no domain after "@"' },
  'invalid-local-part': { ja: '「@」の前に使えない文字があります', en: 'invalid characters before "@"' },
  'invalid-domain': { ja: 'ドメインの形式が正しくありません', en: 'the domain is not a valid host name' },
  'too-long': { ja: '長すぎます', en: 'too long' },
};

export interface NormalizedIdentifier {
  /** The text exactly as read. */
  raw: string;
  /** After folding, stripping invisible characters and unwrapping `mailto:`, `Name <…>`, quotes and brackets. */
  cleaned: string;
  /** `local@domain` that parsed. */
  isAddress: boolean;
  /** Before `@`, case kept (LINE WORKS ID rules look at case). */
  localPart: string;
  /** After `@`: ASCII (punycode), lowercase. '' when no address. */
  domain: string;
  /** The domain in Unicode, for people. */
  domainDisplay: string;
  /** `local@domain` lowercased with the ASCII domain, for comparison. '' when no address. */
  email: string;
  /** The email, else the identifier lowercased (an account ID, a Chatwork ID …); '' on a problem. */
  normalizedId: string;
  problem?: IdentifierProblem;
}

// Zero-width, bidi controls (U+202A–U+202E, U+2066–U+2069), U+2060, BOM, soft hyphen … are all format characters.
const FORMAT_CHARACTERS = /\p{Cf}/gu;
const INNER_WHITESPACE = /\s/u;
const CONTROL_CHARACTER = /\p{Cc}/u;
const PLACEHOLDERS = new Set(['n/a', 'na', 'none', 'null', 'nil', 'undefined', 'なし', '無し', '未設定', '不明', '該当なし']);
const ONLY_PUNCTUATION = /^[\p{P}\p{S}]+$/u;
// RFC 5322 atext plus dots, and letters of any script (RFC 6531).
const LOCAL_PART = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~.-]+$/u;
const MAX_LOCAL_PART = 64;
const MAX_ADDRESS = 320;
const MAX_UNWRAP_ROUNDS = 8;

const WRAPPING_PAIRS: Record<string, string> = {
  '"': '"',
  "'": "'",
  '“': '”',
  '‘': '’',
  '(': ')',
  '[': ']',
  '{': '}',
  '<': '>',
  '「': '」',
  '『': '』',
  '【': '】',
  '〈': '〉',
  '《': '》',
  '〔': '〕',
};
const NAME_AND_ANGLE_ADDRESS = /^[^<>]*<([^<>]*)>$/u;
const TRAILING_PUNCTUATION = /[.,;:!?。、]+$/u;
const LEADING_PUNCTUATION = /^[,;:]+/u;

// Printable ASCII is already NFKC-stable and holds no format character: the common case skips the work.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/u;

function fold(text: string): string {
  return PRINTABLE_ASCII.test(text) ? text : text.normalize('NFKC').replace(FORMAT_CHARACTERS, '');
}

type Unwrapped = { text: string } | { problem: IdentifierProblem };

function takeMailto(text: string): Unwrapped {
  const target = text.slice('mailto:'.length).split(/[?#]/u, 1)[0] ?? '';
  if (!target.includes('%')) return { text: target };
  try {
    return { text: fold(decodeURIComponent(target)) };
  } catch {
    return { problem: 'invalid-encoding' };
  }
}

/** Peels `mailto:`, `Name <addr>`, wrapping quotes/brackets and trailing punctuation, in any nesting. */
function unwrap(folded: string): Unwrapped {
  let text = folded.trim();
  for (let round = 0; round < MAX_UNWRAP_ROUNDS; round++) {
    const before = text;
    if (/^mailto:/iu.test(text)) {
      const taken = takeMailto(text);
      if ('problem' in taken) return taken;
      text = taken.text;
    }
    const angle = NAME_AND_ANGLE_ADDRESS.exec(text);
    if (angle) text = angle[1] ?? '';
    const first = text[0];
    if (first !== undefined && text.length >= 2 && WRAPPING_PAIRS[first] === text[text.length - 1]) text = text.slice(1, -1);
    text = text.replace(TRAILING_PUNCTUATION, '').replace(LEADING_PUNCTUATION, '').trim();
    if (text === before) break;
  }
  return { text };
}

function withProblem(raw: string, cleaned: string, problem: IdentifierProblem): NormalizedIdentifier {
  return { raw, cleaned, isAddress: false, localPart: '', domain: '', domainDisplay: '', email: '', normalizedId: '', problem };
}

/**
 * Reads an identifier as a console shows it (LINE WORKS ID, email, account ID …) into the forms used to
 * compare and to show it. Never throws: unreadable input comes back with a `problem`.
 * Plus-addressing and dots are kept: `a+b@x` and `a.b@x` stay distinct people.
 */
export function normalizeIdentifier(raw: string): NormalizedIdentifier {
  const original = typeof raw === 'string' ? raw : '';
  const unwrapped = unwrap(fold(original));
  if ('problem' in unwrapped) return withProblem(original, fold(original).trim(), unwrapped.problem);
  const cleaned = unwrapped.text;
  if (cleaned === '') return withProblem(original, cleaned, 'empty');
  const atCount = cleaned.split('@').length - 1;
  if (PLACEHOLDERS.has(cleaned.toLowerCase()) || (atCount === 0 && ONLY_PUNCTUATION.test(cleaned))) {
    return withProblem(original, cleaned, 'placeholder');
  }
  if (atCount > 1) return withProblem(original, cleaned, /[,;]/u.test(cleaned) ? 'multiple-addresses' : 'multiple-at');
  if (INNER_WHITESPACE.test(cleaned)) return withProblem(original, cleaned, 'whitespace');
  if (CONTROL_CHARACTER.test(cleaned)) return withProblem(original, cleaned, 'control-character');
  if (cleaned.length > MAX_ADDRESS) return withProblem(original, cleaned, 'too-long');
  if (atCount === 0) {
    return { raw: original, cleaned, isAddress: false, localPart: '', domain: '', domainDisplay: '', email: '', normalizedId: cleaned.toLowerCase() };
  }
  const at = cleaned.indexOf('@');
  const localPart = cleaned.slice(0, at);
  const domainText = cleaned.slice(at + 1);
  if (localPart === '') return withProblem(original, cleaned, 'no-local-part');
  if (domainText === '') return withProblem(original, cleaned, 'no-domain');
  if (!LOCAL_PART.test(localPart)) return withProblem(original, cleaned, 'invalid-local-part');
  if (localPart.length > MAX_LOCAL_PART) return withProblem(original, cleaned, 'too-long');
  const domain = parseDomainName(domainText);
  if (!domain) return withProblem(original, cleaned, 'invalid-domain');
  const email = `${localPart.toLowerCase()}@${domain.ascii}`;
  return {
    raw: original,
    cleaned,
    isAddress: true,
    localPart,
    domain: domain.ascii,
    domainDisplay: domain.display,
    email,
    normalizedId: email,
  };
}

const AT_SIGNS = /[@＠﹫]/u;
// A cell longer than this is prose that mentions an address, not an address.
const MAX_ADDRESS_CELL = 400;

/** Whether a cell holds one email-shaped identifier (an email or a LINE WORKS ID): for recognising columns. */
export function looksLikeAddress(text: string): boolean {
  if (typeof text !== 'string' || text.length > MAX_ADDRESS_CELL || !AT_SIGNS.test(text)) return false;
  return normalizeIdentifier(text).isAddress;
}

/** The address without its plus tag (`a+tag@x` → `a@x`), or null when it has none. Never used to merge people. */
export function plusAddressBase(email: string): string | null {
  const at = email.lastIndexOf('@');
  const plus = email.indexOf('+');
  if (at <= 0 || plus <= 0 || plus > at) return null;
  return email.slice(0, plus) + email.slice(at);
}
