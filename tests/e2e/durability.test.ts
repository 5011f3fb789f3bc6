import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditThroughPopup, setInternalDomains, startSession, stopServiceWorker, type Session, type StoredMember, type StoredSnapshot } from './harness';

/**
 * Nothing lost: an audit cut off by a closed tab, or by the browser dying while the cache is being
 * written, leaves every stored audit whole (all its members) or absent, and every earlier audit as it was.
 */

const POLICY = ['examplecorp.co.jp', 'examplecorp-sales.jp', 'examplecorp', '例え.jp'];

interface Stored {
  snapshot: StoredSnapshot;
  members: StoredMember[];
}

async function everyAudit(session: Session): Promise<Stored[]> {
  const all = await session.listSnapshots();
  return Promise.all(all.map((snapshot) => session.readSnapshot(snapshot.id)));
}

/** Each stored audit holds exactly the members its counts say. */
function expectWhole(stored: Stored[]) {
  for (const { snapshot, members } of stored) {
    expect(members.length, `${snapshot.id} (${snapshot.sourceUrl})`).toBe(snapshot.counts.members);
    expect(members.map((m) => m.index)).toEqual(members.map((_, i) => i));
  }
}

const summary = (stored: Stored[]) =>
  stored.map(({ snapshot, members }) => ({ id: snapshot.id, complete: snapshot.complete, members: members.map((m) => m.normalizedEmail) }));

/** The members read so far, as the popup's status says it. */
async function rowsShown(popup: Page): Promise<number> {
  return Number(/([\d,]+) members read/.exec((await popup.getByRole('status').textContent()) ?? '')?.[1]?.replaceAll(',', '') ?? 0);
}

/** Starts an audit through the popup and resolves once the members read, as the popup reports them, satisfy `until`. */
async function startAudit(session: Session, page: Page, until: (rows: number) => boolean): Promise<Page> {
  const popup = await session.openPopup(await session.tabIdOf(page));
  await popup.getByRole('button', { name: /Audit/ }).first().click({ timeout: 30_000 });
  await expect
    .poll(async () => until(await rowsShown(popup)), {
      timeout: 300_000,
      interval: 50,
    })
    .toBe(true);
  return popup;
}

/** The processes of the Chromium using this profile: found by its own profile directory, nothing else. */
function browserProcesses(userDataDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.some((arg) => arg === `--user-data-dir=${userDataDir}`)) pids.push(Number(entry));
    } catch {
      // The process ended while the list was read.
    }
  }
  return pids;
}

