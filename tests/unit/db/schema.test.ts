import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, openRosterDb, RosterDb, SCHEMA_VERSIONS, type SchemaVersion } from '../../../lib/db/schema';
import { saveSnapshot, latestSnapshot, previousSnapshot } from '../../../lib/db/snapshots';
import { compareSnapshots } from '../../../lib/db/compare';
import { memberColumnsAt, writeMissingMemberColumns } from '../../../lib/db/member-columns';
import { RosterQueryEngine } from '../../../lib/roster-query';
import type { Member, Snapshot } from '../../../lib/model';
import { isolatedIndexedDb } from './fake-db';
import { makeRoster } from './factory';

/** Stores an audit the way the code of an older schema did: the snapshot and its member rows. */
async function storeAsBefore(db: RosterDb, stored: { snapshot: Snapshot; members: Member[] }): Promise<void> {
  await db.snapshots.put(stored.snapshot);
  await db.members.bulkPut(stored.members);
}

async function fillVersion1(deps: ReturnType<typeof isolatedIndexedDb>) {
  const v1 = new RosterDb('roster-audit', deps, SCHEMA_VERSIONS.slice(0, 1));
  const older = makeRoster({ id: 's1', startedAt: 1000 }, 30);
  const newer = makeRoster({ id: 's2', startedAt: 2000 }, [
    ...Array.from({ length: 29 }, () => ({})),
    { normalizedEmail: 'new@partner.example', name: 'Newcomer' },
  ]);
  await storeAsBefore(v1, older);
  await storeAsBefore(v1, newer);
  await v1.policies.put({ tenant: '*', internalDomains: ['example.co.jp'], includeSubdomains: true, registrableMatch: false });
  await v1.templates.put({ id: 't1', name: 'employees.csv', formatId: 'receptionist-employees', bytes: new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), savedAt: 5 });
  await v1.exports.put({ id: 'e1', time: 6, snapshotId: 's1', formatId: 'audit-report', fileName: 'a.csv', rows: 30, encoding: 'utf-8-bom' });
  const rows = {
    snapshots: await v1.snapshots.toArray(),
    members: await v1.members.toArray(),
    policies: await v1.policies.toArray(),
    templates: await v1.templates.toArray(),
    exports: await v1.exports.toArray(),
  };
  expect(v1.verno).toBe(1);
  v1.close();
  return rows;
}

