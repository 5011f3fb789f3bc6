import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { BrowserUnderTest } from './browser';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { launchFirefoxWithExtension, type FirefoxBrowser } from './firefox';
import { startFixtureServer, type FixtureServer } from './fixture-server';

/** The build `npm run build:test` makes: the production extension plus host access to any HTTPS test host. */
export const TEST_EXTENSION_DIR = resolve(process.env.ROSTER_AUDIT_TEST_EXTENSION ?? resolve(import.meta.dirname, '../../.output/test/chrome-mv3'));
/** The Firefox build `npm run build:test:firefox` makes: the same additions as the Chrome test build. */
export const FIREFOX_TEST_EXTENSION_DIR = resolve(
  process.env.ROSTER_AUDIT_TEST_FIREFOX_EXTENSION ?? resolve(import.meta.dirname, '../../.output/test/firefox-mv2'),
);
/** The production build `npm run build` makes. */
export const PRODUCTION_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface StoredSnapshot {
  id: string;
  console: string;
  tenant: string;
  sourceUrl: string;
  complete: boolean;
  incompleteReason?: string;
  counts: Record<string, unknown>;
  [key: string]: unknown;
}
export interface StoredMember {
  name: string;
  identifier: string;
  normalizedEmail: string;
  domain: string;
  classification: string;
  linkStatus: string;
  findingIds: string[];
  index: number;
  [key: string]: unknown;
}

export interface Session<B extends BrowserUnderTest = ExtensionBrowser> {
  browser: B;
  server: FixtureServer;
  extensionId: string;
  downloadsDir: string;
  /** Opens a sample console page in a new tab, as an admin would. */
  openConsole(host: string, path?: string): Promise<Page>;
  tabIdOf(page: Page): Promise<number>;
  /** The tab in front: for pages whose address the extension may not read (chrome://…). */
  activeTabId(): Promise<number>;
  /** `popup.html?tabId=N`: the popup acting on that tab (automation contract). */
  openPopup(tabId: number): Promise<Page>;
  /** Opens the dashboard at a hash route such as `#/snapshots`. */
  openDashboard(hash?: string): Promise<Page>;
  /** Reads the cache the way the dashboard does, straight from the extension's IndexedDB. */
  readSnapshot(id?: string): Promise<{ snapshot: StoredSnapshot; members: StoredMember[] }>;
  listSnapshots(): Promise<StoredSnapshot[]>;
  close(): Promise<void>;
}

export interface SessionOptions {
  lang?: string;
  extensionDir?: string;
  headless?: boolean;
  /** Reopen an existing browser profile (after a crash, say). */
  userDataDir?: string;
  /** Unpacked extensions loaded beside Roster Audit (a hostile neighbour). */
  extraExtensions?: readonly string[];
}

function checkBuild(extensionDir: string, command: string): void {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No extension build at ${extensionDir}: run \`${command}\` first.`);
  }
}

/** A Chromium with the built extension and the sample consoles served under their real host names. */
export async function startSession(opts: SessionOptions = {}): Promise<Session> {
  const extensionDir = opts.extensionDir ?? TEST_EXTENSION_DIR;
  checkBuild(extensionDir, 'npm run build:test` (tests) or `npm run build');
  const server = await startFixtureServer();
  const downloadsDir = mkdtempSync(join(tmpdir(), 'roster-audit-downloads-'));
  const browser = await launchWithExtension({
    extensionDir,
    fixturePort: server.port,
    downloadsPath: downloadsDir,
    ...(opts.lang ? { lang: opts.lang } : {}),
    ...(opts.headless !== undefined ? { headless: opts.headless } : {}),
    ...(opts.userDataDir ? { userDataDir: opts.userDataDir } : {}),
    ...(opts.extraExtensions ? { extraExtensions: opts.extraExtensions } : {}),
  });
  return sessionAround(browser, server, downloadsDir);
}

