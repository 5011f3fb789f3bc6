import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { patchTemplate } from '../../../lib/csv/patch';
import { readCsv, type CsvFile } from '../../../lib/csv/read';
import { FORMATS, FORMAT_IDS, type BuildResult, type FormatId, type FormatInput } from '../../../lib/formats';
import { RULES } from '../../../lib/formats/rules';
import { importRoster } from '../../../lib/import';
import type { Member } from '../../../lib/model';
import type { Problem } from '../../../lib/problem';
import { PROBLEM_TEXT, sayProblem } from '../../../lib/problem-text';
import { MAX_CELL_LENGTH, MAX_CELLS_PER_ROW } from '../../../lib/row-limits';
import { memberOf, snapshotOf } from '../../fixtures/csv/roster';
import {
  binaryGarbage,
  concat,
  FORMULA_PAYLOADS,
  hugeRoster,
  isLiveFormula,
  ROSTER_TEXT,
  shiftJis,
  shiftJisCutMidCharacter,
  utf16,
  utf8,
  utf8Bom,
  utf8CutMidCharacter,
  utf8CutMidQuote,
  xlsRenamedCsv,
  xlsxRenamedCsv,
} from '../../fixtures/hostile-files';

/**
 * Files an admin may drop into the dashboard that are not what they seem. Every reader and writer
 * answers with a clear message (Japanese and English, naming the line where one is at fault) or a
 * safe result: never an exception, never half a file, never a cell a spreadsheet would run.
 */

/** A problem the admin reads in words in both languages: a code the text table knows, every parameter filled. */
function expectClearMessage(problem: Problem) {
  expect(Object.hasOwn(PROBLEM_TEXT, problem.code), problem.code).toBe(true);
  expect(sayProblem(problem, 'ja')).toMatch(/[ぁ-んァ-ン一-龥]/);
  expect(sayProblem(problem, 'en')).toMatch(/[a-z]{3}/);
  expect(sayProblem(problem, 'en')).not.toMatch(/\{\w+\}/);
}

function readOk(bytes: Uint8Array): CsvFile {
  const file = readCsv(bytes);
  if (!file.ok) throw new Error(`not read: ${file.error.code}`);
  return file;
}

const ROSTER_HEADERS = ['名前', 'メールアドレス', '部署'];
const ROSTER_ROWS = [
  ['山田 太郎', 'taro@example.co.jp', '営業部, 東京'],
  ['鈴木 花子', 'hanako@example.co.jp', '総務部'],
];

describe('files cut short', () => {
  it('names the line of an unclosed quote, and no reader or patch returns anything', () => {
    const bytes = utf8CutMidQuote();
    const read = readCsv(bytes);
    expect(read).toMatchObject({ ok: false, error: { code: 'unterminated-quote', line: 2 } });
    if (!read.ok) expectClearMessage(read.error);
    expect(importRoster(bytes)).toMatchObject({ ok: false, error: { code: 'unterminated-quote', line: 2 } });
    const patched = patchTemplate(bytes, { keyColumn: 'メールアドレス', changes: new Map([['taro@example.co.jp', { 部署: '開発部' }]]) });
    expect(patched.ok).toBe(false);
    expect(patched).not.toHaveProperty('bytes');
  });

  it.each([
    ['UTF-8', utf8CutMidCharacter, 'utf-8'],
    ['UTF-8 with BOM', () => utf8Bom(ROSTER_TEXT).subarray(0, utf8Bom(ROSTER_TEXT).length - 4), 'utf-8'],
    ['Shift_JIS', shiftJisCutMidCharacter, 'shift_jis'],
  ] as const)('reads %s cut inside a character in its own encoding and says from which line it is damaged', (_, bytes, encoding) => {
    const file = readOk(bytes());
    expect(file.encoding).toBe(encoding);
    expect(file.headers).toEqual(ROSTER_HEADERS);
    expect(file.rows[0]).toEqual(ROSTER_ROWS[0]);
    expect(file.rows[1]!.slice(0, 2)).toEqual(ROSTER_ROWS[1]!.slice(0, 2));
    expect(file.warnings).toMatchObject([{ code: 'lossy-decoding', line: 3 }]);
    expectClearMessage(file.warnings[0]!);
    expect(sayProblem(file.warnings[0]!, 'en')).toContain('line 3');

    const imported = importRoster(bytes());
    expect(imported).toMatchObject({ ok: true, rows: [{ name: '山田 太郎' }, { name: '鈴木 花子' }] });
  });
});

