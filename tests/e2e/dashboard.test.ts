import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './harness';
import { allViolations, codesShown } from './page-checks';

const BACKUP = resolve(import.meta.dirname, '../fixtures/backups/dashboard.json');

async function restoreFixture(session: Session): Promise<Page> {
  const page = await session.openDashboard('#/data');
  await page.getByLabel(/Restore from backup|バックアップから復元/).setInputFiles(BACKUP);
  await page.getByText(/Restored 5 audits|5 件の監査結果/).waitFor();
  return page;
}

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
}

/** Opens one of the member table's tools (a disclosure) the way an admin does, unless it is open already. */
async function openTool(page: Page, name: string): Promise<void> {
  const summary = page.locator('summary', { hasText: name });
  if (!(await summary.evaluate((el) => (el.parentElement as HTMLDetailsElement).open))) await summary.click();
}

async function marks(page: Page, name: string): Promise<number> {
  return page.evaluate((n) => performance.getEntriesByName(n, 'mark').length, name);
}

describe('dashboard (English)', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await startSession();
    page = await restoreFixture(session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('lists the restored audits by console and tenant, marking the incomplete one with its reason', async () => {
    await go(page, '#/snapshots');
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).allTextContents())
      .toEqual([
        'RECEPTIONIST employees · example.co.jp',
        'Chatwork users · example.co.jp',
        'LINE WORKS contacts · example.co.jp',
        'LINE WORKS members · example.co.jp',
        'Import a roster file',
      ]);
    const contacts = page.getByRole('region', { name: 'LINE WORKS contacts · example.co.jp' });
    await expect.poll(() => contacts.getByText('Incomplete').count()).toBe(1);
    // The reason code is said in words, with the count read.
    await expect.poll(() => contacts.getByText('Audit stopped early: 5 members read. The next page could not be loaded.').count()).toBe(1);
    // The trend of a roster audited twice: each audit a point whose name says its numbers.
    const trend = page.getByRole('region', { name: 'LINE WORKS members · example.co.jp' }).getByRole('group', { name: 'Members across audits' });
    expect(await trend.getByRole('link', { name: /Members 7,/ }).count()).toBe(1);
    expect(await trend.getByRole('link', { name: /Members 10,/ }).count()).toBe(1);
  });

  it('moves focus to the main heading on route change and offers a skip link', async () => {
    await go(page, '#/settings');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Domain policy');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    expect(await skip.count()).toBe(1);
  });

  it('shows a roster in a virtualised table, filters it and emits the benchmark marks', async () => {
    await go(page, '#/snapshots/lw-members-2');
    const table = page.getByRole('table', { name: 'Members', exact: true });
    await expect.poll(() => table.getByRole('row').count()).toBe(11);
    await expect.poll(() => marks(page, 'roster-first-rows')).toBe(1);

    await page.getByRole('searchbox', { name: 'Search' }).fill('evil.example');
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    await expect.poll(() => marks(page, 'roster-filter-applied')).toBe(1);
    // Untrusted cells are text: the would-be markup shows as written and no image element appears.
    expect(await table.getByRole('button', { name: '<img src=x onerror=alert(1)>' }).count()).toBe(1);
    expect(await page.locator('.vtable img').count()).toBe(0);

    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await page.getByLabel('Finding', { exact: true }).selectOption('alias-address');
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await expect.poll(() => marks(page, 'roster-filter-applied')).toBe(3);

    await table.getByRole('button', { name: 'Alias Taro' }).click();
    const detail = page.getByRole('complementary', { name: 'Alias Taro' });
    await expect.poll(() => detail.getByText('Alias (plus) address', { exact: false }).count()).toBeGreaterThan(0);
    expect(await detail.getByRole('rowheader', { name: '組織' }).count()).toBe(1);
  });

  it('sorts by a column header', async () => {
    await go(page, '#/snapshots/lw-members-1');
    const table = page.getByRole('table', { name: 'Members', exact: true });
    await expect.poll(() => table.getByRole('row').count()).toBe(8);
    await table.getByRole('button', { name: /Name/ }).click();
    await table.getByRole('button', { name: /Name/ }).click();
    await expect.poll(() => table.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('descending');
  });

  it('filters the member table by clicking a chart bar, and lifts the filter on a second click', async () => {
    await go(page, '#/snapshots/lw-members-2');
    const table = page.getByRole('table', { name: 'Members', exact: true });
    await expect.poll(() => table.getByRole('row').count()).toBe(11);
    const findings = page.getByRole('list', { name: /^Findings by kind/ });
    const alias = findings.getByRole('button', { name: /Alias/ });
    await alias.click();
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    expect(await alias.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByLabel('Finding', { exact: true }).inputValue()).toBe('alias-address');
    // The label is whole on focus: it wraps instead of being cut.
    await alias.focus();
    expect(await alias.locator('.bar-label').evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('normal');
    await alias.click();
    await expect.poll(() => table.getByRole('row').count()).toBe(11);
    // A domain's bar filters by that domain.
    const domains = page.getByRole('list', { name: /^Members per domain/ });
    await domains.getByRole('button', { name: /evil\.example\.net/ }).click();
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    await domains.getByRole('button', { name: /evil\.example\.net/ }).click();
    await expect.poll(() => table.getByRole('row').count()).toBe(11);
  });

  it('holds its layout at 1024 px and on a wide screen: no sideways scroll, the sidebar column to the bottom (screenshots kept)', async () => {
    const shots = mkdtempSync(join(tmpdir(), 'roster-audit-layout-'));
    for (const width of [1024, 1600]) {
      await page.setViewportSize({ width, height: 700 });
      for (const hash of ['#/snapshots', '#/snapshots/lw-members-2', '#/findings?snapshot=lw-members-2']) {
        await go(page, hash);
        await expect.poll(() => page.locator('main').textContent()).not.toMatch(/^Loading/);
        await page.waitForTimeout(300);
        const layout = await page.evaluate(() => {
          const shell = document.querySelector('.shell')!;
          const main = document.querySelector('main')!.getBoundingClientRect();
          const cards = [...document.querySelectorAll('main .card')].map((card) => card.getBoundingClientRect().right);
          return {
            sideways: document.documentElement.scrollWidth > window.innerWidth,
            shellToBottom: shell.getBoundingClientRect().height >= document.documentElement.scrollHeight - 1,
            sidebarPainted: getComputedStyle(shell).backgroundImage.includes('gradient'),
            cardsInside: cards.every((right) => right <= main.right + 1),
          };
        });
        expect({ width, hash, ...layout }).toEqual({ width, hash, sideways: false, shellToBottom: true, sidebarPainted: true, cardsInside: true });
        await page.screenshot({ path: join(shots, `${hash.replace(/\W+/g, '-')}-${width}.png`), fullPage: true });
      }
    }
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('chooses the columns by console and shows a cut value whole on hover and focus', async () => {
    await go(page, '#/snapshots/lw-members-2');
    const table = page.getByRole('table', { name: 'Members', exact: true });
    await expect.poll(() => table.getByRole('row').count()).toBe(11);
    // A member roster has no link status: no column, no filter, no shared-only count.
    expect(await table.getByRole('columnheader', { name: 'Link status' }).count()).toBe(0);
    expect(await page.getByLabel('Link status', { exact: true }).count()).toBe(0);
    expect(await page.locator('.counts dt', { hasText: 'Shared-only contacts' }).count()).toBe(0);
    const value = table.getByRole('row').nth(1).locator('.full-value').first();
    const whole = () => value.evaluate((el) => getComputedStyle(el).whiteSpace === 'normal' && el.scrollWidth <= el.clientWidth + 1);
    expect(await value.getAttribute('title')).toBe(await value.textContent());
    await value.focus();
    expect(await whole()).toBe(true);
    await page.mouse.move(0, 0);
    await value.blur();
    expect(await value.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('nowrap');
    await value.hover();
    expect(await whole()).toBe(true);

    await go(page, '#/snapshots/lw-contacts-1');
    await expect.poll(() => table.getByRole('columnheader', { name: 'Link status' }).count()).toBe(1);
    expect(await page.locator('.counts dt', { hasText: 'Shared-only contacts' }).count()).toBe(1);
  });

  it('member table: resizes a column by keyboard and by pointer, and keeps the widths on reload', async () => {
    await go(page, '#/snapshots/lw-members-2');
    const table = page.getByRole('table', { name: 'Members', exact: true });
    await expect.poll(() => table.getByRole('row').count()).toBe(11);
    const header = (name: string) => table.getByRole('columnheader', { name, exact: true });
    const widthOf = async (name: string) => Math.round((await header(name).boundingBox())!.width);
    const nameHandle = table.getByRole('separator', { name: 'Width of the Name column' });
    // Before any resize the handle says the width the column has on screen.
    await expect.poll(async () => Number(await nameHandle.getAttribute('aria-valuenow')) === (await widthOf('Name'))).toBe(true);
    const before = Number(await nameHandle.getAttribute('aria-valuenow'));
    await nameHandle.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => nameHandle.getAttribute('aria-valuenow')).toBe(String(before + 32));
    await expect.poll(() => widthOf('Name')).toBe(before + 32);

    const domainWidth = await widthOf('Domain');
    const edge = (await table.getByRole('separator', { name: 'Width of the Domain column' }).boundingBox())!;
    await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
    await page.mouse.down();
    await page.mouse.move(edge.x + edge.width / 2 + 30, edge.y + edge.height / 2, { steps: 3 });
    await page.mouse.move(edge.x + edge.width / 2 + 60, edge.y + edge.height / 2, { steps: 3 });
    await page.mouse.up();
    await expect.poll(() => widthOf('Domain')).toBe(domainWidth + 60);
    // The cells follow their header.
    const cell = table.getByRole('row').nth(1).getByRole('cell').nth(3);
    expect(Math.round((await cell.boundingBox())!.width)).toBe(domainWidth + 60);

    await page.reload();
    await expect.poll(() => table.getByRole('row').count()).toBe(11);
    await expect.poll(() => widthOf('Name')).toBe(before + 32);
    expect(await widthOf('Domain')).toBe(domainWidth + 60);
    expect(await nameHandle.getAttribute('aria-valuenow')).toBe(String(before + 32));
    // Widths belong to the console: a contacts roster keeps its own.
    // At 1024 px with widened columns and both tools open, the page does not scroll sideways: the table does, inside its card.
    await page.setViewportSize({ width: 1024, height: 700 });
    await openTool(page, 'Columns');
    await openTool(page, 'Saved views');
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 860 });

    await go(page, '#/snapshots/lw-contacts-1');
    await expect.poll(() => table.getByRole('columnheader', { name: 'Link status' }).count()).toBe(1);
    expect(await widthOf('Name')).not.toBe(before + 32);
  });

  it('member table: hides a column through the chooser, never the name column', async () => {
    await go(page, '#/snapshots/lw-members-2');
    const table = page.getByRole('table', { name: 'Members', exact: true });
    await expect.poll(() => table.getByRole('row').count()).toBe(11);
    await openTool(page, 'Columns');
    const chooser = page.getByRole('group', { name: 'Columns' });
    expect(await chooser.getByRole('checkbox', { name: 'Name (always shown)' }).isDisabled()).toBe(true);
    await chooser.getByRole('checkbox', { name: 'Domain', exact: true }).press('Space');
    await expect.poll(() => table.getByRole('columnheader', { name: 'Domain' }).count()).toBe(0);
    expect(await table.getByRole('row').nth(1).getByRole('cell').count()).toBe(5);
    expect({ english: [], violations: await allViolations(page) }).toEqual({ english: [], violations: [] });
    await page.reload();
    await expect.poll(() => table.getByRole('row').count()).toBe(11);
    expect(await table.getByRole('columnheader', { name: 'Domain' }).count()).toBe(0);
    await openTool(page, 'Columns');
    await chooser.getByRole('checkbox', { name: 'Domain', exact: true }).check();
    await expect.poll(() => table.getByRole('columnheader', { name: 'Domain' }).count()).toBe(1);
  });

  it('member table: saves a view, applies it after a reload, applies it as far as another audit allows, renames and deletes it', async () => {
    await go(page, '#/snapshots/lw-members-2');
    const table = page.getByRole('table', { name: 'Members', exact: true });
    await expect.poll(() => table.getByRole('row').count()).toBe(11);
    await page.getByRole('search').getByLabel('Domain', { exact: true }).selectOption('evil.example.net');
    await table.getByRole('button', { name: /Name/ }).click();
    await table.getByRole('button', { name: /Name/ }).click();
    await openTool(page, 'Columns');
    await page.getByRole('group', { name: 'Columns' }).getByRole('checkbox', { name: 'Findings', exact: true }).uncheck();
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    const names = () => table.locator('[role=cell].col-name button').allTextContents();
    const shown = await names();

    await openTool(page, 'Saved views');
    await page.getByLabel('View name').fill('Outsiders');
    await page.getByRole('button', { name: 'Save as a view' }).click();
    await expect.poll(() => page.getByText('Saved the view “Outsiders”.').count()).toBe(1);
    expect(await allViolations(page)).toEqual([]);

    await page.reload();
    await expect.poll(() => table.getByRole('row').count()).toBe(11);
    // The column layout is the console's, the filters are not: reset the columns, then the view brings both back.
    await openTool(page, 'Columns');
    await page.getByRole('button', { name: 'Reset columns' }).click();
    await expect.poll(() => table.getByRole('columnheader', { name: 'Findings' }).count()).toBe(1);
    await openTool(page, 'Saved views');
    await page.getByLabel('View', { exact: true }).selectOption('Outsiders');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    expect(await page.getByText('Applied the view “Outsiders”.').count()).toBe(1);
    expect(await page.getByRole('search').getByLabel('Domain', { exact: true }).inputValue()).toBe('evil.example.net');
    expect(await table.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('descending');
    expect(await table.getByRole('columnheader', { name: 'Findings' }).count()).toBe(0);
    expect(await names()).toEqual(shown);

    // The earlier audit has no member on that domain: the rest applies, and the status says what was left out.
    await go(page, '#/snapshots/lw-members-1');
    await expect.poll(() => table.getByRole('row').count()).toBe(8);
    await openTool(page, 'Saved views');
    await page.getByLabel('View', { exact: true }).selectOption('Outsiders');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect
      .poll(() => page.getByText('Applied the view “Outsiders”, leaving out what this audit lacks: the domain “evil.example.net” (not in this audit).').count())
      .toBe(1);
    expect(await table.getByRole('row').count()).toBe(8);
    expect(await table.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('descending');

    await page.getByLabel('New name').fill('Partners');
    await page.getByRole('button', { name: 'Rename' }).click();
    await expect.poll(() => page.getByText('Renamed the view to “Partners”.').count()).toBe(1);
    expect(await page.getByLabel('View', { exact: true }).locator('option').allTextContents()).toEqual(['(choose a view)', 'Partners']);
    await page.getByRole('region', { name: 'Members' }).getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => page.getByText('Deleted the view “Partners”.').count()).toBe(1);
    expect(await page.getByLabel('View', { exact: true }).count()).toBe(0);
    await openTool(page, 'Columns');
    await page.getByRole('button', { name: 'Reset columns' }).click();
  });

  it('member table: downloads exactly the rows shown, in their order, with the shown columns', async () => {
    await go(page, '#/snapshots/lw-members-2');
    const table = page.getByRole('table', { name: 'Members', exact: true });
    await expect.poll(() => table.getByRole('row').count()).toBe(11);
    const downloaded = async (button: RegExp) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      const bytes = readFileSync(await file.path());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').split('\r\n');
      expect(lines.pop()).toBe('');
      return { name: file.suggestedFilename(), header: lines[0]!, rows: lines.slice(1) };
    };
    const identifiers = () => table.locator('[role=cell].col-identifier').allTextContents();

    await page.getByRole('searchbox', { name: 'Search' }).fill('evil.example');
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    const filtered = await downloaded(/^Download the 2 members shown/);
    expect(filtered.name).toMatch(/^members-filtered-example\.co\.jp-\d{8}\.csv$/);
    expect(filtered.header).toBe('position,name,identifier,email,domain,classification,findings,Classified as,Why,Findings in words');
    expect(filtered.rows).toHaveLength(2);
    expect(filtered.rows.map((row) => row.split(',')[2])).toEqual(await identifiers());
    // A name that would run as a formula is neutralised.
    expect(filtered.rows[0]).toContain(`"'=HYPERLINK(""http://x"")"`);
    await expect.poll(() => page.getByText(/^2 members written to members-filtered-/).count()).toBe(1);

    // All of them, in the table's order, with only the shown columns.
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await table.getByRole('button', { name: /ID \/ email/ }).click();
    await table.getByRole('button', { name: /ID \/ email/ }).click();
    await openTool(page, 'Columns');
    await page.getByRole('group', { name: 'Columns' }).getByRole('checkbox', { name: 'Classification', exact: true }).uncheck();
    await page.getByRole('group', { name: 'Columns' }).getByRole('checkbox', { name: '#', exact: true }).uncheck();
    await expect.poll(() => table.getByRole('row').count()).toBe(11);
    const all = await downloaded(/^Download the 10 members shown/);
    expect(all.header).toBe('name,identifier,email,domain,findings,Findings in words');
    expect(all.rows.map((row) => row.split(',')[1])).toEqual(await identifiers());
    expect(all.rows.map((row) => row.split(',')[1])).toEqual([...(await identifiers())].sort().reverse());
    await page.getByRole('button', { name: 'Reset columns' }).click();
  });

  it('saves the default domain policy and re-classifies the stored audits at once', async () => {
    await go(page, '#/settings');
    await page.getByLabel('Internal domains').fill('example.co.jp\nbad..domain, co.jp');
    await expect.poll(() => page.getByText('2 entries are not valid').count()).toBe(1);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).textContent()).toMatch(/5 audits re-classified; \d+ members changed/);
    const { snapshot, members } = await session.readSnapshot('lw-members-2');
    // example.co.jp and its subdomain sales.example.co.jp are internal; partner and evil hosts are not.
    expect(snapshot.counts.internal).toBe(7);
    expect(members.find((m) => m.identifier === 'ichiro.suzuki@sales.example.co.jp')?.classification).toBe('internal');
    expect(members.find((m) => m.identifier === 'lee@partner.example.com')?.classification).toBe('external');
  });

  it('compares two audits of the same roster', async () => {
    await go(page, '#/compare?a=lw-members-1&b=lw-members-2');
    await expect.poll(() => page.getByRole('heading', { name: /^Changes \(/ }).textContent()).toBe('Changes (6)');
    const kinds = page.getByLabel('Change', { exact: true });
    expect(await kinds.locator('option').allTextContents()).toEqual(['All (6)', 'Joined (4)', 'Left (1)', 'Changed (1)']);
    expect(await page.getByText('status: 登録待ち → 使用中').count()).toBe(1);
  });

  it('joins RECEPTIONIST with Chatwork and proposes the missing account ID', async () => {
    await go(page, '#/join');
    const section = page.getByRole('region', { name: 'RECEPTIONIST × Chatwork' });
    await expect.poll(() => section.getByRole('cell', { name: '1000002', exact: true }).count()).toBe(1);
  });

  it('downloads the audit report through the page and logs the export', async () => {
    await go(page, '#/export?snapshot=lw-members-2&format=audit-report');
    const download = page.getByRole('button', { name: /Download/ });
    await expect.poll(() => download.isEnabled()).toBe(true);
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const bytes = readFileSync(await file.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n').filter((line) => line !== '');
    expect(lines[0]!.startsWith('console,source_url,name,identifier,email,domain,classification,link_status,findings')).toBe(true);
    expect(lines).toHaveLength(11);
    expect(file.suggestedFilename()).toMatch(/^audit-report-.*\.csv$/);
    const logged = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          const open = indexedDB.open('roster-audit');
          open.onsuccess = () => {
            const request = open.result.transaction('exports').objectStore('exports').count();
            request.onsuccess = () => done(request.result);
          };
        }),
    );
    expect(logged).toBe(1);
  });

  it('writes Shift_JIS when asked', async () => {
    await go(page, '#/export?snapshot=lw-members-1&format=audit-report');
    await page.getByRole('radio', { name: 'Shift_JIS' }).check();
    const download = page.getByRole('button', { name: /Download/ });
    await expect.poll(() => download.isEnabled()).toBe(true);
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const text = new TextDecoder('shift_jis').decode(readFileSync(await file.path()));
    expect(text.startsWith('console,source_url,name')).toBe(true);
    expect(text).toContain('山田 太郎');
  });

  it('patches a RECEPTIONIST template with the account IDs Chatwork knows, keeping every other byte', async () => {
    await go(page, '#/export?snapshot=rc-employees-1&format=receptionist-employees');
    // The full download: every audited employee is in it, as a full overwrite needs.
    const template =
      '\uFEFF名前,メールアドレス,チャットワーク アカウントID\r\n山田 太郎,taro.yamada@example.co.jp,1000001\r\n佐藤 花子,hanako.sato@example.co.jp,\r\n高橋 健,ken.takahashi@example.co.jp,\r\n';
    await page.getByLabel('Template').setInputFiles({ name: 'employees.csv', mimeType: 'text/csv', buffer: Buffer.from(template, 'utf8') });
    const download = page.getByRole('button', { name: /Download/ });
    await expect.poll(() => download.isEnabled()).toBe(true);
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const text = readFileSync(await file.path(), 'utf8');
    expect(text).toBe(template.replace('hanako.sato@example.co.jp,', 'hanako.sato@example.co.jp,1000002'));
  });

  it('patches a LINE WORKS bulk-modify download with a value set for every member', async () => {
    await go(page, '#/export?snapshot=lw-members-2&format=lineworks-bulk-modify');
    const template = '姓,名,ID,組織\r\n山田,太郎,taro.yamada,営業部\r\n佐藤,花子,hanako.sato,総務部\r\n';
    await page.getByLabel('Template').setInputFiles({ name: 'modify.csv', mimeType: 'text/csv', buffer: Buffer.from(template, 'utf8') });
    await page.getByLabel('Column', { exact: true }).selectOption('組織');
    await page.getByLabel('Value', { exact: true }).fill('本社|営業部');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const download = page.getByRole('button', { name: /Download/ });
    await expect.poll(() => page.getByText(/Ready: 1 file/).count()).toBe(1);
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(readFileSync(await file.path(), 'utf8')).toBe(template.replace('営業部\r\n佐藤', '本社|営業部\r\n佐藤').replace('総務部', '本社|営業部'));
  });

  it('downloads a backup and refuses a file that is not one', async () => {
    await go(page, '#/data');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download backup' }).click()]);
    const backup = JSON.parse(readFileSync(await file.path(), 'utf8')) as { format: string; tables: { snapshots: unknown[] } };
    expect(backup.format).toBe('roster-audit-backup');
    expect(backup.tables.snapshots).toHaveLength(5);
    await page.getByLabel('Restore from backup').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
    await expect.poll(() => page.getByText('This file is not a Roster Audit backup.').count()).toBe(1);
  });

  it('has no accessibility violation in any view, of any impact', async () => {
    const views = [
      '#/snapshots',
      '#/snapshots/lw-members-2',
      '#/findings?snapshot=lw-members-2',
      '#/settings',
      '#/compare',
      '#/join',
      '#/export?snapshot=latest&format=audit-report',
      '#/data',
    ];
    for (const hash of views) {
      await go(page, hash);
      await page.waitForTimeout(400);
      expect({ hash, violations: await allViolations(page) }).toEqual({ hash, violations: [] });
    }
  });

  it('deletes one audit after confirmation, then everything', async () => {
    await go(page, '#/snapshots');
    await page
      .getByRole('button', { name: /^Delete the audit of/ })
      .first()
      .click();
    await page.getByRole('group').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(async () => (await session.listSnapshots()).length).toBe(4);
    await go(page, '#/data');
    // The member table's layouts and views (the tests above left some) go too.
    const tableKeys = () =>
      page.evaluate(async () => {
        const { chrome } = globalThis as unknown as { chrome: { storage: { local: { get(key: null): Promise<Record<string, unknown>> } } } };
        return Object.keys(await chrome.storage.local.get(null)).filter((key) => key.startsWith('member-table-'));
      });
    expect((await tableKeys()).length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect.poll(async () => (await session.listSnapshots()).length).toBe(0);
    await expect.poll(tableKeys).toEqual([]);
  });
});

