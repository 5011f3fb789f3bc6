import { describe, expect, it } from 'vitest';
import { saveSnapshot } from '../../../lib/db/snapshots';
import { FileJobEvent, ISSUES_LISTED, ROSTER_FILE_MAX_BYTES, type FileJob } from '../../../lib/files/jobs';
import { runFileJob } from '../../../lib/files/run';
import { FORMATS } from '../../../lib/formats';
import { makeMember, makeSnapshot } from '../db/factory';
import { freshDb } from '../db/fake-db';
import { OPENPYXL } from '../xlsx/workbooks';

const CHOICES = {
  encoding: 'utf-8-bom',
  output: 'csv',
  validRowsOnly: false,
  sso: false,
  chatworkIdKind: 'account-id',
  lang: 'en',
  values: [] as { header: string; value: string }[],
} as const;

async function auditOf(ids: readonly string[]) {
  const db = freshDb();
  const members = ids.map((id, i) => makeMember('s1', i, { identifier: id, email: id, normalizedEmail: id, key: id, domain: 'example' }));
  await saveSnapshot(db, makeSnapshot({ id: 's1' }, members), members);
  return { db, members };
}

async function run(
  job: Omit<FileJob & { kind: 'build-export' }, keyof typeof CHOICES | 'kind'> & Partial<FileJob & { kind: 'build-export' }>,
  db: ReturnType<typeof freshDb>,
) {
  const events: FileJobEvent[] = [];
  await runFileJob({ kind: 'build-export', ...CHOICES, ...job } as FileJob, { db }, (event) => events.push(event));
  return { events, last: events.at(-1)! };
}

const csv = (text: string) => new Blob([new TextEncoder().encode(text)]);
const TEMPLATE = 'ID,姓,名,組織,電話番号,社員番号\r\ntaro@examplecorp,山田,太郎,本社,03-0000-0000,A1\r\nhanako@examplecorp,佐藤,花子,本社,,A2\r\n';

describe('an export built in the file worker', () => {
  it('patches a CSV template from the audit in the cache, with progress, giving what the format builds on the page', async () => {
    const { db, members } = await auditOf(['taro@examplecorp', 'hanako@examplecorp']);
    const values = [{ header: '社員番号', value: 'B9' }];
    const { events, last } = await run({ formatId: 'lineworks-bulk-modify', snapshotId: 's1', file: csv(TEMPLATE), values }, db);
    expect(events.map((event) => event.type === 'progress' && event.phase)).toEqual(['reading', 'reading', 'checking', false]);
    if (last.type !== 'built') throw new Error(JSON.stringify(last));
    const direct = FORMATS['lineworks-bulk-modify'].build({
      snapshot: makeSnapshot({ id: 's1' }, members),
      members,
      template: new TextEncoder().encode(TEMPLATE),
      values: new Map(members.map((m) => [m.key, { 社員番号: 'B9' }])),
      allowClear: new Set(),
    });
    expect(Buffer.from(last.result.files[0]!.bytes).equals(Buffer.from(direct.files[0]!.bytes))).toBe(true);
    expect(last.result).toMatchObject({ changedCells: 2, rows: 2, issueCounts: { errors: 0, warnings: 0 } });
    expect(last.sheets).toEqual([]);
    // What the page receives passes the schema it parses every worker message with.
    expect(FileJobEvent.parse(last)).toEqual(last);
  });

  it('patches a workbook template and names its sheets for the admin to choose from', async () => {
    const { db } = await auditOf(['taro.yamada@example', 'hanako.sato@example']);
    const { last } = await run(
      { formatId: 'lineworks-bulk-modify', snapshotId: 's1', file: new Blob([OPENPYXL]), values: [{ header: '社員番号', value: '00777' }] },
      db,
    );
    if (last.type !== 'built') throw new Error(JSON.stringify(last));
    expect(last.sheets).toEqual(['メンバー', 'リスト']);
    expect(last.result.files[0]!.name).toMatch(/\.xlsx$/);
    expect(last.result.changedCells).toBe(2);
  });

  it(`lists the first ${ISSUES_LISTED} problems and counts every one`, async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `user${i}@examplecorp`);
    const { db } = await auditOf(ids);
    const template = `ID,姓,名,社員番号\r\n${ids.map((id) => `${id},姓,名,A`).join('\r\n')}\r\n`;
    const { last } = await run(
      { formatId: 'lineworks-bulk-modify', snapshotId: 's1', file: csv(template), values: [{ header: '社員番号', value: 'x'.repeat(21) }] },
      db,
    );
    if (last.type !== 'built') throw new Error(JSON.stringify(last));
    expect(last.result.files).toEqual([]);
    expect(last.result.issues).toHaveLength(ISSUES_LISTED);
    expect(last.result.issueCounts).toEqual({ errors: 30, warnings: 0 });
    expect(last.result.issues[0]).toMatchObject({ row: 1, problem: { code: 'field-too-long', max: 20 } });
  });

  it('refuses a template over the size bound before reading it, and a damaged workbook with its code', async () => {
    const { db } = await auditOf(['taro@examplecorp']);
    const big = { size: ROSTER_FILE_MAX_BYTES + 1, arrayBuffer: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
    const events: FileJobEvent[] = [];
    await runFileJob({ kind: 'build-export', ...CHOICES, formatId: 'lineworks-bulk-modify', snapshotId: 's1', file: big }, { db }, (event) =>
      events.push(event),
    );
    expect(events).toEqual([{ type: 'failed', problem: { code: 'file-too-large', sizeBytes: ROSTER_FILE_MAX_BYTES + 1, limitBytes: ROSTER_FILE_MAX_BYTES } }]);

    const damaged = OPENPYXL.slice(0, 2000);
    const { last } = await run({ formatId: 'lineworks-bulk-modify', snapshotId: 's1', file: new Blob([damaged]) }, db);
    if (last.type !== 'built') throw new Error(JSON.stringify(last));
    expect(last.result.issues).toMatchObject([{ severity: 'error', problem: { code: expect.stringMatching(/^xlsx-/) } }]);
  });

  it('says with a code when the audit is gone', async () => {
    const { last } = await run({ formatId: 'audit-report', snapshotId: 'deleted' }, freshDb());
    expect(last).toEqual({ type: 'failed', problem: { code: 'export-no-audit' } });
  });
});
