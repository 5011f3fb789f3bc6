import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditThroughPopup, startSession, type Session } from './harness';

/**
 * RECEPTIONIST's full overwrite replaces every employee with the file's rows: the built-in file (no
 * template) holds only the chosen employees, so the export view must call it an add file and say,
 * before anything is downloaded, how many employees it would delete if uploaded as an overwrite.
 */
describe('RECEPTIONIST export without a template', () => {
  let session: Session;

  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('labels and names the file add-only and shows the deletion count before download', { timeout: 180_000 }, async () => {
    const consolePage = await session.openConsole('app.receptionist.jp', '/employees/');
    const { status, popup } = await auditThroughPopup(session, consolePage);
    expect(status).toContain('Audit complete');
    await popup.close();
    await consolePage.close();
    const [summary] = await session.listSnapshots();
    const { members } = await session.readSnapshot(summary!.id);
    const chosen = members.filter((member) => member.findingIds.includes('missing-chatwork-account-id')).length;
    expect(chosen).toBeGreaterThan(0);
    expect(chosen).toBeLessThan(members.length);

    const page = await session.openDashboard(`#/export?snapshot=${summary!.id}&format=receptionist-employees`);
    // Only the employees without a Chatwork account ID are exported; everyone else would be lost to an overwrite.
    const scope = page.getByLabel('Members to export');
    await scope.locator('option', { hasText: 'No Chatwork account ID' }).waitFor({ state: 'attached' });
    await scope.selectOption({ label: await scope.locator('option', { hasText: 'No Chatwork account ID' }).innerText() });
    await page.getByText('Add-only file: upload it with the add import, never with full overwrite (全件上書き).').waitFor();
    await page.getByText(`It holds ${chosen} employees: ${chosen} already registered, 0 new.`).waitFor();
    await page
      .getByText(`Uploaded with full overwrite, it would delete the ${members.length - chosen} audited employees it does not hold.`, { exact: false })
      .waitFor();
    const download = page.getByRole('button', { name: /Download/ });
    await expect.poll(() => download.isEnabled()).toBe(true);
    expect(await download.textContent()).toMatch(/receptionist-employees-add-only-.*\.csv/);
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/^receptionist-employees-add-only-.*\.csv$/);
  });
});
