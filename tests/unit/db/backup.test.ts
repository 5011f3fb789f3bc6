import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, exportBackup, importBackup } from '../../../lib/db/backup';
import { RosterDbError } from '../../../lib/db/errors';
import { CURRENT_SCHEMA_VERSION, type RosterDb } from '../../../lib/db/schema';
import { deleteEverything, saveSnapshot } from '../../../lib/db/snapshots';
import { freshDb } from './fake-db';
import { makeRoster } from './factory';

const policy = (tenant: string, domains: string[]) => ({ tenant, internalDomains: domains, includeSubdomains: true, registrableMatch: false });

async function fill(db: RosterDb) {
  const a = makeRoster({ id: 'a', startedAt: 1 }, [{ name: '山田 太郎', fields: { status: '使用中' }, cells: ['山田 太郎', 'taro@example.co.jp'] }, {}]);
  const b = makeRoster({ id: 'b', console: 'lineworks-contacts', startedAt: 2 }, [
    { normalizedEmail: 'x@partner.example', linkStatus: 'shared-only', findingIds: ['contact-shared-only'] },
  ]);
  await saveSnapshot(db, a.snapshot, a.members);
  await saveSnapshot(db, b.snapshot, b.members);
  await db.policies.bulkPut([policy('*', ['example.co.jp']), policy('example.co.jp', ['example.co.jp', 'example.jp'])]);
  await db.templates.put({
    id: 't1',
    name: '社員.csv',
    formatId: 'receptionist-employees',
    bytes: Uint8Array.from({ length: 70000 }, (_, i) => i % 256),
    savedAt: 3,
  });
  await db.exports.put({ id: 'e1', time: 4, snapshotId: 'a', formatId: 'audit-report', fileName: 'audit.csv', rows: 2, encoding: 'utf-8-bom' });
}

async function dump(db: RosterDb) {
  return {
    snapshots: await db.snapshots.toArray(),
    members: await db.members.toArray(),
    policies: await db.policies.toArray(),
    templates: await db.templates.toArray(),
    exports: await db.exports.toArray(),
  };
}

