import { FindingId, type Snapshot } from './model';

/** The counts every audit keeps, drawn as one line each. */
export const TREND_COUNTS = ['members', 'internal', 'external', 'unknown'] as const;
export type TrendCount = (typeof TREND_COUNTS)[number];

/** One line over the audits of a roster, oldest first; `null` where the audit did not record the figure. */
export interface TrendLine<K extends string> {
  key: K;
  values: (number | null)[];
}

export interface RosterTrend {
  /** The audits, oldest first. */
  audits: { snapshotId: string; startedAt: number; complete: boolean }[];
  counts: TrendLine<TrendCount>[];
  /** One line per finding kind found in at least one audit, in the order findings are listed in. */
  findings: TrendLine<FindingId>[];
}

/** What an audit's summary says of one finding kind: its count, 0 when looked for and not found, else not recorded. */
export function findingCount(counts: Snapshot['counts'], id: FindingId): number | null {
  const counted = counts.findings[id];
  if (counted !== undefined) return counted;
  return counts.findingsLookedFor?.includes(id) ? 0 : null;
}

/**
 * The trend of one roster (the audits of one console and tenant, as `listSnapshots` groups them),
 * from the audits' summaries alone: no member is read, so 50 audits of 100,000 members cost 50 rows.
 * An audit recorded before the kinds looked for were kept says "not recorded" (`null`) for a kind it
 * does not count, rather than a 0 it cannot vouch for.
 */
export function rosterTrend(snapshots: readonly Pick<Snapshot, 'id' | 'startedAt' | 'complete' | 'counts'>[]): RosterTrend {
  const oldestFirst = [...snapshots].sort((a, b) => a.startedAt - b.startedAt);
  const found = new Set<FindingId>();
  for (const snapshot of oldestFirst) {
    for (const [id, count] of Object.entries(snapshot.counts.findings) as [FindingId, number | undefined][]) {
      if (count !== undefined && count > 0) found.add(id);
    }
  }
  return {
    audits: oldestFirst.map((s) => ({ snapshotId: s.id, startedAt: s.startedAt, complete: s.complete })),
    counts: TREND_COUNTS.map((key) => ({ key, values: oldestFirst.map((s) => s.counts[key]) })),
    findings: FindingId.options.filter((id) => found.has(id)).map((key) => ({ key, values: oldestFirst.map((s) => findingCount(s.counts, key)) })),
  };
}
