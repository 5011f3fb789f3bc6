import { unzipSync, zipSync } from 'fflate';
import { patchWorkbook } from '../lib/xlsx/patch';
import { writeWorkbook } from '../lib/xlsx/write';
import { changeRows, changesCsv, changesSheet } from '../lib/compare-changes';
import { encodeText } from '../lib/csv/encode';
import { makeMember } from '../tests/unit/db/factory';
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
    await changesWorkbookFigure(),
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

/** 10,000 changes of a comparison (4,000 joined, 3,000 left, 3,000 with two fields changed). */
function tenThousandChanges() {
  const member = (i: number, name = `山田 太郎${i}`, status = '使用中') =>
    makeMember('after', i, { name, normalizedEmail: `user${i}@example.co.jp`, fields: { status } });
  return changeRows({
    joined: Array.from({ length: 4000 }, (_, i) => member(i)),
    left: Array.from({ length: 3000 }, (_, i) => member(4000 + i)),
    changed: Array.from({ length: 3000 }, (_, i) => ({
      before: member(7000 + i),
      after: member(7000 + i, `山田 次郎${i}`, '一時停止'),
      fields: ['name' as const, 'status' as const],
    })),
    incomplete: { before: false, after: false },
    withheld: { joined: 0, left: 0 },
  });
}

/**
 * How long an admin waits for the Excel download of 10,000 compare changes (written in the
 * dashboard's workbook worker, so the page stays usable), against the CSV download of the same
 * changes: the table is the same, the workbook adds XML and deflate (target: at most 25×).
 */
async function changesWorkbookFigure(): Promise<BenchFigure> {
  const rows = tenThousandChanges();
  const csv = () => encodeText(changesCsv(rows, 'ja'), 'utf-8', true);
  const xlsx = () => writeWorkbook(changesSheet(rows, 'ja'));
  const { baseline, subject } = await interleavedMediansMs(5, csv, xlsx);
  return { name: 'write 10,000 compare changes as an Excel workbook vs as CSV', value: round(subject), unit: 'ms', baseline: round(baseline), target: 25 };
}
