import type { Classification, DomainPolicy, MemberRow } from './model';
import { compileDomainPolicy, type DomainMatch, type DomainPolicyMatcher } from './identity/domain-policy';
import type { Localized } from './i18n';
import { IDENTIFIER_PROBLEM_TEXT, normalizeIdentifier, type NormalizedIdentifier } from './identity/normalize';

export type ClassifiableRow = Pick<MemberRow, 'identifier' | 'email' | 'isLineUser' | 'fields'>;

export interface ClassifiedMember {
  classification: Classification;
  /** Short, stable, language-neutral: `matched example.co.jp`, `domain other.com not internal`, `line-user` … */
  reason: string;
  reasonText: Localized;
  /** '' when neither the email nor the identifier is an address. */
  normalizedEmail: string;
  domain: string;
  domainDisplay: string;
  /** The row's identifier as normalized (its `normalizedId` keys the member when there is no email). */
  identity: NormalizedIdentifier;
}

/** A LINE user has a LINE app account, no LINE WORKS ID: always a customer/partner (seed 001). */
export function isLineUserRow(row: Pick<MemberRow, 'isLineUser' | 'fields'>): boolean {
  return row.isLineUser === true || row.fields?.contactKind?.trim().toLowerCase() === 'line';
}

const matchers = new WeakMap<DomainPolicy, DomainPolicyMatcher>();

function matcherFor(policy: DomainPolicy | DomainPolicyMatcher): DomainPolicyMatcher {
  if ('match' in policy) return policy;
  let matcher = matchers.get(policy);
  if (!matcher) {
    matcher = compileDomainPolicy(policy);
    matchers.set(policy, matcher);
  }
  return matcher;
}

/** The reason of a member with an address while no internal domain is set. */
export const NO_POLICY_REASON = 'no domain policy yet';

const VIA_SUFFIX: Record<NonNullable<DomainMatch['via']>, { code: string; ja: string; en: string }> = {
  exact: { code: '', ja: '', en: '' },
  subdomain: { code: ' (subdomain)', ja: '(サブドメイン)', en: ' (subdomain)' },
  registrable: { code: ' (registrable)', ja: '(同じ登録ドメイン)', en: ' (same registrable domain)' },
};

function describeMatch(match: DomainMatch, domainDisplay: string, policyIsEmpty: boolean): Pick<ClassifiedMember, 'classification' | 'reason' | 'reasonText'> {
  if (match.internal && match.matched !== undefined && match.via !== undefined) {
    const suffix = VIA_SUFFIX[match.via];
    const shown = match.matchedDisplay ?? match.matched;
    return {
      classification: 'internal',
      reason: `matched ${match.matched}${suffix.code}`,
      reasonText: { ja: `社内ドメイン ${shown} に一致${suffix.ja}`, en: `Matches internal domain ${shown}${suffix.en}` },
    };
  }
  if (policyIsEmpty) {
    // With no internal domain set, nobody can be told internal: calling everyone external would be a guess.
    return {
      classification: 'unknown',
      reason: NO_POLICY_REASON,
      reasonText: {
        ja: 'ドメインの設定がまだありません(社内ドメインを設定すると社内・社外に分類されます)',
        en: 'No domain policy yet (set the internal domains to classify as internal or external)',
      },
    };
  }
  return {
    classification: 'external',
    reason: `domain ${domainDisplay} not internal`,
    reasonText: { ja: `ドメイン ${domainDisplay} は社内ドメインではありません`, en: `Domain ${domainDisplay} is not an internal domain` },
  };
}

function describeMissingAddress(identity: NormalizedIdentifier, email: NormalizedIdentifier | undefined): Pick<ClassifiedMember, 'reason' | 'reasonText'> {
  // A blank or "N/A" email column beside a readable ID is no more than a missing email.
  const problem =
    identity.problem !== undefined && identity.problem !== 'empty'
      ? identity.problem
      : email?.problem !== undefined && email.problem !== 'empty' && email.problem !== 'placeholder'
        ? email.problem
        : undefined;
  if (problem !== undefined) {
    const text = IDENTIFIER_PROBLEM_TEXT[problem];
    return {
      reason: `unparseable identifier: ${problem}`,
      reasonText: { ja: `識別子を読み取れません(${text.ja})`, en: `Identifier cannot be read (${text.en})` },
    };
  }
  if (identity.normalizedId !== '') {
    return {
      reason: 'no domain',
      reasonText: { ja: '識別子に「@」以降のドメインがありません', en: 'The identifier has no domain after "@"' },
    };
  }
  return { reason: 'no identifier', reasonText: { ja: 'ID・メールアドレスがありません', en: 'No ID or email address' } };
}

/**
 * Internal when the part after `@` is one of the tenant's domains (seed 001), external when it is another
 * domain or the member is a LINE user, unknown without a readable address or while no internal domain is set. A separate email column,
 * when it holds an address, decides over the identifier.
 */
export function classifyMember(row: ClassifiableRow, policy: DomainPolicy | DomainPolicyMatcher): ClassifiedMember {
  const identity = normalizeIdentifier(row.identifier ?? '');
  const email = row.email ? normalizeIdentifier(row.email) : undefined;
  const address = email?.isAddress ? email : identity.isAddress ? identity : undefined;
  const normalizedEmail = address?.email ?? '';
  const domain = address?.domain ?? '';
  const domainDisplay = address?.domainDisplay ?? '';
  let verdict: Pick<ClassifiedMember, 'classification' | 'reason' | 'reasonText'>;
  if (isLineUserRow(row)) {
    verdict = {
      classification: 'external',
      reason: 'line-user',
      reasonText: { ja: 'LINEユーザー(常に社外)', en: 'LINE user (always external)' },
    };
  } else if (!address) {
    verdict = { classification: 'unknown', ...describeMissingAddress(identity, email) };
  } else {
    const matcher = matcherFor(policy);
    verdict = describeMatch(matcher.match(address.domain), address.domainDisplay, matcher.domains.length === 0);
  }
  const { classification, reason, reasonText } = verdict;
  return { classification, reason, reasonText, normalizedEmail, domain, domainDisplay, identity };
}
