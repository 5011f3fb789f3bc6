import { describe, expect, it } from 'vitest';
import { patchTemplate } from '../../../lib/csv/patch';
import { readCsv } from '../../../lib/csv/read';
import { importRoster } from '../../../lib/import';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Chatwork's bulk-import layout: titles in row 1, processing keywords in row 2, users from row 3. */
const BULK_IMPORT = [
  '識別ID,名前,メールアドレス(ログイン用),言語,組織名,役職',
  'aid,name,mail,lang,org,title',
  '1001,山田 太郎,taro@example.co.jp,ja,営業部,部長',
  ',佐藤 花子,hanako@example.co.jp,ja,,',
  '',
].join('\r\n');

describe('Chatwork files', () => {
  it('reads the user-information export: account ID, name, login email and profile', () => {
    const imported = importRoster(utf8('accountID,name,login email,organization name,title\r\n1001,Taro Yamada,taro@example.co.jp,Sales,Manager\r\n'));
    if (!imported.ok) throw new Error(JSON.stringify(imported.error));
    expect(imported.profile).toBe('chatwork-users');
    expect(imported.rows).toMatchObject([
      {
        name: 'Taro Yamada',
        identifier: 'taro@example.co.jp',
        email: 'taro@example.co.jp',
        fields: { chatworkAccountId: '1001', organisation: 'Sales', position: 'Manager' },
      },
    ]);
  });

  it.each([
    ['Japanese', BULK_IMPORT],
    [
      'English',
      BULK_IMPORT.replace(
        '識別ID,名前,メールアドレス(ログイン用),言語,組織名,役職',
        'Unique ID,Name,E-mail Address (Login credential),Language,Organization Name,Title',
      ),
    ],
  ])('never reads the keyword row of a %s bulk-import file as a user', (_, text) => {
    const imported = importRoster(utf8(text));
    if (!imported.ok) throw new Error(JSON.stringify(imported.error));
    expect(imported.rows.map((row) => [row.name, row.identifier, row.fields.chatworkAccountId])).toEqual([
      ['山田 太郎', 'taro@example.co.jp', '1001'],
      ['佐藤 花子', 'hanako@example.co.jp', undefined],
    ]);
    const file = readCsv(utf8(text));
    expect(file.ok && file.rowLines).toEqual([3, 4]);
  });

  it('keeps the keyword row byte for byte when the file is a template, and never matches it as a user', () => {
    const result = patchTemplate(utf8(BULK_IMPORT), {
      keyColumn: 'メールアドレス(ログイン用)',
      changes: new Map([
        ['mail', { 役職: 'x' }],
        ['hanako@example.co.jp', { 役職: '課長' }],
      ]),
    });
    expect(result.ok && new TextDecoder().decode(result.bytes)).toBe(BULK_IMPORT.replace('hanako@example.co.jp,ja,,', 'hanako@example.co.jp,ja,,課長'));
  });

  it.each([
    ['plain words with an address', 'name,email,team\r\ntaro,taro@example.com,sales\r\n', [['taro', 'taro@example.com', 'sales']]],
    ['plain words in a file with no mail column', 'ID,姓,名\r\ntaro.yamada,Yamada,Taro\r\n', [['taro.yamada', 'Yamada', 'Taro']]],
    ['plain words with a blank mail cell', 'ID,姓,名,個人メールアドレス\r\ntaro.yamada,Yamada,Taro,\r\n', [['taro.yamada', 'Yamada', 'Taro', '']]],
  ])('reads a first row of %s as a person', (_, text, rows) => {
    const file = readCsv(utf8(text));
    expect(file.ok && file.rows).toEqual(rows);
  });
});
