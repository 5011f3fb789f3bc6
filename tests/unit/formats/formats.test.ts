import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readCsv, type CsvFile } from '../../../lib/csv/read';
import { FORMATS, FORMAT_IDS, formatById, type BuildResult } from '../../../lib/formats';
import { memberOf, snapshotOf } from '../../fixtures/csv/roster';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
function csvOf(result: BuildResult, index = 0): CsvFile {
  const file = readCsv(result.files[index]!.bytes);
  if (!file.ok) throw new Error(JSON.stringify(file.error));
  return file;
}

describe('registry', () => {
  it('registers every format id', () => {
    expect(Object.keys(FORMATS).sort()).toEqual([...FORMAT_IDS].sort());
    for (const id of FORMAT_IDS) expect(formatById(id)?.id).toBe(id);
    expect(formatById('nope')).toBeUndefined();
  });
});

describe('audit-report', () => {
  const snapshot = snapshotOf();
  const members = [
    memberOf('山田 太郎', 'taro@example.co.jp', {
      findingIds: ['duplicate-email', 'alias-address'],
      findings: [
        { id: 'duplicate-email', severity: 'warning' },
        { id: 'alias-address', severity: 'info', detail: 'taro+x' },
      ],
    }),
    memberOf('=HYPERLINK("http://evil")', 'x@partner.com', { linkStatus: 'shared-only', fields: { organisation: '営業部, 東京' } }),
  ];
  const result = FORMATS['audit-report'].build({ snapshot, members });
  it('writes UTF-8 with BOM, CRLF, the fixed columns first', () => {
    const bytes = result.files[0]!.bytes;
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const text = decode(bytes.subarray(3));
    expect(text.startsWith('console,source_url,name,identifier,email,domain,classification,link_status,findings,')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(4);
    const file = csvOf(result);
    expect(file.rows[0]!.slice(0, 9)).toEqual([
      'lineworks-members',
      'https://admin.worksmobile.com/members',
      '山田 太郎',
      'taro@example.co.jp',
      'taro@example.co.jp',
      'example.co.jp',
      'internal',
      'unknown',
      'duplicate-email;alias-address',
    ]);
    expect(result.files[0]!.name).toBe('audit-report-example.co.jp-20250115.csv');
  });
  it("carries the audit's verdict on every row: what was read of what the page stated, and why it stopped", () => {
    const cut = FORMATS['audit-report'].build({
      snapshot: { ...snapshot, complete: false, completeness: { verdict: 'incomplete', read: 2, total: 300, reason: 'scroll-stalled' } },
      members,
    });
    const file = csvOf(cut);
    const at = (header: string) => file.headers.indexOf(header);
    for (const row of file.rows) {
      expect([row[at('audit_verdict')], row[at('audit_members_read')], row[at('audit_members_stated')], row[at('audit_incomplete_reason')]]).toEqual([
        'incomplete',
        '2',
        '300',
        'scroll-stalled',
      ]);
    }
    expect(csvOf(result).rows[0]![at('audit_verdict')]).toBe('complete');
  });
  it("keeps the machine columns and adds labelled columns in the admin's language", () => {
    const ja = csvOf(result);
    expect(ja.headers.slice(0, 9)).toEqual(['console', 'source_url', 'name', 'identifier', 'email', 'domain', 'classification', 'link_status', 'findings']);
    expect(ja.headers.slice(-4)).toEqual(['分類', '分類の理由', '外部連携', '指摘']);
    expect(ja.rows[0]!.slice(-4)).toEqual(['社内', '社内ドメイン example.co.jp に一致', '未確認', 'メールアドレスの重複、エイリアス(+付き)アドレス']);
    const en = csvOf(FORMATS['audit-report'].build({ snapshot, members, lang: 'en' }));
    expect(en.headers.slice(-4)).toEqual(['Classified as', 'Why', 'External link', 'Findings in words']);
    expect(en.rows[1]!.slice(-4)).toEqual(['External', 'Domain partner.com is not an internal domain', 'Shared only', '']);
  });
  it('neutralises formulas and quotes what needs quoting', () => {
    const file = csvOf(result);
    expect(file.rows[1]![2]).toBe(`'=HYPERLINK("http://evil")`);
    expect(file.rows[1]![9]).toBe('営業部, 東京');
  });
  it('writes Shift_JIS on request and refuses characters it cannot hold', () => {
    const sjis = FORMATS['audit-report'].build({ snapshot, members, encoding: 'shift_jis' });
    expect(csvOf(sjis).encoding).toBe('shift_jis');
    const bad = FORMATS['audit-report'].build({ snapshot, members: [...members, memberOf('𠮷田 🍣', 'y@example.co.jp')], encoding: 'shift_jis' });
    expect(bad.files).toEqual([]);
    expect(bad.issues).toMatchObject([{ row: 3, line: 4, column: 'name', problem: { code: 'unencodable', chars: expect.stringContaining('𠮷') } }]);
    const skipped = FORMATS['audit-report'].build({
      snapshot,
      members: [...members, memberOf('𠮷田', 'y@example.co.jp')],
      encoding: 'shift_jis',
      validRowsOnly: true,
    });
    expect(csvOf(skipped).rows).toHaveLength(2);
    expect(skipped.skippedRows).toEqual([{ row: 3, member: 'y@example.co.jp', name: '𠮷田' }]);
  });
});

describe('lineworks-bulk-add', () => {
  const snapshot = snapshotOf();
  const many = Array.from({ length: 250 }, (_, i) =>
    memberOf(`山田\u3000太郎${i}`, `user${i}@example.co.jp`, { fields: { organisation: '本社|営業部', phone: '+81-3-0000-0000' } }),
  );

  it('splits at 100 members into a zip of parts', () => {
    const result = FORMATS['lineworks-bulk-add-auto'].build({ snapshot, members: many });
    expect(result.issues).toEqual([]);
    expect(result.files).toHaveLength(1);
    expect(result.files[0]).toMatchObject({ name: 'lineworks-bulk-add-auto-example.co.jp-20250115.zip', mime: 'application/zip' });
    const parts = unzipSync(result.files[0]!.bytes);
    expect(Object.keys(parts).sort()).toEqual(['001', '002', '003'].map((n) => `lineworks-bulk-add-auto-example.co.jp-20250115-${n}.csv`));
    const sizes = Object.keys(parts)
      .sort()
      .map((name) => {
        const file = readCsv(parts[name]!);
        if (!file.ok) throw new Error('unreadable part');
        return file.rows.length;
      });
    expect(sizes).toEqual([100, 100, 50]);
    const first = readCsv(parts[Object.keys(parts).sort()[0]!]!);
    if (!first.ok) throw new Error('unreadable');
    expect(first.headers.slice(0, 3)).toEqual(['姓', '名', 'ID']);
    expect(first.headers).not.toContain('パスワード');
    const row = Object.fromEntries(first.headers.map((header, i) => [header, first.rows[0]![i]]));
    expect(row).toMatchObject({ 姓: '山田', 名: '太郎0', ID: 'user0', 組織: '本社|営業部', 電話番号: '+81-3-0000-0000', 個人メールアドレス: '' });
  });

  it('gives one CSV for 100 members or fewer', () => {
    const result = FORMATS['lineworks-bulk-add-auto'].build({ snapshot, members: many.slice(0, 100) });
    expect(result.files[0]!.name.endsWith('.csv')).toBe(true);
    expect(csvOf(result).rows).toHaveLength(100);
  });

  it('requires the password in admin mode and lists every error by row and column', () => {
    const members = [memberOf('山田 太郎', 'taro.yamada@example.co.jp'), memberOf('Prince', 'x..y@example.co.jp')];
    const result = FORMATS['lineworks-bulk-add-admin'].build({
      snapshot,
      members,
      values: new Map([['taro.yamada@example.co.jp', { パスワード: 'Passw0rd!' }]]),
    });
    expect(result.files).toEqual([]);
    expect(result.issues.map((issue) => [issue.row, issue.line, issue.column, issue.problem.code])).toEqual([
      [2, 3, '名', 'required'],
      [2, 3, 'ID', 'field-lineworks-id'],
      [2, 3, 'パスワード', 'required'],
    ]);
    const partial = FORMATS['lineworks-bulk-add-admin'].build({
      snapshot,
      members,
      validRowsOnly: true,
      values: new Map([['taro.yamada@example.co.jp', { パスワード: 'Passw0rd!' }]]),
    });
    expect(csvOf(partial).rows.map((row) => row.slice(0, 4))).toEqual([['山田', '太郎', 'taro.yamada', 'Passw0rd!']]);
    expect(partial.skippedRows).toMatchObject([{ row: 2, name: 'Prince' }]);
  });

  it('fills the personal email in member mode and requires External Key with SSO', () => {
    const members = [memberOf('山田 太郎', 'taro@example.co.jp')];
    const result = FORMATS['lineworks-bulk-add-member'].build({ snapshot, members });
    const file = csvOf(result);
    expect(file.rows[0]![file.headers.indexOf('個人メールアドレス')]).toBe('taro@example.co.jp');
    const sso = FORMATS['lineworks-bulk-add-member'].build({ snapshot, members, sso: true });
    expect(sso.issues).toMatchObject([{ column: 'External Key', problem: { code: 'required' } }]);
  });

  it("fills the admin's own sample file, keeping its lines and columns", () => {
    const sample = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('メンバー一括追加\r\n姓,名,ID,組織,メモ\r\n')]);
    const result = FORMATS['lineworks-bulk-add-auto'].build({
      snapshot,
      members: [memberOf('山田 太郎', 'taro@example.co.jp', { fields: { organisation: '本社' } })],
      template: sample,
    });
    const bytes = result.files[0]!.bytes;
    expect(Buffer.from(bytes.subarray(0, sample.length))).toEqual(Buffer.from(sample));
    expect(decode(bytes.subarray(sample.length))).toBe('山田,太郎,taro,本社,\r\n');
  });
});

