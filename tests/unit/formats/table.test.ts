import { describe, expect, it } from 'vitest';
import { encodeText } from '../../../lib/csv/encode';
import { FORMATS } from '../../../lib/formats';
import { fileNamePart } from '../../../lib/formats/table';
import { memberOf, snapshotOf } from '../../fixtures/csv/roster';

const snapshot = snapshotOf();
const taro = memberOf('山田 太郎', 'taro@example.co.jp');

describe('a sample file with example rows', () => {
  it.each([
    ['UTF-8 with BOM and CRLF', 'utf-8', true, '\r\n'],
    ['Shift_JIS and LF', 'shift_jis', false, '\n'],
  ] as const)('(%s) is written without its example rows, and says which lines and why', (_, encoding, bom, newline) => {
    const head = ['メンバー一括追加 サンプル', '姓,名,ID (必須),組織', ''].join(newline);
    const examples = ['見本,花子,hanako.sample,本社|営業部', '見本,次郎,jiro.sample,本社'].join(newline) + newline;
    const sample = encodeText(head + examples, encoding, bom);
    const result = FORMATS['lineworks-bulk-add-auto'].build({ snapshot, members: [taro], template: sample });
    const bytes = result.files[0]!.bytes;
    const headBytes = encodeText(head, encoding, bom);
    expect(Buffer.from(bytes.subarray(0, headBytes.length))).toEqual(Buffer.from(headBytes));
    expect(Buffer.from(bytes.subarray(headBytes.length))).toEqual(Buffer.from(encodeText(`山田,太郎,taro,${newline}`, encoding, false)));
    expect(result.issues.map((issue) => [issue.severity, issue.problem.code, issue.line])).toEqual([
      ['warning', 'template-example-row', 3],
      ['warning', 'template-example-row', 4],
    ]);
    expect(result.issues[0]!.problem).toEqual({ code: 'template-example-row', line: 3, cells: '見本, 花子, hanako.sample' });
  });

  it('counts 100 members per file whatever example rows the sample held', () => {
    const sample = new TextEncoder().encode('姓,名,ID\r\n見本,花子,hanako.sample\r\n');
    const members = Array.from({ length: 100 }, (_, i) => memberOf(`山田 太郎${i}`, `user${i}@example.co.jp`));
    const result = FORMATS['lineworks-bulk-add-auto'].build({ snapshot, members, template: sample });
    expect(result.files.map((file) => file.name.endsWith('.csv'))).toEqual([true]);
    expect(new TextDecoder().decode(result.files[0]!.bytes).split('\r\n').filter(Boolean)).toHaveLength(101);
  });
});

describe('fileNamePart', () => {
  it('keeps a tenant named in Japanese as it is, and turns what a file name cannot hold into one dash', () => {
    expect(fileNamePart('株式会社エグザンプル')).toBe('株式会社エグザンプル');
    expect(fileNamePart('examplecorp.co.jp')).toBe('examplecorp.co.jp');
    expect(fileNamePart('ＡＢＣ 商事 / 本社:東京')).toBe('ABC-商事-本社-東京');
    expect(fileNamePart('<>:"/\\|?*')).toBe('export');
  });
});
