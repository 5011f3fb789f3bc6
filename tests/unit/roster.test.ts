import { describe, expect, it } from 'vitest';
import { Member, MemberRow, type DomainPolicy, type MemberRowInput } from '../../lib/model';
import { buildMembers, countMembers, reclassifyMembers } from '../../lib/roster';
import { rulesForConsole } from '../../lib/findings';

const policy: DomainPolicy = { tenant: '*', internalDomains: ['example.co.jp', 'examplecorp'], includeSubdomains: true, registrableMatch: false };
const rows = (inputs: Array<Partial<MemberRowInput>>) => inputs.map((row) => MemberRow.parse({ name: '', identifier: '', ...row }));

describe('buildMembers', () => {
  const roster = rows([
    { name: '山田 太郎', identifier: 'taro.yamada@ExampleCorp', fields: { status: '招待中' }, cells: ['山田 太郎', 'taro.yamada@ExampleCorp'] },
    { name: 'Hanako', identifier: 'hanako@partner.com', linkStatus: 'shared-only' },
    { name: 'Hanako (dup)', identifier: 'HANAKO@partner.com', linkStatus: 'linked' },
    { name: 'Chatwork', identifier: '1234567' },
    { name: ' ＬＩＮＥ　user ', identifier: '', isLineUser: true },
    { name: '', identifier: '' },
    { name: 'Alias', identifier: 'taro.news', email: 'taro.yamada+news@examplecorp' },
  ]);
  const { members, counts } = buildMembers(roster, { snapshotId: 'snap-1', console: 'lineworks-contacts', policy });

  it('produces members that the model schema accepts, in order, with snapshot id and index', () => {
    expect(members).toHaveLength(roster.length);
    members.forEach((member, index) => {
      expect(Member.parse(member)).toEqual(member);
      expect(member.index).toBe(index);
      expect(member.snapshotId).toBe('snap-1');
    });
    expect(members[0]?.cells).toEqual(['山田 太郎', 'taro.yamada@ExampleCorp']);
  });

  it('keys by normalized email, else id:, else name:, else row position', () => {
    expect(members.map((member) => member.key)).toEqual([
      'taro.yamada@examplecorp',
      'hanako@partner.com',
      'hanako@partner.com',
      'id:1234567',
      'name:LINE user',
      'row:5',
      'taro.yamada+news@examplecorp',
    ]);
  });

  it('classifies and explains every member', () => {
    expect(members.map((member) => member.classification)).toEqual(['internal', 'external', 'external', 'unknown', 'external', 'unknown', 'internal']);
    expect(members.map((member) => member.classificationReason)).toEqual([
      'matched examplecorp',
      'domain partner.com not internal',
      'domain partner.com not internal',
      'no domain',
      'line-user',
      'no identifier',
      'matched examplecorp',
    ]);
    expect(members[1]).toMatchObject({ normalizedEmail: 'hanako@partner.com', domain: 'partner.com', domainDisplay: 'partner.com' });
  });

  it("takes the row's link status, else unknown", () => {
    expect(members.map((member) => member.linkStatus)).toEqual(['unknown', 'shared-only', 'linked', 'unknown', 'unknown', 'unknown', 'unknown']);
  });

  it('attaches findings and their ids, duplicates flagged on both rows and never merged', () => {
    expect(members[0]?.findingIds).toEqual(['not-activated']);
    expect(members[1]?.findingIds).toEqual(['external-domain', 'contact-shared-only', 'duplicate-email']);
    expect(members[1]?.findings.find((finding) => finding.id === 'duplicate-email')?.detail).toBe('Hanako (dup)');
    expect(members[2]?.findings.find((finding) => finding.id === 'duplicate-email')?.detail).toBe('Hanako');
    expect(members[4]?.findingIds).toEqual(['line-user']);
    expect(members[6]?.findings).toEqual([{ id: 'alias-address', severity: 'info', detail: 'taro.yamada@examplecorp' }]);
    for (const member of members) expect(member.findingIds).toEqual(member.findings.map((finding) => finding.id));
  });

  it('counts classifications, shared-only contacts and members per finding', () => {
    expect(counts).toEqual({
      members: 7,
      internal: 2,
      external: 3,
      unknown: 2,
      sharedOnly: 1,
      findings: {
        'not-activated': 1,
        'external-domain': 2,
        'contact-shared-only': 1,
        'duplicate-email': 2,
        'line-user': 1,
        'alias-address': 1,
      },
      // Every rule of the console was run, so a kind not counted here was looked for and not found.
      findingsLookedFor: rulesForConsole('lineworks-contacts').map((rule) => rule.id),
    });
    expect(counts.findingsLookedFor).toContain('invalid-lineworks-id');
    expect(counts.findingsLookedFor).not.toContain('zoom-unset');
    expect(countMembers(members, counts.findingsLookedFor ?? [])).toEqual(counts);
  });

  it('returns an empty roster for no rows', () => {
    expect(buildMembers([], { snapshotId: 's', console: 'generic', policy })).toEqual({
      members: [],
      counts: {
        members: 0,
        internal: 0,
        external: 0,
        unknown: 0,
        sharedOnly: 0,
        findings: {},
        findingsLookedFor: rulesForConsole('generic').map((rule) => rule.id),
      },
    });
  });
});

