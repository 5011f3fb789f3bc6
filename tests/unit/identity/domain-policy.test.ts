import { describe, expect, it } from 'vitest';
import { compileDomainPolicy, normalizeDomainEntry, parseDomainList, registrableDomain } from '../../../lib/identity/domain-policy';
import type { DomainPolicy } from '../../../lib/model';

const policy = (internalDomains: string[], options: Partial<DomainPolicy> = {}): DomainPolicy => ({
  tenant: '*',
  internalDomains,
  includeSubdomains: true,
  registrableMatch: false,
  ...options,
});

describe('normalizeDomainEntry', () => {
  it.each([
    ['example.co.jp', 'example.co.jp', 'example.co.jp'],
    ['@Example.CO.JP', 'example.co.jp', 'example.co.jp'],
    ['*.example.co.jp', 'example.co.jp', 'example.co.jp'],
    ['.example.co.jp.', 'example.co.jp', 'example.co.jp'],
    ['ｅｘａｍｐｌｅ．ｃｏ．ｊｐ', 'example.co.jp', 'example.co.jp'],
    ['日本語.jp', 'xn--wgv71a119e.jp', '日本語.jp'],
    ['XN--WGV71A119E.JP', 'xn--wgv71a119e.jp', '日本語.jp'],
    ['taro@example.com', 'example.com', 'example.com'],
    ['https://www.example.com/path', 'www.example.com', 'www.example.com'],
    ['examplecorp', 'examplecorp', 'examplecorp'],
  ])('%s → %s', (entry, ascii, display) => {
    expect(normalizeDomainEntry(entry)).toEqual({ ascii, display });
  });

  it.each([
    ['co.jp', 'public-suffix'],
    ['com', 'public-suffix'],
    ['com.au', 'public-suffix'],
    ['github.io', 'public-suffix'],
    ['exa mple.com', 'invalid'],
    ['example..com', 'invalid'],
    ['192.168.0.1', 'invalid'],
    ['-', 'invalid'],
  ])('rejects %s as %s', (entry, reason) => {
    expect(normalizeDomainEntry(entry)).toMatchObject({ entry, reason });
  });
});

describe('parseDomainList', () => {
  it('reads lines, commas, spaces, 、 and semicolons, dropping duplicates', () => {
    const parsed = parseDomainList('example.co.jp\n@Example-Group.com, sales.example.co.jp 日本語.jp、examplecorp;EXAMPLE.CO.JP\r\n\n');
    expect(parsed.domains).toEqual(['example.co.jp', 'example-group.com', 'sales.example.co.jp', 'xn--wgv71a119e.jp', 'examplecorp']);
    expect(parsed.displayDomains).toEqual(['example.co.jp', 'example-group.com', 'sales.example.co.jp', '日本語.jp', 'examplecorp']);
    expect(parsed.rejected).toEqual([]);
  });

  it('returns rejected entries with a reason and a message in both languages', () => {
    const parsed = parseDomainList('example.co.jp, co.jp, bad..domain');
    expect(parsed.domains).toEqual(['example.co.jp']);
    expect(parsed.rejected.map(({ entry, reason }) => [entry, reason])).toEqual([
      ['co.jp', 'public-suffix'],
      ['bad..domain', 'invalid'],
    ]);
    for (const rejected of parsed.rejected) {
      expect(rejected.message.ja).not.toBe('');
      expect(rejected.message.en).not.toBe('');
    }
  });

  it('is empty for blank text', () => {
    expect(parseDomainList(' \n ,, ')).toEqual({ domains: [], displayDomains: [], rejected: [] });
  });
});

describe('registrableDomain', () => {
  it('uses the Public Suffix List', () => {
    expect(registrableDomain('mail.example.co.jp')).toBe('example.co.jp');
    expect(registrableDomain('a.b.example.com.au')).toBe('example.com.au');
    expect(registrableDomain('foo.github.io')).toBe('foo.github.io');
  });

  it('is null for a public suffix and for a name under no known suffix', () => {
    expect(registrableDomain('co.jp')).toBeNull();
    expect(registrableDomain('examplecorp')).toBeNull();
    expect(registrableDomain('dept.examplecorp')).toBeNull();
  });
});

describe('compileDomainPolicy', () => {
  it('matches exact domains and, with includeSubdomains, their subdomains', () => {
    const matcher = compileDomainPolicy(policy(['Example.co.jp']));
    expect(matcher.match('example.co.jp')).toMatchObject({ internal: true, matched: 'example.co.jp', via: 'exact' });
    expect(matcher.match('a.b.example.co.jp')).toMatchObject({ internal: true, matched: 'example.co.jp', via: 'subdomain' });
    expect(matcher.match('badexample.co.jp').internal).toBe(false);
    expect(matcher.match('').internal).toBe(false);
  });

  it('does not match subdomains when includeSubdomains is off', () => {
    const matcher = compileDomainPolicy(policy(['example.co.jp'], { includeSubdomains: false }));
    expect(matcher.match('example.co.jp').internal).toBe(true);
    expect(matcher.match('sales.example.co.jp').internal).toBe(false);
  });

  it('matches any host of the same registrable domain when registrableMatch is on', () => {
    const matcher = compileDomainPolicy(policy(['mail.example.co.jp'], { includeSubdomains: false, registrableMatch: true }));
    expect(matcher.match('example.co.jp')).toMatchObject({ internal: true, matched: 'mail.example.co.jp', via: 'registrable' });
    expect(matcher.match('www.example.co.jp').internal).toBe(true);
    expect(matcher.match('other.co.jp').internal).toBe(false);
    expect(matcher.match('co.jp').internal).toBe(false);
  });

  it('never lets a public suffix make everyone internal, and reports it as ignored', () => {
    const matcher = compileDomainPolicy(policy(['co.jp', 'example.co.jp'], { registrableMatch: true }));
    expect(matcher.domains).toEqual(['example.co.jp']);
    expect(matcher.ignored.map((entry) => entry.reason)).toEqual(['public-suffix']);
    expect(matcher.match('other.co.jp').internal).toBe(false);
    expect(matcher.match('co.jp').internal).toBe(false);
  });

  it('keeps LINE WORKS domains as they are: registrable matching does not apply', () => {
    const matcher = compileDomainPolicy(policy(['ExampleCorp'], { includeSubdomains: false, registrableMatch: true }));
    expect(matcher.match('examplecorp').internal).toBe(true);
    expect(matcher.match('othercorp').internal).toBe(false);
    expect(matcher.match('dept.examplecorp').internal).toBe(false);
  });

  it('shows the matched domain in Unicode', () => {
    const matcher = compileDomainPolicy(policy(['xn--wgv71a119e.jp']));
    expect(matcher.match('sales.xn--wgv71a119e.jp')).toMatchObject({ matched: 'xn--wgv71a119e.jp', matchedDisplay: '日本語.jp' });
  });
});
