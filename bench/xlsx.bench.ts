import { unzipSync, zipSync } from 'fflate';
import { patchWorkbook } from '../lib/xlsx/patch';
import { writeWorkbook } from '../lib/xlsx/write';
import { interleavedMediansMs, type BenchFigure } from './figure';

const ROWS = 10_000;

/** A 10,000-row employee workbook as the product writes one. */
function workbook(): Uint8Array {
  const headers = ['名前', 'メールアドレス', 'チャットワーク アカウントID', '社員番号', '部署', '電話番号'];
  const rows = Array.from({ length: ROWS }, (_, i) => [
    `山田 太郎${i}`,
    `user${i}@example.co.jp`,
    i % 3 === 0 ? '' : String(1_000_000 + i),
    String(i).padStart(6, '0'),
    '本社|営業部',
    '+81-3-0000-0000',
  ]);
  return writeWorkbook({ sheetName: '社員', headers, required: headers.map(() => false), rows });
}

export async function runXlsxBench(): Promise<BenchFigure[]> {
  const bytes = workbook();
  const changes = new Map<string, Record<string, string>>();
  for (let i = 0; i < ROWS; i += 10) changes.set(`user${i}@example.co.jp`, { 'チャットワーク アカウントID': String(2_000_000 + i) });
  const patch = () => {
    const result = patchWorkbook(bytes, { keyColumn: 'メールアドレス', changes });
    if (!result.ok || result.changedCells.length !== changes.size) throw new Error('workbook patch failed in the bench');
  };
  // The bare round trip with the same zip library: every entry inflated and deflated again.
  const readWrite = () => zipSync(unzipSync(bytes), { level: 6 });
  patch();
  readWrite();
  const { baseline, subject } = await interleavedMediansMs(7, readWrite, patch);
  return [
    {
      name: 'patch a 10,000-row workbook (1,000 cells: read, plan, rewrite one sheet) vs fflate unzip + zip of it',
      value: round(subject),
      unit: 'ms',
      baseline: round(baseline),
      target: 2,
    },
  ];
}

const round = (ms: number) => Math.round(ms * 10) / 10;
