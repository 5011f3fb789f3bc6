import { useEffect, useState } from 'react';
import { buildMemberSearchIndex, watchMembers, type MemberSearchIndex } from '@/lib/db/query-index';
import { rosterDb } from '../db';

export interface MemberSearch {
  /** Goes up after every change to the snapshot's members, so rows read before are read again. */
  version: number;
  /** The index of the members as they are now; undefined while it is being built, and again after a change until rebuilt. */
  index: MemberSearchIndex | undefined;
  /** The index could not be built: queries go to the database, row by row where they must. */
  failed: boolean;
}

/**
 * Watches one snapshot's members and keeps an in-memory search index of them. The build waits for
 * `build`: a large roster's first rows come sooner without the whole roster being read beside them.
 */
export function useMemberSearch(snapshotId: string | undefined, build: boolean): MemberSearch {
  const [watched, setWatched] = useState<{ snapshotId: string; version: number }>();
  useEffect(() => {
    if (snapshotId === undefined) return;
    return watchMembers(rosterDb(), snapshotId, (version) => setWatched({ snapshotId, version }));
  }, [snapshotId]);
  const version = watched && watched.snapshotId === snapshotId ? watched.version : undefined;

  const [built, setBuilt] = useState<{ snapshotId: string; version: number; index?: MemberSearchIndex }>();
  useEffect(() => {
    // Building only once the watch is on means no change can slip in between unnoticed.
    if (snapshotId === undefined || version === undefined || !build) return;
    const abort = new AbortController();
    buildMemberSearchIndex(rosterDb(), snapshotId, { signal: abort.signal }).then(
      (index) => setBuilt({ snapshotId, version, index }),
      // Without an index the roster is still read, only more slowly, and those reads report their errors.
      () => {
        if (!abort.signal.aborted) setBuilt({ snapshotId, version });
      },
    );
    return () => abort.abort();
  }, [snapshotId, version, build]);

  const current = built && built.snapshotId === snapshotId && built.version === version ? built : undefined;
  return { version: version ?? 0, index: current?.index, failed: current !== undefined && current.index === undefined };
}
