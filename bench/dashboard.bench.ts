import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startSession, type Session } from '../scripts/lib/session';
import type { BenchFigure } from './figure';

/**
 * The dashboard with a 100,000-member roster in the extension's own cache, in real Chromium: time to
 * the first rows, from the first rows to the roster worker having read every member (search ready),
 * from a keystroke (or a classification change) to the updated table, and the longest task on the
 * page's thread until search is ready (PerformanceObserver 'longtask'). The baseline is the same on a
 * 100-member roster. Issue 14's targets are absolute (500 ms, 1 s, 16 ms, 50 ms): they are the
 * figures' budgets, and the figures carry no ratio target.
 */

const ROOT = resolve(import.meta.dirname, '..');
const OUT_DIR = '.output/bench';
const LARGE = 100_000;
const SMALL = 100;
const PAGE_LOADS = 5;
const KEYS = [...'tanaka', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'Backspace', ...'example'];
const CLASSIFICATIONS = ['external', 'internal', 'unknown', '', 'external', 'unknown', 'internal', '', 'external'];
const MARK_TIMEOUT_MS = 120_000;

export async function runDashboardBench(): Promise<BenchFigure[]> {
  execFileSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    env: { ...process.env, ROSTER_AUDIT_OUT_DIR: OUT_DIR, ROSTER_AUDIT_TEST_BUILD: '1' },
    stdio: 'pipe',
  });
  const session = await startSession({ extensionDir: resolve(ROOT, OUT_DIR, 'chrome-mv3') });
  try {
    await seed(session, [
      { id: 'bench-large', members: LARGE },
      { id: 'bench-small', members: SMALL },
    ]);
    const large = await measureRoster(session, 'bench-large');
    const small = await measureRoster(session, 'bench-small');
    const n = LARGE.toLocaleString('en-US');
    return [
      { name: `dashboard first rows, ${n} members`, value: large.firstRows, baseline: small.firstRows, unit: 'ms', budget: 500 },
      {
        name: `dashboard search ready after the first rows, ${n} members`,
        value: large.searchAfterFirstRows,
        baseline: small.searchAfterFirstRows,
        unit: 'ms',
        budget: 1000,
      },
      {
        name: `dashboard longest main-thread task until search is ready, ${n} members`,
        value: large.longestTask,
        baseline: small.longestTask,
        unit: 'ms',
        budget: 50,
      },
      {
        name: `dashboard keystroke → filtered rows, median of ${KEYS.length}, ${n} members`,
        value: large.keystroke,
        baseline: small.keystroke,
        unit: 'ms',
        budget: 16,
      },
      {
        name: `dashboard classification change → filtered rows, median of ${CLASSIFICATIONS.length}, ${n} members`,
        value: large.classification,
        baseline: small.classification,
        unit: 'ms',
      },
    ];
  } finally {
    await session.close();
  }
}

interface RosterTimes {
  firstRows: number;
  searchAfterFirstRows: number;
  longestTask: number;
  keystroke: number;
  classification: number;
}

async function measureRoster(session: Session, snapshotId: string): Promise<RosterTimes> {
  const hash = `#/snapshots/${snapshotId}`;
  // The first load reads a cold database; the figure is for a dashboard opened again.
  await (await session.openDashboard(hash)).close();
  const firstRows: number[] = [];
  for (let i = 0; i < PAGE_LOADS; i++) {
    const page = await session.openDashboard(hash);
    firstRows.push(await markTime(page, 'roster-first-rows'));
    await page.close();
  }
  const page = await session.openDashboard(hash);
  try {
    const searchReady = await markTime(page, 'roster-search-ready');
    const searchAfterFirstRows = searchReady - (await markTime(page, 'roster-first-rows'));
    const longestTask = await longestTaskUntil(page, searchReady);
    const search = page.getByRole('searchbox').first();
    await search.focus();
    const keystroke = await medianOf(KEYS, (key) => interaction(page, 'keydown', () => page.keyboard.press(key)));
    const applied = await markCount(page, 'roster-filter-applied');
    await search.fill('');
    await waitForMarks(page, 'roster-filter-applied', applied + 1);
    const select = page.getByLabel(/Classification|分類/).first();
    const classification = await medianOf(CLASSIFICATIONS, (value) => interaction(page, 'change', () => select.selectOption(value)));
    return { firstRows: median(firstRows), searchAfterFirstRows, longestTask, keystroke, classification };
  } finally {
    await page.close();
  }
}