/** Firefox ESR with the Firefox test build, the same fixture server and the same steps (scripts/lib/firefox.ts). */
export async function startFirefoxSession(opts: Pick<SessionOptions, 'extensionDir' | 'headless'> = {}): Promise<Session<FirefoxBrowser>> {
  const extensionDir = opts.extensionDir ?? FIREFOX_TEST_EXTENSION_DIR;
  checkBuild(extensionDir, 'npm run build:test:firefox');
  const server = await startFixtureServer();
  const downloadsDir = mkdtempSync(join(tmpdir(), 'roster-audit-downloads-'));
  try {
    const browser = await launchFirefoxWithExtension({
      extensionDir,
      fixturePort: server.port,
      downloadsPath: downloadsDir,
      ...(opts.headless !== undefined ? { headless: opts.headless } : {}),
    });
    return sessionAround(browser, server, downloadsDir);
  } catch (error) {
    await server.close();
    throw error;
  }
}

function sessionAround<B extends BrowserUnderTest>(browser: B, server: FixtureServer, downloadsDir: string): Session<B> {
  const { context, extensionId } = browser;
  const extensionUrl = (path: string) => `${browser.pageBase}${path}`;

  async function extensionPage(): Promise<Page> {
    const page = await context.newPage();
    await page.goto(extensionUrl('options.html#/snapshots'));
    return page;
  }

  async function listSnapshots(): Promise<StoredSnapshot[]> {
    const page = await extensionPage();
    try {
      return await page.evaluate(
        () =>
          new Promise<StoredSnapshot[]>((done, fail) => {
            const open = indexedDB.open('roster-audit');
            open.onerror = () => fail(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const request = db.transaction('snapshots').objectStore('snapshots').getAll();
              request.onsuccess = () => done((request.result as StoredSnapshot[]).sort((a, b) => Number(a.startedAt) - Number(b.startedAt)));
              request.onerror = () => fail(request.error);
            };
          }),
      );
    } finally {
      await page.close();
    }
  }

  return {
    browser,
    server,
    extensionId,
    downloadsDir,
    async openConsole(host, path = '/') {
      const page = await context.newPage();
      await page.goto(server.url(host, path));
      return page;
    },
    async tabIdOf(page) {
      const url = page.url();
      const id = await browser.evaluateInExtension(async (wanted) => {
        type TabsApi = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
        const api = globalThis as unknown as { browser?: TabsApi; chrome: TabsApi };
        const tabs = await (api.browser ?? api.chrome).tabs.query({});
        return tabs.find((tab) => tab.url === wanted)?.id;
      }, url);
      if (id === undefined) throw new Error(`no tab shows ${url}`);
      return id;
    },
    async activeTabId() {
      const id = await browser.evaluateInExtension(async () => {
        type TabsApi = { tabs: { query(q: object): Promise<{ id?: number }[]> } };
        const api = globalThis as unknown as { browser?: TabsApi; chrome: TabsApi };
        const [tab] = await (api.browser ?? api.chrome).tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id;
      }, undefined);
      if (id === undefined) throw new Error('no active tab');
      return id;
    },
    async openPopup(tabId) {
      const page = await context.newPage();
      await page.goto(extensionUrl(`popup.html?tabId=${tabId}`));
      return page;
    },
    async openDashboard(hash = '#/snapshots') {
      const page = await context.newPage();
      await page.goto(extensionUrl(`options.html${hash}`));
      return page;
    },
    listSnapshots,
    async readSnapshot(id = 'latest') {
      const all = await listSnapshots();
      const snapshot = id === 'latest' ? all.at(-1) : all.find((s) => s.id === id);
      if (!snapshot) throw new Error(`no snapshot ${id} in the cache`);
      const page = await extensionPage();
      try {
        const members = await page.evaluate(
          (snapshotId) =>
            new Promise<StoredMember[]>((done, fail) => {
              const open = indexedDB.open('roster-audit');
              open.onerror = () => fail(open.error);
              open.onsuccess = () => {
                const store = open.result.transaction('members').objectStore('members');
                // Members are keyed [snapshotId+index]: one snapshot's are one key range, in roster order.
                const request = store.getAll(IDBKeyRange.bound([snapshotId, -Infinity], [snapshotId, Infinity]));
                request.onsuccess = () => done((request.result as StoredMember[]).sort((a, b) => a.index - b.index));
                request.onerror = () => fail(request.error);
              };
            }),
          snapshot.id,
        );
        return { snapshot, members };
      } finally {
        await page.close();
      }
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
