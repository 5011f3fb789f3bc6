import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserUnderTest } from '../../scripts/lib/browser';
import { comparableMember, expectedAudits } from '../../scripts/lib/expected';
import { findFirefox } from '../../scripts/lib/firefox';
import { FIXTURE_ROOT } from '../../scripts/lib/fixture-server';
import { auditThroughPopup, downloadExport, setInternalDomains, startFirefoxSession, type Session } from './harness';

/**
 * The admin's journey in Firefox ESR, through the same popup and dashboard steps as in Chromium
 * (scripts/lib/journey.ts) and against the same sample consoles under their real host names
 * (scripts/lib/firefox.ts says how Firefox is driven). What Firefox does its own way is on this
 * path: the scanner injected through `scripting` in an MV2 event page, the popup's `tabId`,
 * IndexedDB in the add-on's origin, downloads through a Blob link.
 */

// Skipped on a machine without Firefox; tests/e2e/global-setup.ts says so in the run's output.
const firefox = findFirefox();

const POLICY = expectedAudits()[0]!.policy;
const AUDIT_REPORT_HEADER = 'console,source_url,name,identifier,email,domain,classification,link_status,findings';
const BOM = [0xef, 0xbb, 0xbf];
/** The roster kinds the reader must get right in Firefox: a console, server pages, a virtual grid, contacts. */
const AUDITED: readonly { host: string; path: string; mode: 'roster' | 'link-status'; nextPages?: readonly string[] }[] = [
  { host: 'admin.worksmobile.com', path: '/members/', mode: 'roster' },
  // Read without navigating, as the page itself asks (`content.fetch`, Firefox's own path in the scanner).
  {
    host: 'intranet.example.com',
    path: '/paginated/page-1.html',
    mode: 'roster',
    nextPages: ['/paginated/page-2.html', '/paginated/page-3.html', '/paginated/page-4.html'],
  },
  { host: 'intranet.example.com', path: '/aria-grid.html', mode: 'roster' },
  { host: 'contact.worksmobile.com', path: '/', mode: 'link-status' },
];

function csvLines(bytes: Uint8Array): string[] {
  const text = new TextDecoder().decode(bytes.subarray(bytes[0] === 0xef ? 3 : 0));
  return text.split(/\r\n/).filter((line) => line !== '');
}