describe('schema', () => {
  it('opens at the newest version with every table', async () => {
    const db = openRosterDb('fresh', isolatedIndexedDb());
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['audits', 'exports', 'memberColumns', 'members', 'policies', 'snapshots', 'stagedRows', 'templates']);
    expect(db.members.schema.indexes.map((i) => i.name)).toEqual(['[snapshotId+key+index]']);
    expect(db.members.schema.primKey.name).toBe('[snapshotId+index]');
    db.close();
  });

  it('keeps every row of a version-1 database when the current code opens it, and the new indexes work', async () => {
    const deps = isolatedIndexedDb();
    const before = await fillVersion1(deps);

    const db = openRosterDb('roster-audit', deps);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.snapshots.toArray()).toEqual(before.snapshots);
    expect(await db.members.toArray()).toEqual(before.members);
    expect(await db.policies.toArray()).toEqual(before.policies);
    expect(await db.templates.toArray()).toEqual(before.templates);
    expect(await db.exports.toArray()).toEqual(before.exports);

    // Indexes added by version 2 were built from the old rows.
    const latest = await latestSnapshot(db, 'lineworks-members', 'example.co.jp');
    expect(latest?.id).toBe('s2');
    expect((await previousSnapshot(db, latest!))?.id).toBe('s1');
    const diff = await compareSnapshots(db, 's1', 's2');
    expect(diff.joined.map((m) => m.name)).toEqual(['Newcomer']);
    expect(diff.left.map((m) => m.normalizedEmail)).toEqual(['user29@example.co.jp']);
    db.close();
  });

  it('opens a version-2 database at version 3 with every row kept and an empty staging area that takes an audit', async () => {
    const deps = isolatedIndexedDb();
    const v2 = new RosterDb('roster-audit', deps, SCHEMA_VERSIONS.slice(0, 2));
    const stored = makeRoster({ id: 's1', startedAt: 1000 }, 12);
    await storeAsBefore(v2, stored);
    const before = { snapshots: await v2.snapshots.toArray(), members: await v2.members.toArray() };
    expect(v2.verno).toBe(2);
    v2.close();

    const db = new RosterDb('roster-audit', deps, SCHEMA_VERSIONS.slice(0, 3));
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.snapshots.toArray()).toEqual(before.snapshots);
    expect(await db.members.toArray()).toEqual(before.members);
    expect(await db.audits.count()).toBe(0);
    await db.stagedRows.bulkAdd([{ auditId: 'a', index: 0, row: { name: 'A', identifier: 'a@example.co.jp', fields: {}, cells: [] } }]);
    expect(await db.stagedRows.get(['a', 0])).toMatchObject({ row: { name: 'A' } });
    db.close();
  });

  it('opens a version-3 database at version 4 with every row kept and the unused member indexes gone', async () => {
    const deps = isolatedIndexedDb();
    const v3 = new RosterDb('roster-audit', deps, SCHEMA_VERSIONS.slice(0, 3));
    const stored = makeRoster({ id: 's1', startedAt: 1000 }, 12);
    await storeAsBefore(v3, stored);
    const before = { snapshots: await v3.snapshots.toArray(), members: await v3.members.toArray() };
    await v3.stagedRows.bulkAdd([{ auditId: 'a', index: 0, row: { name: 'A', identifier: 'a@example.co.jp', fields: {}, cells: [] } }]);
    expect(v3.verno).toBe(3);
    v3.close();

    const names = async () => {
      // The indexes the browser holds, not the ones this code declares.
      const raw = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = deps.indexedDB.open('roster-audit');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const indexes = [...raw.transaction('members').objectStore('members').indexNames].sort();
      raw.close();
      return indexes;
    };
    expect(await names()).toEqual(expect.arrayContaining(['classification', 'domain', 'findingIds', '[snapshotId+name]', '[snapshotId+domain]']));

    const db = new RosterDb('roster-audit', deps, SCHEMA_VERSIONS.slice(0, 4));
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.snapshots.toArray()).toEqual(before.snapshots);
    expect(await db.members.toArray()).toEqual(before.members);
    expect(await db.stagedRows.count()).toBe(1);
    const diff = await compareSnapshots(db, 's1', 's1');
    expect(diff.joined).toEqual([]);
    db.close();
    expect(await names()).toEqual(['[snapshotId+key+index]']);
  });

  it('opens a version-4 database at version 5 with every row kept; an old audit gets its roster columns when first read, a new save at once', async () => {
    const deps = isolatedIndexedDb();
    const v4 = new RosterDb('roster-audit', deps, SCHEMA_VERSIONS.slice(0, 4));
    const old = makeRoster({ id: 's1', startedAt: 1000 }, [{}, { normalizedEmail: 'partner@partner.example', name: 'Partner' }, {}]);
    await storeAsBefore(v4, old);
    const before = { snapshots: await v4.snapshots.toArray(), members: await v4.members.toArray() };
    expect(v4.verno).toBe(4);
    v4.close();

    const db = openRosterDb('roster-audit', deps);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.snapshots.toArray()).toEqual(before.snapshots);
    expect(await db.members.toArray()).toEqual(before.members);
    expect(await memberColumnsAt(db, 's1', 0)).toBeUndefined();
    await writeMissingMemberColumns(db, 's1');
    const engine = new RosterQueryEngine('s1');
    engine.add((await memberColumnsAt(db, 's1', 0))!);
    expect(engine.window({ filter: { text: 'partner' } })).toEqual({ indexes: [1], total: 1 });
    expect(await db.members.toArray()).toEqual(before.members);

    const fresh = makeRoster({ id: 's2', startedAt: 2000 }, 4);
    await saveSnapshot(db, fresh.snapshot, fresh.members);
    expect(await memberColumnsAt(db, 's2', 0)).toMatchObject({ snapshotId: 's2', start: 0, count: 4 });
    db.close();
  });

  it('runs a later version’s upgrade function on the stored rows', async () => {
    const deps = isolatedIndexedDb();
    await fillVersion1(deps);
    const current = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!;
    const next: SchemaVersion = {
      version: current.version + 1,
      stores: current.stores,
      upgrade: (tx) =>
        tx
          .table('snapshots')
          .toCollection()
          .modify((s: { title: string }) => {
            s.title = `${s.title} (upgraded)`;
          }),
    };
    const db = new RosterDb('roster-audit', deps, [...SCHEMA_VERSIONS, next]);
    expect((await db.snapshots.toArray()).map((s) => s.title)).toEqual(['Members (upgraded)', 'Members (upgraded)']);
    expect(await db.members.count()).toBe(60);
    db.close();
  });
});
