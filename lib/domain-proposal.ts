import { isLineUserRow } from './classify';
import { normalizeDomainEntry, registrableDomain } from './identity/domain-policy';
import { normalizeIdentifier } from './identity/normalize';
import type { ConsoleId, Member } from './model';
import { ROWS_ARE_OUTSIDERS } from './outsider-consoles';
import type { TenantCues } from './tenant-cues';

/** Why a domain is proposed as internal. */
export type DomainEvidence =
  | { kind: 'admin-address'; address: string }
  | { kind: 'tenant-domain'; tenant: string }
  | { kind: 'dominant'; members: number; withAddress: number }
  | { kind: 'similar-name'; like: string };

export interface ProposedDomain {
  /** ASCII (punycode) lowercase, as members' `domain`. */
  domain: string;
  /** Unicode, for people, and for the policy (which takes either). */
  display: string;
  /** Members of the roster on this domain. */
  members: number;
  evidence: DomainEvidence[];
  /** Strong evidence (the admin's own address, the tenant's domain, a dominant share): ticked at first. */
  suggested: boolean;
}

/**
 * Consumer mail services: a roster full of gmail.com says nothing about whose tenant it is, and making
 * one internal would make every stranger on it internal.
 */
const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.co.jp',
  'yahoo.com',
  'ymail.ne.jp',
  'outlook.com',
  'outlook.jp',
  'hotmail.com',
  'hotmail.co.jp',
  'live.jp',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'docomo.ne.jp',
  'ezweb.ne.jp',
  'au.com',
  'softbank.ne.jp',
  'i.softbank.jp',
  'nifty.com',
  'biglobe.ne.jp',
  'ocn.ne.jp',
  'protonmail.com',
  'proton.me',
]);

/** A domain holding at least this share of the members with an address is the tenant's own, most likely. */
const DOMINANT_SHARE = 0.15;
const MAX_DOMINANT = 3;

type Counted = Pick<Member, 'domain' | 'domainDisplay' | 'isLineUser' | 'fields'>;

/**
 * The name a company keeps across its domains: the first label of the registrable domain
 * (`examplecorp` of `mail.examplecorp.co.jp`), or of the domain itself when it is no DNS name (a
 * LINE WORKS domain). `examplecorp.co.jp.example.net` is named `example`: a look-alike is no kin.
 */
function nameOf(domain: string): string {
  return (registrableDomain(domain) ?? domain).split('.')[0] ?? domain;
}

function isUnder(domain: string, parent: string): boolean {
  return domain.endsWith(`.${parent}`);
}

/**
 * The internal domains a first audit can propose, from what the page and the roster show: the
 * signed-in admin's address, the tenant's domain, the domains most members are on, and domains
 * named like those (a department's own domain, a LINE WORKS domain). Free-mail domains never.
 */
export function proposeInternalDomains(input: { members: readonly Counted[]; cues?: TenantCues | undefined; console: ConsoleId }): ProposedDomain[] {
  const byDomain = new Map<string, { display: string; members: number }>();
  let withAddress = 0;
  for (const member of input.members) {
    if (member.domain === '' || isLineUserRow(member)) continue;
    withAddress += 1;
    const entry = byDomain.get(member.domain);
    if (entry) entry.members += 1;
    else byDomain.set(member.domain, { display: member.domainDisplay || member.domain, members: 1 });
  }

  const proposals = new Map<string, ProposedDomain>();
  const propose = (domain: string, display: string, evidence: DomainEvidence, suggested: boolean) => {
    if (FREE_MAIL.has(domain)) return;
    const existing = proposals.get(domain);
    if (existing) {
      existing.evidence.push(evidence);
      existing.suggested ||= suggested;
      return;
    }
    proposals.set(domain, { domain, display, members: byDomain.get(domain)?.members ?? 0, evidence: [evidence], suggested });
  };

  const cues = input.cues ?? {};
  if (cues.adminAddress) {
    const admin = normalizeIdentifier(cues.adminAddress);
    if (admin.isAddress && admin.domain) propose(admin.domain, admin.domainDisplay, { kind: 'admin-address', address: cues.adminAddress }, true);
  }
  if (cues.tenantDomain) {
    const tenant = normalizeDomainEntry(cues.tenantDomain);
    if (!('reason' in tenant)) propose(tenant.ascii, tenant.display, { kind: 'tenant-domain', tenant: cues.tenantDomain }, true);
  }
  const ranked = [...byDomain].sort((a, b) => b[1].members - a[1].members);
  // A contacts roster lists other tenants: its common domains are partners, not the tenant.
  if (!ROWS_ARE_OUTSIDERS.includes(input.console)) {
    for (const [domain, { display, members }] of ranked.slice(0, MAX_DOMINANT)) {
      if (members >= 2 && members / withAddress >= DOMINANT_SHARE) propose(domain, display, { kind: 'dominant', members, withAddress }, true);
    }
  }
  const strong = [...proposals.values()].filter((proposal) => proposal.suggested);
  for (const [domain, { display }] of ranked) {
    // A subdomain of a proposed domain is internal with it (subdomains count by default).
    if (proposals.has(domain) || strong.some((proposal) => isUnder(domain, proposal.domain))) continue;
    const like = strong.find((proposal) => {
      const name = nameOf(proposal.domain);
      return name.length >= 4 && nameOf(domain).startsWith(name);
    });
    if (like) propose(domain, display, { kind: 'similar-name', like: like.display }, false);
  }
  return [...proposals.values()];
}
