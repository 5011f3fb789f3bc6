import type { FindingId, Member, MemberFinding, Snapshot, SnapshotCounts } from '../../../lib/model';

export type MemberOverrides = Partial<Omit<Member, 'findings' | 'findingIds'>> & { findingIds?: FindingId[] };

/** A member as lib/roster.ts would store it; `findings` follow `findingIds`. */
export function makeMember(snapshotId: string, index: number, overrides: MemberOverrides = {}): Member {
  const email = overrides.normalizedEmail ?? `user${index}@example.co.jp`;
  const domain = overrides.domain ?? email.split('@')[1] ?? '';
  const { findingIds = [], ...rest } = overrides;
  const findings: MemberFinding[] = findingIds.map((id) => ({ id, severity: 'warning' }));
  return {
    snapshotId,
    index,
    name: `User ${index}`,
    identifier: email,
    email,
    normalizedEmail: email,
    key: email || `name:User ${index}`,
    domain,
    domainDisplay: domain,
    classification: domain === 'example.co.jp' ? 'internal' : domain ? 'external' : 'unknown',
    classificationReason: domain,
    linkStatus: 'unknown',
    fields: {},
    cells: [],
    ...rest,
    findings,
    findingIds,
  };
}

export function countsOf(members: readonly Member[]): SnapshotCounts {
  const counts: SnapshotCounts = { members: members.length, internal: 0, external: 0, unknown: 0, sharedOnly: 0, findings: {} };
  for (const member of members) {
    counts[member.classification] += 1;
    if (member.linkStatus === 'shared-only') counts.sharedOnly += 1;
    for (const id of member.findingIds) counts.findings[id] = (counts.findings[id] ?? 0) + 1;
  }
  return counts;
}

export function makeSnapshot(overrides: Partial<Snapshot> & { id: string }, members: readonly Member[] = []): Snapshot {
  return {
    console: 'lineworks-members',
    tenant: 'example.co.jp',
    sourceUrl: 'https://admin.worksmobile.com/member',
    title: 'Members',
    startedAt: 1_700_000_000_000,
    finishedAt: 1_700_000_001_000,
    headers: ['Name', 'ID'],
    settings: {
      policy: { tenant: 'example.co.jp', internalDomains: ['example.co.jp'], includeSubdomains: true, registrableMatch: false },
      profile: 'lineworks-members',
      pagesRead: 1,
    },
    complete: true,
    counts: countsOf(members),
    ...overrides,
  };
}

/** A snapshot and its members: `count` default members, or one member per overrides entry. */
export function makeRoster(snapshot: Partial<Snapshot> & { id: string }, members: number | MemberOverrides[]): { snapshot: Snapshot; members: Member[] } {
  const list = typeof members === 'number' ? Array.from({ length: members }, () => ({})) : members;
  const built = list.map((overrides, index) => makeMember(snapshot.id, index, overrides));
  return { snapshot: makeSnapshot(snapshot, built), members: built };
}
