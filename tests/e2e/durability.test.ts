import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditThroughPopup, setInternalDomains, startSession, type Session, type StoredMember, type StoredSnapshot } from './harness';

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

/** Starts an audit through the popup and resolves once the members read, as the popup reports them, satisfy `until`. */
async function startAudit(session: Session, page: Page, until: (rows: number) => boolean): Promise<Page> {
  const popup = await session.openPopup(await session.tabIdOf(page));
  await popup.getByRole('button', { name: /Audit/ }).first().click({ timeout: 30_000 });
  const status = popup.getByRole('status');
  await expect
    .poll(async () => until(Number(/([\d,]+) members read/.exec((await status.textContent()) ?? '')?.[1]?.replaceAll(',', '') ?? 0)), {
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
