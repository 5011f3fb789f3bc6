import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readTable } from '../../lib/xlsx/table';
import { openZip, readEntry } from '../../lib/xlsx/zip';
import { bombWorkbook } from '../unit/xlsx/workbooks';
import { startSession, type Session } from './harness';

const BACKUP = resolve(import.meta.dirname, '../fixtures/backups/dashboard.json');

/**
 * The RECEPTIONIST employee download as a workbook with red required headers, a validation list, a
 * comment and a second sheet. It is the full download (every audited employee), as a full overwrite needs.
 */
async function employeesWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('社員');
  sheet.addRow(['名前', 'メールアドレス', 'チャットワーク アカウントID', '部署']);
  sheet.addRow(['山田 太郎', 'taro.yamada@example.co.jp', 1000001, '営業部']);
  sheet.addRow(['佐藤 花子', 'hanako.sato@example.co.jp', null, '総務部']);
  sheet.addRow(['高橋 健', 'ken.takahashi@example.co.jp', null, '開発部']);
  for (const ref of ['A1', 'B1']) sheet.getCell(ref).font = { bold: true, color: { argb: 'FFFF0000' } };
  sheet.getCell('D2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"営業部,総務部"'] };
  sheet.getCell('A2').note = '代表者';
  workbook.addWorksheet('メモ').addRow(['このシートは読みません']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('an Excel workbook as the export template', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await startSession();
    page = await session.openDashboard('#/data');
    await page.getByLabel(/Restore from backup|バックアップから復元/).setInputFiles(BACKUP);
    await page.getByText(/Restored 5 audits|5 件の監査結果/).waitFor();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('patches the RECEPTIONIST workbook cell by cell and gives every other part back byte for byte', async () => {
    await page.evaluate(() => {
      location.hash = '#/export?snapshot=rc-employees-1&format=receptionist-employees';
    });
    const template = await employeesWorkbook();
    // The template is read and patched in the dashboard's file worker, not on the page's thread.
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page
      .getByLabel('Template')
      .setInputFiles({ name: 'employees.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(template) });
    // Two sheets: the admin may choose, and by default the one holding the email column is read.
    await expect.poll(() => page.getByLabel('Sheet', { exact: true }).count(), { timeout: 30_000 }).toBe(1);
    const download = page.getByRole('button', { name: /Download/ });
    await expect.poll(() => download.isEnabled(), { timeout: 30_000 }).toBe(true);
    expect(await download.textContent()).toContain('.xlsx');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(workers.some((url) => url.endsWith('/file-worker.js'))).toBe(true);
    const output = new Uint8Array(readFileSync(await file.path()));

    const before = openZip(template);
    const after = openZip(output);
    expect(after.entries.map((entry) => entry.name)).toEqual(before.entries.map((entry) => entry.name));
    const record = (zip: typeof before, name: string) => {
      const entry = zip.byName.get(name)!;
      return Buffer.from(zip.bytes.subarray(entry.localOffset, entry.localOffset + entry.recordLength));
    };
    const changed = before.entries.map((entry) => entry.name).filter((name) => !record(before, name).equals(record(after, name)));
    expect(changed).toEqual(['xl/worksheets/sheet1.xml']);

    const sheet = new TextDecoder().decode(readEntry(after, after.byName.get('xl/worksheets/sheet1.xml')!));
    expect(sheet).toMatch(/<c r="C3"( s="\d+")? t="inlineStr"><is><t>1000002<\/t><\/is><\/c>/);
    const original = new TextDecoder().decode(readEntry(before, before.byName.get('xl/worksheets/sheet1.xml')!));
    const withoutC3 = (xml: string) => xml.replace(/<c r="C3"[^>]*?(\/>|>.*?<\/c>)/, '');
    expect(withoutC3(sheet)).toBe(withoutC3(original));
  });

  it('refuses a zip-bomb template in words, inflated in the file worker rather than on the page', async () => {
    await page.evaluate(() => {
      location.hash = '#/export?snapshot=rc-employees-1&format=receptionist-employees';
    });
    await page.reload();
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    // 136 MB of sheet XML in well under 1 MB, its size understated in the zip directory.
    const bomb = Buffer.from(bombWorkbook(136, 1000));
    await page
      .getByLabel('Template')
      .setInputFiles({ name: 'bomb.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bomb });
    await page.getByText('The workbook inflates past the size this tool reads (xl/worksheets/sheet1.xml).', { exact: false }).waitFor({ timeout: 60_000 });
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /^Not exported: 1 errors/ })
        .count(),
    ).toBe(1);
    expect(await page.getByRole('button', { name: /Download/ }).isDisabled()).toBe(true);
    expect(workers.some((url) => url.endsWith('/file-worker.js'))).toBe(true);
  });

  it('imports a roster from a workbook: the sheet holding the email column, the others offered by name', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('メモ').addRow(['このシートは名簿ではありません']);
    const staff = workbook.addWorksheet('社員');
    staff.addRow(['名前', 'メールアドレス', '入社日']);
    staff.addRow(['山田 太郎', 'taro@xlsx-import.example', new Date(Date.UTC(2024, 3, 1))]);
    staff.addRow(['佐藤 花子', 'hanako@xlsx-import.example', new Date(Date.UTC(2019, 9, 16))]);
    staff.addRow(['Guest User', 'guest@partner.example', null]);
    staff.getColumn(3).numFmt = 'yyyy/mm/dd';
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    await page.evaluate(() => {
      location.hash = '#/snapshots';
    });
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page
      .getByLabel('Roster file', { exact: true })
      .setInputFiles({ name: 'staff.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
    const status = page.getByRole('region', { name: 'Import a roster file' }).getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain('Imported 3 members from staff.xlsx.');
    expect(workers.some((url) => url.endsWith('/file-worker.js'))).toBe(true);

    // The sheet not holding the roster, chosen by the admin, is refused in words.
    const sheet = page.getByLabel('Sheet', { exact: true });
    await expect.poll(() => sheet.locator('option').allTextContents(), { timeout: 30_000 }).toEqual(expect.arrayContaining(['メモ', '社員']));
    await sheet.selectOption('メモ');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^Not imported: /);
    expect(await status.textContent()).not.toMatch(/no-identifier-column|xlsx-/);

    await sheet.selectOption('社員');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain('Imported 3 members from staff.xlsx.');
    await status.getByRole('link', { name: 'Open' }).click();
    for (const name of ['山田 太郎', '佐藤 花子', 'Guest User']) await page.getByText(name, { exact: true }).first().waitFor();
  });

  it('writes a built-in layout as a workbook on request', async () => {
    await page.evaluate(() => {
      location.hash = '#/export?snapshot=lw-members-1&format=audit-report';
    });
    await page.getByRole('radio', { name: 'Excel workbook (.xlsx)' }).check();
    const download = page.getByRole('button', { name: /Download/ });
    await expect.poll(async () => (await download.isEnabled()) && (await download.textContent())?.includes('.xlsx'), { timeout: 30_000 }).toBe(true);
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const table = readTable(new Uint8Array(readFileSync(await file.path())));
    if (!table.ok) throw new Error(JSON.stringify(table.error));
    expect(table.headers.slice(0, 3)).toEqual(['console', 'source_url', 'name']);
    expect(table.rows.length).toBeGreaterThan(0);
  });
});
