import type { ConsoleId, SnapshotCounts } from '@/lib/model';

/** Consoles whose rows can be linked externally or only shared: LINE WORKS contacts (seed 002). */
const LINK_STATUS_CONSOLES: readonly ConsoleId[] = ['lineworks-contacts'];

/**
 * Whether link status means anything for a roster: on a member roster it never applies, so its
 * column, filter and shared-only count would only say "not checked" on every row.
 */
export function hasLinkStatus(snapshot: { console: ConsoleId; counts: Pick<SnapshotCounts, 'sharedOnly'> }): boolean {
  return LINK_STATUS_CONSOLES.includes(snapshot.console) || snapshot.counts.sharedOnly > 0;
}
