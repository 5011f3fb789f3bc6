import { describe, expect, it } from 'vitest';
import { proposeInternalDomains } from '../../lib/domain-proposal';

const member = (domain: string, extra: { isLineUser?: boolean } = {}) => ({ domain, domainDisplay: domain, fields: {}, ...extra });
const roster = [
  ...Array.from({ length: 6 }, () => member('examplecorp.co.jp')),
  member('examplecorp'),
  member('examplecorp-sales.jp'),
  member('lab.examplecorp.co.jp'),
  member('examplecorp.co.jp.example.net'),
  member('partner.jp'),
  ...Array.from({ length: 3 }, () => member('gmail.com')),
  member(''),
  member('line.example', { isLineUser: true }),
];

describe('proposeInternalDomains', () => {
  it("proposes the admin's domain, the dominant domains and those named alike, each with why; never free mail, a subdomain or a look-alike", () => {
    const proposals = proposeInternalDomains({ members: roster, cues: { adminAddress: 'Admin@ExampleCorp.co.jp' }, console: 'lineworks-members' });
    expect(proposals.map((p) => [p.domain, p.suggested, p.evidence.map((e) => e.kind)])).toEqual([
      ['examplecorp.co.jp', true, ['admin-address', 'dominant']],
      ['examplecorp', false, ['similar-name']],
      ['examplecorp-sales.jp', false, ['similar-name']],
    ]);
    expect(proposals[0]!.evidence[1]).toEqual({ kind: 'dominant', members: 6, withAddress: 14 });
    expect(proposals[0]!.members).toBe(6);
  });

  it("proposes the tenant's domain even when no member is on it, and an IDN in Unicode", () => {
    const proposals = proposeInternalDomains({ members: [], cues: { tenantDomain: '例え.jp' }, console: 'generic' });
    expect(proposals).toEqual([
      { domain: 'xn--r8jz45g.jp', display: '例え.jp', members: 0, evidence: [{ kind: 'tenant-domain', tenant: '例え.jp' }], suggested: true },
    ]);
  });

  it("proposes no contact's domain on a contacts roster: those are partners", () => {
    const contacts = Array.from({ length: 5 }, () => member('alpha-shoji.co.jp'));
    expect(proposeInternalDomains({ members: contacts, console: 'lineworks-contacts' })).toEqual([]);
    expect(proposeInternalDomains({ members: contacts, console: 'generic' }).map((p) => p.domain)).toEqual(['alpha-shoji.co.jp']);
  });

  it('proposes nothing from a roster of free-mail addresses and single strays', () => {
    expect(
      proposeInternalDomains({
        members: [
          member('gmail.com'),
          member('gmail.com'),
          member('a.jp'),
          member('b.jp'),
          member('c.jp'),
          member('d.jp'),
          member('e.jp'),
          member('f.jp'),
          member('g.jp'),
        ],
        console: 'generic',
      }),
    ).toEqual([]);
  });
});
