import { describe, expect, it } from 'vitest';
import { dateSerial, formatKind, serialText } from '../../../lib/xlsx/dates';
import { patchWorkbook } from '../../../lib/xlsx/patch';
import { readTable } from '../../../lib/xlsx/table';
import { openZip, readEntry } from '../../../lib/xlsx/zip';
import { handWorkbook, OPENPYXL, sheetXml } from './workbooks';

const sheetText = (bytes: Uint8Array) => new TextDecoder().decode(readEntry(openZip(bytes), openZip(bytes).byName.get('xl/worksheets/sheet1.xml')!));

describe('date cells', () => {
  it('tells date, time and other number formats apart', () => {
    expect(['yyyy/mm/dd', 'yyyy"年"m"月"d"日"', '[$-411]ggge"年"m"月"d"日"', 'm/d', 'mmm-yy'].map(formatKind)).toEqual([
      'date',
      'date',
      'date',
      'date',
      'date',
    ]);
    expect(['h:mm', '[h]:mm:ss', 'mm:ss', 'h"時"mm"分"', 'h:mm AM/PM'].map(formatKind)).toEqual(['time', 'time', 'time', 'time', 'time']);
    expect(formatKind('yyyy/m/d h:mm')).toBe('date-time');
    expect(['0', '0.00E+00', '#,##0"円"', '@', 'General', '"day"0', '\\d0'].map(formatKind)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("turns serials into the consoles' text in both date systems, around Excel's phantom 1900-02-29", () => {
    expect(serialText(45383, 'date', false)).toBe('20240401');
    expect(serialText(45383.5, 'date-time', false)).toBe('20240401 12:00:00');
    expect(serialText(0.75, 'time', false)).toBe('18:00:00');
    expect(serialText(1, 'date', false)).toBe('19000101');
    expect(serialText(59, 'date', false)).toBe('19000228');
    expect(serialText(61, 'date', false)).toBe('19000301');
    expect(serialText(43921, 'date', true)).toBe('20240401');
    expect(dateSerial('20240401', false)).toBe(45383);
    expect(dateSerial('20240401', true)).toBe(43921);
    expect([dateSerial('20240231', false), dateSerial('2024-04-01', false), dateSerial('18991231', false)]).toEqual([undefined, undefined, undefined]);
  });

  it('reads a date cell of a workbook openpyxl wrote as yyyymmdd, not as its serial', () => {
    const table = readTable(OPENPYXL, { wanted: 'ID' });
    if (!table.ok) throw new Error(JSON.stringify(table.error));
    expect(table.headers[4]).toBe('入社日');
    expect(table.rows.map((row) => row[4])).toEqual(['20240401', '20191016', '20010109']);
    // A number in a text or general style stays the number it is.
    expect(table.rows.map((row) => row[3])).toEqual(['00123', '00124', '00125']);
  });

  it('reads dates through custom and built-in formats and the 1904 system, and leaves plain numbers alone', () => {
    const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="22"/></cellXfs></styleSheet>`;
    const data =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c><c r="B1" t="inlineStr"><is><t>入社日</t></is></c></row>' +
      '<row r="2"><c r="A2" s="1"><v>7</v></c><c r="B2" s="1"><v>45383</v></c></row>' +
      '<row r="3"><c r="A3"><v>45383</v></c><c r="B3" s="2"><v>45383</v></c></row>' +
      '<row r="4"><c r="A4" s="0"><v>9</v></c><c r="B4" s="3"><v>45383.25</v></c></row>';
    const workbook = (date1904: boolean) =>
      handWorkbook({
        sheet: sheetXml(data),
        extra: {
          'xl/styles.xml': new TextEncoder().encode(styles),
          'xl/_rels/workbook.xml.rels': new TextEncoder().encode(
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
          ),
          ...(date1904
            ? {
                'xl/workbook.xml': new TextEncoder().encode(
                  '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
                ),
              }
            : {}),
        },
      });
    const rows = (bytes: Uint8Array) => {
      const table = readTable(bytes);
      if (!table.ok) throw new Error(JSON.stringify(table.error));
      return table.rows;
    };
    expect(rows(workbook(false))).toEqual([
      ['19000107', '20240401'],
      ['45383', '20240401'],
      ['9', '20240401 06:00:00'],
    ]);
    expect(rows(workbook(true))[1]).toEqual(['45383', '20280402']);
  });

  it('writes a changed date cell as a date serial under its own style; any other value as text in that style', () => {
    const patch = (value: string) => {
      const result = patchWorkbook(OPENPYXL, { keyColumn: 'ID', changes: new Map([['hanako.sato@example', { 入社日: value }]]) });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result;
    };
    const same = patch('20191016');
    expect(same.changedCells).toEqual([]);
    expect(Buffer.from(same.bytes).equals(Buffer.from(OPENPYXL))).toBe(true);
    const changed = patch('20250401');
    expect(changed.changedCells.map((c) => [c.line, c.before, c.after])).toEqual([[3, '20191016', '20250401']]);
    expect(sheetText(changed.bytes)).toContain('<c r="E3" s="4"><v>45748</v></c>');
    const reread = readTable(changed.bytes, { wanted: 'ID' });
    expect(reread.ok && reread.rows[1]![4]).toBe('20250401');
    // Style 4 is still the date format, in a styles part that did not change.
    const styles = (bytes: Uint8Array) => Buffer.from(readEntry(openZip(bytes), openZip(bytes).byName.get('xl/styles.xml')!));
    expect(styles(changed.bytes).equals(styles(OPENPYXL))).toBe(true);
    expect(sheetText(patch('未定').bytes)).toContain('<c r="E3" s="4" t="inlineStr"><is><t>未定</t></is></c>');
  });
});