describe('files in another encoding than they seem', () => {
  it.each([
    ['little-endian', 'le'],
    ['big-endian', 'be'],
  ] as const)('reads UTF-16 %s written without a BOM', (_, endian) => {
    const file = readOk(utf16(ROSTER_TEXT, endian));
    expect(file.encoding).toBe(`utf-16${endian}`);
    expect(file.headers).toEqual(ROSTER_HEADERS);
    expect(file.rows).toEqual(ROSTER_ROWS);
    expect(file.warnings).toEqual([]);
  });

  it('warns when Shift_JIS is read as UTF-8 on the admin’s say-so, naming the first damaged line', () => {
    const file = readCsv(shiftJis(ROSTER_TEXT), 'utf-8');
    expect(file).toMatchObject({ ok: true, encoding: 'utf-8', warnings: [{ code: 'lossy-decoding', line: 1 }] });
  });

  it('warns when UTF-8 is read as Shift_JIS on the admin’s say-so', () => {
    const file = readCsv(utf8(ROSTER_TEXT), 'shift_jis');
    expect(file).toMatchObject({ ok: true, encoding: 'shift_jis', warnings: [{ code: 'lossy-decoding' }] });
  });
});

describe('files that are no CSV at all', () => {
  it.each([
    // A workbook is read as one where workbooks are taken (roster import): a broken one is refused with a workbook's code.
    ['an .xlsx workbook renamed .csv', xlsxRenamedCsv, /xlsx/, 'zip-not-csv', 'xlsx-not-a-workbook'],
    ['an .xls workbook renamed .csv', xlsRenamedCsv, /xls\b/, 'xls-not-csv', 'xlsx-legacy-xls'],
    ['binary garbage', () => binaryGarbage(), /not text/, 'not-text', 'not-text'],
    [
      'text with zero bytes',
      () => concat(utf8('名前,メールアドレス\r\n'), new Uint8Array(64), utf8('x,y@example.co.jp\r\n')),
      /not text/,
      'not-text',
      'not-text',
    ],
  ])('refuses %s with a plain message, everywhere', (_, bytes, english, readCode, importCode) => {
    const read = readCsv(bytes());
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.code).toBe(readCode);
    expect(sayProblem(read.error, 'en')).toMatch(english);
    expectClearMessage(read.error);
    const imported = importRoster(bytes());
    expect(imported).toMatchObject({ ok: false, error: { code: importCode } });
    if (!imported.ok) expectClearMessage(imported.error);
    expect(patchTemplate(bytes(), { keyColumn: 'ID', changes: new Map() })).toMatchObject({ ok: false, error: { code: readCode } });
  });

  it('still reads a file that ends with a stray Ctrl-Z, as old DOS tools write', () => {
    const file = readOk(concat(utf8(ROSTER_TEXT), Uint8Array.of(0x1a)));
    expect(file.rows.slice(0, 2)).toEqual(ROSTER_ROWS);
  });

  it.each([
    ['empty', new Uint8Array(0)],
    ['a BOM alone', Uint8Array.of(0xef, 0xbb, 0xbf)],
  ])('says a file is empty when it is %s', (_, bytes) => {
    expect(readCsv(bytes)).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect(importRoster(bytes)).toMatchObject({ ok: false, error: { code: 'empty' } });
  });
});