describe('backup', () => {
  it('round-trips the whole cache: export, delete everything, import, equal', async () => {
    const db = freshDb();
    await fill(db);
    const before = await dump(db);
    const columnsBefore = await db.memberColumns.toArray();
    expect(columnsBefore.map((run) => [run.snapshotId, run.count])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    const backup = await exportBackup(db, 1234);
    expect(JSON.parse(backup)).toMatchObject({ format: BACKUP_FORMAT, version: 1, exportedAt: 1234, schemaVersion: CURRENT_SCHEMA_VERSION });
    await deleteEverything(db);
    expect(await db.members.count()).toBe(0);
    const summary = await importBackup(db, new TextEncoder().encode(backup));
    expect(summary.added).toEqual({ snapshots: 2, members: 3, policies: 2, templates: 1, exports: 1 });
    expect(await dump(db)).toEqual(before);
    // The roster worker's columns, which a backup does not hold, are made again from the members.
    expect(await db.memberColumns.toArray()).toEqual(columnsBefore);
  });

  it('merges into existing data without duplicates, keeping what is already there', async () => {
    const source = freshDb();
    await fill(source);
    const backup = await exportBackup(source);

    const target = freshDb();
    const local = makeRoster({ id: 'a', title: 'local copy of a' }, 1);
    await saveSnapshot(target, local.snapshot, local.members);
    await target.policies.put(policy('example.co.jp', ['local.example']));
    const summary = await importBackup(target, backup);
    expect(summary.added).toEqual({ snapshots: 1, members: 1, policies: 1, templates: 1, exports: 1 });
    expect(summary.kept).toMatchObject({ snapshots: 1, policies: 1 });
    expect((await target.snapshots.get('a'))?.title).toBe('local copy of a');
    expect(await target.members.where('snapshotId').equals('a').count()).toBe(1);
    expect((await target.policies.get('example.co.jp'))?.internalDomains).toEqual(['local.example']);
    expect((await target.policies.get('*'))?.internalDomains).toEqual(['example.co.jp']);

    const again = await importBackup(target, backup);
    expect(again.added).toEqual({ snapshots: 0, members: 0, policies: 0, templates: 0, exports: 0 });
    expect(await target.snapshots.count()).toBe(2);
    expect(await target.members.count()).toBe(2);
  });

  it('refuses broken files with a clear error and writes nothing', async () => {
    const source = freshDb();
    await fill(source);
    const backup = await exportBackup(source);
    const document = JSON.parse(backup);
    const cases: [string | Uint8Array, string][] = [
      [backup.slice(0, Math.floor(backup.length / 2)), 'backup-truncated'],
      ['name,email\nTaro,taro@example.co.jp\n', 'not-a-backup'],
      [JSON.stringify({ hello: 'world' }), 'not-a-backup'],
      [new Uint8Array([0xff, 0xfe, 0x00]), 'not-a-backup'],
      [JSON.stringify({ ...document, version: 99 }), 'backup-too-new'],
      [JSON.stringify({ ...document, tables: { ...document.tables, members: [...document.tables.members, { snapshotId: 'a' }] } }), 'backup-invalid'],
      [JSON.stringify({ ...document, tables: { ...document.tables, snapshots: document.tables.snapshots.slice(1) } }), 'backup-orphan-member'],
    ];
    for (const [data, code] of cases) {
      const target = freshDb();
      await target.policies.put(policy('*', ['mine.example']));
      const error = await importBackup(target, data).catch((e: unknown) => e);
      expect(error, code).toBeInstanceOf(RosterDbError);
      expect((error as RosterDbError).code).toBe(code);
      expect(await target.snapshots.count()).toBe(0);
      expect(await target.members.count()).toBe(0);
      expect(await target.policies.toArray()).toEqual([policy('*', ['mine.example'])]);
    }
  });

  it('lists the first 20 problems of a file of bad rows and counts the rest, writing nothing', async () => {
    const source = freshDb();
    await fill(source);
    const document = JSON.parse(await exportBackup(source));
    const bad = Array.from({ length: 35 }, (_, i) => ({ snapshotId: 'a', index: i }));
    const target = freshDb();
    const progress: number[] = [];
    const error = (await importBackup(target, JSON.stringify({ ...document, tables: { ...document.tables, members: bad } }), {
      onProgress: (p) => progress.push(p.done),
    }).catch((e: unknown) => e)) as RosterDbError;
    expect(error.problem).toMatchObject({ code: 'backup-invalid-more', more: 15 });
    const lines = (error.problem as { detail: string }).detail.split('\n');
    expect(lines).toHaveLength(20);
    expect(lines.every((line) => /^members #\d+/.test(line))).toBe(true);
    expect(lines[0]).toMatch(/^members #1 \(/);
    expect(await target.members.count()).toBe(0);
  });

  it('gives the count past the listed problems as a lower bound when counting runs out of time', async () => {
    const source = freshDb();
    await fill(source);
    const document = JSON.parse(await exportBackup(source));
    const bad = Array.from({ length: 100 }, (_, i) => ({ index: i }));
    let clock = 0;
    const error = (await importBackup(freshDb(), JSON.stringify({ ...document, tables: { ...document.tables, members: bad } }), {
      now: () => (clock += 1000),
    }).catch((e: unknown) => e)) as RosterDbError;
    expect(error.problem.code).toBe('backup-invalid-at-least');
    expect((error.problem as { more: number }).more).toBeLessThan(80);
  });

  it('refuses a file over the size bound before reading it', async () => {
    const error = (await importBackup(freshDb(), '{"format":"roster-audit-backup"}', { maxBytes: 10 }).catch((e: unknown) => e)) as RosterDbError;
    expect(error.problem).toEqual({ code: 'backup-too-large', limitBytes: 10 });
  });
});
