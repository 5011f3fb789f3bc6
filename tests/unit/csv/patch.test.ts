import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patchTemplate, type PatchOptions, type PatchSuccess } from '../../../lib/csv/patch';
import { readCsv } from '../../../lib/csv/read';

const templates = join(__dirname, '../../fixtures/csv/templates');
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(templates, name)));

function patch(bytes: Uint8Array, options: PatchOptions): PatchSuccess {
  const result = patchTemplate(bytes, options);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result;
}

/** Bytes outside [start, end) of the input must equal the output's bytes outside the replaced span. */
function expectOnlySpanChanged(input: Uint8Array, output: Uint8Array, oldSpan: Uint8Array, newSpan: Uint8Array) {
  const start = Buffer.from(input).indexOf(Buffer.from(oldSpan));
  expect(start).toBeGreaterThanOrEqual(0);
  expect(Buffer.from(output.subarray(0, start))).toEqual(Buffer.from(input.subarray(0, start)));
  expect(Buffer.from(output.subarray(start, start + newSpan.length))).toEqual(Buffer.from(newSpan));
  expect(Buffer.from(output.subarray(start + newSpan.length))).toEqual(Buffer.from(input.subarray(start + oldSpan.length)));
}

describe('patchTemplate round trip', () => {
  const names = readdirSync(templates).filter((name) => name.endsWith('.csv'));
  for (const name of names) {
    it(`returns ${name} byte for byte when nothing changes`, () => {
      const input = bytesOf(name);
      const file = readCsv(input);
      if (!file.ok) throw new Error(JSON.stringify(file.error));
      const result = patch(input, { keyColumn: file.headers[0]!, changes: new Map() });
      expect(Buffer.from(result.bytes).equals(Buffer.from(input))).toBe(true);
      expect(result.changedCells).toEqual([]);
    });
    it(`returns ${name} byte for byte when every change repeats the current value`, () => {
      const input = bytesOf(name);
      const file = readCsv(input);
      if (!file.ok) throw new Error(JSON.stringify(file.error));
      const changes = new Map(file.rows.map((row) => [row[0]!, Object.fromEntries(file.headers.slice(1).map((header, i) => [header, row[i + 1] ?? '']))]));
      const result = patch(input, { keyColumn: file.headers[0]!, changes, trustedColumns: file.headers });
      expect(result.changedCells).toEqual([]);
      expect(Buffer.from(result.bytes).equals(Buffer.from(input))).toBe(true);
    });
  }
});

