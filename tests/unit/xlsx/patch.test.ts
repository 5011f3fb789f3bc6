import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { editSheet, patchWorkbook } from '../../../lib/xlsx/patch';
import { openWorkbook, readSheet } from '../../../lib/xlsx/read';
import { readTable, sheetNames } from '../../../lib/xlsx/table';
import { writeWorkbook } from '../../../lib/xlsx/write';
import { openZip, readEntry } from '../../../lib/xlsx/zip';
import { exceljsTemplate, expectOnlyEntriesChanged, handWorkbook, OPENPYXL, RED, sheetXml } from './workbooks';

const SHEET = 'xl/worksheets/sheet1.xml';
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function patched(bytes: Uint8Array, changes: Record<string, Record<string, string>>, keyColumn = 'メールアドレス', extra: object = {}) {
  const result = patchWorkbook(bytes, { keyColumn, changes: new Map(Object.entries(changes)), ...extra });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result;
}

function cellXmlOf(bytes: Uint8Array, ref: string): string {
  const zip = openZip(bytes);
  const xml = decode(readEntry(zip, zip.byName.get(SHEET)!));
  return new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`).exec(xml)?.[0] ?? '';
}

describe('a workbook written by exceljs (styles, validation, comment, defined name, formula, second sheet)', () => {
  it('reads the sheet holding the key column, its headers and rows as text', async () => {
    const bytes = await exceljsTemplate();
    expect(sheetNames(bytes)).toEqual(['社員', 'リスト']);
    const table = readTable(bytes, { wanted: 'メールアドレス' });
    if (!table.ok) throw new Error(JSON.stringify(table.error));
    expect(table.headers).toEqual(['名前', 'メールアドレス', 'チャットワーク アカウントID', '社員番号', '部署', '文字数']);
    expect(table.rows[0]).toEqual(['社員 1', 'user1@example.co.jp', '1000001', '00100', '営業部', '4']);
    expect(table.rowLines).toEqual([2, 3, 4]);
    const lists = readTable(bytes, { wanted: '部署', sheet: 'リスト' });
    expect(lists.ok && lists.rows).toEqual([['営業部'], ['総務部'], ['開発部']]);
  });

  it('comes back byte for byte when nothing changes, and when every change repeats the value', async () => {
    const bytes = await exceljsTemplate();
    expect(Buffer.from(patched(bytes, {}).bytes).equals(Buffer.from(bytes))).toBe(true);
    const same = patched(bytes, { 'user1@example.co.jp': { 部署: '営業部', 社員番号: '00100' } });
    expect(same.changedCells).toEqual([]);
    expect(Buffer.from(same.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it('changes only the target cells: every other entry is byte-identical, the cell keeps its style and becomes text', async () => {
    const bytes = await exceljsTemplate();
    const before = cellXmlOf(bytes, 'C3');
    const result = patched(bytes, {
      'user2@example.co.jp': { 'チャットワーク アカウントID': '00123', 部署: '=HYPERLINK("http://x")' },
      'USER3@example.co.jp': { 部署: '+81-90-1234-5678' },
    });
    expect(result.changedCells.map((c) => [c.row, c.line, c.column, c.after])).toEqual([
      [2, 3, 'チャットワーク アカウントID', '00123'],
      [2, 3, '部署', '=HYPERLINK("http://x")'],
      [3, 4, '部署', '+81-90-1234-5678'],
    ]);
    expectOnlyEntriesChanged(bytes, result.bytes, [SHEET]);
    const style = / s="(\d+)"/.exec(before)?.[1];
    expect(cellXmlOf(result.bytes, 'C3')).toBe(`<c r="C3"${style ? ` s="${style}"` : ''} t="inlineStr"><is><t>00123</t></is></c>`);
    const formulaText = cellXmlOf(result.bytes, 'E3');
    expect(formulaText).toContain('t="inlineStr"><is><t>=HYPERLINK(&quot;http://x&quot;)</t></is>');
    expect(formulaText).not.toContain('<f>');
    const reread = readTable(result.bytes, { wanted: 'メールアドレス' });
    expect(reread.ok && reread.rows.map((row) => [row[2], row[4]])).toEqual([
      ['1000001', '営業部'],
      ['00123', '=HYPERLINK("http://x")'],
      ['', '+81-90-1234-5678'],
    ]);
    // The sheet outside the changed cells is character for character the same.
    const outside = (xml: string) => xml.replace(/<c r="(C3|E3|E4)"[^>]*?(\/>|>.*?<\/c>)/g, '');
    const sheet = (b: Uint8Array) => decode(readEntry(openZip(b), openZip(b).byName.get(SHEET)!));
    expect(outside(sheet(result.bytes))).toBe(outside(sheet(bytes)));
  });

  it('keeps a number cell a number only for a plain number', async () => {
    const bytes = await exceljsTemplate();
    const plain = patched(bytes, { 'user1@example.co.jp': { 'チャットワーク アカウントID': '2000002' } });
    expect(cellXmlOf(plain.bytes, 'C2')).toMatch(/^<c r="C2"( s="\d+")?><v>2000002<\/v><\/c>$/);
    const leadingZero = patched(bytes, { 'user1@example.co.jp': { 'チャットワーク アカウントID': '0002000002' } });
    expect(cellXmlOf(leadingZero.bytes, 'C2')).toContain('t="inlineStr"><is><t>0002000002</t>');
  });

  it('never changes a formula cell, and never blanks a value unless allowed', async () => {
    const bytes = await exceljsTemplate();
    const result = patched(bytes, { 'user1@example.co.jp': { 文字数: '9', 部署: '' } });
    expect(result.changedCells).toEqual([]);
    expect(result.refused.map((r) => r.reason).sort()).toEqual(['formula-cell', 'would-clear']);
    expect(result.refused.find((r) => r.reason === 'formula-cell')).toMatchObject({ line: 2, column: '文字数' });
    expect(Buffer.from(result.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it('adds a cell missing from a sparse row in column order, with the column style', async () => {
    const bytes = await exceljsTemplate();
    const result = patched(bytes, { 'user2@example.co.jp': { 'チャットワーク アカウントID': '1000002' } });
    const reread = readTable(result.bytes, { wanted: 'メールアドレス' });
    expect(reread.ok && reread.rows[1]![2]).toBe('1000002');
    expectOnlyEntriesChanged(bytes, result.bytes, [SHEET]);
  });
});

describe('a workbook written by openpyxl (inline strings, a table, dates, validation, comment, defined name, formula, second sheet)', () => {
  it('reads the sheet, patches only the target cells, and gives every other entry back byte for byte', () => {
    expect(sheetNames(OPENPYXL)).toEqual(['メンバー', 'リスト']);
    expect(Buffer.from(patched(OPENPYXL, {}, 'ID').bytes).equals(Buffer.from(OPENPYXL))).toBe(true);
    const result = patched(OPENPYXL, { 'ichiro.suzuki@example': { 携帯電話: '+81-90-5555-6666', 社員番号: '00999', 文字数: '1' } }, 'ID');
    expect(result.changedCells.map((c) => [c.line, c.column, c.after])).toEqual([
      [4, '携帯電話', '+81-90-5555-6666'],
      [4, '社員番号', '00999'],
    ]);
    expect(result.refused.map((r) => r.reason)).toEqual(['formula-cell']);
    expectOnlyEntriesChanged(OPENPYXL, result.bytes, [SHEET]);
    expect(cellXmlOf(result.bytes, 'D4')).toBe('<c r="D4" s="3" t="inlineStr"><is><t>00999</t></is></c>');
    expect(cellXmlOf(result.bytes, 'F4')).toBe('<c r="F4" t="inlineStr"><is><t>+81-90-5555-6666</t></is></c>');
    const reread = readTable(result.bytes, { wanted: 'ID' });
    expect(reread.ok && reread.rows[2]).toEqual(['鈴木', '一郎', 'ichiro.suzuki@example', '00999', '20010109', '+81-90-5555-6666', '']);
  });
});

describe('a workbook written by the product', () => {
  it('round-trips: read back as written, patched entry by entry', () => {
    const bytes = writeWorkbook({
      sheetName: 'members',
      headers: ['ID', 'Name', 'Phone'],
      required: [true, false, false],
      rows: [
        ['00123', 'A', '+81-3-0000-0000'],
        ['00124', 'B', ''],
      ],
    });
    const table = readTable(bytes);
    expect(table.ok && [table.headers, ...table.rows]).toEqual([
      ['ID', 'Name', 'Phone'],
      ['00123', 'A', '+81-3-0000-0000'],
      ['00124', 'B'],
    ]);
    const result = patched(bytes, { '00124': { Phone: '090-0000-0000' } }, 'ID');
    expectOnlyEntriesChanged(bytes, result.bytes, [SHEET]);
    expect(cellXmlOf(result.bytes, 'C3')).toBe('<c r="C3" s="1" t="inlineStr"><is><t>090-0000-0000</t></is></c>');
  });
});

describe('hand-written sheets', () => {
  it('reads a prefixed namespace, rows and cells without references, shared strings with furigana', () => {
    const strings = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3"><si><t>ID</t></si><si><r><t>名</t></r><r><t>前</t></r><rPh sb="0" eb="1"><t>ナマエ</t></rPh></si><si><t xml:space="preserve"> a&amp;b_x000D_ </t></si></sst>`;
    const sheet = sheetXml(
      '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row><x:row><x:c><x:v>7</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c></x:row><x:row r="3"/>',
      'x:',
    );
    const bytes = handWorkbook({ sheet, strings });
    const table = readTable(bytes);
    expect(table.ok && [table.headers, ...table.rows]).toEqual([
      ['ID', '名前'],
      ['7', ' a&b\r '],
    ]);
    const result = patched(bytes, { '7': { 名前: 'x<y' } }, 'ID');
    expect(decode(readEntry(openZip(result.bytes), openZip(result.bytes).byName.get(SHEET)!))).toContain(
      '<x:c r="B2" t="inlineStr"><x:is><x:t>x&lt;y</x:t></x:is></x:c>',
    );
    const sharedBefore = openZip(bytes).byName.get('xl/sharedStrings.xml')!;
    const sharedAfter = openZip(result.bytes).byName.get('xl/sharedStrings.xml')!;
    expect(Buffer.from(readEntry(openZip(result.bytes), sharedAfter)).equals(Buffer.from(readEntry(openZip(bytes), sharedBefore)))).toBe(true);
  });

  it('reads a formula as its last result, never evaluating it', () => {
    const sheet = sheetXml(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c><c r="B1" t="inlineStr"><is><t>Name</t></is></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2" t="str"><f>WEBSERVICE("http://example.com")</f><v>cached</v></c></row>',
    );
    const workbook = openWorkbook(handWorkbook({ sheet }));
    const model = readSheet(workbook, workbook.sheets[0]!);
    expect(model.rows[1]!.cells[1]).toMatchObject({ value: 'cached', formula: true });
  });
});