describe('dashboard (Japanese)', () => {
  let session: Session;
  let page: Page;
  beforeAll(async () => {
    session = await startSession({ lang: 'ja' });
    page = await restoreFixture(session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('speaks Japanese and stays accessible', async () => {
    expect(await page.getByRole('navigation').getByRole('link', { name: '監査結果' }).count()).toBe(1);
    await go(page, '#/snapshots/lw-members-2');
    await expect.poll(() => page.getByRole('table', { name: 'メンバー一覧', exact: true }).getByRole('row').count()).toBe(11);
    expect(await allViolations(page)).toEqual([]);
    await go(page, '#/settings');
    await page.getByLabel('社内ドメイン').fill('example.co.jp');
    await page.getByRole('button', { name: /保存/ }).click();
    await expect.poll(() => page.getByText(/保存しました。5 件の監査結果を再分類/).count()).toBe(1);
  });

  it('walks every view in Japanese showing no finding id, reason code or added English word, with no axe violation', async () => {
    const views = [
      '#/snapshots',
      '#/snapshots/lw-members-2',
      '#/snapshots/lw-contacts-1',
      '#/snapshots/cw-users-1',
      '#/snapshots/rc-employees-1',
      '#/findings?snapshot=lw-members-2',
      '#/findings?snapshot=lw-contacts-1',
      '#/settings',
      '#/compare?a=lw-members-1&b=lw-members-2',
      '#/join',
      '#/export?snapshot=lw-members-2&format=audit-report',
      '#/export?snapshot=lw-contacts-1&format=link-invitations',
      '#/export?snapshot=lw-members-2&format=lineworks-bulk-add-auto',
      '#/export?snapshot=lw-members-2&format=lineworks-bulk-modify',
      '#/export?snapshot=rc-employees-1&format=receptionist-employees',
      '#/data',
    ];
    for (const hash of views) {
      await go(page, hash);
      await expect.poll(() => page.locator('main').textContent()).not.toMatch(/読み込み中|^$/);
      await page.waitForTimeout(400);
      expect({ hash, codes: await codesShown(page) }).toEqual({ hash, codes: [] });
      expect({ hash, violations: await allViolations(page) }).toEqual({ hash, violations: [] });
    }
    // A member's detail: classification, link status and findings in words.
    await go(page, '#/snapshots/lw-contacts-1');
    const table = page.getByRole('table', { name: 'メンバー一覧', exact: true });
    await table.getByRole('row').nth(1).getByRole('button').first().click();
    await page.getByRole('complementary').waitFor();
    expect(await codesShown(page)).toEqual([]);
    expect(await allViolations(page)).toEqual([]);
    // The member table's tools, open, speak Japanese too.
    await go(page, '#/snapshots/lw-members-2');
    await openTool(page, '表示する列');
    await openTool(page, '保存したビュー');
    expect(await page.getByRole('separator', { name: '列「名前」の幅' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: /^表示中の 10 人を CSV でダウンロード$/ }).count()).toBe(1);
    expect(await codesShown(page)).toEqual([]);
    expect(await allViolations(page)).toEqual([]);
  });

  it("tells of an imported file's warnings in Japanese, with how many", async () => {
    await go(page, '#/snapshots');
    const section = page.getByRole('region', { name: '名簿ファイルを読み込む' });
    // A row a cell short (line 3) and a row with neither a name nor an address (line 4).
    const file = 'email,name,team\nhanako@example.co.jp,花子,営業\ntaro@example.co.jp\n,,総務\n';
    await section.getByLabel('名簿ファイル', { exact: true }).setInputFiles({ name: 'short.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await section.getByText('short.csv から 2 人を読み込みました。').waitFor();
    const warnings = section.getByRole('group', { name: 'このファイルについての注意 (2 件)' });
    await expect
      .poll(() => warnings.getByRole('listitem').allTextContents())
      .toEqual(['名前も ID もない 1 行は読み込みませんでした。', '3 行目: 列の数が見出しと違います (見出し 3 列、この行 1 列)。']);
    expect(await codesShown(page)).toEqual([]);
    expect(await allViolations(page)).toEqual([]);
  });

  // Last: the cache stops taking writes.
  it('says an unexpected failure in Japanese, what was being done and that nothing was lost, the exception only under a closed "details"', async () => {
    await go(page, '#/settings');
    const status = page
      .locator('form')
      .filter({ has: page.getByLabel('社内ドメイン') })
      .getByRole('status');
    await expect.poll(() => page.getByRole('button', { name: /保存/ }).isEnabled()).toBe(true);
    // The browser's database refuses every write with an error nobody planned for.
    await page.evaluate(() => {
      for (const method of ['put', 'add', 'delete', 'clear'] as const) {
        Object.defineProperty(IDBObjectStore.prototype, method, {
          value: () => {
            throw new Error('simulated IndexedDB failure');
          },
        });
      }
    });
    await page.getByLabel('社内ドメイン').fill('example.co.jp\nexample.jp');
    await page.getByRole('button', { name: /保存/ }).click();
    await expect
      .poll(() => status.innerText())
      .toBe('ドメイン設定の適用中に予期しないエラーが起きました。保存済みのデータは失われていません。もう一度お試しください。');
    // The exception (English, as the browser wrote it) is there for whoever asks, collapsed.
    const details = page.locator('details.problem-detail');
    expect(await details.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    expect(await details.locator('summary').innerText()).toBe('技術的な詳細');
    expect(await details.locator('code').textContent()).toContain('simulated IndexedDB failure');
    expect(await page.locator('main').innerText()).not.toMatch(/Error|simulated|IndexedDB/i);
    expect(await codesShown(page)).toEqual([]);
    expect(await allViolations(page)).toEqual([]);
  });
});