describe('huge files', () => {
  it('reads, imports and patches a 50 MB roster', { timeout: 120_000 }, () => {
    const { bytes, rows } = hugeRoster(50 * 1024 * 1024);
    expect(bytes.length).toBeGreaterThan(50 * 1024 * 1024);
    const file = readOk(bytes);
    expect(file.rows).toHaveLength(rows);
    expect(file.rows.at(-1)).toEqual([`社員${String(rows - 1).padStart(7, '0')}`, `user${rows - 1}@example.co.jp`, `部署${(rows - 1) % 50}`]);

    const imported = importRoster(bytes);
    expect(imported.ok && imported.rows.length).toBe(rows);

    const last = `user${rows - 1}@example.co.jp`;
    const patched = patchTemplate(bytes, { keyColumn: 'メールアドレス', changes: new Map([[last, { 部署: '=cmd' }]]) });
    if (!patched.ok) throw new Error(JSON.stringify(patched.error));
    expect(patched.changedCells).toMatchObject([{ line: rows + 1, after: "'=cmd" }]);
    expect(patched.bytes.length).toBe(bytes.length + utf8("'=cmd").length - utf8(`部署${(rows - 1) % 50}`).length);
  });

  it('reads a 10 MB cell whole, imports it clipped, and patches its row', { timeout: 60_000 }, () => {
    const big = 'あ'.repeat((10 * 1024 * 1024) / 3);
    const bytes = utf8(`名前,メールアドレス,備考\r\n山田 太郎,taro@example.co.jp,"${big}"\r\n`);
    const file = readOk(bytes);
    expect(file.rows[0]![2]).toBe(big);
    const imported = importRoster(bytes);
    expect(imported).toMatchObject({ ok: true, rows: [{ name: '山田 太郎', identifier: 'taro@example.co.jp' }] });
    if (imported.ok) expect(imported.rows[0]!.cells[2]).toHaveLength(MAX_CELL_LENGTH);
    const patched = patchTemplate(bytes, { keyColumn: 'メールアドレス', changes: new Map([['taro@example.co.jp', { 名前: '山田 太朗' }]]) });
    expect(patched.ok && readOk(patched.bytes).rows[0]).toEqual(['山田 太朗', 'taro@example.co.jp', big]);
  });

  it('reads a file of 100,000 columns and imports its members with their cells capped', { timeout: 60_000 }, () => {
    const width = 100_000;
    const header = Array.from({ length: width }, (_, i) => (i === 1 ? 'メールアドレス' : i === 0 ? '名前' : `列${i}`));
    const row = Array.from({ length: width }, (_, i) => (i === 1 ? 'taro@example.co.jp' : i === 0 ? '山田 太郎' : `=${i}`));
    const bytes = utf8(`${header.join(',')}\r\n${row.join(',')}\r\n`);
    const file = readOk(bytes);
    expect(file.headers).toHaveLength(width);
    expect(file.rows[0]).toHaveLength(width);
    const imported = importRoster(bytes);
    expect(imported).toMatchObject({ ok: true, rows: [{ name: '山田 太郎', identifier: 'taro@example.co.jp' }] });
    if (imported.ok) expect(imported.rows[0]!.cells).toHaveLength(MAX_CELLS_PER_ROW);
  });
});

/** Every file a build handed over, unzipped, read back. */
function outputFiles(result: BuildResult): CsvFile[] {
  return result.files.flatMap((file) => {
    if (file.name.endsWith('.zip')) return Object.values(unzipSync(file.bytes)).map(readOk);
    return [readOk(file.bytes)];
  });
}

/**
 * No cell would run in a spreadsheet, except in a column whose values passed a strict rule
 * (`+81-3-…` phone numbers, numeric account IDs), and those cells must pass it.
 */
