import { classifyMember, type ClassifiedMember } from './classify';
import { evaluateFindings, rulesForConsole } from './findings';
import { compileDomainPolicy } from './identity/domain-policy';
import type { ConsoleId, DomainPolicy, FindingId, Member, MemberRow, SnapshotCounts } from './model';

export interface BuildMembersOptions {
  snapshotId: string;
  console: ConsoleId;
  policy: DomainPolicy;
}

export interface BuiltRoster {
  members: Member[];
  counts: SnapshotCounts;
}

function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Identity within a roster: normalized email, else `id:` + normalized identifier, else `name:` + name, else `row:` + position. */
export function memberKey(name: string, classified: Pick<ClassifiedMember, 'normalizedEmail' | 'identity'>, index: number): string {
  if (classified.normalizedEmail !== '') return classified.normalizedEmail;
  if (classified.identity.normalizedId !== '') return `id:${classified.identity.normalizedId}`;
  const shownName = normalizeName(name);
  return shownName !== '' ? `name:${shownName}` : `row:${index}`;
}

type DerivedFields = Pick<Member, 'normalizedEmail' | 'domain' | 'domainDisplay' | 'classification' | 'classificationReason'>;

function derivedFields(classified: ClassifiedMember): DerivedFields {
  return {
    normalizedEmail: classified.normalizedEmail,
    domain: classified.domain,
    domainDisplay: classified.domainDisplay,
    classification: classified.classification,
    classificationReason: classified.reason,
  };
}

/** Fills `findings` and `findingIds` of members built with empty ones (in place: they are ours, just made). */
function attachFindings(members: Member[], console: ConsoleId, domainPolicySet: boolean): BuiltRoster {
  const findings = evaluateFindings(members, { console, domainPolicySet });
  members.forEach((member, position) => {
    const own = findings[position] ?? [];
    member.findings = own;
    member.findingIds = own.map((finding) => finding.id);
  });
  return {
    members,
    counts: countMembers(
      members,
      rulesForConsole(console).map((rule) => rule.id),
    ),
  };
}

/** The summary a snapshot keeps: classifications, shared-only contacts, members per finding, and which kinds were looked for. */
export function countMembers(members: readonly Member[], findingsLookedFor: readonly FindingId[]): SnapshotCounts {
  const counts: SnapshotCounts = {
    members: members.length,
    internal: 0,
    external: 0,
    unknown: 0,
    sharedOnly: 0,
    findings: {},
    findingsLookedFor: [...findingsLookedFor],
  };
  const findings: Partial<Record<FindingId, number>> = counts.findings;
  for (const member of members) {
    counts[member.classification] += 1;
    if (member.linkStatus === 'shared-only') counts.sharedOnly += 1;
    for (const id of member.findingIds) findings[id] = (findings[id] ?? 0) + 1;
  }
  return counts;
}

/** Turns the rows of one scan into stored members: classified, keyed, with their findings and the counts. */
export function buildMembers(rows: readonly MemberRow[], options: BuildMembersOptions): BuiltRoster {
  const matcher = compileDomainPolicy(options.policy);
  const members = rows.map((row, index): Member => {
    const classified = classifyMember(row, matcher);
    const name = row.name ?? '';
    const member: Member = {
      name,
      identifier: row.identifier ?? '',
      fields: row.fields ?? {},
      cells: row.cells ?? [],
      snapshotId: options.snapshotId,
      index,
      key: memberKey(name, classified, index),
      linkStatus: row.linkStatus ?? 'unknown',
      ...derivedFields(classified),
      findings: [],
      findingIds: [],
    };
    if (row.email !== undefined) member.email = row.email;
    if (row.otherEmails?.length) member.otherEmails = row.otherEmails;
    if (row.isLineUser !== undefined) member.isLineUser = row.isLineUser;
    return member;
  });
  return attachFindings(members, options.console, matcher.domains.length > 0);
}

/** After the admin changes the domain policy: classification and findings again, keys and positions kept. */
export function reclassifyMembers(members: readonly Member[], policy: DomainPolicy, console: ConsoleId): BuiltRoster {
  const matcher = compileDomainPolicy(policy);
  const rebuilt = members.map((member): Member => ({ ...member, ...derivedFields(classifyMember(member, matcher)), findings: [], findingIds: [] }));
  return attachFindings(rebuilt, console, matcher.domains.length > 0);
}
