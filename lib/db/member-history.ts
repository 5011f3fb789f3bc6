import Dexie from 'dexie';
import type { MemberSighting } from '../member-history';
import type { Snapshot } from '../model';
import type { RosterDb } from './schema';

/** How many of a roster's audits a member's history reads: the newest ones, so it costs the same on any roster's age. */
export const MEMBER_HISTORY_AUDITS = 50;

export interface MemberSightings {
  /** The audits read, oldest first, each with the member as it read them or `undefined`. */
  sightings: MemberSighting[];
  /** Every audit of the roster, so the bound can be stated when there are more. */
  auditsInRoster: number;
}

/**
 * One member (by key) in the newest `limit` audits of the roster of `snapshot` (same console and
 * tenant). Each audit costs one indexed look-up of the key, never a read of its roster: a member's
 * history on 50 audits of 100,000 members reads 50 rows.
 */
export async function memberSightings(
  db: RosterDb,
  snapshot: Pick<Snapshot, 'console' | 'tenant'>,
  key: string,
  limit = MEMBER_HISTORY_AUDITS,
): Promise<MemberSightings> {
  const roster = () =>
    db.snapshots
      .where('[console+tenant+startedAt]')
      .between([snapshot.console, snapshot.tenant, Dexie.minKey], [snapshot.console, snapshot.tenant, Dexie.maxKey]);
  const [auditsInRoster, newestFirst] = await Promise.all([roster().count(), roster().reverse().limit(limit).toArray()]);
  const oldestFirst = newestFirst.reverse();
  const sightings = await Promise.all(
    oldestFirst.map(async (audit) => ({
      snapshot: audit,
      // A key listed twice (a duplicate email) is the first occurrence, as a comparison pairs it.
      member: await db.members.where('[snapshotId+key+index]').between([audit.id, key, Dexie.minKey], [audit.id, key, Dexie.maxKey]).first(),
    })),
  );
  return { sightings, auditsInRoster };
}