describe('lineworks-bulk-modify', () => {
  const snapshot = snapshotOf();
  const template = new TextEncoder().encode(
    'ID,姓,名,組織,電話番号,社員番号\r\ntaro@examplecorp,山田,太郎,本社,03-0000-0000,A1\r\nhanako@examplecorp,佐藤,花子,本社,,A2\r\n',
  );
  const members = [memberOf('山田 太郎', 'taro@examplecorp'), memberOf('佐藤 花子', 'hanako@examplecorp')];

  it('refuses without the downloaded file', () => {
    const result = FORMATS['lineworks-bulk-modify'].build({ snapshot, members });
    expect(result.files).toEqual([]);
    expect(result.issues).toMatchObject([{ problem: { code: 'template-required' }, severity: 'error' }]);
  });

  it('patches the edits, never the ID, never a blank over a value', () => {
    const values = new Map<string, Record<string, string>>([
      ['taro@examplecorp', { 組織: '本社|営業部', ID: 'taro2', 電話番号: '' }],
      ['hanako@examplecorp', { 電話番号: '+81-3-1111-1111' }],
    ]);
    const result = FORMATS['lineworks-bulk-modify'].build({ snapshot, members, template, values });
    expect(decode(result.files[0]!.bytes)).toBe(
      'ID,姓,名,組織,電話番号,社員番号\r\ntaro@examplecorp,山田,太郎,本社|営業部,03-0000-0000,A1\r\nhanako@examplecorp,佐藤,花子,本社,+81-3-1111-1111,A2\r\n',
    );
    expect(result.issues.map((issue) => [issue.column, issue.problem.code])).toEqual([
      ['ID', 'refused-locked-column'],
      ['電話番号', 'refused-would-clear'],
    ]);
    const allowed = FORMATS['lineworks-bulk-modify'].build({ snapshot, members, template, values, allowClear: new Set(['電話番号']) });
    expect(decode(allowed.files[0]!.bytes)).toContain('taro@examplecorp,山田,太郎,本社|営業部,,A1\r\n');
  });

  it('validates the edits before patching', () => {
    const result = FORMATS['lineworks-bulk-modify'].build({
      snapshot,
      members,
      template,
      values: new Map([['hanako@examplecorp', { 社員番号: 'x'.repeat(21) }]]),
    });
    expect(result.files).toEqual([]);
    expect(result.issues).toMatchObject([{ row: 2, line: 3, column: '社員番号', problem: { code: 'field-too-long', max: 20 } }]);
  });
});

