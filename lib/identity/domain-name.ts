import { toUnicode } from 'punycode/punycode.es6.js';

/** A domain after `@`: ASCII (punycode, lowercase) to compare, Unicode to show. */
export interface DomainName {
  ascii: string;
  display: string;
}

// Characters that never belong in a host; checked before `URL`, which would otherwise read them as a path or port.
const FORBIDDEN_IN_DOMAIN = /[\s/\\:?#[\]@%<>^|"'`{}(),;!$&*+=~]/u;
// `URL` turns hosts whose last label is numeric into IPv4 addresses (`0x7f.1` → `127.0.0.1`).
const NUMERIC_LABEL = /^(?:0x[0-9a-f]*|\d+)$/i;
const ASCII_LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
const LABEL_SEPARATORS = /[.。．｡]/u;
const MAX_DOMAIN_LENGTH = 253;

// Rosters repeat a few domains thousands of times; the cap only bounds memory on hostile input.
const CACHE_LIMIT = 50_000;
const cache = new Map<string, DomainName | null>();

/**
 * Reads a domain (Unicode or punycode, any case, full-width folded by the caller or not) into its ASCII
 * and Unicode forms, or null when it is not a host name. A single label (`examplecorp`, a LINE WORKS
 * domain that is no DNS name) is accepted as it is.
 */
export function parseDomainName(text: string): DomainName | null {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const parsed = parseUncached(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, parsed);
  return parsed;
}

function parseUncached(text: string): DomainName | null {
  const host = text.normalize('NFKC').replace(/[.。．｡]+$/u, '');
  if (host === '' || host.length > MAX_DOMAIN_LENGTH * 4 || FORBIDDEN_IN_DOMAIN.test(host)) return null;
  const labels = host.split(LABEL_SEPARATORS);
  if (NUMERIC_LABEL.test(labels[labels.length - 1] ?? '')) return null;
  let ascii: string;
  try {
    // WHATWG URL applies UTS #46 (IDNA) in Node and in every browser alike.
    ascii = new URL(`http://${host}`).hostname;
  } catch {
    return null;
  }
  if (ascii.length > MAX_DOMAIN_LENGTH || !ascii.split('.').every((label) => ASCII_LABEL.test(label))) return null;
  let display = ascii;
  try {
    display = toUnicode(ascii);
  } catch {
    // A malformed xn-- label is already refused by URL; keep ASCII if punycode still disagrees.
  }
  return { ascii, display };
}