describe('editing a sheet', () => {
  const model = (data: string) => {
    const workbook = openWorkbook(handWorkbook({ sheet: sheetXml(data) }));
    return readSheet(workbook, workbook.sheets[0]!);
  };

  it('opens a self-closing row, puts a new row between two, and stretches the used range', () => {
    const sheet = model('<row r="1"><c r="A1"><v>1</v></c></row><row r="3" customFormat="1" s="4"/><row r="5"><c r="C5"><v>5</v></c></row>');
    const xml = editSheet(
      sheet,
      new Map([
        [3, new Map([[1, 'b3']])],
        [4, new Map([[0, 'a4']])],
        [
          5,
          new Map([
            [0, 'a5'],
            [4, 'e5'],
          ]),
        ],
      ]),
    );
    expect(xml).toContain('<row r="3" customFormat="1" s="4"><c r="B3" s="4" t="inlineStr"><is><t>b3</t></is></c></row>');
    expect(xml).toContain('<row r="4"><c r="A4" t="inlineStr"><is><t>a4</t></is></c></row><row r="5">');
    expect(xml).toContain(
      '<row r="5"><c r="A5" t="inlineStr"><is><t>a5</t></is></c><c r="C5"><v>5</v></c><c r="E5" t="inlineStr"><is><t>e5</t></is></c></row>',
    );
    expect(xml).toContain('<dimension ref="A1:E5"/>');
  });

  it('fills an empty sheetData and escapes what XML cannot hold', () => {
    const workbook = openWorkbook(handWorkbook({ sheet: sheetXml('').replace('<sheetData></sheetData>', '<sheetData/>') }));
    const sheet = readSheet(workbook, workbook.sheets[0]!);
    const xml = editSheet(sheet, new Map([[1, new Map([[0, ' a\u0001b_x0041_<&> ']])]]));
    expect(xml).toContain(
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> a_x0001_b_x005F_x0041_&lt;&amp;&gt; </t></is></c></row></sheetData>',
    );
  });

  it('gives a patched workbook that another reader (exceljs) reads with the new values and the old styles', async () => {
    const bytes = await exceljsTemplate();
    const result = patched(bytes, { 'user2@example.co.jp': { 'チャットワーク アカウントID': '00123', 部署: '=1+1' } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(result.bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('社員')!;
    expect(sheet.getCell('C3').value).toBe('00123');
    expect(sheet.getCell('E3').value).toBe('=1+1');
    expect(sheet.getCell('A1').font?.color?.argb).toBe(RED);
    expect(sheet.getCell('F3').value).toMatchObject({ formula: 'LEN(A3)' });
    expect(sheet.getCell('E2').dataValidation).toMatchObject({ type: 'list' });
    expect(workbook.getWorksheet('リスト')!.getCell('A2').value).toBe('営業部');
  });
});
