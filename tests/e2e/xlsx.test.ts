import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readTable } from '../../lib/xlsx/table';
import { openZip, readEntry } from '../../lib/xlsx/zip';
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
    await page.getByLabel('Template').setInputFiles({ name: 'employees.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(template) });
    // Two sheets: the admin may choose, and by default the one holding the email column is read.
    await expect.poll(() => page.getByLabel('Sheet', { exact: true }).count()).toBe(1);
    const download = page.getByRole('button', { name: /Download/ });
    await expect.poll(() => download.isEnabled()).toBe(true);
    expect(await download.textContent()).toContain('.xlsx');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
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

  it('writes a built-in layout as a workbook on request', async () => {
    await page.evaluate(() => {
      location.hash = '#/export?snapshot=lw-members-1&format=audit-report';
    });
    await page.getByRole('radio', { name: 'Excel workbook (.xlsx)' }).check();
    const download = page.getByRole('button', { name: /Download/ });
    await expect.poll(async () => (await download.isEnabled()) && (await download.textContent())?.includes('.xlsx')).toBe(true);
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const table = readTable(new Uint8Array(readFileSync(await file.path())));
    if (!table.ok) throw new Error(table.error.message.en);
    expect(table.headers.slice(0, 3)).toEqual(['console', 'source_url', 'name']);
    expect(table.rows.length).toBeGreaterThan(0);
  });
});
