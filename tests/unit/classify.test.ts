import { describe, expect, it } from 'vitest';
import { classifyMember, isLineUserRow } from '../../lib/classify';
import { compileDomainPolicy } from '../../lib/identity/domain-policy';
import { MemberRow, type DomainPolicy } from '../../lib/model';
import { identifierCases, identifierPolicy } from '../fixtures/identifiers';

const registrablePolicy: DomainPolicy = { ...identifierPolicy, registrableMatch: true };

describe('classifyMember over the identifier corpus', () => {
  it.each(identifierCases.map((c) => [c.note, c] as const))('%s', (_note, { row, expect: expected }) => {
    const parsedRow = MemberRow.parse({ name: '', ...row });
    const classified = classifyMember(parsedRow, identifierPolicy);
    expect(classified.normalizedEmail).toBe(expected.email);
    expect(classified.domain).toBe(expected.domain);
    expect(classified.domainDisplay).toBe(expected.domainDisplay);
    expect(classified.classification).toBe(expected.classification);
    if (expected.reason !== undefined) expect(classified.reason).toBe(expected.reason);
    expect(classified.reason).not.toBe('');
    expect(classified.reasonText.ja).not.toBe('');
    expect(classified.reasonText.en).not.toBe('');

    const withRegistrable = classifyMember(parsedRow, registrablePolicy);
    expect(withRegistrable.classification).toBe(expected.registrableClassification ?? expected.classification);
    if (expected.registrableReason !== undefined) expect(withRegistrable.reason).toBe(expected.registrableReason);
  });

  it('classifies every garbage identifier as unknown with a reason', () => {
    const garbage = identifierCases.filter((c) => c.expect.problem !== undefined);
    expect(garbage.length).toBeGreaterThanOrEqual(15);
    for (const { row } of garbage) {
      const classified = classifyMember({ identifier: row.identifier, fields: {} }, identifierPolicy);
      expect(classified.classification).toBe('unknown');
      expect(classified.reason).toMatch(/^(no identifier|unparseable identifier: [a-z-]+)$/);
    }
  });
});

describe('classifyMember rules', () => {
  const policy: DomainPolicy = { tenant: '*', internalDomains: ['example.co.jp', 'examplecorp'], includeSubdomains: true, registrableMatch: false };

  it('treats several internal domains alike (seed 001: a tenant may hold one per department)', () => {
    expect(classifyMember({ identifier: 'a@example.co.jp', fields: {} }, policy).classification).toBe('internal');
    expect(classifyMember({ identifier: 'b@examplecorp', fields: {} }, policy).classification).toBe('internal');
    expect(classifyMember({ identifier: 'c@partner.com', fields: {} }, policy).classification).toBe('external');
  });

  it('makes a LINE user external even with an internal-looking address', () => {
    const classified = classifyMember({ identifier: 'a@example.co.jp', isLineUser: true, fields: {} }, policy);
    expect(classified).toMatchObject({ classification: 'external', reason: 'line-user', normalizedEmail: 'a@example.co.jp' });
  });

  it('takes the email column over the identifier for email and domain', () => {
    const classified = classifyMember({ identifier: 'taro@examplecorp', email: 'Taro@Partner.com', fields: {} }, policy);
    expect(classified).toMatchObject({ classification: 'external', normalizedEmail: 'taro@partner.com', domain: 'partner.com' });
    expect(classified.identity.email).toBe('taro@examplecorp');
  });

  it('is unknown, not external, while no internal domain is set; a LINE user stays external', () => {
    const none = { ...policy, internalDomains: [] };
    const classified = classifyMember({ identifier: 'a@example.co.jp', fields: {} }, none);
    expect(classified).toMatchObject({ classification: 'unknown', reason: 'no domain policy yet', domain: 'example.co.jp' });
    expect(classified.reasonText.ja).toContain('ドメインの設定がまだありません');
    expect(classifyMember({ identifier: '', isLineUser: true, fields: {} }, none)).toMatchObject({ classification: 'external', reason: 'line-user' });
    expect(classifyMember({ identifier: 'x@partner.example', fields: { contactKind: 'line' } }, none).classification).toBe('external');
  });

  it('accepts a compiled matcher as well as a policy', () => {
    const matcher = compileDomainPolicy(policy);
    expect(classifyMember({ identifier: 'a@sub.example.co.jp', fields: {} }, matcher).reason).toBe('matched example.co.jp (subdomain)');
  });

  it('is unknown with "no domain" for an account ID and "no identifier" for nothing', () => {
    expect(classifyMember({ identifier: '1234567', fields: {} }, policy)).toMatchObject({ classification: 'unknown', reason: 'no domain' });
    expect(classifyMember({ identifier: '', fields: {} }, policy)).toMatchObject({ classification: 'unknown', reason: 'no identifier' });
    expect(classifyMember({ identifier: '', email: '', fields: {} }, policy)).toMatchObject({ classification: 'unknown', reason: 'no identifier' });
  });

  it('reports an unreadable email column when the identifier has no address', () => {
    expect(classifyMember({ identifier: '1234567', email: 'a@@b', fields: {} }, policy).reason).toBe('unparseable identifier: multiple-at');
    expect(classifyMember({ identifier: '1234567', email: 'N/A', fields: {} }, policy).reason).toBe('no domain');
  });
});

describe('isLineUserRow', () => {
  it('reads the flag and the contact kind', () => {
    expect(isLineUserRow({ isLineUser: true, fields: {} })).toBe(true);
    expect(isLineUserRow({ fields: { contactKind: ' LINE ' } })).toBe(true);
    expect(isLineUserRow({ fields: { contactKind: 'lineworks' } })).toBe(false);
    expect(isLineUserRow({ isLineUser: false, fields: {} })).toBe(false);
  });
});
