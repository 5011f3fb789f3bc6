import { describe, expect, it } from 'vitest';
import { AuditCollector, buildSnapshot } from '../../lib/audit';
import type { DomainPolicy, MemberRow } from '../../lib/model';

const policy: DomainPolicy = { tenant: '*', internalDomains: ['example.co.jp'], includeSubdomains: true, registrableMatch: false };
const page = { console: 'generic', profile: 'generic', linkStatusWalk: false, title: '名簿', url: 'https://intranet.example.com/staff' } as const;
const row = (name: string, identifier: string): MemberRow => ({ name, identifier, fields: {}, cells: [name, identifier] });

describe('AuditCollector', () => {
  it('turns a scan into one snapshot whose members are classified under the policy', () => {
    const collector = new AuditCollector(1_000);
    collector.accept({ type: 'scan/begin', page, tenant: 'example.co.jp', headers: ['氏名', 'メール'], candidates: [] });
    collector.accept({ type: 'scan/rows', rows: [row('山田 太郎', 'taro@example.co.jp'), row('Partner', 'p@other.com')] });
    collector.accept({ type: 'scan/rows', rows: [row('名無し', '')] });
    collector.accept({ type: 'scan/end', reachedEnd: true, pagesRead: 2 });
    const { snapshot, members } = collector.finish({ snapshotId: 's1', policy, completeness: collector.verdict(), finishedAt: 2_000 });
    expect(snapshot).toMatchObject({
      id: 's1',
      console: 'generic',
      tenant: 'example.co.jp',
      sourceUrl: page.url,
      startedAt: 1_000,
      finishedAt: 2_000,
      complete: true,
      completeness: { verdict: 'complete', evidence: 'end-of-list', read: 3 },
      headers: ['氏名', 'メール'],
      settings: { profile: 'generic', pagesRead: 2 },
      counts: { members: 3, internal: 1, external: 1, unknown: 1 },
    });
    expect(members.map((m) => [m.index, m.classification])).toEqual([
      [0, 'internal'],
      [1, 'external'],
      [2, 'unknown'],
    ]);
  });

  it('refuses anything that is not a scan message, and rows that break the schema', () => {
    const collector = new AuditCollector(0);
    expect(() => collector.accept({ type: 'audit/start', tabId: 1, mode: 'roster' })).toThrow();
    expect(() => collector.accept({ type: 'scan/rows', rows: [{ name: 1, identifier: 'x' }] })).toThrow();
    expect(() => collector.accept({ type: 'scan/rows', rows: [{ ...row('a', 'b'), name: 'x'.repeat(5_000) }] })).toThrow();
    expect(collector.rows).toEqual([]);
  });

  it('keeps what an interrupted scan read, marked incomplete with the reason', () => {
    const collector = new AuditCollector(0);
    collector.accept({ type: 'scan/begin', page, tenant: '', headers: [], candidates: [] });
    collector.accept({ type: 'scan/rows', rows: [row('山田 太郎', 'taro@example.co.jp')] });
    const { snapshot } = collector.finish({ snapshotId: 's2', policy, completeness: collector.verdict('page-gone'), finishedAt: 5 });
    expect(snapshot.complete).toBe(false);
    expect(snapshot.incompleteReason).toBe('page-gone');
    expect(snapshot.completeness).toEqual({ verdict: 'incomplete', read: 1, reason: 'page-gone' });
    // No tenant on the page: the host stands in.
    expect(snapshot.tenant).toBe('intranet.example.com');
  });

  it('cannot finish before the page described itself', () => {
    expect(() => new AuditCollector(0).finish({ snapshotId: 'x', policy, completeness: { verdict: 'complete', evidence: 'end-of-list', read: 0 }, finishedAt: 0 })).toThrow(/never described/);
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
      { console: 'csv-import', profile: 'generic-email', tenant: 'example.co.jp', sourceUrl: 'file:roster.csv', title: 'roster.csv', headers: ['name', 'email'], startedAt: 1, pagesRead: 1 },
      { snapshotId: 'imp', policy, completeness: { verdict: 'complete', evidence: 'file', read: 2 }, finishedAt: 1 },
    );
    expect(snapshot.counts.internal).toBe(2);
    expect(members.every((m) => m.snapshotId === 'imp')).toBe(true);
  });
});
