import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, type Session } from './harness';

describe('popup', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows the page of the tab it was opened for', async () => {
    const consolePage = await session.openConsole('intranet.example.com', '/plain-table.html');
    const title = await consolePage.title();
    const popup = await session.openPopup(await session.tabIdOf(consolePage));
    await expect.poll(() => popup.locator('.target').textContent()).toContain(title);
    await expect.poll(() => popup.locator('.target').textContent()).toContain('Generic page');
    expect(await popup.getByRole('button', { name: /Audit/ }).isEnabled()).toBe(true);
  });

  it('says clearly when a page has no roster', async () => {
    const consolePage = await session.openConsole('intranet.example.com', '/no-roster.html');
    const popup = await session.openPopup(await session.tabIdOf(consolePage));
    await expect.poll(() => popup.getByRole('status').textContent()).toMatch(/No roster found/);
    expect(await popup.getByRole('button', { name: /Audit/ }).isDisabled()).toBe(true);
  });

  it('refuses browser pages in plain words', async () => {
    const page = await session.browser.context.newPage();
    await page.goto('chrome://version');
    const popup = await session.openPopup(await session.activeTabId());
    await expect.poll(() => popup.getByRole('status').textContent()).toMatch(/cannot be audited/);
  });
});

describe('popup (Japanese)', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession({ lang: 'ja' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('refuses a browser page in Japanese alone, the browser\'s own English only under a closed "details"', async () => {
    const page = await session.browser.context.newPage();
    await page.goto('chrome://version');
    const popup = await session.openPopup(await session.activeTabId());
    await expect.poll(() => popup.getByRole('status').innerText()).toBe('このページは監査できません (ブラウザーの内部ページと拡張機能ストアは対象外です)。');
    const details = popup.locator('details.problem-detail');
    expect(await details.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    expect(await details.locator('summary').innerText()).toBe('技術的な詳細');
    // What Chromium said (e.g. "Cannot access a chrome:// URL") is kept, for whoever opens the details.
    expect(await details.locator('code').textContent()).toMatch(/[a-z]/i);
    expect(await popup.locator('main').innerText()).not.toMatch(/cannot|access|chrome:\/\//i);
  });
});