/** From the event the user's action fires to the table showing the rows of the new filter. */
async function interaction(page: Page, eventType: 'keydown' | 'change', act: () => Promise<unknown>): Promise<number> {
  const before = await markCount(page, 'roster-filter-applied');
  await page.evaluate((type) => {
    const bench = globalThis as unknown as { benchEventTime?: number };
    bench.benchEventTime = undefined;
    document.addEventListener(type, (event) => (bench.benchEventTime = event.timeStamp), { capture: true, once: true });
  }, eventType);
  await act();
  await waitForMarks(page, 'roster-filter-applied', before + 1);
  return page.evaluate((index) => {
    const eventTime = (globalThis as unknown as { benchEventTime?: number }).benchEventTime;
    const mark = performance.getEntriesByName('roster-filter-applied', 'mark')[index];
    if (eventTime === undefined || !mark) throw new Error('no event time or no mark');
    return mark.startTime - eventTime;
  }, before);
}

/**
 * The longest task on the page's thread from its start to `until` (ms), from the buffered 'longtask'
 * entries: 0 when none took over 50 ms (only those are reported as long tasks).
 */
async function longestTaskUntil(page: Page, until: number): Promise<number> {
  return page.evaluate(
    (end) =>
      new Promise<number>((resolve) => {
        const observer = new PerformanceObserver((list) => {
          observer.disconnect();
          const tasks = list.getEntries().filter((task) => task.startTime <= end);
          resolve(Math.max(0, ...tasks.map((task) => task.duration)));
        });
        observer.observe({ type: 'longtask', buffered: true });
        // No buffered entry at all calls no callback: then there was no long task.
        setTimeout(() => {
          observer.disconnect();
          resolve(0);
        }, 500);
      }),
    until,
  );
}

async function markCount(page: Page, name: string): Promise<number> {
  return page.evaluate((n) => performance.getEntriesByName(n, 'mark').length, name);
}

async function waitForMarks(page: Page, name: string, count: number): Promise<void> {
  await page.waitForFunction(([n, c]) => performance.getEntriesByName(n as string, 'mark').length >= (c as number), [name, count] as const, {
    timeout: MARK_TIMEOUT_MS,
    polling: 10,
  });
}

/** Milliseconds from the page's navigation to the first `name` mark. */
async function markTime(page: Page, name: string): Promise<number> {
  await waitForMarks(page, name, 1);
  return page.evaluate((n) => performance.getEntriesByName(n, 'mark')[0]!.startTime, name);
}

