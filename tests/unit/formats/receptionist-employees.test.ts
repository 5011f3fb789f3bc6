import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../../lib/formats';
import type { Member } from '../../../lib/model';
import { memberOf, snapshotOf } from '../../fixtures/csv/roster';

const snapshot = snapshotOf({ console: 'receptionist-employees' });
const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const taro = memberOf('山田 太郎', 'taro@example.co.jp', { fields: { chatworkAccountId: '1001' } });
const hanako = memberOf('佐藤 花子', 'hanako@example.co.jp');
const jiro = memberOf('鈴木 次郎', 'jiro@example.co.jp');
const chatwork = new Map<string, Member>([
  ['hanako@example.co.jp', memberOf('佐藤 花子', 'hanako@example.co.jp', { fields: { chatworkAccountId: '1002' } })],
  ['jiro@example.co.jp', memberOf('鈴木 次郎', 'jiro@example.co.jp', { fields: { chatworkAccountId: '1003' } })],
]);
const build = FORMATS['receptionist-employees'].build;

describe('receptionist-employees: add file or full overwrite', () => {
  it('names the built-in file an add-only file and counts whom a full overwrite with it would delete', () => {
    const result = build({ snapshot, members: [hanako], rosterMembers: [taro, hanako, jiro], chatworkByEmail: chatwork });
    expect(result.files[0]!.name).toMatch(/^receptionist-employees-add-only-.*\.csv$/);
    expect(result.rowCounts).toEqual({ mode: 'add', rows: 1, keeps: 1, adds: 0, changes: 0, removes: 2 });
  });

  it('does not know whom an add file would delete when the audit is not of RECEPTIONIST', () => {
    const result = build({ snapshot: snapshotOf({ console: 'chatwork-users' }), members: [hanako, jiro], chatworkByEmail: chatwork });
    expect(result.rowCounts).toEqual({ mode: 'add', rows: 2, keeps: 0, adds: 2, changes: 0, removes: undefined });
  });

  it('fills the full download as an overwrite file that keeps every employee', () => {
    const template = encode(
      '名前,メールアドレス,チャットワーク アカウントID\r\n山田 太郎,taro@example.co.jp,1001\r\n佐藤 花子,hanako@example.co.jp,\r\n鈴木 次郎,jiro@example.co.jp,\r\n',
    );
    const result = build({ snapshot, members: [hanako], rosterMembers: [taro, hanako, jiro], chatworkByEmail: chatwork, template });
    expect(result.files[0]!.name).toMatch(/^receptionist-employees-overwrite-/);
    expect(result.rowCounts).toEqual({ mode: 'overwrite', rows: 3, keeps: 3, adds: 0, changes: 2, removes: 0 });
  });

  it('refuses a template that lacks audited employees: it is not the full download', () => {
    const template = encode('名前,メールアドレス,チャットワーク アカウントID\r\n佐藤 花子,hanako@example.co.jp,\r\n');
    const result = build({ snapshot, members: [hanako], rosterMembers: [taro, hanako, jiro], chatworkByEmail: chatwork, template });
    expect(result.files).toEqual([]);
    expect(result.issues).toMatchObject([{ severity: 'error', problem: { code: 'template-not-full-download', missing: 2 } }]);
  });

  it.each([
    ["a Chatwork-named column beside another tool's", '名前,メールアドレス,Slack アカウントID,Chatwork アカウントID', '佐藤 花子,hanako@example.co.jp,,'],
    ["a plain account-ID column beside another tool's", '名前,メールアドレス,Zoom アカウントID,アカウントID', '佐藤 花子,hanako@example.co.jp,,'],
    ['a 識別ID column in full-width brackets', '名前,メールアドレス,Teams アカウントID,チャットワーク（識別ID）', '佐藤 花子,hanako@example.co.jp,,'],
  ])("fills %s and never the other tool's column", (_, header, row) => {
    const template = encode(`${header}\r\n${row}\r\n`);
    const result = build({ snapshot, members: [hanako], chatworkByEmail: chatwork, template });
    expect(decode(result.files[0]!.bytes)).toBe(`${header}\r\n${row}1002\r\n`);
  });

  it("refuses a template whose only account-ID column is another tool's", () => {
    const template = encode('名前,メールアドレス,Slack アカウントID\r\n佐藤 花子,hanako@example.co.jp,\r\n');
    const result = build({ snapshot, members: [hanako], chatworkByEmail: chatwork, template });
    expect(result.files).toEqual([]);
    expect(result.issues).toMatchObject([{ problem: { code: 'template-missing-column' } }]);
  });
});