describe('nothing lost', () => {
  const profile = mkdtempSync(join(tmpdir(), 'roster-audit-durability-'));
  let session: Session;
  let earlier: Stored[] = [];

  beforeAll(async () => {
    session = await startSession({ userDataDir: profile });
    await setInternalDomains(session, POLICY);
    for (const path of ['/plain-table.html', '/cards.html']) {
      const page = await session.openConsole('intranet.example.com', path);
      expect((await auditThroughPopup(session, page)).status).toContain('Audit complete');
      await page.close();
    }
    earlier = await everyAudit(session);
    expect(earlier.map((s) => s.members.length)).toEqual([40, 48]);
  });
  afterAll(async () => {
    await session?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('a tab closed mid-scan leaves the audit marked incomplete with what was read, or absent; earlier audits untouched', { timeout: 300_000 }, async () => {
    const page = await session.openConsole('intranet.example.com', '/aria-grid.html');
    const popup = await startAudit(session, page, (rows) => rows > 0);
    await page.close();
    const status = popup.getByRole('status');
    await status.filter({ hasText: /Audit stopped|went away|Audit complete/ }).waitFor({ timeout: 120_000 });

    const after = await everyAudit(session);
    expectWhole(after);
    expect(summary(after.slice(0, earlier.length))).toEqual(summary(earlier));
    const cut = after.slice(earlier.length);
    expect(cut.length).toBeLessThanOrEqual(1);
    if (cut[0]) {
      expect(await status.textContent()).toMatch(/Audit stopped early/);
      expect(cut[0].snapshot.complete).toBe(false);
      expect(cut[0].snapshot.incompleteReason).toBeTruthy();
      expect(cut[0].members.length).toBeGreaterThan(0);
      expect(cut[0].members.length).toBeLessThan(2000);
    }
    earlier = after;
  });

  it(
    'a service worker stopped mid-audit leaves an incomplete audit of the rows read, kept when it starts again; a popup reopened mid-audit shows the progress; earlier audits untouched',
    { timeout: 300_000 },
    async () => {
      const rows = 30_000;
      const page = await session.browser.context.newPage();
      await page.goto(session.server.url('intranet.example.com', `/hostile.html?rows=${rows}`), { timeout: 120_000 });
      await expect.poll(() => page.locator('#row-count').textContent(), { timeout: 120_000 }).toBe(`${rows} 件`);
      const tabId = await session.tabIdOf(page);
      const first = await startAudit(session, page, (read) => read > 0);

      // Closed and opened again while the audit runs: the new popup follows the same audit.
      const seen = await rowsShown(first);
      await first.close();
      const reopened = await session.openPopup(tabId);
      await expect.poll(() => rowsShown(reopened), { timeout: 60_000 }).toBeGreaterThanOrEqual(seen);
      expect(await reopened.getByRole('button', { name: 'Cancel' }).count()).toBe(1);
      const before = await rowsShown(reopened);
      expect(before).toBeLessThan(rows);

      await stopServiceWorker(session.browser);
      const status = reopened.getByRole('status');
      await status.filter({ hasText: /interrupted/ }).waitFor({ timeout: 60_000 });

      // The next popup wakes the worker, which keeps what the stopped one had read.
      const next = await session.openPopup(tabId);
      await expect.poll(async () => (await session.listSnapshots()).length, { timeout: 120_000 }).toBe(earlier.length + 1);
      const after = await everyAudit(session);
      expectWhole(after);
      expect(summary(after.slice(0, earlier.length))).toEqual(summary(earlier));
      const cut = after.at(-1)!;
      expect(cut.snapshot.sourceUrl).toContain(`rows=${rows}`);
      expect(cut.snapshot.complete).toBe(false);
      expect(cut.snapshot.incompleteReason).toBe('worker-stopped');
      expect(cut.members.length).toBeGreaterThan(0);
      expect(cut.members.length).toBeLessThan(rows);
      // The rows kept are the first ones read, in order.
      expect(cut.members.slice(0, 3).map((m) => m.name)).toEqual(['社員000000', '社員000001', '社員000002']);
      expect(cut.members.at(-1)!.name).toBe(`社員${String(cut.members.length - 1).padStart(6, '0')}`);

      const dashboard = await session.openDashboard('#/snapshots');
      await dashboard
        .getByText(/stopped by the browser before the audit ended/)
        .first()
        .waitFor({ timeout: 30_000 });
      await Promise.all([next.close(), reopened.close(), dashboard.close(), page.close()]);
      earlier = after;
    },
  );

  it('a browser killed while the audit is being saved leaves it whole or absent after a restart; earlier audits untouched', { timeout: 600_000 }, async () => {
    const rows = 20_000;
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('intranet.example.com', `/hostile.html?rows=${rows}`), { timeout: 300_000 });
    // Count the member writes the background issues, so that the kill can be timed inside the save.
    await session.browser.serviceWorker.evaluate(() => {
      const scope = globalThis as unknown as { memberPuts: number };
      scope.memberPuts = 0;
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'members') scope.memberPuts++;
        return put.apply(this, args);
      };
    });
    await startAudit(session, page, (read) => read > 0);
    const memberPuts = () => session.browser.serviceWorker.evaluate(() => (globalThis as unknown as { memberPuts: number }).memberPuts);
    await expect.poll(memberPuts, { timeout: 300_000, interval: 10 }).toBeGreaterThan(0);
    // Fewer writes issued than members: the save's transaction cannot have committed yet.
    const issued = await memberPuts();
    const pids = browserProcesses(profile);
    expect(pids.length).toBeGreaterThan(0);
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    await session.browser.close({ keepProfile: true });
    await session.server.close();

    session = await startSession({ userDataDir: profile });
    const after = await everyAudit(session);
    expectWhole(after);
    expect(summary(after.slice(0, earlier.length))).toEqual(summary(earlier));
    expect(issued).toBeLessThan(rows);
    const killed = after.slice(earlier.length);
    expect(killed.length).toBeLessThanOrEqual(1);
    if (killed[0]) expect(killed[0].members).toHaveLength(rows);
  });
});
