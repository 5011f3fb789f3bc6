import { useEffect, useState } from 'react';
import { buildMemberSearchIndex, watchMembers, type MemberSearchIndex } from '@/lib/db/query-index';
import { rosterDb } from '../db';

export interface MemberSearch {
  /** Goes up after every change to the snapshot's members, so rows read before are read again. */
  version: number;
  /** The index of the members as they are now; undefined while it is being built, and again after a change until rebuilt. */
  index: MemberSearchIndex | undefined;
}

/**
 * Watches one snapshot's members and keeps an in-memory search index of them. The build waits for
 * `build`, so the first rows of a large roster are not held up by reading the whole of it.
 */
export function useMemberSearch(snapshotId: string | undefined, build: boolean): MemberSearch {
  const [watched, setWatched] = useState<{ snapshotId: string; version: number }>();
  useEffect(() => {
    if (snapshotId === undefined) return;
    return watchMembers(rosterDb(), snapshotId, (version) => setWatched({ snapshotId, version }));
  }, [snapshotId]);
  const version = watched && watched.snapshotId === snapshotId ? watched.version : undefined;

  const [built, setBuilt] = useState<{ index: MemberSearchIndex; version: number }>();
  useEffect(() => {
    // Building only once the watch is on means no change can slip in between unnoticed.
    if (snapshotId === undefined || version === undefined || !build) return;
    const abort = new AbortController();
    buildMemberSearchIndex(rosterDb(), snapshotId, { signal: abort.signal }).then(
      (index) => setBuilt({ index, version }),
      // Without an index the roster is still read, only more slowly, and those reads report their errors.
      () => undefined,
    );
    return () => abort.abort();
  }, [snapshotId, version, build]);

  const current = built && built.index.snapshotId === snapshotId && built.version === version ? built.index : undefined;
  return { version: version ?? 0, index: current };
}