describe.skipIf(!firefox)('the admin journey in Firefox', () => {
  let session: Session<BrowserUnderTest>;
  beforeAll(async () => {
    session = await startFirefoxSession();
    await setInternalDomains(session, POLICY.internalDomains);
  }, 180_000);
  afterAll(async () => {
    await session?.close();
  });

  for (const audited of AUDITED) {
    const expected = expectedAudits().find((e) => e.host === audited.host && e.path === audited.path && e.mode === audited.mode)!;
    it(`audits ${audited.host}${audited.path} (${audited.mode}) through the popup, every member as expected`, { timeout: 400_000 }, async () => {
      const page = await session.openConsole(audited.host, audited.path);
      const { status, popup } = await auditThroughPopup(session, page, { mode: audited.mode });
      expect(status).toMatch(audited.mode === 'link-status' ? /^Link status check complete/ : /^Audit complete/);
      const { snapshot, members } = await session.readSnapshot('latest');
      expect(snapshot.console).toBe(expected.console);
      expect(snapshot.complete).toBe(true);
      expect(members.map(comparableMember)).toEqual(expected.members.map(comparableMember));
      for (const next of audited.nextPages ?? []) {
        // The page's own request, with the admin's session on a real console: it names the page as
        // its referer. A content script's global `fetch` in Firefox asks as the add-on, and sends none.
        const asked = session.server.requests.filter((r) => r.host === audited.host && r.path === next);
        expect(asked.length, next).toBeGreaterThan(0);
        for (const request of asked) {
          expect({ referer: request.referer && new URL(request.referer).host, fetchSite: request.fetchSite }, next).toEqual({
            referer: audited.host,
            fetchSite: 'same-origin',
          });
        }
      }
      await popup.close();
      await page.close();
    });
  }

  it('compares two audits of the same roster in the dashboard', async () => {
    const page = await session.openConsole('intranet.example.com', '/plain-table.html');
    await auditThroughPopup(session, page);
    const first = await session.readSnapshot('latest');
    const renamed = await page.evaluate(() => {
      const rows = [...document.querySelectorAll('tbody tr')].filter((row) => !row.querySelector('table') && /@/.test(row.textContent ?? ''));
      rows[0]!.remove();
      const nameCell = rows[1]!.querySelector('td')!;
      nameCell.textContent = '改名 太郎';
      return nameCell.textContent;
    });
    const { status, popup } = await auditThroughPopup(session, page);
    expect(status).toContain('Audit complete');
    await expect.poll(() => popup.getByRole('region', { name: 'Findings' }).textContent()).toMatch(/0 joined · 1 left · 1 changed/);
    const second = await session.readSnapshot('latest');
    expect(second.members.length).toBe(first.members.length - 1);
    const compare = await session.openDashboard(`#/compare?a=${first.snapshot.id}&b=${second.snapshot.id}`);
    await expect.poll(() => compare.locator('main').textContent()).toContain(renamed);
    await compare.close();
    await popup.close();
    await page.close();
  });

  it('downloads the audit report through a Blob link, with the fixed columns, BOM and one row per member', async () => {
    const { snapshot, members } = await session.readSnapshot('latest');
    const { bytes, page } = await downloadExport(session, { snapshot: snapshot.id, format: 'audit-report' });
    expect([...bytes.subarray(0, 3)]).toEqual(BOM);
    const lines = csvLines(bytes);
    expect(lines[0]!.startsWith(AUDIT_REPORT_HEADER)).toBe(true);
    expect(lines.length).toBe(members.length + 1);
    for (const member of members.filter((m) => m.normalizedEmail)) {
      expect(lines.some((line) => line.includes(`,${member.normalizedEmail},`) && line.includes(`,${member.classification},`))).toBe(true);
    }
    await page.close();
  });

  it('patches the RECEPTIONIST employee template with the account IDs Chatwork knows, changing no other byte', { timeout: 300_000 }, async () => {
    for (const [host, path] of [
      ['www.chatwork.com', '/admin/users/'],
      ['app.receptionist.jp', '/employees/'],
    ] as const) {
      const page = await session.openConsole(host, path);
      const { status, popup } = await auditThroughPopup(session, page);
      expect(status).toContain('Audit complete');
      await popup.close();
      await page.close();
    }
    const snapshots = await session.listSnapshots();
    const chatwork = await session.readSnapshot(snapshots.findLast((s) => s.console === 'chatwork-users')!.id);
    const receptionist = snapshots.findLast((s) => s.console === 'receptionist-employees')!;
    const accountIdByEmail = new Map(chatwork.members.map((m) => [m.normalizedEmail, (m.fields as Record<string, string>).chatworkAccountId ?? '']));
    const templatePath = join(FIXTURE_ROOT, 'app.receptionist.jp/employees/employees.csv');
    const before = readFileSync(templatePath).toString('utf8').split('\r\n');
    const { bytes, page } = await downloadExport(session, { snapshot: receptionist.id, format: 'receptionist-employees', templatePath });
    expect([...bytes.subarray(0, 3)]).toEqual(BOM);
    const after = Buffer.from(bytes).toString('utf8').split('\r\n');
    expect(after.length).toBe(before.length);
    let filled = 0;
    for (let i = 0; i < before.length; i++) {
      if (after[i] === before[i]) continue;
      const was = before[i]!.split('","');
      const now = after[i]!.split('","');
      expect(now.filter((cell, column) => cell !== was[column]).length, `line ${i + 1}`).toBe(1);
      expect(now[4]).toBe(accountIdByEmail.get(was[2]!.toLowerCase()));
      filled++;
    }
    expect(filled).toBeGreaterThan(0);
    await page.close();
  });

  it("writes Shift_JIS with Firefox's encoder as it does in Chromium", async () => {
    const { snapshot, members } = await session.readSnapshot((await session.listSnapshots()).findLast((s) => s.console === 'receptionist-employees')!.id);
    const { bytes, page } = await downloadExport(session, { snapshot: snapshot.id, format: 'audit-report', encoding: /Shift_JIS/ });
    const text = new TextDecoder('shift_jis').decode(bytes);
    const named = members.find((m) => /[^\x20-\x7e]/.test(m.name))!;
    expect(text).toContain(named.name);
    expect(bytes[0]).not.toBe(0xef);
    await page.close();
  });
});
