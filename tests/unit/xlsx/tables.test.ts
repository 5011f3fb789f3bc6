import { describe, expect, it } from 'vitest';
import { patchWorkbook, replaceRows } from '../../../lib/xlsx/patch';
import { openSheet, readTable } from '../../../lib/xlsx/table';
import { parseRange } from '../../../lib/xlsx/tables';
import { openZip, readEntry } from '../../../lib/xlsx/zip';
import { expectOnlyEntriesChanged, OPENPYXL } from './workbooks';

const SHEET = 'xl/worksheets/sheet1.xml';
const TABLE = 'xl/tables/table1.xml';
const part = (bytes: Uint8Array, name: string) => new TextDecoder().decode(readEntry(openZip(bytes), openZip(bytes).byName.get(name)!));
const tableColumns = (xml: string) => [...xml.matchAll(/<tableColumn [^>]*name="([^"]*)"/g)].map((m) => m[1]);

describe('Excel tables (ListObjects) in a template', () => {
  it('patching rows inside a table leaves the table part byte for byte: its range still covers the rows, its header names are the header cells', () => {
    const result = patchWorkbook(OPENPYXL, {
      keyColumn: 'ID',
      changes: new Map<string, Record<string, string>>([
        ['taro.yamada@example', { 携帯電話: '+81-80-0000-0000' }],
        ['ichiro.suzuki@example', { 社員番号: '00200' }],
      ]),
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.changedCells).toHaveLength(2);
    expectOnlyEntriesChanged(OPENPYXL, result.bytes, [SHEET]);
    const table = part(result.bytes, TABLE);
    const range = parseRange(/<table [^>]*ref="([^"]+)"/.exec(table)![1]!)!;
    const reread = readTable(result.bytes, { wanted: 'ID' });
    if (!reread.ok) throw new Error('unread');
    expect(range.firstRow).toBe(1);
    expect(range.lastRow).toBeGreaterThanOrEqual(Math.max(...reread.rowLines));
    expect(tableColumns(table)).toEqual(reread.headers);
  });

  it('rows written under the header join the table: its range and filter grow over them and nothing else in it changes', () => {
    const opened = openSheet(OPENPYXL, { wanted: 'ID' });
    const people = Array.from({ length: 5 }, (_, i) => ['姓' + i, '名' + i, `user${i}@example`, `0${i}`]);
    const bytes = replaceRows(opened, people);
    expectOnlyEntriesChanged(OPENPYXL, bytes, [SHEET, TABLE]);
    const before = part(OPENPYXL, TABLE);
    const after = part(bytes, TABLE);
    expect(after).toBe(before.replaceAll('ref="A1:G4"', 'ref="A1:G6"'));
    expect(after).toContain('<autoFilter ref="A1:G6"/>');
    const reread = readTable(bytes, { wanted: 'ID' });
    if (!reread.ok) throw new Error('unread');
    expect(reread.rows.map((row) => row[2])).toEqual(people.map((p) => p[2]));
    expect(Math.max(...reread.rowLines)).toBe(6);
    expect(tableColumns(after)).toEqual(reread.headers);
  });

  it('fewer rows than the examples leave the table as it was (the emptied example rows stay inside it)', () => {
    const bytes = replaceRows(openSheet(OPENPYXL, { wanted: 'ID' }), [['姓', '名', 'only@example']]);
    expectOnlyEntriesChanged(OPENPYXL, bytes, [SHEET]);
  });
});
