import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './harness';

/**
 * Comparing two 300-member audits with 250 changes (100 joined, 100 left, 50 renamed): the changes
 * come a page at a time, filter by kind, search, and download whole.
 */
const roster = (ids: number[], renamed: ReadonlySet<number>) =>
  ['name,email', ...ids.map((i) => `${renamed.has(i) ? '改名' : '社員'} ${i},user${i}@example.co.jp`)].join('\r\n') + '\r\n';
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

async function importRoster(session: Session, page: Page, csv: string, audits: number): Promise<void> {
  await page.getByRole('button', { name: 'Roster file' }).setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect.poll(async () => (await session.listSnapshots()).length, { timeout: 60_000 }).toBe(audits);
}

describe('comparing two large audits', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('pages, filters, searches and downloads 250 changes between two 300-member audits', async () => {
    const page = await session.openDashboard('#/snapshots');
    await importRoster(session, page, roster(range(0, 300), new Set()), 1);
    await importRoster(session, page, roster([...range(100, 300), ...range(300, 400)], new Set(range(100, 150))), 2);
    const [a, b] = await session.listSnapshots();
    expect([a!.counts.members, b!.counts.members]).toEqual([300, 300]);

    await page.evaluate((hash) => (location.hash = hash), `#/compare?a=${a!.id}&b=${b!.id}`);
    const heading = page.getByRole('heading', { name: /^Changes \(/ });
    await expect.poll(() => heading.textContent()).toBe('Changes (250)');
    const table = page.locator('main table').last();
    // A page at a time: 50 rows and a header.
    expect(await table.getByRole('row').count()).toBe(51);
    const pager = page.getByRole('navigation', { name: 'Pages of changes' });
    expect(await pager.textContent()).toContain('Page 1 of 5');
    await pager.getByRole('button', { name: 'Next page' }).click();
    expect(await pager.textContent()).toContain('Page 2 of 5');
    expect(await table.getByRole('row').nth(1).textContent()).toContain('user350@example.co.jp');

    await page.getByLabel('Change', { exact: true }).selectOption('changed');
    await expect.poll(() => heading.textContent()).toBe('Changes (50)');
    expect(await table.getByRole('row').count()).toBe(51);
    expect(await table.getByRole('row').nth(1).textContent()).toContain('社員 100 → 改名 100');
    await page.getByRole('searchbox', { name: 'Search' }).fill('user120@');
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await page.getByLabel('Change', { exact: true }).selectOption('');
    await expect.poll(() => heading.textContent()).toBe('Changes (250)');

    // The download holds every change the filter keeps, not only the page shown.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the changes (CSV)' }).click()]);
    const bytes = readFileSync(await file.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes
      .subarray(3)
      .toString('utf8')
      .split('\r\n')
      .filter((line) => line !== '');
    expect(lines[0]).toBe('change,name,identifier,email,domain,classification,changed_fields,Change,What changed');
    expect(lines).toHaveLength(251);
    const kinds = lines.slice(1).map((line) => line.split(',')[0]);
    expect([kinds.filter((k) => k === 'joined').length, kinds.filter((k) => k === 'left').length, kinds.filter((k) => k === 'changed').length]).toEqual([
      100, 100, 50,
    ]);
    expect(lines.find((line) => line.includes('user120@'))).toContain('name: 社員 120 → 改名 120');
    await page.close();
  });
});
