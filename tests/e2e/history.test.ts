import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startSession, type Session } from './harness';
import { allViolations } from './page-checks';

/**
 * History across audits: the per-roster trend at 2 audits (the dashboard fixture) and at 50 (a
 * backup made here), a member's history in the member detail, and the compare view's Excel download.
 */
const DASHBOARD_BACKUP = resolve(import.meta.dirname, '../fixtures/backups/dashboard.json');
const AUDITS = 50;
const TENANT = 'history.example.jp';
const DAY = 86_400_000;
/** 2025-12-10: the 50 daily audits run into 2026, so the axis needs the year. */
const FIRST_AUDIT = Date.UTC(2025, 11, 10, 1, 0);

/** Taro is in every audit but the 11th and 12th (left, came back) and is suspended from the 21st. */
function taroIn(audit: number): { status: string } | null {
  if (audit === 10 || audit === 11) return null;
  return { status: audit >= 20 ? '一時停止' : '使用中' };
}

function member(snapshotId: string, index: number, name: string, email: string, status: string) {
  const domain = email.split('@')[1]!;
  return {
    name,
    identifier: email,
    fields: { status },
    cells: [name, email, status],
    snapshotId,
    index,
    key: email,
    linkStatus: 'unknown',
    normalizedEmail: email,
    domain,
    domainDisplay: domain,
    classification: 'external',
    classificationReason: 'no-policy',
    findings: [{ id: 'external-domain', severity: 'info', detail: domain }],
    findingIds: ['external-domain'],
  };
}

/** A backup of 50 audits of one LINE WORKS roster, as the Data view restores it. */
function historyBackup(): string {
  const snapshots: unknown[] = [];
  const members: ReturnType<typeof member>[] = [];
  for (let i = 0; i < AUDITS; i++) {
    const id = `h-${i}`;
    const roster: string[][] = [];
    const taro = taroIn(i);
    if (taro) roster.push(['Taro History', 'taro@history.example.jp', taro.status]);
    for (let k = 0; k < 1 + (i % 4); k++) roster.push([`Staff ${k}`, `staff${k}@history.example.jp`, '使用中']);
    roster.forEach(([name, email, status], index) => members.push(member(id, index, name!, email!, status!)));
    snapshots.push({
      id,
      console: 'lineworks-members',
      tenant: TENANT,
      sourceUrl: 'https://admin.worksmobile.com/member',
      title: 'members',
      startedAt: FIRST_AUDIT + i * DAY,
      finishedAt: FIRST_AUDIT + i * DAY + 30_000,
      headers: ['名前', 'ID', '状態'],
      settings: { policy: { tenant: '*', internalDomains: [], includeSubdomains: true, registrableMatch: false }, profile: 'lineworks-members', pagesRead: 1 },
      complete: true,
      counts: {
        members: roster.length,
        internal: 0,
        external: roster.length,
        unknown: 0,
        sharedOnly: 0,
        findings: { 'external-domain': roster.length, ...(taro?.status === '一時停止' ? { suspended: 1 } : {}) },
        findingsLookedFor: ['external-domain', 'suspended', 'not-activated'],
      },
    });
  }
  return JSON.stringify({
    format: 'roster-audit-backup',
    version: 1,
    exportedAt: Date.now(),
    schemaVersion: 2,
    tables: { snapshots, members, policies: [], templates: [], exports: [] },
  });
}

async function restore(page: Page, file: string, audits: number): Promise<void> {
  await page.evaluate(() => (location.hash = '#/data'));
  await page.getByLabel('Restore from backup').setInputFiles(file);
  await page.getByText(`Restored ${audits} audits`, { exact: false }).waitFor();
}

/** The axis labels drawn: each visible, inside the chart, none overlapping the next. */
async function axisLabels(chart: Locator): Promise<{ texts: string[]; problems: string[] }> {
  return chart.evaluate((figure) => {
    const box = figure.getBoundingClientRect();
    const labels = Array.from(figure.querySelectorAll('.trend-label'));
    const rects = labels.map((label) => label.getBoundingClientRect());
    const problems: string[] = [];
    rects.forEach((rect, i) => {
      if (rect.width === 0 || rect.height < 10) problems.push(`label ${i} is ${rect.width}×${rect.height}`);
      if (rect.left < box.left - 0.5 || rect.right > box.right + 0.5) problems.push(`label ${i} leaves the chart`);
      const next = rects[i + 1];
      if (next && rect.right > next.left) problems.push(`label ${i} overlaps label ${i + 1}`);
    });
    return { texts: labels.map((label) => label.textContent ?? ''), problems };
  });
}

