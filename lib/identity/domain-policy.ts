import { parse } from 'tldts';
import type { DomainPolicy } from '../model';
import { parseDomainName, type DomainName } from './domain-name';
import type { Localized } from '../i18n';

export type DomainEntryProblem = 'invalid' | 'public-suffix';

export interface RejectedDomainEntry {
  entry: string;
  reason: DomainEntryProblem;
  message: Localized;
}

const DOMAIN_ENTRY_PROBLEM_TEXT: Record<DomainEntryProblem, Localized> = {
  invalid: { ja: 'ドメインとして読み取れません', en: 'not a valid domain' },
  'public-suffix': {
    ja: '「co.jp」「com」などの公開サフィックスは社内ドメインにできません(全員が社内扱いになります)',
    en: 'a public suffix such as "co.jp" or "com" cannot be an internal domain (everyone would match)',
  },
};

export type DomainMatchVia = 'exact' | 'subdomain' | 'registrable';

export interface DomainMatch {
  internal: boolean;
  /** The internal domain (ASCII) that matched. */
  matched?: string;
  /** The same, in Unicode for people. */
  matchedDisplay?: string;
  via?: DomainMatchVia;
}

export interface DomainPolicyMatcher {
  /** Internal domains in use, ASCII lowercase, without duplicates. */
  readonly domains: readonly string[];
  /** Entries of the policy that were skipped, with why. */
  readonly ignored: readonly RejectedDomainEntry[];
  /** Takes an ASCII lowercase domain, as `normalizeIdentifier` gives it. */
  match(domain: string): DomainMatch;
}

const TLDTS_OPTIONS = { allowPrivateDomains: true, extractHostname: false } as const;

/**
 * The registrable domain (Public Suffix List) of an ASCII host, or null when it has none: a public suffix
 * itself, or a name under no known suffix (a LINE WORKS domain such as `examplecorp` is no DNS name).
 */
export function registrableDomain(domain: string): string | null {
  const parsed = parse(domain, TLDTS_OPTIONS);
  if (!parsed.isIcann && !parsed.isPrivate) return null;
  return parsed.domain;
}

function isPublicSuffix(domain: string): boolean {
  const parsed = parse(domain, TLDTS_OPTIONS);
  return (parsed.isIcann === true || parsed.isPrivate === true) && parsed.publicSuffix === domain;
}

/**
 * Reads one internal domain as an admin may type it: Unicode or punycode, any case, full-width,
 * with a leading `@`, `*.` or `.`, as a whole address or as a URL.
 */
export function normalizeDomainEntry(entry: string): DomainName | RejectedDomainEntry {
  let text = entry
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//iu.test(text)) {
    try {
      text = new URL(text).hostname;
    } catch {
      return reject(entry, 'invalid');
    }
  }
  text = text.slice(text.lastIndexOf('@') + 1).replace(/^(?:\*?\.)+/u, '');
  const domain = parseDomainName(text);
  if (!domain) return reject(entry, 'invalid');
  if (isPublicSuffix(domain.ascii)) return reject(entry, 'public-suffix');
  return domain;
}

function reject(entry: string, reason: DomainEntryProblem): RejectedDomainEntry {
  return { entry, reason, message: DOMAIN_ENTRY_PROBLEM_TEXT[reason] };
}

function isRejected(value: DomainName | RejectedDomainEntry): value is RejectedDomainEntry {
  return 'reason' in value;
}

export interface ParsedDomainList {
  /** Valid domains, ASCII lowercase, in the order typed, without duplicates. */
  domains: string[];
  /** The same domains in Unicode, for showing back. */
  displayDomains: string[];
  rejected: RejectedDomainEntry[];
}

/** Reads the "Internal domains" textarea: one per line, or separated by commas, spaces, `、` or `;`. */
export function parseDomainList(text: string): ParsedDomainList {
  const result: ParsedDomainList = { domains: [], displayDomains: [], rejected: [] };
  const seen = new Set<string>();
  for (const entry of text.normalize('NFKC').split(/[\s,、;]+/u)) {
    if (entry === '') continue;
    const domain = normalizeDomainEntry(entry);
    if (isRejected(domain)) {
      result.rejected.push(domain);
    } else if (!seen.has(domain.ascii)) {
      seen.add(domain.ascii);
      result.domains.push(domain.ascii);
      result.displayDomains.push(domain.display);
    }
  }
  return result;
}

const NOT_INTERNAL: DomainMatch = Object.freeze({ internal: false });

/** Compiles a policy once; the matcher is then used for every member of a roster. */
export function compileDomainPolicy(policy: DomainPolicy): DomainPolicyMatcher {
  const displayByDomain = new Map<string, string>();
  const ignored: RejectedDomainEntry[] = [];
  for (const entry of policy.internalDomains) {
    const domain = normalizeDomainEntry(entry);
    if (isRejected(domain)) ignored.push(domain);
    else displayByDomain.set(domain.ascii, domain.display);
  }
  const internalByRegistrable = new Map<string, string>();
  if (policy.registrableMatch) {
    for (const domain of displayByDomain.keys()) {
      const registrable = registrableDomain(domain);
      if (registrable !== null && !internalByRegistrable.has(registrable)) internalByRegistrable.set(registrable, domain);
    }
  }

  const matched = (domain: string, via: DomainMatchVia): DomainMatch => ({
    internal: true,
    matched: domain,
    matchedDisplay: displayByDomain.get(domain) ?? domain,
    via,
  });

  const matchUncached = (domain: string): DomainMatch => {
    if (displayByDomain.has(domain)) return matched(domain, 'exact');
    if (policy.includeSubdomains) {
      for (let dot = domain.indexOf('.'); dot !== -1; dot = domain.indexOf('.', dot + 1)) {
        const parent = domain.slice(dot + 1);
        if (displayByDomain.has(parent)) return matched(parent, 'subdomain');
      }
    }
    if (internalByRegistrable.size > 0) {
      const registrable = registrableDomain(domain);
      const internal = registrable === null ? undefined : internalByRegistrable.get(registrable);
      if (internal !== undefined) return matched(internal, 'registrable');
    }
    return NOT_INTERNAL;
  };

  // Members share few domains: remember each answer so a large roster costs one lookup per row.
  const answers = new Map<string, DomainMatch>();
  return {
    domains: [...displayByDomain.keys()],
    ignored,
    match(domain) {
      if (domain === '') return NOT_INTERNAL;
      let answer = answers.get(domain);
      if (answer === undefined) {
        answer = matchUncached(domain);
        answers.set(domain, answer);
      }
      return answer;
    },
  };
}
