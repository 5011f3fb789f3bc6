import { describe, expect, it } from 'vitest';
import { exportBackup } from '../../../lib/db/backup';
import { membersOf } from '../../../lib/db/schema';
import { saveSnapshot } from '../../../lib/db/snapshots';
import { FileJobEvent, ISSUES_LISTED, ROSTER_FILE_MAX_BYTES } from '../../../lib/files/jobs';
import { runFileJob } from '../../../lib/files/run';
import { freshDb } from '../db/fake-db';
import { makeRoster } from '../db/factory';

async function run(job: Parameters<typeof runFileJob>[0], db = freshDb()) {
  const events: FileJobEvent[] = [];
  await runFileJob(job, { db }, (event) => events.push(event));
  return { events, last: events.at(-1)!, db };
}

const csv = (text: string) => new Blob([new TextEncoder().encode(text)]);

describe('runFileJob', () => {
  it('restores a backup, reporting progress, and ends with what was added', async () => {
    const source = freshDb();
    const roster = makeRoster({ id: 's1' }, 3);
    await saveSnapshot(source, roster.snapshot, roster.members);
    const { events, last, db } = await run({ kind: 'restore', file: csv(await exportBackup(source)) });
    expect(events[0]).toMatchObject({ type: 'progress', phase: 'reading', done: 0 });
    expect(last).toMatchObject({ type: 'restored', added: { snapshots: 1, members: 3 } });
    expect(await membersOf(db, 's1').count()).toBe(3);
  });

  it('ends a bad backup with its code, which the schema carries across', async () => {
    const { last } = await run({ kind: 'restore', file: csv('name,email\n') });
    expect(last).toEqual({ type: 'failed', problem: { code: 'not-a-backup' } });
    expect(FileJobEvent.parse(last)).toEqual(last);
  });

  it('imports a roster file as a snapshot', async () => {
    const { last, db } = await run({
      kind: 'import-roster',
      file: csv('name,email\nTaro,taro@example.co.jp\nHanako,hanako@example.co.jp\n'),
      name: 'staff.csv',
      startedAt: 1,
    });
    expect(last).toMatchObject({ type: 'imported', members: 2, sheets: [], warnings: [], warningCount: 0 });
    const snapshotId = (last as { snapshotId: string }).snapshotId;
    expect((await db.snapshots.get(snapshotId))?.completeness).toEqual({ verdict: 'complete', evidence: 'file', read: 2 });
  });

  it("hands the page an import's warnings, the first few as codes and how many in all", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `p${i}@example.com`);
    const { last } = await run({ kind: 'import-roster', file: csv(['email,name', ...rows, ''].join('\n')), name: 'short.csv', startedAt: 1 });
    expect(FileJobEvent.parse(last)).toEqual(last);
    expect(last).toMatchObject({ type: 'imported', members: 30, warningCount: 30 });
    const { warnings } = last as FileJobEvent & { type: 'imported' };
    expect(warnings).toHaveLength(ISSUES_LISTED);
    expect(warnings[0]).toEqual({ code: 'column-count', line: 2, width: 2, cells: 1 });
  });

  it('refuses a roster file over the size bound before reading it, and a file without an identifier column in words', async () => {
    const big = { size: ROSTER_FILE_MAX_BYTES + 1, arrayBuffer: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
    const events: FileJobEvent[] = [];
    await runFileJob({ kind: 'import-roster', file: big, name: 'big.csv', startedAt: 1 }, { db: freshDb() }, (event) => events.push(event));
    expect(events).toEqual([{ type: 'failed', problem: { code: 'file-too-large', sizeBytes: ROSTER_FILE_MAX_BYTES + 1, limitBytes: ROSTER_FILE_MAX_BYTES } }]);

    const { last } = await run({ kind: 'import-roster', file: csv('foo,bar\n1,2\n'), name: 'x.csv', startedAt: 1 });
    expect(last).toMatchObject({ type: 'failed', problem: { code: 'no-identifier-column' } });
  });

  it('turns an error nobody planned for into a problem with its detail', async () => {
    const broken = { size: 10, arrayBuffer: () => Promise.reject(new RangeError('Invalid string length')) } as unknown as Blob;
    const { last } = await run({ kind: 'restore', file: broken });
    expect(last).toEqual({ type: 'failed', problem: { code: 'file-too-large-to-read', detail: 'Invalid string length' } });
  });
});