describe('patchTemplate changes exactly the intended cells', () => {
  it('fills an empty cell in a UTF-8 BOM CRLF file with quoted multi-line cells', () => {
    const input = bytesOf('receptionist-utf8-bom-crlf.csv');
    const result = patch(input, {
      keyColumn: 'メールアドレス',
      changes: new Map([['TARO@example.co.jp', { 'チャットワーク アカウントID': '7654321' }]]),
    });
    expect(result.changedCells).toEqual([{ row: 1, line: 2, column: 'チャットワーク アカウントID', key: 'TARO@example.co.jp', before: '', after: '7654321' }]);
    expectOnlySpanChanged(input, result.bytes, new TextEncoder().encode('営業部,\r\n'), new TextEncoder().encode('営業部,7654321\r\n'));
  });

  it('matches headers tolerant of width, case and spaces and keys tolerant of case', () => {
    const input = bytesOf('receptionist-utf8-bom-crlf.csv');
    const result = patch(input, {
      keyColumn: 'ﾒｰﾙｱﾄﾞﾚｽ',
      changes: new Map([['hanako@example.co.jp', { ﾁｬｯﾄﾜｰｸｱｶｳﾝﾄID: '1234568' }]]),
    });
    expect(result.changedCells.map((cell) => [cell.row, cell.before, cell.after])).toEqual([[2, '1234567', '1234568']]);
  });

  it('keeps the quoting of an originally quoted field and quotes a value that needs it', () => {
    const input = bytesOf('receptionist-utf8-bom-crlf.csv');
    const result = patch(input, {
      keyColumn: 'メールアドレス',
      changes: new Map([
        ['hanako@example.co.jp', { 部署: '研究部' }],
        ['taro@example.co.jp', { 部署: '営業部, 東京' }],
      ]),
    });
    const text = new TextDecoder().decode(result.bytes);
    expect(text).toContain('"佐藤, 花子",Hanako@Example.co.jp,"研究部",1234567\r\n');
    expect(text).toContain('山田 太郎,taro@example.co.jp,"営業部, 東京",\r\n');
    expect(text).toContain('"総務部\r\n兼 経理部"');
    expect(result.bytes.subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('patches a Shift_JIS file, encoding the new value in Shift_JIS', () => {
    const input = bytesOf('lineworks-modify-sjis-crlf.csv');
    const result = patch(input, {
      keyColumn: 'ID',
      changes: new Map([['jiro.suzuki@examplecorp', { 役職: '課長', 電話番号: '+81-3-1111-2222' }]]),
      trustedColumns: ['電話番号'],
    });
    expect(result.changedCells.map((cell) => cell.column)).toEqual(['役職', '電話番号']);
    const after = readCsv(result.bytes);
    if (!after.ok) throw new Error('unreadable');
    expect(after.encoding).toBe('shift_jis');
    expect(after.rows[2]).toEqual(['jiro.suzuki@examplecorp', '鈴木', '次郎', 'ｽｽﾞｷ', 'ｼﾞﾛｳ', '本社', '課長', '+81-3-1111-2222', 'A003']);
    const before = readCsv(input);
    if (!before.ok) throw new Error('unreadable');
    expect(after.rows.slice(0, 2)).toEqual(before.rows.slice(0, 2));
    // Bytes up to the changed cell and after it are the input's.
    const prefix = Buffer.from(input).indexOf(Buffer.from(',A003'));
    const cut = Buffer.from(input).lastIndexOf(0x2c, Buffer.from(input).lastIndexOf(0x2c, prefix - 1) - 1);
    expect(Buffer.from(result.bytes.subarray(0, cut))).toEqual(Buffer.from(input.subarray(0, cut)));
    expect(Buffer.from(result.bytes.subarray(result.bytes.length - 7))).toEqual(Buffer.from(',A003\r\n'));
  });

  it('patches UTF-16LE tab-delimited and UTF-16BE files', () => {
    const le = bytesOf('tab-utf16le.csv');
    const result = patch(le, { keyColumn: 'email', changes: new Map([['taro@example.com', { dept: '開発' }]]) });
    expect(result.changedCells).toHaveLength(1);
    const text = new TextDecoder('utf-16le').decode(result.bytes);
    expect(text).toBe('name\temail\tdept\r\nTaro\ttaro@example.com\t開発\r\nHanako\thanako@example.com\t"a\tb"\r\n');
    expect(result.bytes.subarray(0, 2)).toEqual(new Uint8Array([0xff, 0xfe]));
    const be = patch(bytesOf('utf16be.csv'), { keyColumn: 'email', changes: new Map([['taro@example.com', { name: 'Tarō' }]]) });
    expect(Buffer.from(be.bytes)).toEqual(
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('name,email\r\nTarō,taro@example.com\r\n', 'utf16le').swap16()]),
    );
  });

  it('keeps mixed line endings and the missing final newline', () => {
    const input = bytesOf('mixed-newlines-no-trailing.csv');
    const result = patch(input, { keyColumn: 'email', changes: new Map([['c@example.com', { note: 'done' }]]) });
    expect(new TextDecoder().decode(result.bytes)).toBe('name,email,note\r\nA,a@example.com,x\nB,b@example.com,"y\r\nz"\rC,c@example.com,done');
  });

  it('keeps the preamble and patches below it', () => {
    const input = bytesOf('chatwork-preamble-lf.csv');
    const result = patch(input, { keyColumn: ['accountID', '識別ID'], changes: new Map([['1002', { チャットワークID: 'hanako_s' }]]) });
    expect(new TextDecoder().decode(result.bytes)).toBe(new TextDecoder().decode(input).replace('1002,,', '1002,hanako_s,'));
  });
});

describe('patchTemplate refuses what it must not do', () => {
  const input = bytesOf('lineworks-modify-sjis-crlf.csv');
  it('never blanks a cell holding a value unless allowed', () => {
    const refused = patch(input, { keyColumn: 'ID', changes: new Map([['taro.yamada@examplecorp', { 役職: '' }]]) });
    expect(refused.changedCells).toEqual([]);
    expect(refused.refused).toMatchObject([{ reason: 'would-clear', column: '役職', before: '部長', row: 1, line: 2 }]);
    expect(Buffer.from(refused.bytes).equals(Buffer.from(input))).toBe(true);
    const byColumn = patch(input, { keyColumn: 'ID', changes: new Map([['taro.yamada@examplecorp', { 役職: '' }]]), allowClear: new Set(['役職']) });
    expect(byColumn.changedCells).toMatchObject([{ before: '部長', after: '' }]);
    const byCell = patch(input, { keyColumn: 'ID', changes: new Map([['taro.yamada@examplecorp', { 役職: { value: '', allowClear: true } }]]) });
    expect(byCell.changedCells).toHaveLength(1);
  });
  it('never changes the key column or a locked column', () => {
    const result = patch(input, {
      keyColumn: 'ID',
      lockedColumns: ['社員番号'],
      changes: new Map([['taro.yamada@examplecorp', { ID: 'taro@examplecorp', 社員番号: 'B001' }]]),
    });
    expect(result.refused.map((refusal) => [refusal.column, refusal.reason])).toEqual([
      ['ID', 'locked-column'],
      ['社員番号', 'locked-column'],
    ]);
    expect(Buffer.from(result.bytes).equals(Buffer.from(input))).toBe(true);
  });
  it('refuses a character Shift_JIS cannot hold instead of writing ?', () => {
    const result = patch(input, { keyColumn: 'ID', changes: new Map([['taro.yamada@examplecorp', { 名: '𠮷太郎', 姓: '山田🍣' }]]) });
    expect(result.refused.map((refusal) => refusal.reason)).toEqual(['unencodable', 'unencodable']);
    expect(result.refused[0]!.detail).toContain('𠮷');
    expect(Buffer.from(result.bytes).equals(Buffer.from(input))).toBe(true);
  });
  it('reports unknown columns and keys that match no row', () => {
    const result = patch(input, {
      keyColumn: 'ID',
      changes: new Map<string, Record<string, string>>([
        ['nobody@examplecorp', { 役職: 'x' }],
        ['taro.yamada@examplecorp', { 趣味: 'x' }],
      ]),
    });
    expect(result.unmatchedKeys).toEqual(['nobody@examplecorp']);
    expect(result.refused).toMatchObject([{ reason: 'no-such-column', column: '趣味' }]);
  });
  it('neutralises a formula in free text but not in a trusted column', () => {
    const result = patch(input, {
      keyColumn: 'ID',
      trustedColumns: ['電話番号'],
      changes: new Map([['jiro.suzuki@examplecorp', { 役職: '=HYPERLINK("x")', 電話番号: '+81-3-1111-2222' }]]),
    });
    expect(result.changedCells.map((cell) => cell.after)).toEqual([`'=HYPERLINK("x")`, '+81-3-1111-2222']);
    const text = new TextDecoder('shift_jis').decode(result.bytes);
    expect(text).toContain(`,"'=HYPERLINK(""x"")",+81-3-1111-2222,A003`);
  });
  it('fails clearly without the key column', () => {
    const result = patchTemplate(input, { keyColumn: 'メールアドレス', changes: new Map() });
    expect(result.ok ? undefined : result.error).toEqual({ code: 'no-key-column', column: 'メールアドレス' });
  });
  it('never drops a row: row count is kept when many rows change', () => {
    const rows = Array.from({ length: 250 }, (_, i) => `user${i}@example.com,Name ${i},`);
    const big = new TextEncoder().encode(['email,name,dept', ...rows].join('\n') + '\n');
    const changes = new Map(rows.filter((_, i) => i % 3 === 0).map((row) => [row.split(',')[0]!, { dept: 'X' }]));
    const result = patch(big, { keyColumn: 'email', changes });
    const file = readCsv(result.bytes);
    expect(file.ok && file.rows.length).toBe(250);
    expect(result.changedCells).toHaveLength(84);
  });
});
