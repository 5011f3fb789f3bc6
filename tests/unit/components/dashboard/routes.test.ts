import { describe, expect, it } from 'vitest';
import { navSection, parseRoute, routeHash, type Route } from '../../../../components/dashboard/routes';

describe('parseRoute', () => {
  it('reads the automation-contract routes', () => {
    expect(parseRoute('#/snapshots')).toEqual({ view: 'snapshots' });
    expect(parseRoute('#/snapshots/latest')).toEqual({ view: 'roster', snapshot: 'latest' });
    expect(parseRoute('#/snapshots/abc-123')).toEqual({ view: 'roster', snapshot: 'abc-123' });
    expect(parseRoute('#/settings')).toEqual({ view: 'settings' });
    expect(parseRoute('#/settings?domains=examplecorp.co.jp,%E4%BE%8B%E3%81%88.jp')).toEqual({ view: 'settings', domains: 'examplecorp.co.jp,例え.jp' });
    expect(parseRoute('#/export?snapshot=latest&format=audit-report')).toEqual({
      view: 'export',
      snapshot: 'latest',
      format: 'audit-report',
    });
  });

  it('defaults an empty hash to the audits and a missing snapshot to the latest', () => {
    expect(parseRoute('')).toEqual({ view: 'snapshots' });
    expect(parseRoute('#/')).toEqual({ view: 'snapshots' });
    expect(parseRoute('#/export')).toEqual({ view: 'export', snapshot: 'latest' });
    expect(parseRoute('#/findings')).toEqual({ view: 'findings', snapshot: 'latest' });
  });

  it('reads compare, join, data and the roster finding filter', () => {
    expect(parseRoute('#/compare?a=x&b=y')).toEqual({ view: 'compare', a: 'x', b: 'y' });
    expect(parseRoute('#/compare')).toEqual({ view: 'compare' });
    expect(parseRoute('#/join')).toEqual({ view: 'join' });
    expect(parseRoute('#/data')).toEqual({ view: 'data' });
    expect(parseRoute('#/snapshots/s1?finding=external-domain')).toEqual({ view: 'roster', snapshot: 's1', finding: 'external-domain' });
    expect(parseRoute('#/snapshots/s1?finding=made-up')).toEqual({ view: 'roster', snapshot: 's1' });
  });

  it('decodes encoded snapshot ids and rejects broken ones without throwing', () => {
    expect(parseRoute('#/snapshots/a%2Fb')).toEqual({ view: 'roster', snapshot: 'a/b' });
    expect(parseRoute('#/snapshots/%E0%A4%A')).toEqual({ view: 'not-found', path: '/snapshots/%E0%A4%A' });
  });

  it('calls unknown paths not-found', () => {
    expect(parseRoute('#/nowhere')).toEqual({ view: 'not-found', path: '/nowhere' });
    expect(parseRoute('#/settings/extra')).toEqual({ view: 'not-found', path: '/settings/extra' });
    expect(parseRoute('#/snapshots/a/b')).toEqual({ view: 'not-found', path: '/snapshots/a/b' });
  });
});

describe('routeHash', () => {
  const routes: Route[] = [
    { view: 'snapshots' },
    { view: 'roster', snapshot: 'a/b c' },
    { view: 'roster', snapshot: 's1', finding: 'line-user' },
    { view: 'findings', snapshot: 'latest' },
    { view: 'settings' },
    { view: 'settings', domains: 'examplecorp.co.jp,examplecorp' },
    { view: 'export', snapshot: 's&1', format: 'lineworks-bulk-modify' },
    { view: 'export', snapshot: 'latest' },
    { view: 'compare', a: 'x', b: 'y' },
    { view: 'join' },
    { view: 'data' },
  ];
  it.each(routes)('round-trips %j', (route) => {
    expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('writes the contract URLs exactly', () => {
    expect(routeHash({ view: 'export', snapshot: 'latest', format: 'audit-report' })).toBe('#/export?snapshot=latest&format=audit-report');
    expect(routeHash({ view: 'roster', snapshot: 'latest' })).toBe('#/snapshots/latest');
  });
});

describe('navSection', () => {
  it('puts a roster and its findings under the audits', () => {
    expect(navSection('roster')).toBe('snapshots');
    expect(navSection('findings')).toBe('snapshots');
    expect(navSection('export')).toBe('export');
  });
});
