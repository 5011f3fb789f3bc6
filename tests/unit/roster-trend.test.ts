import { describe, expect, it } from 'vitest';
import { findingCount, rosterTrend } from '../../lib/roster-trend';
import type { SnapshotCounts } from '../../lib/model';

const counts = (members: number, findings: SnapshotCounts['findings'], findingsLookedFor?: SnapshotCounts['findingsLookedFor']): SnapshotCounts => ({
  members,
  internal: members - 1,
  external: 1,
  unknown: 0,
  sharedOnly: 0,
  findings,
  ...(findingsLookedFor ? { findingsLookedFor } : {}),
});

describe('rosterTrend', () => {
  it('lines up every count of every audit, oldest first, whatever order the audits come in', () => {
    const trend = rosterTrend([
      { id: 'b', startedAt: 2, complete: false, counts: counts(12, {}, ['suspended']) },
      { id: 'a', startedAt: 1, complete: true, counts: counts(10, { suspended: 2 }, ['suspended']) },
    ]);
    expect(trend.audits).toEqual([
      { snapshotId: 'a', startedAt: 1, complete: true },
      { snapshotId: 'b', startedAt: 2, complete: false },
    ]);
    expect(trend.counts).toEqual([
      { key: 'members', values: [10, 12] },
      { key: 'internal', values: [9, 11] },
      { key: 'external', values: [1, 1] },
      { key: 'unknown', values: [0, 0] },
    ]);
    // Looked for and not found in the later audit: 0.
    expect(trend.findings).toEqual([{ key: 'suspended', values: [2, 0] }]);
  });

  it('says "not recorded" (null) for a kind an old audit did not count, and 0 only where the kind was looked for', () => {
    const trend = rosterTrend([
      { id: 'old', startedAt: 1, complete: true, counts: counts(5, { 'external-domain': 5 }) },
      { id: 'new', startedAt: 2, complete: true, counts: counts(6, { 'not-activated': 1 }, ['external-domain', 'not-activated']) },
    ]);
    expect(trend.findings).toEqual([
      { key: 'external-domain', values: [5, 0] },
      { key: 'not-activated', values: [null, 1] },
    ]);
  });

  it('draws no line for a kind no audit found, and lists kinds in the order of the findings', () => {
    const trend = rosterTrend([
      { id: 'a', startedAt: 1, complete: true, counts: counts(3, { 'not-in-directory': 1, 'external-domain': 0, 'line-user': 2 }, ['line-user']) },
    ]);
    expect(trend.findings.map((line) => line.key)).toEqual(['line-user', 'not-in-directory']);
  });

  it('reads 50 audits of 100,000 members from their summaries alone', () => {
    const audits = Array.from({ length: 50 }, (_, i) => ({
      id: `s${i}`,
      startedAt: 50 - i,
      complete: true,
      counts: counts(100_000 + i, { suspended: i }, ['suspended']),
    }));
    const trend = rosterTrend(audits);
    expect(trend.audits).toHaveLength(50);
    expect(trend.counts[0]?.values[0]).toBe(100_049);
    expect(trend.counts[0]?.values[49]).toBe(100_000);
  });
});

describe('findingCount', () => {
  it('counts, else 0 when looked for, else null', () => {
    expect(findingCount(counts(1, { suspended: 3 }), 'suspended')).toBe(3);
    expect(findingCount(counts(1, {}, ['suspended']), 'suspended')).toBe(0);
    expect(findingCount(counts(1, {}, ['line-user']), 'suspended')).toBeNull();
    expect(findingCount(counts(1, {}), 'suspended')).toBeNull();
  });
});
