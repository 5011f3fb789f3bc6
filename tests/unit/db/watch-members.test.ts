import Dexie from 'dexie';
import { describe, expect, it, onTestFinished } from 'vitest';
import { applyPolicyToSnapshots, type Reclassify } from '../../../lib/db/policies';
import { memberColumnsAt } from '../../../lib/db/member-columns';
import type { RosterDb } from '../../../lib/db/schema';
import { deleteSnapshot, saveSnapshot, watchMembers } from '../../../lib/db/snapshots';
import { RosterQueryEngine } from '../../../lib/roster-query';
import { PEOPLE, peopleRoster } from '../roster-query/people';
import { freshDb } from './fake-db';
import { countsOf, makeRoster } from './factory';

async function seeded(): Promise<RosterDb> {
  const db = freshDb();
  const neighbour = makeRoster({ id: 's0' }, 3);
  const roster = peopleRoster();
  await saveSnapshot(db, neighbour.snapshot, neighbour.members);
  await saveSnapshot(db, roster.snapshot, roster.members);
  return db;
}

/** The members as the roster worker would read them now: from their stored columns. */
async function engineOf(db: RosterDb, snapshotId: string): Promise<RosterQueryEngine> {
  const engine = new RosterQueryEngine(snapshotId);
  for (let run = await memberColumnsAt(db, snapshotId, 0); run; run = await memberColumnsAt(db, snapshotId, engine.size)) engine.add(run);
  return engine;
}

const namesAt = async (db: RosterDb, snapshotId: string, indexes: number[]) =>
  (await db.members.bulkGet(indexes.map((i) => [snapshotId, i] as [string, number]))).map((m) => m?.name);

describe('watchMembers', () => {
  /** Dexie's change reports need a global IndexedDB, as a browser page has; Node has none. */
  function withGlobalIndexedDb(db: RosterDb): void {
    const globalDeps = Dexie.dependencies as { indexedDB: IDBFactory | null };
    const before = globalDeps.indexedDB;
    onTestFinished(() => {
      globalDeps.indexedDB = before;
    });
    globalDeps.indexedDB = db._options.indexedDB as IDBFactory;
  }

  function versions(db: RosterDb, snapshotId: string) {
    const seen: number[] = [];
    let waiting: { count: number; done: () => void } | undefined;
    const stop = watchMembers(db, snapshotId, (version) => {
      seen.push(version);
      if (waiting && seen.length >= waiting.count) waiting.done();
    });
    onTestFinished(stop);
    return {
      seen,
      /** Resolves once `count` versions have been reported in all. */
      reached: (count: number) =>
        new Promise<void>((done) => {
          if (seen.length >= count) done();
          else waiting = { count, done };
        }),
    };
  }

  const partnerIsInternal: Reclassify = (members) => {
    const updated = members.map((m) => (m.domain === 'partner.example' ? { ...m, classification: 'internal' as const, findingIds: [], findings: [] } : m));
    return { members: updated, counts: countsOf(updated) };
  };

  it('reports a new version when a policy re-classifies the members, and an index built then sees the change', async () => {
    const db = await seeded();
    withGlobalIndexedDb(db);
    const watched = versions(db, 's1');
    await watched.reached(1);
    expect((await engineOf(db, 's1')).window({ filter: { classification: 'external' } }).total).toBe(5);

    await applyPolicyToSnapshots(
      db,
      'example.co.jp',
      { tenant: 'example.co.jp', internalDomains: ['example.co.jp', 'partner.example'], includeSubdomains: true, registrableMatch: false },
      partnerIsInternal,
    );
    await watched.reached(2);
    expect(watched.seen).toEqual([0, 1]);
    const after = await engineOf(db, 's1');
    expect(await namesAt(db, 's1', after.window({ filter: { classification: 'external' } }).indexes)).toEqual(['Kato Shiro', 'ｶﾀｶﾅ Kana']);
    expect(after.window({ filter: { findingId: 'external-domain' } }).total).toBe(1);
  });

  it('hears a write to any one member, not only the first', async () => {
    const db = await seeded();
    withGlobalIndexedDb(db);
    const watched = versions(db, 's1');
    await watched.reached(1);
    const last = (await db.members.get(['s1', PEOPLE.length - 1]))!;
    // A write straight to the table (the library's own writes rewrite the columns too: see the first test).
    await db.members.put({ ...last, classification: 'internal' });
    await watched.reached(2);
    expect(await db.members.get(['s1', PEOPLE.length - 1])).toMatchObject({ classification: 'internal' });
  });

  it('reports a new save under the same id and a delete, but not writes to another snapshot', async () => {
    const db = await seeded();
    withGlobalIndexedDb(db);
    const watched = versions(db, 's1');
    const watchedOther = versions(db, 's0');
    await Promise.all([watched.reached(1), watchedOther.reached(1)]);
    const other = makeRoster({ id: 's0' }, 5);
    await saveSnapshot(db, other.snapshot, other.members);
    // Both watchers hear of the same write; by the time s0's reports it, s1's would have too.
    await watchedOther.reached(2);
    expect(watched.seen).toEqual([0]);
    const smaller = makeRoster({ id: 's1' }, PEOPLE.slice(0, 2));
    await saveSnapshot(db, smaller.snapshot, smaller.members);
    await watched.reached(2);
    expect((await engineOf(db, 's1')).size).toBe(2);
    await deleteSnapshot(db, 's1');
    await watched.reached(3);
    expect(watched.seen).toEqual([0, 1, 2]);
    expect((await engineOf(db, 's1')).size).toBe(0);
  });
});
