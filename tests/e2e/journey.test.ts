import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { FIXTURE_ROOT } from '../../scripts/lib/fixture-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedAudits } from '../../scripts/lib/expected';
import { auditThroughPopup, downloadExport, setInternalDomains, startSession, type Session } from './harness';

/**
 * The admin's whole journey on the sample consoles, through the real popup and dashboard:
 * audit, set internal domains, read findings, audit again after a change, compare, and export
 * files whose bytes are checked.
 */

const POLICY = expectedAudits()[0]!.policy;
const AUDIT_REPORT_HEADER = 'console,source_url,name,identifier,email,domain,classification,link_status,findings';
const BOM = [0xef, 0xbb, 0xbf];

function csvLines(bytes: Uint8Array): string[] {
  const text = new TextDecoder().decode(bytes.subarray(bytes[0] === 0xef ? 3 : 0));
  return text.split(/\r\n/).filter((line) => line !== '');
}

describe('the admin journey (English)', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
    await setInternalDomains(session, POLICY.internalDomains);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('audits LINE WORKS members through the popup and shows the result at a glance', async () => {
    const page = await session.openConsole('admin.worksmobile.com', '/members/');
    const { status, popup } = await auditThroughPopup(session, page);
    expect(status).toContain('Audit complete');
    const summary = popup.getByRole('region', { name: 'Findings' });
    await expect.poll(() => summary.textContent()).toContain('Invalid LINE WORKS ID');
    expect(await summary.textContent()).toContain('First audit of this roster.');
    const { snapshot } = await session.readSnapshot('latest');
    const counts = snapshot.counts as { members: number; internal: number };
    expect(await popup.locator('.counts').textContent()).toContain(String(counts.internal));
    await popup.close();
    await page.close();
  });

  it('finds what changed when the same roster is audited again after a change', async () => {
    const page = await session.openConsole('intranet.example.com', '/plain-table.html');
    await auditThroughPopup(session, page);
    const first = await session.readSnapshot('latest');
    // The roster changes between two audits: one person leaves, another is renamed (same address).
    const renamed = await page.evaluate(() => {
      // Rows of the data table: the page wraps it in a layout table, whose rows hold whole tables.
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
    const renamedMember = second.members.find((m) => m.name === renamed)!;
    expect(first.members.find((m) => m.normalizedEmail === renamedMember.normalizedEmail)?.name).not.toBe(renamed);

    const compare = await session.openDashboard(`#/compare?a=${first.snapshot.id}&b=${second.snapshot.id}`);
    await expect.poll(() => compare.locator('main').textContent()).toContain(renamed);
    await compare.close();
    await popup.close();
    await page.close();
  });

  it('exports the audit report of a real audit with the fixed columns, BOM and one row per member', async () => {
    const { snapshot, members } = await session.readSnapshot('latest');
    const { bytes, page } = await downloadExport(session, { snapshot: snapshot.id, format: 'audit-report' });
    expect([...bytes.subarray(0, 3)]).toEqual(BOM);
    const lines = csvLines(bytes);
    expect(lines[0]!.startsWith(AUDIT_REPORT_HEADER)).toBe(true);
    expect(lines.length).toBe(members.length + 1);
    const external = members.find((m) => m.classification === 'external')!;
    const line = lines.find((l) => l.includes(external.normalizedEmail))!;
    expect(line).toContain(',external,');
    expect(line).toContain('external-domain');
    await page.close();
  });

  it('builds LINE WORKS bulk-add files split at 100 members, after listing every validation error', async () => {
    const snapshots = await session.listSnapshots();
    const lineworks = snapshots.find((s) => s.console === 'lineworks-members')!;
    const page = await session.openDashboard(`#/export?snapshot=${lineworks.id}&format=lineworks-bulk-add-auto`);
    // The sample roster holds IDs that break the LINE WORKS ID rules: they are listed by row and column first.
    const issues = page.getByRole('table', { name: 'Validation results' });
    await expect.poll(() => issues.textContent()).toContain('ID');
    await page.close();
    const { fileName, bytes } = await downloadExport(session, { snapshot: lineworks.id, format: 'lineworks-bulk-add-auto', validRowsOnly: true });
    expect(fileName).toMatch(/\.zip$/);
    const files = unzipSync(bytes);
    const names = Object.keys(files);
    expect(names.length).toBeGreaterThanOrEqual(2);
    let rows = 0;
    for (const name of names) {
      const data = csvLines(files[name]!).length - 1;
      expect(data).toBeLessThanOrEqual(100);
      rows += data;
    }
    expect(rows).toBeGreaterThan(100);
  });
  it('builds the bulk-add files of the other password modes from the same audit', async () => {
    const lineworks = (await session.listSnapshots()).find((s) => s.console === 'lineworks-members')!;
    const parts = (bytes: Uint8Array) => Object.values(unzipSync(bytes)).map((file) => csvLines(file));
    const admin = await downloadExport(session, {
      snapshot: lineworks.id,
      format: 'lineworks-bulk-add-admin',
      validRowsOnly: true,
      values: { パスワード: 'Temp-Pass2026!' },
    });
    for (const lines of parts(admin.bytes)) {
      const password = lines[0]!.split(',').indexOf('パスワード');
      expect(password).toBeGreaterThanOrEqual(0);
      expect(lines.slice(1).every((line) => line.split(',')[password] === 'Temp-Pass2026!')).toBe(true);
    }
    await admin.page.close();
    const member = await downloadExport(session, { snapshot: lineworks.id, format: 'lineworks-bulk-add-member', validRowsOnly: true });
    for (const lines of parts(member.bytes)) {
      const personal = lines[0]!.split(',').indexOf('個人メールアドレス');
      expect(personal).toBeGreaterThanOrEqual(0);
      expect(lines.slice(1).every((line) => /@/.test(line.split(',')[personal] ?? ''))).toBe(true);
    }
    await member.page.close();
  });

  it('explains every finding of an audit in the findings view', async () => {
    const lineworks = (await session.listSnapshots()).find((s) => s.console === 'lineworks-members')!;
    const page = await session.openDashboard(`#/findings?snapshot=${lineworks.id}`);
    const main = page.locator('main');
    await expect.poll(() => main.textContent()).toContain('Invalid LINE WORKS ID');
    // The plain explanation from the rule, next to its count.
    expect(await main.textContent()).toMatch(/lowercase/i);
    expect(await main.textContent()).toContain('Suspended');
    await page.close();
  });

  it("lists the shared-only contacts to invite after checking every contact's link status", { timeout: 300_000 }, async () => {
    const page = await session.openConsole('contact.worksmobile.com', '/');
    const { status, popup } = await auditThroughPopup(session, page, { mode: 'link-status' });
    expect(status).toMatch(/^Link status check complete/);
    const { snapshot, members } = await session.readSnapshot('latest');
    const sharedOnly = members.filter((m) => m.linkStatus === 'shared-only');
    expect(sharedOnly.length).toBeGreaterThan(0);
    expect(await popup.locator('.counts').textContent()).toContain(String(sharedOnly.length));
    const { bytes, page: exportPage } = await downloadExport(session, { snapshot: snapshot.id, format: 'link-invitations' });
    const lines = csvLines(bytes);
    expect(lines.length - 1).toBe(sharedOnly.length);
    for (const contact of sharedOnly) expect(lines.some((line) => line.includes(contact.identifier || contact.name))).toBe(true);
    await exportPage.close();
    await popup.close();
    await page.close();
  });

  it('fills the RECEPTIONIST employee file with the account IDs Chatwork knows, changing no other byte', async () => {
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
    const template = readFileSync(templatePath);
    const { bytes } = await downloadExport(session, { snapshot: receptionist.id, format: 'receptionist-employees', templatePath });
    expect([...bytes.subarray(0, 3)]).toEqual(BOM);
    const before = template.toString('utf8').split('\r\n');
    const after = Buffer.from(bytes).toString('utf8').split('\r\n');
    // Full overwrite: a lost row would delete an employee. Every line is still there, in order.
    expect(after.length).toBe(before.length);
    let filled = 0;
    for (let i = 0; i < before.length; i++) {
      if (after[i] === before[i]) continue;
      const was = before[i]!.split('","');
      const now = after[i]!.split('","');
      expect(now.filter((cell, column) => cell !== was[column]).length, `line ${i + 1}`).toBe(1);
      expect(was[4], `line ${i + 1} had no account ID`).toBe('');
      expect(now[4]).toBe(accountIdByEmail.get(was[2]!.toLowerCase()));
      filled++;
    }
    expect(filled).toBeGreaterThan(0);

    // Asked to, the dashboard remembers the template for next time; never silently.
    const exportPage = await session.openDashboard(`#/export?snapshot=${receptionist.id}&format=receptionist-employees`);
    expect(await exportPage.getByRole('combobox', { name: 'Saved templates' }).count()).toBe(0);
    await exportPage.getByLabel('Template').setInputFiles(templatePath);
    await exportPage.getByRole('button', { name: 'Remember this template' }).click();
    await exportPage.getByText('Remembered employees.csv for this format.').waitFor();
    await exportPage.reload();
    const saved = exportPage.getByRole('combobox', { name: 'Saved templates' });
    await saved.selectOption((await saved.locator('option', { hasText: 'employees.csv' }).getAttribute('value'))!);
    await exportPage.getByText('Loaded: employees.csv').waitFor();
    await exportPage.close();
  });
  it('imports a roster file as an audit like a scanned page', async () => {
    const file = join(FIXTURE_ROOT, 'app.receptionist.jp/employees/employees.csv');
    const rows =
      readFileSync(file, 'utf8')
        .split('\r\n')
        .filter((line) => line !== '').length - 1;
    const page = await session.openDashboard('#/snapshots');
    await page.getByRole('button', { name: 'Roster file' }).setInputFiles(file);
    await page
      .getByRole('status')
      .filter({ hasText: /^Imported/ })
      .waitFor({ timeout: 60_000 });
    const { snapshot, members } = await session.readSnapshot('latest');
    expect(snapshot.console).toBe('csv-import');
    expect(members.length).toBe(rows);
    expect(members.filter((m) => m.classification === 'internal').length).toBeGreaterThan(rows / 2);
    // A broken file is refused in plain words and stores nothing.
    const before = (await session.listSnapshots()).length;
    await page
      .getByRole('button', { name: 'Roster file' })
      .setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('name,note\n"unterminated,x\n') });
    await page
      .getByRole('status')
      .filter({ hasText: /^Not imported/ })
      .waitFor({ timeout: 30_000 });
    expect((await session.listSnapshots()).length).toBe(before);

    // Deleting one roster's audits takes a confirmation and leaves every other roster alone.
    const imported = page.getByRole('region', { name: new RegExp(`CSV import · ${snapshot.tenant}`) });
    await imported.getByRole('button', { name: 'Delete every audit of this roster' }).click();
    await imported.getByRole('group').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(async () => (await session.listSnapshots()).filter((s) => s.console === 'csv-import').length).toBe(0);
    expect((await session.listSnapshots()).length).toBe(before - 1);
    await page.close();
  });
});

describe('the admin journey (Japanese)', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession({ lang: 'ja' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('audits through a Japanese popup', async () => {
    const page = await session.openConsole('app.immedio.io', '/users/');
    const popup = await session.openPopup(await session.tabIdOf(page));
    await popup.getByRole('button', { name: 'この名簿を監査' }).click();
    await popup.getByRole('status').filter({ hasText: '監査が完了しました' }).waitFor({ timeout: 120_000 });
    await expect.poll(() => popup.locator('main').textContent()).toContain('カレンダー');
    const { snapshot } = await session.readSnapshot('latest');
    expect(snapshot.console).toBe('immedio-users');
  });
});
