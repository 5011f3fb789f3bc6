import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { decodeCsv } from '../../../lib/csv/decode';
import { readCsv, type CsvFile } from '../../../lib/csv/read';

const fixtures = join(__dirname, '../../fixtures/csv');
const spectrum = join(fixtures, 'spectrum');
const templates = join(fixtures, 'templates');
const bytesOf = (path: string) => new Uint8Array(readFileSync(path));

function read(bytes: Uint8Array): CsvFile {
  const file = readCsv(bytes);
  if (!file.ok) throw new Error(JSON.stringify(file.error));
  return file;
}

describe('csv-spectrum', () => {
  const cases = readdirSync(spectrum).filter((name) => name.endsWith('.csv'));
  it('has every case of the suite', () => {
    expect(cases.map((name) => name.replace('.csv', '')).sort()).toEqual([
      'comma_in_quotes',
      'empty',
      'empty_crlf',
      'escaped_quotes',
      'json',
      'newlines',
      'newlines_crlf',
      'quotes_and_newlines',
      'simple',
      'simple_crlf',
      'utf8',
    ]);
  });
  for (const name of cases) {
    it(`reads ${name} as the suite expects`, () => {
      const file = read(bytesOf(join(spectrum, name)));
      const expected = JSON.parse(readFileSync(join(spectrum, name.replace('.csv', '.json')), 'utf8')) as Record<string, string>[];
      const objects = file.rows.map((row) => Object.fromEntries(file.headers.map((header, i) => [header, row[i]])));
      expect(objects).toEqual(expected);
    });
    it(`agrees with papaparse on ${name}`, () => {
      const text = readFileSync(join(spectrum, name), 'utf8');
      const papa = Papa.parse<string[]>(text, { skipEmptyLines: true });
      const file = read(bytesOf(join(spectrum, name)));
      expect([file.headers, ...file.rows]).toEqual(papa.data);
    });
  }
});

describe('decodeCsv', () => {
  it('detects UTF-8 with and without BOM', () => {
    const body = new TextEncoder().encode('名前\n');
    expect(decodeCsv(body)).toMatchObject({ encoding: 'utf-8', bom: false, text: '名前\n' });
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...body]))).toMatchObject({ encoding: 'utf-8', bom: true, text: '名前\n' });
  });
  it('detects UTF-16 by its BOM and Shift_JIS by invalid UTF-8', () => {
    expect(decodeCsv(bytesOf(join(templates, 'tab-utf16le.csv')))).toMatchObject({ encoding: 'utf-16le', bom: true });
    expect(decodeCsv(bytesOf(join(templates, 'utf16be.csv')))).toMatchObject({
      encoding: 'utf-16be',
      bom: true,
      text: 'name,email\r\nTaro,taro@example.com\r\n',
    });
    const sjis = decodeCsv(bytesOf(join(templates, 'lineworks-modify-sjis-crlf.csv')));
    expect(sjis.encoding).toBe('shift_jis');
    expect(sjis.text).toContain('山田,太郎');
    expect(sjis.text).toContain('ｽｽﾞｷ');
  });
  it('takes an override', () => {
    expect(decodeCsv(new Uint8Array([0x41, 0x42]), 'shift_jis')).toMatchObject({ encoding: 'shift_jis', text: 'AB' });
  });
});

describe('readCsv', () => {
  it('finds the header below a title row and a keyword row', () => {
    const file = read(bytesOf(join(templates, 'chatwork-preamble-lf.csv')));
    expect(file.headerRowIndex).toBe(2);
    expect(file.preamble).toEqual(['Chatwork ユーザー一覧', 'required,required,optional,optional']);
    expect(file.headers).toEqual(['識別ID', 'チャットワークID', '名前', 'メールアドレス']);
    expect(file.rows[1]).toEqual(['1002', '', '佐藤 花子', 'hanako@example.co.jp']);
    expect(file.rowLines).toEqual([4, 5]);
    expect(file.newline).toBe('\n');
  });
  it("finds the header below Entra's version line", () => {
    const file = read(bytesOf(join(templates, 'entra-version.csv')));
    expect(file.preamble).toEqual(['version:v1.0']);
    expect(file.headers[1]).toBe('User name [userPrincipalName] Required');
    expect(file.rows).toEqual([['Taro Yamada', 'taro@example.com', 'Passw0rd!']]);
  });
  it('reads tab-delimited UTF-16 and semicolon files', () => {
    const tab = read(bytesOf(join(templates, 'tab-utf16le.csv')));
    expect(tab).toMatchObject({ delimiter: '\t', encoding: 'utf-16le', newline: '\r\n', headers: ['name', 'email', 'dept'] });
    expect(tab.rows[1]).toEqual(['Hanako', 'hanako@example.com', 'a\tb']);
    const semi = read(bytesOf(join(templates, 'semicolon-quoted.csv')));
    expect(semi.delimiter).toBe(';');
    expect(semi.rows[0]).toEqual(['Taro', 'taro@example.com', 'says "hi"; twice']);
  });
  it('reports mixed line endings and a missing final newline', () => {
    const file = read(bytesOf(join(templates, 'mixed-newlines-no-trailing.csv')));
    expect(file.mixedNewlines).toBe(true);
    expect(file.endsWithNewline).toBe(false);
    expect(file.rows).toEqual([
      ['A', 'a@example.com', 'x'],
      ['B', 'b@example.com', 'y\r\nz'],
      ['C', 'c@example.com', ''],
    ]);
    expect(file.rowLines).toEqual([2, 3, 5]);
  });
  it('skips blank lines and keeps spaces in values', () => {
    const file = read(bytesOf(join(templates, 'empty-lines-trailing-spaces.csv')));
    expect(file.rows).toEqual([['Taro ', ' taro@example.com ']]);
  });
  it('names the line of an unterminated quote', () => {
    const file = readCsv(new TextEncoder().encode('a,b\n1,2\n3,"never closed\n4,5\n'));
    expect(file.ok).toBe(false);
    if (file.ok) return;
    expect(file.error).toEqual({ code: 'unterminated-quote', line: 3 });
  });
  it('names the line of text after a closing quote', () => {
    const file = readCsv(new TextEncoder().encode('a,b\n"x"y,2\n'));
    expect(file.ok ? undefined : file.error).toMatchObject({ code: 'text-after-quote', line: 2 });
  });
  it('warns about a row with the wrong column count', () => {
    const file = read(new TextEncoder().encode('a,b,c\n1,2,3\n4,5\n'));
    expect(file.warnings).toHaveLength(1);
    expect(file.warnings[0]).toEqual({ code: 'column-count', line: 3, width: 3, cells: 2 });
  });
  it('reports an empty file', () => {
    const file = readCsv(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(file.ok ? undefined : file.error.code).toBe('empty');
  });
  it('reads a header-only Shift_JIS file without a final newline', () => {
    const file = read(bytesOf(join(templates, 'only-header.csv')));
    expect(file).toMatchObject({ encoding: 'shift_jis', headers: ['名前', 'メールアドレス'], rows: [] });
  });
});
