import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../../lib/formats';
import { importRoster } from '../../../lib/import';
import { patchWorkbook } from '../../../lib/xlsx/patch';
import { readTable } from '../../../lib/xlsx/table';
import { XLSX_MIME } from '../../../lib/xlsx/write';
import { openZip } from '../../../lib/xlsx/zip';
import { memberOf, snapshotOf } from '../../fixtures/csv/roster';
import { exceljsTemplate, RED } from '../xlsx/workbooks';

/** A one-sheet workbook of the given rows, written by exceljs. */
async function workbookOf(rows: readonly (readonly (string | null)[])[], dress?: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow([...row]);
  dress?.(sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function sheetXml(bytes: Uint8Array): string {
  return new TextDecoder().decode(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
}

function tableOf(bytes: Uint8Array, sheet?: string) {
  const table = readTable(bytes, sheet === undefined ? {} : { sheet });
  if (!table.ok) throw new Error(JSON.stringify(table.error));
  return table;
}

/** Names of the entries whose local record differs between two packages. */
function changedEntries(before: Uint8Array, after: Uint8Array): string[] {
  const a = openZip(before);
  const b = openZip(after);
  return a.entries
    .filter((entry) => {
      const other = b.byName.get(entry.name)!;
      return !Buffer.from(a.bytes.subarray(entry.localOffset, entry.localOffset + entry.recordLength)).equals(
        Buffer.from(b.bytes.subarray(other.localOffset, other.localOffset + other.recordLength)),
      );
    })
    .map((entry) => entry.name);
}

describe('a workbook template', () => {
  const snapshot = snapshotOf({ console: 'receptionist-employees' });
  const chatwork = new Map([
    ['user2@example.co.jp', memberOf('社員 2', 'user2@example.co.jp', { fields: { chatworkAccountId: '2222222' } })],
    ['user3@example.co.jp', memberOf('社員 3', 'user3@example.co.jp', { fields: { chatworkAccountId: 'x' } })],
  ]);

  it('is patched cell by cell for RECEPTIONIST, given back as .xlsx with only the sheet changed', async () => {
    const template = await exceljsTemplate();
    const result = FORMATS['receptionist-employees'].build({ snapshot, members: [], template, chatworkByEmail: chatwork, validRowsOnly: true });
    expect(result.issues.map((issue) => [issue.severity, issue.problem.code, issue.row, issue.line])).toEqual([
      ['warning', 'no-chatwork-id', 1, 2],
      ['error', 'field-account-id', 3, 4],
    ]);
    expect(result.files).toHaveLength(1);
    expect(result.files[0]!.name).toMatch(/\.xlsx$/);
    expect(result.files[0]!.mime).toBe(XLSX_MIME);
    expect(result.changedCells).toMatchObject([{ row: 2, line: 3, before: '', after: '2222222' }]);
    expect(changedEntries(template, result.files[0]!.bytes)).toEqual(['xl/worksheets/sheet1.xml']);
    expect(tableOf(result.files[0]!.bytes).rows.map((row) => row[2] ?? '')).toEqual(['1000001', '2222222', '']);
  });

  it('reads the sheet the admin chose, and refuses one that holds no key column', async () => {
    const template = await exceljsTemplate();
    const result = FORMATS['receptionist-employees'].build({ snapshot, members: [], template, chatworkByEmail: chatwork, sheet: 'リスト' });
    expect(result.files).toEqual([]);
    expect(result.issues[0]).toMatchObject({ severity: 'error' });
    const missing = FORMATS['receptionist-employees'].build({ snapshot, members: [], template, chatworkByEmail: chatwork, sheet: 'なし' });
    expect(missing.issues[0]).toMatchObject({ problem: { code: 'xlsx-sheet-not-found', part: 'なし' } });
  });

  it('gets rows appended below its header for LINE WORKS bulk add, its red headers kept, 100 per workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('メンバー');
    sheet.addRow(['メンバー一括追加']);
    sheet.addRow(['姓', '名', 'ID', '組織', 'メモ']);
    for (const ref of ['A2', 'B2', 'C2']) sheet.getCell(ref).font = { color: { argb: RED } };
    const template = new Uint8Array(await workbook.xlsx.writeBuffer());
    const members = Array.from({ length: 150 }, (_, i) => memberOf(`山田 太郎${i}`, `user${i}@example.co.jp`, { fields: { organisation: '=本社' } }));
    const result = FORMATS['lineworks-bulk-add-auto'].build({ snapshot: snapshotOf(), members, template });
    expect(result.issues).toEqual([]);
    const parts = unzipSync(result.files[0]!.bytes);
    const names = Object.keys(parts).sort();
    expect(names.map((name) => name.slice(-9))).toEqual(['-001.xlsx', '-002.xlsx']);
    const first = tableOf(parts[names[0]!]!);
    expect(first.headers).toEqual(['姓', '名', 'ID', '組織', 'メモ']);
    expect(first.rows).toHaveLength(100);
    // A workbook's text cell never runs as a formula: the value goes in as it is.
    expect(first.rows[0]).toEqual(['山田', '太郎0', 'user0', '=本社']);
    expect(first.rowLines[0]).toBe(3);
    expect(tableOf(parts[names[1]!]!).rows).toHaveLength(50);
    expect(changedEntries(template, parts[names[0]!]!)).toEqual(['xl/worksheets/sheet1.xml']);
  });
});

describe('validation of rows for a workbook template', () => {
  it('points at the sheet row each appended row would take', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('メンバー');
    sheet.getCell('A2').value = '姓';
    sheet.getCell('B2').value = '名';
    sheet.getCell('C2').value = 'ID';
    const template = new Uint8Array(await workbook.xlsx.writeBuffer());
    const members = [memberOf('山田 太郎', 'taro@example.co.jp'), memberOf('Prince', 'x..y@example.co.jp')];
    const result = FORMATS['lineworks-bulk-add-auto'].build({ snapshot: snapshotOf(), members, template });
    expect(result.files).toEqual([]);
    expect(result.issues.map((issue) => [issue.row, issue.line, issue.column])).toEqual([
      [2, 4, '名'],
      [2, 4, 'ID'],
    ]);
  });
});

describe('built-in layouts as workbooks', () => {
  it('writes LINE WORKS bulk add as .xlsx on request, split per 100 and zipped', () => {
    const members = Array.from({ length: 201 }, (_, i) => memberOf(`山田 太郎${i}`, `user${i}@example.co.jp`, { fields: { phone: '+81-3-0000-0000' } }));
    const result = FORMATS['lineworks-bulk-add-auto'].build({ snapshot: snapshotOf(), members, output: 'xlsx', encoding: 'shift_jis' });
    expect(result.files[0]!.mime).toBe('application/zip');
    const parts = unzipSync(result.files[0]!.bytes);
    const sizes = Object.keys(parts)
      .sort()
      .map((name) => tableOf(parts[name]!).rows.length);
    expect(sizes).toEqual([100, 100, 1]);
    const sheet = new TextDecoder().decode(unzipSync(parts[Object.keys(parts).sort()[0]!]!)['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<c r="A1" s="3" t="inlineStr"><is><t>姓</t></is></c>');
    expect(sheet).toContain('<t>+81-3-0000-0000</t>');
  });

  it('writes one workbook for the audit report', () => {
    const result = FORMATS['audit-report'].build({ snapshot: snapshotOf(), members: [memberOf('=cmd', 'a@example.co.jp')], output: 'xlsx' });
    expect(result.files[0]!.name).toMatch(/\.xlsx$/);
    expect(tableOf(result.files[0]!.bytes).rows[0]![2]).toBe('=cmd');
  });
});

describe('roster import', () => {
  it('reads a workbook on the sheet holding an email column', async () => {
    const imported = importRoster(await exceljsTemplate());
    if (!imported.ok) throw new Error(JSON.stringify(imported.error));
    expect(imported.rows.map((row) => row.identifier)).toEqual(['user1@example.co.jp', 'user2@example.co.jp', 'user3@example.co.jp']);
  });

  it('says an old .xls must be saved again', () => {
    const imported = importRoster(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(!imported.ok && imported.error.code).toBe('xlsx-legacy-xls');
  });
});

describe('issue 11 behaviours in a workbook', () => {
  const taro = memberOf('山田 太郎', 'taro@example.co.jp');

  it('writes a sample workbook without its example rows, naming each by sheet row, their styles kept', async () => {
    const template = await workbookOf(
      [['メンバー一括追加 サンプル'], ['姓', '名', 'ID (必須)', '組織'], ['見本', '花子', 'hanako.sample', '本社|営業部'], ['見本', '次郎', 'jiro.sample']],
      (sheet) => {
        sheet.getCell('A3').font = { italic: true };
        sheet.getCell('D3').font = { italic: true };
      },
    );
    const result = FORMATS['lineworks-bulk-add-auto'].build({ snapshot: snapshotOf(), members: [taro], template });
    expect(result.issues.map((issue) => [issue.severity, issue.problem.code, issue.line])).toEqual([
      ['warning', 'template-example-row', 3],
      ['warning', 'template-example-row', 4],
    ]);
    expect(result.issues[0]!.problem).toEqual({ code: 'template-example-row', line: 3, cells: '見本, 花子, hanako.sample' });
    const bytes = result.files[0]!.bytes;
    const table = tableOf(bytes);
    expect(table.rows).toEqual([['山田', '太郎', 'taro', '']]);
    expect(table.rowLines).toEqual([3]);
    expect(changedEntries(template, bytes)).toEqual(['xl/worksheets/sheet1.xml']);
    const styleOf = (xml: string, ref: string) => new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(xml)?.[1];
    expect(styleOf(sheetXml(bytes), 'A3')).toBe(styleOf(sheetXml(template), 'A3'));
    expect(sheetXml(bytes)).toMatch(new RegExp(`<c r="D3" s="${styleOf(sheetXml(template), 'D3')}"/>`));
  });

  /** Chatwork's bulk-import layout: titles in row 1, processing keywords in row 2, users from row 3. */
  const bulkImport = () =>
    workbookOf([
      ['識別ID', '名前', 'メールアドレス(ログイン用)', '言語', '組織名', '役職'],
      ['aid', 'name', 'mail', 'lang', 'org', 'title'],
      ['1001', '山田 太郎', 'taro@example.co.jp', 'ja', '営業部', '部長'],
      [null, '佐藤 花子', 'hanako@example.co.jp', 'ja'],
    ]);

  it('never reads the keyword row of a Chatwork bulk-import workbook as a user', async () => {
    const template = await bulkImport();
    const table = tableOf(template);
    expect(table.dataRowIndex).toBe(2);
    expect(table.rowLines).toEqual([3, 4]);
    const imported = importRoster(template);
    if (!imported.ok) throw new Error(JSON.stringify(imported.error));
    expect(imported.rows.map((row) => [row.name, row.identifier])).toEqual([
      ['山田 太郎', 'taro@example.co.jp'],
      ['佐藤 花子', 'hanako@example.co.jp'],
    ]);
  });

  it('never matches the keyword row of a workbook template as a row to patch', async () => {
    const result = patchWorkbook(await bulkImport(), {
      keyColumn: 'メールアドレス(ログイン用)',
      changes: new Map([
        ['mail', { 役職: 'x' }],
        ['hanako@example.co.jp', { 役職: '課長' }],
      ]),
    });
    if (!result.ok) throw new Error('not patched');
    expect(result.unmatchedKeys).toEqual(['mail']);
    expect(result.changedCells).toMatchObject([{ row: 2, line: 4, column: '役職', after: '課長' }]);
    expect(tableOf(result.bytes).rows[1]).toEqual(['', '佐藤 花子', 'hanako@example.co.jp', 'ja', '', '課長']);
  });

  it('patches a bulk modify workbook whose given-name column is 名前', async () => {
    const template = await workbookOf([
      ['ID', '姓', '名前', '利用開始日'],
      ['taro@examplecorp', '山田', '太郎'],
    ]);
    const result = FORMATS['lineworks-bulk-modify'].build({
      snapshot: snapshotOf(),
      members: [memberOf('山田 太郎', 'taro@examplecorp')],
      template,
      values: new Map([['taro@examplecorp', { 名: '太朗', 利用開始日: '20260401' }]]),
    });
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(result.files[0]!.name).toMatch(/\.xlsx$/);
    expect(tableOf(result.files[0]!.bytes).rows).toEqual([['taro@examplecorp', '山田', '太朗', '20260401']]);
  });

  it('names and counts the RECEPTIONIST add-only workbook and the overwrite workbook as it does CSV files', async () => {
    const snapshot = snapshotOf({ console: 'receptionist-employees' });
    const hanako = memberOf('佐藤 花子', 'hanako@example.co.jp');
    const chatwork = new Map([['hanako@example.co.jp', memberOf('佐藤 花子', 'hanako@example.co.jp', { fields: { chatworkAccountId: '1002' } })]]);
    const add = FORMATS['receptionist-employees'].build({
      snapshot,
      members: [hanako],
      rosterMembers: [taro, hanako],
      chatworkByEmail: chatwork,
      output: 'xlsx',
    });
    expect(add.files[0]!.name).toMatch(/^receptionist-employees-add-only-.*\.xlsx$/);
    expect(add.rowCounts).toEqual({ mode: 'add', rows: 1, keeps: 1, adds: 0, changes: 0, removes: 1 });
    const template = await workbookOf([
      ['名前', 'メールアドレス', 'チャットワーク アカウントID'],
      ['山田 太郎', 'taro@example.co.jp', '1001'],
      ['佐藤 花子', 'hanako@example.co.jp'],
    ]);
    const overwrite = FORMATS['receptionist-employees'].build({
      snapshot,
      members: [hanako],
      rosterMembers: [taro, hanako],
      chatworkByEmail: chatwork,
      template,
    });
    expect(overwrite.files[0]!.name).toMatch(/^receptionist-employees-overwrite-.*\.xlsx$/);
    expect(overwrite.rowCounts).toEqual({ mode: 'overwrite', rows: 2, keeps: 2, adds: 0, changes: 1, removes: 0 });
  });
});
