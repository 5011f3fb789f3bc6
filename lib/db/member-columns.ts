import type { Member } from '../model';
import { memberColumnRuns, type MemberColumns } from '../roster-query/columns';
import { membersOf, snapshotRange, type RosterDb } from './schema';

/**
 * The roster worker's stored form of a snapshot's members (see lib/roster-query/columns.ts), kept
 * beside the members: every write of a snapshot's members writes it again in the same transaction,
 * so the two never disagree. The members stay the record; these runs can always be rebuilt from them.
 */

/** Replaces the snapshot's runs with ones made from `members` (all of them, in roster order). Call inside a transaction that holds `memberColumns`. */
export async function replaceMemberColumns(db: RosterDb, snapshotId: string, members: readonly Member[]): Promise<void> {
  await deleteMemberColumns(db, snapshotId);
  await db.memberColumns.bulkPut(memberColumnRuns(snapshotId, members));
}

export async function deleteMemberColumns(db: RosterDb, snapshotId: string): Promise<void> {
  const [lower, upper] = snapshotRange(snapshotId);
  await db.memberColumns.where('[snapshotId+start]').between(lower, upper, true, true).delete();
}

/** The run of the snapshot's members that starts at position `start`, if it is stored. */
export async function memberColumnsAt(db: RosterDb, snapshotId: string, start: number): Promise<MemberColumns | undefined> {
  return db.memberColumns.get([snapshotId, start]);
}

/** The snapshot's runs from position `start` on, in roster order, in one read. */
export async function memberColumnsFrom(db: RosterDb, snapshotId: string, start: number): Promise<MemberColumns[]> {
  const [, upper] = snapshotRange(snapshotId);
  return db.memberColumns.where('[snapshotId+start]').between([snapshotId, start], upper, true, true).toArray();
}

/**
 * Writes the runs of a snapshot stored before they existed (or restored from a backup, which holds
 * members only), from its members: slow once for a large roster, then quick at every opening.
 */
export async function writeMissingMemberColumns(db: RosterDb, snapshotId: string): Promise<void> {
  await db.transaction('rw', db.members, db.memberColumns, async () => {
    if (await memberColumnsAt(db, snapshotId, 0)) return;
    await replaceMemberColumns(db, snapshotId, await membersOf(db, snapshotId).toArray());
  });
}
