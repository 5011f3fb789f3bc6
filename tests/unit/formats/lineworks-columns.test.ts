import { describe, expect, it } from 'vitest';
import { readCsv, type CsvFile } from '../../../lib/csv/read';
import { FORMATS, type BuildResult } from '../../../lib/formats';
import { lineworksColumns } from '../../../lib/formats/lineworks-columns';
import { memberOf, snapshotOf } from '../../fixtures/csv/roster';

const snapshot = snapshotOf();
const encode = (text: string) => new TextEncoder().encode(text);
function csvOf(result: BuildResult): CsvFile {
  const file = readCsv(result.files[0]!.bytes);
  if (!file.ok) throw new Error(JSON.stringify(file.error));
  return file;
}
const taro = memberOf('山田 太郎', 'taro@example.co.jp', { fields: { organisation: '本社|営業部', phone: '03-1234-5678' } });

describe('LINE WORKS bulk file columns (seed 004)', () => {
  it('builds the file in the order of the console sample', () => {
    expect(
      lineworksColumns('admin')
        .map((column) => column.header)
        .slice(0, 22),
    ).toEqual([
      '姓',
      '名',
      'ID',
      'パスワード',
      '姓 (フリガナ)',
      '名 (フリガナ)',
      '個人メールアドレス',
      'サブメールアドレス',
      'ニックネーム',
      '利用権限タイプ',
      '職級',
      '組織',
      '役職',
      '電話番号',
      '携帯電話 国番号',
      '携帯電話 番号',
      '言語',
      '担当業務',
      '勤務先',
      'SNS',
      'SNS_ID',
      '入社日',
    ]);
  });

  it('offers 生年月日 and 利用開始日 in bulk modify, and 生年月日 in no bulk add file', () => {
    const modify = lineworksColumns('modify').map((column) => column.header);
    expect(modify).toEqual(expect.arrayContaining(['生年月日', '利用開始日']));
    expect(modify).not.toContain('パスワード');
    expect(lineworksColumns('auto').map((column) => column.header)).not.toContain('生年月日');
    expect(lineworksColumns('auto').map((column) => column.header)).toContain('利用開始日');
  });

  it.each([
    ["the guide's words", '姓,名前,ID,携帯電話 / 国際電話番号,携帯電話 / 電話番号,組織'],
    ['full-width brackets and slashes', '姓（必須）,名前（必須）,ID（必須）,携帯電話／国際電話番号,携帯電話／電話番号,組織'],
    ['star marks and spaces', '*姓,* 名,ID *, 携帯電話 国番号 ,携帯電話 番号,組織'],
    ['English headers', 'Last Name,First Name,ID (必須),Mobile Country Code,Mobile Phone Number,Organization'],
  ])('fills a sample file headed with %s', (_, header) => {
    const sample = encode(`${header}\r\n`);
    const result = FORMATS['lineworks-bulk-add-auto'].build({
      snapshot,
      members: [taro],
      template: sample,
      values: new Map([[taro.key, { '携帯電話 国番号': '+81', '携帯電話 番号': '090-1234-5678' }]]),
    });
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(csvOf(result).rows).toEqual([['山田', '太郎', 'taro', '+81', '090-1234-5678', '本社|営業部']]);
  });

  it('patches a bulk modify download whose given-name column is 名前', () => {
    const download = encode('ID,姓,名前,利用開始日\r\ntaro@examplecorp,山田,太郎,\r\n');
    const result = FORMATS['lineworks-bulk-modify'].build({
      snapshot,
      members: [memberOf('山田 太郎', 'taro@examplecorp')],
      template: download,
      values: new Map([['taro@examplecorp', { 名: '太朗', 利用開始日: '20260401' }]]),
    });
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(new TextDecoder().decode(result.files[0]!.bytes)).toBe('ID,姓,名前,利用開始日\r\ntaro@examplecorp,山田,太朗,20260401\r\n');
  });

  it("refuses an uppercase ID instead of writing another account's lower-cased ID", () => {
    const result = FORMATS['lineworks-bulk-add-auto'].build({ snapshot, members: [memberOf('山田 太郎', 'Taro.Yamada@example.co.jp')] });
    expect(result.files).toEqual([]);
    expect(result.issues).toMatchObject([{ column: 'ID', problem: { code: 'field-lineworks-id' } }]);
  });
});
