import { type DBCore, type DBCoreMutateRequest } from 'dexie';
import { describe, expect, it } from 'vitest';
import { RosterDbError, StorageFullError } from '../../../lib/db/errors';
import { membersOf, type RosterDb } from '../../../lib/db/schema';
import { deleteEverything, deleteSnapshot, deleteTenant, latestSnapshot, listSnapshots, previousSnapshot, saveSnapshot } from '../../../lib/db/snapshots';
import { freshDb } from './fake-db';
import { makeMember, makeRoster } from './factory';

/** Makes the n-th write to the members table fail with `error`, as a full disk or a broken row would. */
function failNthMemberWrite(db: RosterDb, n: number, error: () => Error): void {
  let writes = 0;
  db.use({
    stack: 'dbcore',
    name: 'fail-member-write',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'members') return table;
        return {
          ...table,
          mutate: (request: DBCoreMutateRequest) => {
            if (request.type === 'put' && ++writes === n) return Promise.reject(error());
            return table.mutate(request);
          },
        };
      },
    }),
  });
}

describe('saveSnapshot', () => {
  it('stores the snapshot and every member, in chunks', async () => {
    const db = freshDb();
    const { snapshot, members } = makeRoster({ id: 's1' }, 23);
    await saveSnapshot(db, snapshot, members, { chunkSize: 5 });
    expect(await db.snapshots.get('s1')).toEqual(snapshot);
    expect(await membersOf(db, 's1').toArray()).toEqual(members);
    // With the roster worker's columns of them.
    expect(await db.memberColumns.toArray()).toMatchObject([{ snapshotId: 's1', start: 0, count: 23 }]);
  });

  it('replaces a snapshot saved again under the same id, leaving no member of the first save', async () => {
    const db = freshDb();
    const first = makeRoster({ id: 's1' }, 10);
    await saveSnapshot(db, first.snapshot, first.members);
    const second = makeRoster({ id: 's1', title: 'again' }, 4);
    await saveSnapshot(db, second.snapshot, second.members);
    expect(await membersOf(db, 's1').count()).toBe(4);
    expect(await db.memberColumns.toArray()).toMatchObject([{ snapshotId: 's1', start: 0, count: 4 }]);
    expect((await db.snapshots.get('s1'))?.title).toBe('again');
  });

  it('writes nothing when a write fails midway, and earlier snapshots stay as they were', async () => {
    const db = freshDb();
    failNthMemberWrite(db, 3, () => new Error('disk said no'));
    const earlier = makeRoster({ id: 'earlier' }, 3);
    await saveSnapshot(db, earlier.snapshot, earlier.members); // write 1
    const failing = makeRoster({ id: 'failing', startedAt: 1_800_000_000_000 }, 12);
    // chunks of 5: write 2 succeeds, write 3 fails with 5 members already put
    await expect(saveSnapshot(db, failing.snapshot, failing.members, { chunkSize: 5 })).rejects.toThrow('disk said no');
    expect(await db.snapshots.get('failing')).toBeUndefined();
    expect(await membersOf(db, 'failing').count()).toBe(0);
    expect((await db.memberColumns.toArray()).map((run) => run.snapshotId)).toEqual(['earlier']);
    expect(await db.snapshots.toArray()).toEqual([earlier.snapshot]);
    expect(await db.members.toArray()).toEqual(earlier.members);
  });

  it('turns a quota failure into StorageFullError with usage and quota, and writes nothing', async () => {
    const db = freshDb();
    failNthMemberWrite(db, 2, () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const { snapshot, members } = makeRoster({ id: 's1' }, 10);
    const error = await saveSnapshot(db, snapshot, members, {
      chunkSize: 5,
      estimate: async () => ({ usage: 2 * 1024 ** 3, quota: 2 * 1024 ** 3 + 1024 }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    const full = error as StorageFullError;
    expect(full.problem).toEqual({ code: 'storage-full-measured', usedBytes: 2 * 1024 ** 3, quotaBytes: 2 * 1024 ** 3 + 1024 });
    expect(await db.snapshots.count()).toBe(0);
    expect(await db.members.count()).toBe(0);
  });

  it('rejects invalid input before writing anything', async () => {
    const db = freshDb();
    const { snapshot, members } = makeRoster({ id: 's1' }, 3);
    const broken = { ...members[1]!, classification: 'friendly' } as unknown as (typeof members)[number];
    await expect(saveSnapshot(db, snapshot, [members[0]!, broken])).rejects.toMatchObject({ code: 'snapshot-invalid' });
    const stray = makeMember('other', 2);
    await expect(saveSnapshot(db, snapshot, [members[0]!, stray])).rejects.toBeInstanceOf(RosterDbError);
    expect(await db.snapshots.count()).toBe(0);
    expect(await db.members.count()).toBe(0);
  });
});

async function saveHistory(db: RosterDb) {
  const rosters = [
    makeRoster({ id: 'lw-1', startedAt: 100 }, 2),
    makeRoster({ id: 'lw-3', startedAt: 300 }, 2),
    makeRoster({ id: 'lw-2', startedAt: 200 }, 2),
    makeRoster({ id: 'other-tenant', tenant: 'other.example', startedAt: 250 }, 1),
    makeRoster({ id: 'cw-1', console: 'chatwork-users', startedAt: 150 }, 1),
  ];
  for (const { snapshot, members } of rosters) await saveSnapshot(db, snapshot, members);
}

describe('history', () => {
  it('lists snapshots grouped by console and tenant, newest first', async () => {
    const db = freshDb();
    await saveHistory(db);
    const groups = await listSnapshots(db);
    expect(groups.map((g) => [g.console, g.tenant, g.snapshots.map((s) => s.id)])).toEqual([
      ['lineworks-members', 'example.co.jp', ['lw-3', 'lw-2', 'lw-1']],
      ['lineworks-members', 'other.example', ['other-tenant']],
      ['chatwork-users', 'example.co.jp', ['cw-1']],
    ]);
    const chatwork = await listSnapshots(db, { console: 'chatwork-users' });
    expect(chatwork.map((g) => g.snapshots.map((s) => s.id))).toEqual([['cw-1']]);
  });

  it('finds the latest and the previous snapshot of the same console and tenant', async () => {
    const db = freshDb();
    await saveHistory(db);
    expect((await latestSnapshot(db))?.id).toBe('lw-3');
    expect((await latestSnapshot(db, 'lineworks-members', 'example.co.jp'))?.id).toBe('lw-3');
    expect((await latestSnapshot(db, 'chatwork-users'))?.id).toBe('cw-1');
    expect((await latestSnapshot(db, undefined, 'other.example'))?.id).toBe('other-tenant');
    expect(await latestSnapshot(db, 'immedio-users')).toBeUndefined();
    const lw3 = (await db.snapshots.get('lw-3'))!;
    const lw2 = (await previousSnapshot(db, lw3))!;
    expect(lw2.id).toBe('lw-2');
    const lw1 = (await previousSnapshot(db, lw2))!;
    expect(lw1.id).toBe('lw-1');
    expect(await previousSnapshot(db, lw1)).toBeUndefined();
  });
});

describe('deletion', () => {
  it('deletes one snapshot with its members only', async () => {
    const db = freshDb();
    await saveHistory(db);
    await deleteSnapshot(db, 'lw-2');
    expect(await db.snapshots.get('lw-2')).toBeUndefined();
    expect(await membersOf(db, 'lw-2').count()).toBe(0);
    expect(await db.snapshots.count()).toBe(4);
    expect(await db.members.count()).toBe(6);
    expect((await db.memberColumns.toArray()).map((run) => run.snapshotId)).not.toContain('lw-2');
    expect(await db.memberColumns.count()).toBe(4);
  });

  it('deletes a tenant’s audits of one console and keeps the rest', async () => {
    const db = freshDb();
    await saveHistory(db);
    await db.policies.put({ tenant: 'example.co.jp', internalDomains: ['example.co.jp'], includeSubdomains: true, registrableMatch: false });
    expect(await deleteTenant(db, 'lineworks-members', 'example.co.jp')).toBe(3);
    expect((await db.snapshots.toCollection().primaryKeys()).sort()).toEqual(['cw-1', 'other-tenant']);
    expect(await db.members.count()).toBe(2);
    expect((await db.memberColumns.toArray()).map((run) => run.snapshotId).sort()).toEqual(['cw-1', 'other-tenant']);
    expect(await db.policies.count()).toBe(1);
  });

  it('deletes everything', async () => {
    const db = freshDb();
    await saveHistory(db);
    await db.policies.put({ tenant: '*', internalDomains: [], includeSubdomains: true, registrableMatch: false });
    await deleteEverything(db);
    for (const table of db.tables) expect(await table.count()).toBe(0);
  });
});