describe('reclassifyMembers', () => {
  it('recomputes classification and findings under a new policy, keeping keys, order and rows', () => {
    const built = buildMembers(
      rows([
        { name: 'A', identifier: 'a@example.co.jp' },
        { name: 'B', identifier: 'b@partner.com' },
        { name: 'C', identifier: 'c@sales.partner.com', fields: { status: '一時停止' } },
      ]),
      { snapshotId: 's', console: 'generic', policy },
    );
    expect(built.counts).toMatchObject({ internal: 1, external: 2 });

    const widened = reclassifyMembers(built.members, { ...policy, internalDomains: ['example.co.jp', 'partner.com'] }, 'generic');
    expect(widened.members.map((member) => member.key)).toEqual(built.members.map((member) => member.key));
    expect(widened.members.map((member) => member.classification)).toEqual(['internal', 'internal', 'internal']);
    expect(widened.members[2]?.classificationReason).toBe('matched partner.com (subdomain)');
    expect(widened.members[2]?.findingIds).toEqual(['suspended']);
    expect(widened.counts).toMatchObject({ internal: 3, external: 0, findings: { suspended: 1 } });
    expect(widened.counts.findings['external-domain']).toBeUndefined();
    // The originals are left as they were.
    expect(built.members[1]?.classification).toBe('external');

    // With no internal domain left there is no policy: members with an address are unknown, and no external-domain finding is raised.
    const narrowed = reclassifyMembers(widened.members, { ...policy, internalDomains: [], includeSubdomains: false }, 'generic');
    expect(narrowed.counts).toMatchObject({ internal: 0, external: 0, unknown: 3, findings: { suspended: 1 } });
    expect(narrowed.counts.findings['external-domain']).toBeUndefined();
  });

  it('raises no external-domain finding before a policy exists, not even for a LINE user with an address', () => {
    const none = { ...policy, internalDomains: [] };
    const built = buildMembers(
      rows([
        { name: 'L', identifier: 'l@gmail.com', isLineUser: true },
        { name: 'P', identifier: 'p@partner.com' },
      ]),
      { snapshotId: 's', console: 'lineworks-contacts', policy: none },
    );
    expect(built.members.map((m) => [m.classification, m.findingIds])).toEqual([
      ['external', ['line-user']],
      ['unknown', []],
    ]);
    expect(reclassifyMembers(built.members, policy, 'lineworks-contacts').members.map((m) => m.findingIds)).toEqual([
      ['external-domain', 'line-user'],
      ['external-domain'],
    ]);
  });

  it('applies the console of the new evaluation to console-specific rules', () => {
    const built = buildMembers(rows([{ name: 'A', identifier: 'A..b@example.co.jp' }]), { snapshotId: 's', console: 'generic', policy });
    expect(built.members[0]?.findingIds).toEqual([]);
    expect(reclassifyMembers(built.members, policy, 'lineworks-members').members[0]?.findingIds).toEqual(['invalid-lineworks-id']);
  });
});

describe('scale', () => {
  it('builds 100,000 members with duplicates found across the whole roster', () => {
    const many = Array.from({ length: 100_000 }, (_, index) => ({
      name: `User ${index}`,
      identifier: `user.${index % 99_999}@${index % 2 ? 'example.co.jp' : 'partner.com'}`,
      fields: {},
      cells: [],
    }));
    const { members, counts } = buildMembers(many, { snapshotId: 's', console: 'generic', policy });
    expect(counts.members).toBe(100_000);
    // user.0 appears at index 0 and 99,999 (odd → example.co.jp, even → partner.com): different domains, no duplicate.
    expect(counts.findings['duplicate-email']).toBeUndefined();
    expect(counts.internal + counts.external).toBe(100_000);
    expect(new Set(members.map((member) => member.key)).size).toBe(100_000);
  });
});
