import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, type Session } from './harness';

/**
 * Big files are read in a worker: a backup of a million bad rows and a 200 MB file each get a clear
 * message while the dashboard keeps answering input, and no task on the page's thread runs over
 * 200 ms (the measure, taken with the page's own long-task observer). The files are made
 * here, in a temporary directory.
 */

const MB = 1024 * 1024;
const BACKUP_ROWS = 1_000_000;

/** A backup whose header is right and whose million members are each missing every field but two. */
function writeBadBackup(path: string): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, '{"format":"roster-audit-backup","version":1,"exportedAt":1,"schemaVersion":3,"tables":{"snapshots":[],"members":[');
    const chunk: string[] = [];
    for (let i = 0; i < BACKUP_ROWS; i++) {
      chunk.push(`{"snapshotId":"s","index":${i}}`);
      if (chunk.length === 50_000) {
        writeSync(fd, (i >= 50_000 ? ',' : '') + chunk.join(','));
        chunk.length = 0;
      }
    }
    if (chunk.length) writeSync(fd, ',' + chunk.join(','));
    writeSync(fd, '],"policies":[],"templates":[],"exports":[]}}');
  } finally {
    closeSync(fd);
  }
}

/** 200 MB of text that is no backup and no roster. */
function writeBigFile(path: string): void {
  const fd = openSync(path, 'w');
  try {
    const block = Buffer.alloc(MB, 'x');
    for (let i = 0; i < 200; i++) writeSync(fd, block);
  } finally {
    closeSync(fd);
  }
}

/** Starts recording the page's long tasks; returns the longest seen so far when called. */
async function watchLongTasks(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const scope = window as unknown as { longest: number };
    scope.longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) scope.longest = Math.max(scope.longest, entry.duration);
    }).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { longest: number }).longest);
}

/** The dashboard answers a click: the delete button opens its confirmation, and Cancel closes it. */
async function answersInput(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Delete everything…' }).click({ timeout: 5_000 });
  const confirm = page.getByRole('group', { name: /Delete every audit/ });
  await confirm.waitFor({ timeout: 5_000 });
  await confirm.getByRole('button', { name: 'Cancel' }).click({ timeout: 5_000 });
  await confirm.waitFor({ state: 'detached', timeout: 5_000 });
}

describe('big files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'roster-audit-big-files-'));
  const backupPath = join(dir, 'million-bad-rows.json');
  const bigPath = join(dir, 'big.csv');
  let session: Session;

  beforeAll(async () => {
    writeBadBackup(backupPath);
    writeBigFile(bigPath);
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'a backup of a million bad rows is refused with its first 20 problems and a count of the rest, the dashboard answering meanwhile',
    { timeout: 240_000 },
    async () => {
      const page = await session.openDashboard('#/data');
      await page.getByText('At most 256.0 MB').first().waitFor({ timeout: 30_000 });
      const longest = await watchLongTasks(page);
      await page.getByLabel('Restore from backup').setInputFiles(backupPath);
      // The job runs: progress shows, and the page still takes clicks.
      await page.getByRole('progressbar').first().waitFor({ timeout: 30_000 });
      await answersInput(page);
      const status = page.getByRole('status').filter({ hasText: /damaged/ });
      await status.waitFor({ timeout: 120_000 });
      const text = (await status.textContent()) ?? '';
      expect(text).toContain('Nothing was restored');
      expect(text.match(/members #\d+/g)).toHaveLength(20);
      expect(text).toMatch(/more rows have problems/);
      expect(await longest()).toBeLessThanOrEqual(200);
      expect(await session.listSnapshots()).toEqual([]);
      await page.close();
    },
  );

  it('a 200 MB file: the restore says it is no backup, the roster import refuses it by its size before reading it', { timeout: 240_000 }, async () => {
    const page = await session.openDashboard('#/data');
    await page.getByText('At most 256.0 MB').first().waitFor({ timeout: 30_000 });
    const longest = await watchLongTasks(page);
    await page.getByLabel('Restore from backup').setInputFiles(bigPath);
    await answersInput(page);
    await page.getByRole('status').filter({ hasText: 'This file is not a Roster Audit backup.' }).waitFor({ timeout: 120_000 });
    expect(await longest()).toBeLessThanOrEqual(200);

    await page.goto(page.url().replace(/#.*/, '#/snapshots'));
    await page.getByText('At most 64.0 MB').first().waitFor({ timeout: 30_000 });
    await page.getByLabel('Roster file', { exact: true }).setInputFiles(bigPath);
    await page.getByRole('status').filter({ hasText: 'The file is too large (200.0 MB; at most 64.0 MB). Nothing was read.' }).waitFor({ timeout: 10_000 });
    await page.close();
  });

  it('a restore can be cancelled: nothing is written', { timeout: 240_000 }, async () => {
    const page = await session.openDashboard('#/data');
    await page.getByLabel('Restore from backup').setInputFiles(backupPath);
    await page.getByRole('progressbar').first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('status').filter({ hasText: 'Cancelled. Nothing was read.' }).waitFor({ timeout: 10_000 });
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(await session.listSnapshots()).toEqual([]);
    await page.close();
  });
});