describe('receptionist-employees', () => {
  const snapshot = snapshotOf({ console: 'receptionist-employees' });
  const chatwork = new Map([
    ['taro@example.co.jp', memberOf('山田 太郎', 'taro@example.co.jp', { fields: { chatworkAccountId: '1111111', chatworkId: 'taro_y' } })],
    ['hanako@example.co.jp', memberOf('佐藤 花子', 'hanako@example.co.jp', { fields: { chatworkAccountId: '2222222' } })],
  ]);
  const template = new TextEncoder().encode(
    '名前,メールアドレス,部署,チャットワーク アカウントID\r\n山田 太郎,TARO@example.co.jp,営業部,\r\n"佐藤 花子",hanako@example.co.jp,"開発部",\r\n鈴木 次郎,jiro@example.co.jp,総務部,9999\r\n',
  );

  it('fills the account ID column and keeps every row', () => {
    const result = FORMATS['receptionist-employees'].build({ snapshot, members: [], template, chatworkByEmail: chatwork });
    expect(decode(result.files[0]!.bytes)).toBe(
      '名前,メールアドレス,部署,チャットワーク アカウントID\r\n山田 太郎,TARO@example.co.jp,営業部,1111111\r\n"佐藤 花子",hanako@example.co.jp,"開発部",2222222\r\n鈴木 次郎,jiro@example.co.jp,総務部,9999\r\n',
    );
    expect(result.changedCells).toHaveLength(2);
    expect(result.issues).toMatchObject([{ problem: { code: 'no-chatwork-id' }, severity: 'warning', row: 3, line: 4 }]);
  });

  it('refuses a template without the chosen ID column', () => {
    const result = FORMATS['receptionist-employees'].build({ snapshot, members: [], template, chatworkByEmail: chatwork, chatworkIdKind: 'chatwork-id' });
    expect(result.files).toEqual([]);
    expect(result.issues[0]).toMatchObject({ problem: { code: 'template-missing-column' }, severity: 'error' });
  });

  it('builds its own layout without a template', () => {
    const members = [memberOf('山田 太郎', 'taro@example.co.jp', { fields: { organisation: '営業部' } })];
    const result = FORMATS['receptionist-employees'].build({ snapshot, members, chatworkByEmail: chatwork, chatworkIdKind: 'chatwork-id' });
    const file = csvOf(result);
    expect(file.headers).toEqual(['名前', 'メールアドレス', '部署', 'チャットワークID']);
    expect(file.rows).toEqual([['山田 太郎', 'taro@example.co.jp', '営業部', 'taro_y']]);
  });
});

describe('link-invitations', () => {
  it('lists only shared-only contacts with a suggested action', () => {
    const members = [
      memberOf('Partner', 'p@partner.com', { linkStatus: 'shared-only' }),
      memberOf('Linked', 'l@partner.com', { linkStatus: 'linked' }),
      memberOf('LINE user', '', { linkStatus: 'shared-only', isLineUser: true, key: 'line-1' }),
    ];
    const result = FORMATS['link-invitations'].build({ snapshot: snapshotOf({ console: 'lineworks-contacts' }), members, lang: 'en' });
    const file = csvOf(result);
    expect(file.headers.slice(0, 5)).toEqual(['name', 'identifier', 'email', 'domain', 'contact_kind']);
    expect(file.rows.map((row) => [row[0], row[4]])).toEqual([
      ['Partner', ''],
      ['LINE user', 'line'],
    ]);
    expect(file.rows[1]![6]).toContain('LINE user');
  });
});
