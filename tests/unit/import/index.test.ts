import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRoster, type ImportedRoster } from '../../../lib/import';
import { handWorkbook, sheetXml } from '../xlsx/workbooks';

const templates = join(__dirname, '../../fixtures/csv/templates');
const utf8 = (text: string) => new TextEncoder().encode(text);
function imported(bytes: Uint8Array): ImportedRoster {
  const result = importRoster(bytes);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result;
}

describe('importRoster', () => {
  it('reads a Chatwork user export below its title and keyword rows', () => {
    const roster = imported(new Uint8Array(readFileSync(join(templates, 'chatwork-preamble-lf.csv'))));
    expect(roster).toMatchObject({ profile: 'chatwork-users', console: 'chatwork-users', tenant: 'example.co.jp' });
    expect(roster.rows[0]).toMatchObject({
      name: '山田 太郎',
      identifier: 'taro@example.co.jp',
      email: 'taro@example.co.jp',
      fields: { chatworkAccountId: '1001', chatworkId: 'taro_y' },
    });
    expect(roster.rows[1]!.fields).toEqual({ chatworkAccountId: '1002' });
  });
  it('reads a LINE WORKS member download in Shift_JIS', () => {
    const roster = imported(new Uint8Array(readFileSync(join(templates, 'lineworks-modify-sjis-crlf.csv'))));
    expect(roster).toMatchObject({ profile: 'lineworks-members', console: 'lineworks-members', tenant: 'examplecorp' });
    expect(roster.rows[0]).toMatchObject({
      name: '山田 太郎',
      identifier: 'taro.yamada@examplecorp',
      fields: { organisation: '本社|営業部', position: '部長', employeeNumber: 'A001' },
    });
    expect(roster.rows[0]!.cells).toHaveLength(9);
  });
  it('reads a Slack member export', () => {
    const roster = imported(
      utf8(
        'username,email,status,billing-active,has-2fa,has-sso,userid,fullname,displayname\ntaro,taro@example.com,Admin,1,1,0,U0123,Taro Yamada,taro\nbot,,Bot,0,0,0,U0999,,helper\n',
      ),
    );
    expect(roster).toMatchObject({ profile: 'slack-members', console: 'csv-import', tenant: 'example.com' });
    expect(roster.rows.map((row) => [row.name, row.identifier, row.fields.slackMemberId])).toEqual([
      ['Taro Yamada', 'taro@example.com', 'U0123'],
      ['helper', 'bot', 'U0999'],
    ]);
  });
  it('reads a Google Workspace user list', () => {
    const roster = imported(
      utf8(
        'First Name [Required],Last Name [Required],Email Address [Required],Password [Required],Org Unit Path [Required],Status [READ ONLY]\nTaro,Yamada,taro@example.com,****,/,Active\n',
      ),
    );
    expect(roster.profile).toBe('google-workspace-users');
    expect(roster.rows[0]).toMatchObject({ name: 'Taro Yamada', identifier: 'taro@example.com', fields: { status: 'Active', organisation: '/' } });
  });
  it('reads any CSV with an email column', () => {
    const roster = imported(utf8('氏名;E-mail;部署\n山田;taro@a.example;営業\n佐藤;hanako@b.example;開発\n鈴木;jiro@b.example;\n'));
    expect(roster).toMatchObject({ profile: 'generic-email', console: 'csv-import', tenant: 'b.example' });
    expect(roster.rows[0]).toMatchObject({ name: '山田', identifier: 'taro@a.example', fields: { organisation: '営業' } });
  });
  it('says clearly when there is no email or ID column', () => {
    const result = importRoster(utf8('name,phone\nTaro,03\n'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual({ code: 'no-identifier-column' });
  });
  it("passes a malformed file's problem through", () => {
    const result = importRoster(utf8('email\n"a@example.com\n'));
    expect(result.ok ? undefined : result.error).toEqual({ code: 'unterminated-quote', line: 2 });
  });
  it('clips over-long cells instead of failing', () => {
    const roster = imported(utf8(`email,name\na@example.com,${'x'.repeat(5000)}\n`));
    expect(roster.rows[0]!.name).toHaveLength(2000);
  });
  it('tells of every row of the wrong width and every row left out, with how many in all', () => {
    const clean = imported(utf8('email,name\na@example.com,A\n'));
    expect(clean.warnings).toEqual([]);
    expect(clean.warningCount).toBe(0);

    // 150 rows a cell short (100 listed, the rest counted), and two rows without a name or an address.
    const short = Array.from({ length: 150 }, (_, i) => `p${i}@example.com`);
    const roster = imported(utf8(['email,name,team', 'ok@example.com,OK,x', ...short, ',,x', ',,y', ''].join('\n')));
    expect(roster.rows).toHaveLength(151);
    expect(roster.warnings[0]).toEqual({ code: 'import-rows-skipped', rows: 2 });
    expect(roster.warnings[1]).toEqual({ code: 'column-count', line: 3, width: 3, cells: 1 });
    expect(roster.warnings.filter((warning) => warning.code === 'column-count')).toHaveLength(100);
    expect(roster.warningCount).toBe(1 + 150);
  });
  it("tells of a workbook's links to other files, which it never follows", () => {
    const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="${REL}/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>`;
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const sheet = sheetXml(`<row r="1">${cell('A1', 'email')}</row><row r="2">${cell('A2', 'a@example.com')}</row>`);
    const bytes = handWorkbook({
      sheet,
      extra: {
        'xl/_rels/workbook.xml.rels': utf8(rels),
        'xl/externalLinks/externalLink1.xml': utf8('<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'),
      },
    });
    const roster = imported(bytes);
    expect(roster.rows).toHaveLength(1);
    expect(roster.warnings).toEqual([{ code: 'xlsx-external-links' }]);
    expect(roster.warningCount).toBe(1);
  });
});