/** Every legend entry shows its line's swatch, a drawn line of its own colour. */
async function legendProblems(chart: Locator): Promise<string[]> {
  return chart.evaluate((figure) =>
    Array.from(figure.querySelectorAll('.chart-legend li')).flatMap((entry) => {
      const swatch = entry.querySelector('.line-swatch');
      const style = swatch ? getComputedStyle(swatch) : null;
      const rect = swatch?.getBoundingClientRect();
      return !style || !rect || rect.width < 10 || parseFloat(style.borderTopWidth) < 2 || style.borderTopColor === 'rgba(0, 0, 0, 0)'
        ? [`${entry.textContent}: no visible line`]
        : [];
    }),
  );
}

describe('history across audits', () => {
  let session: Session;
  let page: Page;
  beforeAll(async () => {
    session = await startSession();
    page = await session.openDashboard('#/data');
    await restore(page, DASHBOARD_BACKUP, 5);
    const file = join(mkdtempSync(join(tmpdir(), 'roster-audit-history-')), 'history-backup.json');
    writeFileSync(file, historyBackup());
    await restore(page, file, AUDITS);
    await page.setViewportSize({ width: 1024, height: 900 });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('draws the trend of a roster audited twice with both dates labelled and the whole legend shown', async () => {
    await page.evaluate(() => (location.hash = '#/snapshots'));
    const card = page.getByRole('region', { name: 'LINE WORKS members · example.co.jp' });
    const members = card.locator('figure', { has: page.getByRole('group', { name: 'Members across audits' }) });
    await members.waitFor();
    const labels = await axisLabels(members);
    expect(labels.problems).toEqual([]);
    expect(labels.texts).toHaveLength(2);
    expect(await legendProblems(members)).toEqual([]);
    expect(await members.locator('.chart-legend li').allTextContents()).toEqual(['Members', 'Internal', 'External', 'Unknown']);
    expect(await members.getByRole('link').count()).toBe(2);
    // With no internal domain set, members = external and internal = unknown = 0: the line drawn
    // first is the widest, so the one covered exactly still shows as a border around the other.
    const widths = await members.locator('polyline').evaluateAll((lines) => lines.map((line) => parseFloat(getComputedStyle(line).strokeWidth)));
    expect(widths).toHaveLength(4);
    expect(widths[0]).toBeGreaterThan(widths[2]!);
    expect(widths[1]).toBeGreaterThan(widths[3]!);
    // Each finding kind has its line; these audits were recorded before the kinds looked for were
    // kept, so a kind one of them does not count is "not recorded", never 0.
    const findings = card.locator('figure', { has: page.getByRole('group', { name: 'Findings across audits' }) });
    expect(await findings.locator('.chart-legend li').allTextContents()).toEqual(['External domain', 'Alias (plus) address', 'Not activated']);
    expect(await legendProblems(findings)).toEqual([]);
    expect(await findings.getByRole('link').first().getAttribute('aria-label')).toMatch(
      /External domain 7, Alias \(plus\) address not recorded, Not activated 1$/,
    );
    expect(await allViolations(page)).toEqual([]);
  });

  it('keeps the trend of 50 audits readable: labels thinned and apart, every audit reachable by keyboard with its full date', async () => {
    await page.evaluate(() => (location.hash = '#/snapshots'));
    const card = page.getByRole('region', { name: `LINE WORKS members · ${TENANT}` });
    const members = card.locator('figure', { has: page.getByRole('group', { name: 'Members across audits' }) });
    const plot = members.getByRole('group', { name: 'Members across audits' });
    await members.waitFor();
    expect(await plot.getByRole('link').count()).toBe(AUDITS);
    const labels = await axisLabels(members);
    expect(labels.problems).toEqual([]);
    expect(labels.texts.length).toBeGreaterThanOrEqual(2);
    expect(labels.texts.length).toBeLessThan(AUDITS);
    // The audits span two years, so the short labels carry the year.
    expect(labels.texts[0]).toBe('12/10/2025');
    expect(labels.texts.at(-1)).toBe('1/28/2026');
    expect(await legendProblems(members)).toEqual([]);
    // At 1024 px nothing sticks out of the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);

    // Hovering an audit shows its full date and every value.
    await plot.getByRole('link').nth(10).hover();
    const tip = members.locator('.trend-tip');
    await expect.poll(() => tip.textContent()).toContain('Dec 20, 2025');
    expect(await tip.textContent()).toMatch(/Members\s*3/);

    // One tab stop; the arrow keys walk the audits, the focused one named with its date and numbers.
    await page.mouse.move(0, 0);
    await plot.getByRole('link').last().focus();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    expect(await focused()).toMatch(/^Jan 28, 2026.*: Members 3, Internal 0, External 3, Unknown 0$/);
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toMatch(/^Jan 27, 2026.*: Members 2, /);
    await page.keyboard.press('Home');
    expect(await focused()).toMatch(/^Dec 10, 2025.*: Members 2, /);
    expect(await tip.textContent()).toContain('Dec 10, 2025');
    expect(await plot.locator('a[tabindex="0"]').count()).toBe(1);

    // Suspended appears from the 21st audit: the line starts at 0, where the kind was looked for.
    const findings = card.getByRole('group', { name: 'Findings across audits' });
    expect(await findings.getByRole('link').first().getAttribute('aria-label')).toMatch(/Suspended 0$/);
    expect(await findings.getByRole('link').last().getAttribute('aria-label')).toMatch(/Suspended 1$/);
    expect(await allViolations(page)).toEqual([]);
  });

  it("shows a member's history in the member detail: first seen, left, came back and what changed", async () => {
    await page.evaluate(() => (location.hash = '#/snapshots/h-49'));
    const table = page.getByRole('table', { name: 'Members', exact: true });
    await table.getByRole('button', { name: 'Taro History' }).click();
    const detail = page.getByRole('complementary', { name: 'Taro History' });
    const history = detail.getByRole('region', { name: 'History in this roster' });
    await expect.poll(() => history.textContent()).toContain('Checked the newest 50 of the 50 audits of this roster (at most 50).');
    expect(await history.textContent()).toContain('First seen in the audit of Dec 10, 2025');
    const events = await history.getByRole('listitem').allTextContents();
    expect(events).toHaveLength(3);
    expect(events[0]).toMatch(/^Dec 20, 2025.*Left$/);
    expect(events[1]).toMatch(/^Dec 22, 2025.*Came back$/);
    expect(events[2]).toMatch(/^Dec 30, 2025.*Changed status: 使用中 → 一時停止$/);
    // Each event names its audit as a link to it.
    expect(await history.getByRole('link').first().getAttribute('href')).toBe('#/snapshots/h-10');
    expect(await allViolations(page)).toEqual([]);
  });

  it('downloads the changes of a comparison as an Excel workbook with the machine and the words columns', async () => {
    await page.evaluate(() => (location.hash = '#/compare?a=lw-members-1&b=lw-members-2'));
    const button = page.getByRole('button', { name: 'Download the changes (Excel)' });
    await button.waitFor();
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
    // Written off the page's thread, by the workbook worker.
    expect(workers.some((url) => url.endsWith('/workbook-worker.js'))).toBe(true);
    expect(file.suggestedFilename()).toMatch(/^changes-example\.co\.jp-.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    const bytes = readFileSync(await file.path());
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Changes');
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? ''))));
    expect(rows[0]).toEqual(['change', 'name', 'identifier', 'email', 'domain', 'classification', 'changed_fields', 'Change', 'What changed']);
    const kinds = rows.slice(1).map((row) => row[0]);
    // lw-members-1 → 2: four joined (新人, alias, formula, xss), one left (退職 予定), one changed (田中: 登録待ち → 使用中).
    expect([kinds.filter((k) => k === 'joined').length, kinds.filter((k) => k === 'left').length, kinds.filter((k) => k === 'changed').length]).toEqual([
      4, 1, 1,
    ]);
    const changed = rows.find((row) => row[0] === 'changed')!;
    expect(changed.slice(6)).toEqual(['status', 'Changed', 'status: 登録待ち → 使用中']);
    // A name that looks like a formula is a text cell, as written.
    const formula = rows.find((row) => row[2] === 'formula@evil.example.net')!;
    expect(formula[1]).toBe('=HYPERLINK("http://x")');
    expect(sheet.getCell(`B${rows.indexOf(formula) + 1}`).type).toBe(ExcelJS.ValueType.String);
  });
});
