import { describe, expect, it } from 'vitest';
import type { DomainPolicy, MemberRow } from '../../../lib/model';
import { judgeCompleteness } from '../../../lib/completeness';
import { membersOf } from '../../../lib/db/schema';
import { getSnapshot, saveSnapshot } from '../../../lib/db/snapshots';
import { abandonedAudits, beginStaging, discardStaging, finishStaging, recoverAbandonedAudits, stageRows, WORKER_STOPPED } from '../../../lib/db/staging';
import type { RosterSource } from '../../../lib/audit';
import { freshDb } from './fake-db';
import { makeRoster } from './factory';

const policy: DomainPolicy = { tenant: '*', internalDomains: ['example.co.jp'], includeSubdomains: true, registrableMatch: false };
const policyOf = () => Promise.resolve(policy);
const row = (i: number): MemberRow => ({ name: `User ${i}`, identifier: `user${i}@example.co.jp`, fields: {}, cells: [`User ${i}`] });
const source: RosterSource = {
  console: 'generic',
  profile: 'generic',
  tenant: 'example.co.jp',
  sourceUrl: 'https://intranet.example.com/staff',
  title: 'Staff',
  headers: ['Name', 'Email'],
  startedAt: 10,
  pagesRead: 0,
};

async function staged(db: ReturnType<typeof freshDb>, id: string, workerId: string, rows: number) {
  await beginStaging(db, { id, workerId, tabId: 7, source });
  for (let start = 0; start < rows; start += 2)
    await stageRows(
      db,
      id,
      Array.from({ length: Math.min(2, rows - start) }, (_, i) => row(start + i)),
    );
}

describe('staging', () => {
  it('stores rows as they arrive and turns them into one snapshot at the end, leaving no staging and no earlier snapshot changed', async () => {
    const db = freshDb();
    const earlier = makeRoster({ id: 'earlier', startedAt: 1 }, 3);
    await saveSnapshot(db, earlier.snapshot, earlier.members);
    await staged(db, 'a1', 'w1', 5);
    expect((await db.audits.get('a1'))?.rowsRead).toBe(5);
    expect(await db.stagedRows.count()).toBe(5);

    const snapshot = await finishStaging(db, 'a1', {
      snapshotId: 's1',
      completeness: (rowsRead) => judgeCompleteness({ rowsRead, reachedEnd: true }),
      policyOf,
      finishedAt: 20,
      pagesRead: 2,
    });
    expect(snapshot).toMatchObject({
      id: 's1',
      complete: true,
      startedAt: 10,
      finishedAt: 20,
      settings: { pagesRead: 2 },
      counts: { members: 5, internal: 5 },
    });
    expect((await membersOf(db, 's1').toArray()).map((m) => m.name)).toEqual(['User 0', 'User 1', 'User 2', 'User 3', 'User 4']);
    expect(await db.audits.count()).toBe(0);
    expect(await db.stagedRows.count()).toBe(0);
    expect(await getSnapshot(db, 'earlier')).toEqual(earlier.snapshot);
    expect(await membersOf(db, 'earlier').count()).toBe(3);
  });

  it('writes the snapshot and removes the staging in one step: when the second part fails, neither happened', async () => {
    const db = freshDb();
    await staged(db, 'a1', 'w1', 3);
    db.stagedRows.hook('deleting', () => {
      throw new Error('the disk went away');
    });
    await expect(
      finishStaging(db, 'a1', {
        snapshotId: 's1',
        completeness: (rowsRead) => judgeCompleteness({ rowsRead, reachedEnd: true }),
        policyOf,
        finishedAt: 20,
      }),
    ).rejects.toThrow(/disk went away/);
    expect(await db.snapshots.count()).toBe(0);
    expect(await db.members.count()).toBe(0);
    expect(await db.stagedRows.count()).toBe(3);
  });

  it('keeps an audit another service worker left under way as an incomplete snapshot of what it read; its own audits and empty ones are not kept', async () => {
    const db = freshDb();
    await staged(db, 'cut', 'old-worker', 3);
    await staged(db, 'empty', 'old-worker', 0);
    await staged(db, 'mine', 'this-worker', 2);
    expect((await abandonedAudits(db, 'this-worker')).map((a) => a.id).sort()).toEqual(['cut', 'empty']);

    const kept = await recoverAbandonedAudits(db, 'this-worker', { policyOf, now: 30, newId: () => 'recovered' });
    expect(kept.map((s) => s.id)).toEqual(['recovered']);
    expect(await getSnapshot(db, 'recovered')).toMatchObject({
      complete: false,
      incompleteReason: WORKER_STOPPED,
      completeness: { verdict: 'incomplete', read: 3, reason: WORKER_STOPPED },
      sourceUrl: source.sourceUrl,
      finishedAt: 30,
    });
    expect(await membersOf(db, 'recovered').count()).toBe(3);
    expect((await db.audits.toArray()).map((a) => a.id)).toEqual(['mine']);
    expect(await db.stagedRows.count()).toBe(2);
  });

  it('discards a staging without a trace', async () => {
    const db = freshDb();
    await staged(db, 'a1', 'w1', 4);
    await discardStaging(db, 'a1');
    expect(await db.audits.count()).toBe(0);
    expect(await db.stagedRows.count()).toBe(0);
  });
});