function expectNothingLive(result: BuildResult, trusted: Record<string, (value: string) => boolean> = {}) {
  const files = outputFiles(result);
  expect(files.length).toBeGreaterThan(0);
  let checked = 0;
  for (const file of files) {
    for (const [r, row] of file.rows.entries()) {
      for (const [c, cell] of row.entries()) {
        checked++;
        if (!isLiveFormula(cell)) continue;
        const rule = trusted[file.headers[c]!];
        expect(rule, `row ${r + 1} column ${file.headers[c]}: ${JSON.stringify(cell)}`).toBeDefined();
        expect(rule!(cell), `${file.headers[c]} ${JSON.stringify(cell)} passes its rule`).toBe(true);
      }
    }
  }
  return checked;
}

describe('formula injection in every export', () => {
  const snapshot = snapshotOf({ tenant: '=cmd|x', sourceUrl: 'https://intranet.example.com/?q==1' });
  // Payloads in names and identifiers (which most rules refuse) and, on people with plain names, in
  // free-text fields that no rule guards.
  const members: Member[] = FORMULA_PAYLOADS.flatMap((payload, i) =>
    [
      { name: payload, identifier: i % 2 ? payload : `user${i}@example.co.jp` },
      { name: '山田 太郎', identifier: `plain${i}@example.co.jp` },
    ].map(({ name, identifier }, j) =>
      memberOf(name, identifier.includes('@') ? identifier : `user${i}@example.co.jp`, {
        index: 2 * i + j,
        identifier,
        linkStatus: 'shared-only',
        fields: { organisation: payload, position: payload, status: payload, employeeNumber: payload.slice(0, 20) },
        findings: [{ id: 'external-domain', severity: 'warning', detail: payload }],
        findingIds: ['external-domain'],
      }),
    ),
  );
  const passwords = new Map(members.map((member) => [member.key, { パスワード: 'Passw0rd!x' }]));
  const phone = (value: string) => RULES.phone.schema.safeParse(value).success;

  const builtIn: [FormatId, Partial<FormatInput>][] = [
    ['audit-report', {}],
    ['link-invitations', {}],
    ['receptionist-employees', {}],
    ['lineworks-bulk-add-auto', {}],
    ['lineworks-bulk-add-admin', { values: passwords }],
    ['lineworks-bulk-add-member', {}],
  ];
  it.each(builtIn)('%s neutralises every payload it writes', (id, extra) => {
    const result = FORMATS[id].build({ snapshot, members, validRowsOnly: true, ...extra });
    expect(result.files.length, JSON.stringify(result.issues.slice(0, 3))).toBe(1);
    expect(expectNothingLive(result)).toBeGreaterThan(0);
    // The payloads that pass a format's own rules are written, not dropped: made safe, still readable.
    expect(outputFiles(result)[0]!.rows.length).toBeGreaterThan(0);
  });

  it('the audit report keeps each payload readable behind one quote', () => {
    const [file] = outputFiles(FORMATS['audit-report'].build({ snapshot, members }));
    const names = file!.rows.map((row) => row[2]);
    expect(names).toContain("'=cmd|' /C calc'!A0");
    expect(names).toContain("'＝1+1");
    expect(names).toContain("営業部\n'=cmd|' /C calc'!A0");
    expect(names).toContain("'\t=1+1");
  });

  it('the same with Shift_JIS output', () => {
    const result = FORMATS['audit-report'].build({ snapshot, members, encoding: 'shift_jis' });
    expect(outputFiles(result)[0]!.encoding).toBe('shift_jis');
    expectNothingLive(result);
  });

  it('the same when rows are appended to the admin’s own bulk-add sample file', () => {
    const template = utf8('姓,名,ID,組織,役職,電話番号\r\n');
    const result = FORMATS['lineworks-bulk-add-auto'].build({ snapshot, members, template, validRowsOnly: true });
    expectNothingLive(result);
  });

  it('bulk modify patches payloads in neutralised and keeps validated phone numbers as typed', () => {
    const template = utf8('ID,姓,名,組織,役職,電話番号\r\nuser0@examplecorp,山田,太郎,本社,,\r\nuser1@examplecorp,佐藤,花子,本社,,\r\n');
    const target = [memberOf('山田 太郎', 'user0@examplecorp'), memberOf('佐藤 花子', 'user1@examplecorp')];
    const values = new Map<string, Record<string, string>>([
      ['user0@examplecorp', { 役職: "=cmd|' /C calc'!A0", 組織: '＝1+1|-2+3', 電話番号: '+81-3-1234-5678' }],
      ['user1@examplecorp', { 役職: '1行目\n@SUM(1)', 電話番号: '+1+1' }],
    ]);
    const result = FORMATS['lineworks-bulk-modify'].build({ snapshot, members: target, template, values });
    expectNothingLive(result, { 電話番号: phone });
    const [file] = outputFiles(result);
    expect(file!.rows).toEqual([
      ['user0@examplecorp', '山田', '太郎', "'＝1+1|-2+3", "'=cmd|' /C calc'!A0", '+81-3-1234-5678'],
      ['user1@examplecorp', '佐藤', '花子', '本社', "1行目\n'@SUM(1)", '+1+1'],
    ]);
  });

  it('RECEPTIONIST refuses an account ID that is a formula instead of writing it', () => {
    const template = utf8('名前,メールアドレス,部署,チャットワーク アカウントID\r\n山田 太郎,taro@example.co.jp,営業部,\r\n');
    const chatwork = new Map([['taro@example.co.jp', memberOf('山田 太郎', 'taro@example.co.jp', { fields: { chatworkAccountId: '=1+1' } })]]);
    const result = FORMATS['receptionist-employees'].build({ snapshot, members: [], template, chatworkByEmail: chatwork });
    expect(result.files).toEqual([]);
    expect(result.issues).toMatchObject([{ severity: 'error', row: 1, line: 2, column: 'チャットワーク アカウントID' }]);
  });

  it('patchTemplate neutralises what it writes unless the column is trusted', () => {
    const template = utf8('ID,メモ,電話番号\r\na,,\r\n');
    for (const payload of FORMULA_PAYLOADS) {
      const result = patchTemplate(template, { keyColumn: 'ID', changes: new Map([['a', { メモ: payload }]]) });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      expect(isLiveFormula(readOk(result.bytes).rows[0]![1]!), JSON.stringify(payload)).toBe(false);
    }
    const trusted = patchTemplate(template, { keyColumn: 'ID', trustedColumns: ['電話番号'], changes: new Map([['a', { 電話番号: '+81-3-1234-5678' }]]) });
    expect(trusted.ok && readOk(trusted.bytes).rows[0]![2]).toBe('+81-3-1234-5678');
  });
});

describe('hostile templates given to an export', () => {
  const templateFormats = FORMAT_IDS.filter((id) => FORMATS[id].options.template !== 'none');
  const hostile: [string, () => Uint8Array, string][] = [
    ['cut inside a quote', utf8CutMidQuote, 'unterminated-quote'],
    ['an .xlsx renamed .csv', xlsxRenamedCsv, 'xlsx-not-a-workbook'],
    ['an .xls renamed .csv', xlsRenamedCsv, 'xlsx-legacy-xls'],
    ['binary garbage', () => binaryGarbage(), 'not-text'],
    ['empty', () => new Uint8Array(0), 'empty'],
  ];
  const members = [memberOf('山田 太郎', 'taro@example.co.jp')];
  for (const id of templateFormats) {
    it.each(hostile)(`${id}: a template %s gives no file and says why`, (_, template, code) => {
      let result: BuildResult | undefined;
      expect(() => (result = FORMATS[id].build({ snapshot: snapshotOf(), members, template: template() }))).not.toThrow();
      expect(result!.files).toEqual([]);
      const error = result!.issues.find((issue) => issue.severity === 'error');
      expect(error?.problem.code).toBe(code);
      expectClearMessage(error!.problem);
    });
  }
});
