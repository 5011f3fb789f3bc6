import { describe, expect, it } from 'vitest';
import { AuditCollector, buildSnapshot, OutOfOrderError } from '../../lib/audit';
import type { DomainPolicy, MemberRow } from '../../lib/model';

const policy: DomainPolicy = { tenant: '*', internalDomains: ['example.co.jp'], includeSubdomains: true, registrableMatch: false };
const page = { console: 'generic', profile: 'generic', linkStatusWalk: false, title: '名簿', url: 'https://intranet.example.com/staff' } as const;
const row = (name: string, identifier: string): MemberRow => ({ name, identifier, fields: {}, cells: [name, identifier] });

describe('AuditCollector', () => {
  it('follows a scan: the page it describes is the source of the snapshot, the rows are counted and handed on', () => {
    const collector = new AuditCollector(1_000);
    collector.accept({ type: 'scan/begin', page, tenant: 'example.co.jp', headers: ['氏名', 'メール'], candidates: [] });
    const first = collector.accept({ type: 'scan/rows', rows: [row('山田 太郎', 'taro@example.co.jp'), row('Partner', 'p@other.com')] });
    collector.accept({ type: 'scan/rows', rows: [row('名無し', '')] });
    collector.accept({ type: 'scan/end', reachedEnd: true, pagesRead: 2 });
    expect(first).toMatchObject({ type: 'scan/rows', rows: [{ name: '山田 太郎' }, { name: 'Partner' }] });
    expect(collector.rowsRead).toBe(3);
    expect(collector.verdict()).toEqual({ verdict: 'complete', evidence: 'end-of-list', read: 3 });
    expect(collector.source()).toEqual({
      console: 'generic',
      profile: 'generic',
      tenant: 'example.co.jp',
      sourceUrl: page.url,
      title: '名簿',
      headers: ['氏名', 'メール'],
      startedAt: 1_000,
      pagesRead: 2,
    });
  });

  it('refuses anything that is not a scan message, and rows that break the schema', () => {
    const collector = new AuditCollector(0);
    expect(() => collector.accept({ type: 'audit/start', tabId: 1, mode: 'roster' })).toThrow();
    expect(() => collector.accept({ type: 'scan/rows', rows: [{ name: 1, identifier: 'x' }] })).toThrow();
    expect(() => collector.accept({ type: 'scan/rows', rows: [{ ...row('a', 'b'), name: 'x'.repeat(5_000) }] })).toThrow();
    expect(collector.rowsRead).toBe(0);
  });

  it('marks a read cut off here incomplete with the reason; with no tenant on the page the host stands in', () => {
    const collector = new AuditCollector(0);
    collector.accept({ type: 'scan/begin', page, tenant: '', headers: [], candidates: [] });
    collector.accept({ type: 'scan/rows', rows: [row('山田 太郎', 'taro@example.co.jp')] });
    expect(collector.verdict('page-gone')).toEqual({ verdict: 'incomplete', read: 1, reason: 'page-gone' });
    expect(collector.source().tenant).toBe('intranet.example.com');
  });

  it('has no source before the page described itself (a scan/end without scan/begin is out of order)', () => {
    const collector = new AuditCollector(0);
    collector.accept({ type: 'scan/end', reachedEnd: true, pagesRead: 1 });
    expect(() => collector.source()).toThrow(OutOfOrderError);
  });

  it('keeps no row past the row bound and says the bound was reached', () => {
    const collector = new AuditCollector(0, 3);
    collector.accept({ type: 'scan/begin', page, tenant: '', headers: [], candidates: [] });
    expect(collector.accept({ type: 'scan/rows', rows: [row('A', 'a@x.jp'), row('B', 'b@x.jp')] })).toMatchObject({ rows: [{}, {}] });
    expect(collector.rowLimitReached).toBe(false);
    const second = collector.accept({ type: 'scan/rows', rows: [row('C', 'c@x.jp'), row('D', 'd@x.jp')] });
    expect(second).toMatchObject({ rows: [{ name: 'C' }] });
    expect(second.type === 'scan/rows' && second.rows).toHaveLength(1);
    expect(collector.rowLimitReached).toBe(true);
    expect(collector.accept({ type: 'scan/rows', rows: [row('E', 'e@x.jp')] })).toMatchObject({ rows: [] });
    expect(collector.rowsRead).toBe(3);
    expect(collector.verdict('row-limit')).toEqual({ verdict: 'incomplete', read: 3, reason: 'row-limit' });
  });

  it('judges by the rows that arrived: a page that claims its end short of the total it states is incomplete', () => {
    const collector = new AuditCollector(0);
    collector.accept({ type: 'scan/begin', page, tenant: '', headers: [], candidates: [] });
    collector.accept({ type: 'scan/rows', rows: [row('A', 'a@example.co.jp'), row('B', 'b@example.co.jp')] });
    collector.accept({ type: 'scan/end', reachedEnd: true, statedTotal: 3, pagesRead: 1 });
    expect(collector.verdict()).toEqual({ verdict: 'incomplete', read: 2, total: 3, reason: 'short-of-total' });
    collector.accept({ type: 'scan/rows', rows: [row('C', 'c@example.co.jp')] });
    expect(collector.verdict()).toEqual({ verdict: 'complete', evidence: 'stated-total', read: 3, total: 3 });
  });
});

describe('buildSnapshot', () => {
  it('builds a snapshot from imported rows the same way as from a scan', () => {
    const { snapshot, members } = buildSnapshot(
      [row('A', 'a@example.co.jp'), row('B', 'b@sub.example.co.jp')],
      {
        console: 'csv-import',
        profile: 'generic-email',
        tenant: 'example.co.jp',
        sourceUrl: 'file:roster.csv',
        title: 'roster.csv',
        headers: ['name', 'email'],
        startedAt: 1,
        pagesRead: 1,
      },
      { snapshotId: 'imp', policy, completeness: { verdict: 'complete', evidence: 'file', read: 2 }, finishedAt: 1 },
    );
    expect(snapshot.counts.internal).toBe(2);
    expect(members.every((m) => m.snapshotId === 'imp')).toBe(true);
  });
});