async function medianOf<T>(inputs: readonly T[], measure: (input: T) => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (const input of inputs) times.push(await measure(input));
  return median(times);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Writes generated snapshots straight into the extension's IndexedDB, shaped as lib/model.ts stores
 * them: raw puts from an extension page are far faster than restoring a backup of this size. Each is
 * then opened once, as its columns for the roster worker are written then.
 */
async function seed(session: Session, rosters: { id: string; members: number }[]): Promise<void> {
  const page = await session.openDashboard('#/snapshots');
  try {
    // The dashboard's Dexie creates the stores; writing before that would create an empty database.
    await page.waitForFunction(async () => (await indexedDB.databases()).some((db) => db.name === 'roster-audit' && (db.version ?? 0) > 1));
    // tsx names the functions declared inside `seedRoster` through a helper the page does not have.
    await page.evaluate('globalThis.__name ??= (fn) => fn');
    for (const roster of rosters) await page.evaluate(seedRoster, roster);
  } finally {
    await page.close();
  }
  // Rows written this way are an audit stored before the roster worker's columns existed: its first
  // opening writes them (once, slowly). Audits saved by the extension have them from the start.
  for (const roster of rosters) {
    const first = await session.openDashboard(`#/snapshots/${roster.id}`);
    await markTime(first, 'roster-search-ready');
    await first.close();
  }
}

/** Runs in the page: it cannot use anything from this module. */
async function seedRoster({ id, members: count }: { id: string; members: number }): Promise<void> {
  const CHUNK = 10_000;
  const surnames = ['田中', '山田', '佐藤', 'Suzuki', 'Tanaka', 'Ito', 'Watanabe', '高橋', 'Kobayashi', 'ｶﾄｳ'];
  const given = ['太郎', 'Hanako', '次郎', 'Yuki', 'Ken', '花子', 'Sakura', 'Taro'];
  const domains = ['example.co.jp', 'sales.example.co.jp', 'partner.example.com', 'gmail.com', 'vendor.example.net'];
  const internal = (domain: string) => domain.endsWith('example.co.jp');
  const counts = { members: count, internal: 0, external: 0, unknown: 0, sharedOnly: 0, findings: {} as Record<string, number> };
  const member = (index: number) => {
    const domain = index % 53 === 0 ? '' : domains[index % 17 === 0 ? 2 + (index % 3) : index % 2]!;
    const email = domain ? `user${index}@${domain}` : '';
    const name = `${surnames[index % surnames.length]} ${given[(index >> 3) % given.length]} ${index}`;
    const classification = domain === '' ? 'unknown' : internal(domain) ? 'internal' : 'external';
    const linkStatus = index % 29 === 0 ? 'shared-only' : index % 5 === 0 ? 'linked' : 'unknown';
    const findingIds = [
      ...(classification === 'external' ? ['external-domain'] : []),
      ...(linkStatus === 'shared-only' ? ['contact-shared-only'] : []),
      ...(index % 31 === 0 ? ['not-activated'] : []),
    ];
    counts[classification] += 1;
    if (linkStatus === 'shared-only') counts.sharedOnly += 1;
    for (const f of findingIds) counts.findings[f] = (counts.findings[f] ?? 0) + 1;
    return {
      snapshotId: id,
      index,
      name,
      identifier: email || name,
      email,
      normalizedEmail: email,
      key: email || `name:${name}`,
      domain,
      domainDisplay: domain,
      classification,
      classificationReason: domain,
      linkStatus,
      fields: {
        organisation: `本社|営業部|第${index % 12}課`,
        position: index % 9 === 0 ? '部長' : '',
        status: '使用中',
        employeeNumber: String(100000 + index),
      },
      cells: [name, email, `本社|営業部|第${index % 12}課`, '使用中', String(100000 + index), `090-0000-${String(index % 10000).padStart(4, '0')}`],
      findings: findingIds.map((f) => ({ id: f, severity: 'warning' })),
      findingIds,
    };
  };
  const db = await new Promise<IDBDatabase>((done, fail) => {
    const open = indexedDB.open('roster-audit');
    open.onsuccess = () => done(open.result);
    open.onerror = () => fail(open.error);
  });
  const write = (stores: string[], fill: (tx: IDBTransaction) => void) =>
    new Promise<void>((done, fail) => {
      const tx = db.transaction(stores, 'readwrite');
      fill(tx);
      tx.oncomplete = () => done();
      tx.onerror = () => fail(tx.error);
    });
  for (let start = 0; start < count; start += CHUNK) {
    await write(['members'], (tx) => {
      const store = tx.objectStore('members');
      for (let index = start; index < Math.min(count, start + CHUNK); index++) store.put(member(index));
    });
  }
  await write(['snapshots'], (tx) =>
    tx.objectStore('snapshots').put({
      id,
      console: 'lineworks-members',
      tenant: 'example.co.jp',
      sourceUrl: 'https://admin.worksmobile.com/members',
      title: `Bench ${count}`,
      startedAt: Date.now(),
      finishedAt: Date.now(),
      headers: ['氏名', 'メール', '組織', '状態', '社員番号', '電話'],
      settings: {
        policy: { tenant: 'example.co.jp', internalDomains: ['example.co.jp'], includeSubdomains: true, registrableMatch: false },
        profile: 'lineworks-members',
        pagesRead: 1,
      },
      complete: true,
      counts,
    }),
  );
  db.close();
}
