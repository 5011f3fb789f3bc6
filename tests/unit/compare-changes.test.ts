import { describe, expect, it } from 'vitest';
import { changeRows, changesCsv, changesSheet, changesTable, changeText } from '../../lib/compare-changes';
import { writeWorkbook } from '../../lib/xlsx/write';
import { openSheet } from '../../lib/xlsx/table';
import type { SnapshotComparison } from '../../lib/db/compare';
import { memberOf } from '../fixtures/csv/roster';

const comparison: SnapshotComparison = {
  joined: [memberOf('新人 一郎', 'new@example.co.jp')],
  left: [memberOf('=cmd|x', 'gone@example.co.jp')],
  changed: [
    {
      before: memberOf('山田 太郎', 'taro@example.co.jp', { fields: { status: '登録待ち' } }),
      after: memberOf('山田 太郎', 'taro@example.co.jp', { fields: { status: '使用中' } }),
      fields: ['status'],
    },
  ],
  incomplete: { before: false, after: false },
  withheld: { joined: 0, left: 0 },
};

describe('changes of a comparison', () => {
  it('lists joined, left and changed members in one list, with what changed in words', () => {
    const rows = changeRows(comparison);
    expect(rows.map((row) => row.kind)).toEqual(['joined', 'left', 'changed']);
    expect(changeText(rows[2]!, 'ja')).toBe('状態: 登録待ち → 使用中');
    expect(changeText(rows[2]!, 'en')).toBe('status: 登録待ち → 使用中');
  });

  it('writes CSV with machine columns and the words of the admin, formulas neutralised', () => {
    const lines = changesCsv(changeRows(comparison), 'ja').split('\r\n');
    expect(lines[0]).toBe('change,name,identifier,email,domain,classification,changed_fields,種類,変更内容');
    expect(lines[1]).toBe('joined,新人 一郎,new@example.co.jp,new@example.co.jp,example.co.jp,internal,,追加,');
    expect(lines[2]!.startsWith("left,'=cmd|x,")).toBe(true);
    expect(lines[3]).toBe('changed,山田 太郎,taro@example.co.jp,taro@example.co.jp,example.co.jp,internal,status,変更,状態: 登録待ち → 使用中');
    expect(lines).toHaveLength(5);
  });

  it('writes an Excel workbook with the same columns, in English or Japanese, values as text and never formulas', () => {
    const rows = changeRows(comparison);
    const opened = openSheet(writeWorkbook(changesSheet(rows, 'en')));
    expect(opened.workbook.sheets.map((sheet) => sheet.name)).toEqual(['Changes']);
    expect(opened.table.headers).toEqual(changesTable(rows, 'en').headers);
    expect(opened.table.headers.slice(-2)).toEqual(['Change', 'What changed']);
    // An empty value writes no cell, so a row read back ends at its last value.
    const cells = opened.table.rows.map((row) => opened.table.headers.map((_, i) => row[i] ?? ''));
    expect(cells).toEqual(changesTable(rows, 'en').rows);
    // A typed text cell holds the name as read; the CSV needs its leading quote, the workbook does not.
    expect(opened.table.rows[1]?.[1]).toBe('=cmd|x');
    expect(opened.table.rows[2]?.slice(-2)).toEqual(['Changed', 'status: 登録待ち → 使用中']);
    const ja = openSheet(writeWorkbook(changesSheet(rows, 'ja')));
    expect(ja.workbook.sheets.map((sheet) => sheet.name)).toEqual(['変更']);
    expect(ja.table.rows[0]?.slice(-1)).toEqual(['追加']);
  });
});
