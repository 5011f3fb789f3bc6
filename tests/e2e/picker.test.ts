import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_ROOT } from '../../scripts/lib/fixture-server';
import { auditThroughPopup, setInternalDomains, startSession, type Session } from './harness';

/**
 * "Choose the list on the page": on a page where the reader's ranking takes the wrong list (an
 * inquiry log of customers beside the project's member cards), the admin picks the members by
 * clicking one of their cards. The choice holds for the next audits of the page, Esc cancels a
 * pick, and the choice can be forgotten.
 */

const HOST = 'intranet.example.com';
const PATH = '/choose-list.html';
const picked = JSON.parse(readFileSync(join(FIXTURE_ROOT, HOST, 'choose-list.picked.json'), 'utf8')) as {
  policy: { internalDomains: string[] };
  members: { name: string; normalizedEmail: string; classification: string }[];
};
const INQUIRIES = 160;
/** The popup has looked at the page (its status is there, and says it is no longer looking). */
const LOOKED = (popup: Page) =>
  popup.waitForFunction(
    () => {
      const status = document.querySelector('[role="status"]')?.textContent;
      return typeof status === 'string' && !status.startsWith('Looking at the page');
    },
    null,
    { timeout: 30_000 },
  );

describe('choosing the list on the page', () => {
  let session: Session;
  let page: Page;
  beforeAll(async () => {
    session = await startSession();
    await setInternalDomains(session, picked.policy.internalDomains);
    page = await session.openConsole(HOST, PATH);
  });
  afterAll(async () => {
    await session?.close();
  });

  const latestMembers = async () =>
    (await session.readSnapshot('latest')).members.map((m) => ({ name: m.name, normalizedEmail: m.normalizedEmail, classification: m.classification }));
  const wanted = picked.members.map((m) => ({ name: m.name, normalizedEmail: m.normalizedEmail, classification: m.classification }));

  it('picks the members by a click on a card, and audits exactly them', { timeout: 180_000 }, async () => {
    const popup = await session.openPopup(await session.tabIdOf(page));
    await LOOKED(popup);
    const status = popup.getByRole('status');
    await popup.getByRole('button', { name: /Choose the list/ }).click();
    await expect.poll(() => status.textContent()).toBe('Click any row of the list on the page. Esc cancels.');

    await page.bringToFront();
    await page.locator('roster-audit-picker').waitFor({ state: 'attached' });
    await page.click('.project-member:nth-child(3) .project-member__name');
    // The click picked; the page's own handler (it opens the member's profile) never heard it.
    expect(await page.locator('#profile').isHidden()).toBe(true);
    expect(await page.locator('roster-audit-picker').count()).toBe(0);

    await popup.bringToFront();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe(`List chosen: List “プロジェクトメンバー” (${picked.members.length} rows)`);
    await popup.getByRole('button', { name: /Audit/ }).first().click();
    await status.filter({ hasText: /Audit complete|Audit stopped|failed/ }).waitFor({ timeout: 120_000 });
    expect(await status.textContent()).toContain('Audit complete');
    expect(await latestMembers()).toEqual(wanted);
    await popup.close();
  });

  it('uses the remembered choice after a reload, until it is forgotten', { timeout: 240_000 }, async () => {
    await page.reload();
    const { status, popup } = await auditThroughPopup(session, page);
    expect(status).toContain('Audit complete');
    expect(await popup.locator('.chosen-list').textContent()).toContain(
      `read the list chosen for it: List “プロジェクトメンバー” (${picked.members.length} rows)`,
    );
    expect(await latestMembers()).toEqual(wanted);
    await popup.close();

    const again = await session.openPopup(await session.tabIdOf(page));
    await LOOKED(again);
    await again.getByRole('button', { name: 'Forget the chosen list' }).click();
    await expect.poll(() => again.locator('.chosen-list').count()).toBe(0);
    await again.close();
    // Forgotten: the reader's own ranking again, which takes the inquiry log.
    const { status: after, popup: last } = await auditThroughPopup(session, page);
    expect(after).toContain('Audit complete');
    expect((await latestMembers()).length).toBe(INQUIRIES);
    await last.close();
  });

  it('cancels the pick on Esc and leaves nothing on the page', { timeout: 120_000 }, async () => {
    const popup = await session.openPopup(await session.tabIdOf(page));
    await LOOKED(popup);
    await popup.getByRole('button', { name: /Choose the list/ }).click();
    await page.bringToFront();
    await page.locator('roster-audit-picker').waitFor({ state: 'attached' });
    await page.keyboard.press('Escape');
    await page.locator('roster-audit-picker').waitFor({ state: 'detached' });
    await popup.bringToFront();
    await expect.poll(() => popup.getByRole('status').textContent()).toBe('No list was chosen.');
    expect(await popup.locator('.chosen-list').count()).toBe(0);
    // A click after the cancel is the page's own again.
    await page.click('.project-member:nth-child(2) .project-member__name');
    expect(await page.locator('#profile').textContent()).toContain(picked.members[1]!.name);
    await popup.close();
  });

  it('keeps a pick made after the popup closed, until the admin deletes everything', { timeout: 120_000 }, async () => {
    // As in a browser, where the popup closes when the admin clicks the page.
    const popup = await session.openPopup(await session.tabIdOf(page));
    await LOOKED(popup);
    await popup.getByRole('button', { name: /Choose the list/ }).click();
    await page.locator('roster-audit-picker').waitFor({ state: 'attached' });
    await popup.close();
    await page.bringToFront();
    await page.click('.project-member:nth-child(5) .project-member__role');
    await page.locator('roster-audit-picker').waitFor({ state: 'detached' });
    const reopened = await session.openPopup(await session.tabIdOf(page));
    await expect.poll(() => reopened.locator('.chosen-list').textContent(), { timeout: 30_000 }).toContain('List “プロジェクトメンバー”');
    await reopened.close();

    const data = await session.openDashboard('#/data');
    await data.getByRole('button', { name: 'Delete everything…' }).click();
    await data.getByRole('button', { name: 'Yes, delete everything' }).click();
    await data.getByText('Everything was deleted.').waitFor({ timeout: 30_000 });
    await data.close();
    const after = await session.openPopup(await session.tabIdOf(page));
    await LOOKED(after);
    expect(await after.locator('.chosen-list').count()).toBe(0);
    await after.close();
  });

  it('offers the choice on a page where no roster was found', async () => {
    const noRoster = await session.openConsole(HOST, '/no-roster.html');
    const popup = await session.openPopup(await session.tabIdOf(noRoster));
    await expect.poll(() => popup.getByRole('status').textContent()).toMatch(/No roster found/);
    expect(await popup.getByRole('button', { name: /Choose the list/ }).isEnabled()).toBe(true);
    await popup.close();
    await noRoster.close();
  });
});

describe('choosing the list in Japanese', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession({ lang: 'ja' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('speaks Japanese from the button to the chosen list', { timeout: 120_000 }, async () => {
    const page = await session.openConsole(HOST, PATH);
    const popup = await session.openPopup(await session.tabIdOf(page));
    await popup.getByRole('button', { name: 'ページ上の一覧を選ぶ' }).click();
    const status = popup.getByRole('status');
    await expect.poll(() => status.textContent()).toContain('一覧のどれか1行をクリック');
    await page.bringToFront();
    await page.locator('roster-audit-picker').waitFor({ state: 'attached' });
    await page.click('.project-member:nth-child(1) .project-member__name');
    await popup.bringToFront();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe(`一覧を選びました: 一覧「プロジェクトメンバー」 (${picked.members.length} 行)`);
    await expect.poll(() => popup.locator('.chosen-list').textContent()).toContain('選んだ一覧の指定を解除');
  });
});
