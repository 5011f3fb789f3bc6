import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CDPSession, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_HOST_PERMISSIONS } from '../../lib/console-hosts';
import { extensionWorker, unpackedExtensionId } from '../../scripts/lib/chromium';
import { auditThroughPopup, setInternalDomains, startSession, TEST_EXTENSION_DIR, type Session } from './harness';

/**
 * Least privilege and untrusted messages. The production manifest asks for exactly what the
 * product needs; the scanner runs only in a tab the admin asked to audit; and neither another
 * extension nor a web page can start an audit, feed rows into the cache or read it.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const PRODUCTION_OUT = '.output/e2e-permissions';
const EVIL_EXTENSION = resolve(import.meta.dirname, '../fixtures/evil-extension');

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  [key: string]: unknown;
}

const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

describe('the production manifest asks for the least it needs', () => {
  let production: Manifest;
  beforeAll(() => {
    const outDir = join(ROOT, PRODUCTION_OUT);
    rmSync(outDir, { recursive: true, force: true });
    const env: NodeJS.ProcessEnv = { ...process.env, ROSTER_AUDIT_OUT_DIR: PRODUCTION_OUT };
    delete env.ROSTER_AUDIT_TEST_BUILD;
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, env, stdio: 'ignore' });
    production = readManifest(join(outDir, 'chrome-mv3'));
  }, 300_000);

  it('has exactly activeTab, scripting, storage and unlimitedStorage, and the console host families', () => {
    expect([...(production.permissions ?? [])].sort()).toEqual(['activeTab', 'scripting', 'storage', 'unlimitedStorage']);
    expect(production.host_permissions).toEqual([...CONSOLE_HOST_PERMISSIONS]);
    for (const pattern of production.host_permissions ?? []) {
      // Each one a console's own domain family, over HTTPS only.
      expect(pattern).toMatch(/^https:\/\/\*\.[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/);
    }
  });

  it('declares nothing that widens what it can see or who can talk to it', () => {
    const text = JSON.stringify(production);
    expect(text).not.toContain('<all_urls>');
    expect(text).not.toMatch(/"(https?|\*):\/\/\*\/\*"/);
    for (const key of [
      'content_scripts',
      'web_accessible_resources',
      'externally_connectable',
      'optional_permissions',
      'optional_host_permissions',
      'sandbox',
      'oauth2',
      'key',
      'update_url',
    ]) {
      expect(production, key).not.toHaveProperty(key);
    }
    for (const permission of ['tabs', 'downloads', 'webRequest', 'cookies', 'history', 'nativeMessaging', 'debugger', 'management']) {
      expect(production.permissions).not.toContain(permission);
    }
  });

  it('the test build is the production manifest plus exactly https://*/*', () => {
    const test = readManifest(TEST_EXTENSION_DIR);
    expect(test.host_permissions).toEqual([...(production.host_permissions ?? []), 'https://*/*']);
    expect({ ...test, host_permissions: production.host_permissions }).toEqual(production);
  });

  it('injects a reader that carries neither a validator nor the promise polyfill into the page', () => {
    // The background parses everything the reader sends; in the admin's page they would only be weight.
    const scanner = readFileSync(join(ROOT, PRODUCTION_OUT, 'chrome-mv3/scanner.js'), 'utf8');
    const background = readFileSync(join(ROOT, PRODUCTION_OUT, 'chrome-mv3/background.js'), 'utf8');
    const zod = /ZodError|invalid_type/;
    const polyfill = /This script should only be loaded in a browser extension/;
    // The markers are those of the libraries as this build bundles them: the background has both.
    expect(background).toMatch(zod);
    expect(background).toMatch(polyfill);
    expect(scanner).not.toMatch(zod);
    expect(scanner).not.toMatch(polyfill);
    expect(scanner).toContain('roster-audit/scan');
  });
});

/** The extensions whose isolated worlds are alive in a page's main frame, by origin. */
async function extensionWorldsIn(cdp: CDPSession): Promise<string[]> {
  const origins: string[] = [];
  const onCreated = (event: { context: { origin: string } }) => origins.push(event.context.origin);
  cdp.on('Runtime.executionContextCreated', onCreated);
  // Enabling the Runtime domain reports every execution context that exists right now.
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.disable');
  cdp.off('Runtime.executionContextCreated', onCreated);
  return origins.filter((origin) => origin.startsWith('chrome-extension://'));
}

describe('the scanner runs only where the admin asked for an audit', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('a console page opened without auditing has no Roster Audit script, and gets one once audited', async () => {
    const own = `chrome-extension://${session.extensionId}`;
    const registered = await session.browser.serviceWorker.evaluate(async () => {
      type Scripting = { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } };
      return (globalThis as unknown as { chrome: Scripting }).chrome.scripting.getRegisteredContentScripts();
    });
    expect(registered).toEqual([]);

    const page = await session.openConsole('admin.worksmobile.com', '/members/index.html');
    await page.getByRole('table').first().waitFor();
    const cdp = await session.browser.context.newCDPSession(page);
    expect(await extensionWorldsIn(cdp)).not.toContain(own);

    // The same check sees the scanner once the admin opens the popup for this tab.
    await auditThroughPopup(session, page);
    expect(await extensionWorldsIn(cdp)).toContain(own);
    await page.close();
  });
});

describe('other extensions and web pages cannot reach the cache', () => {
  let session: Session;
  let evilWorker: Worker;
  beforeAll(async () => {
    session = await startSession({ extraExtensions: [EVIL_EXTENSION] });
    evilWorker = await extensionWorker(session.browser.context, unpackedExtensionId(EVIL_EXTENSION));
    await setInternalDomains(session, ['examplecorp.co.jp']);
  });
  afterAll(async () => {
    await session?.close();
  });

  interface AttackReport {
    received: unknown[];
    disconnected: string[];
    sendMessage: { answered?: unknown; error?: string }[];
  }
  const expectNothingBack = (report: AttackReport) => {
    expect(report.received).toEqual([]);
    // Both ports were closed on the attacker, and no sendMessage got an answer.
    expect(report.disconnected).toHaveLength(2);
    expect(report.sendMessage.length).toBeGreaterThan(0);
    for (const answer of report.sendMessage) expect(answer.error).toBeTruthy();
  };

  it("another extension's service worker gets no events and writes nothing", async () => {
    expect(evilWorker, 'the neighbour extension is loaded').toBeDefined();
    const before = await session.listSnapshots();
    const page = await session.openConsole('admin.worksmobile.com', '/members/index.html');
    const tabId = await session.tabIdOf(page);
    const report = await evilWorker.evaluate(
      ({ id, tab }) => (self as unknown as { attackRosterAudit(id: string, tab: number): Promise<AttackReport> }).attackRosterAudit(id, tab),
      { id: session.extensionId, tab: tabId },
    );
    expectNothingBack(report);
    expect(await session.listSnapshots()).toEqual(before);
    await page.close();
  });

  it("another extension's content script and the page itself cannot feed an audit", async () => {
    const page: Page = await session.openConsole('admin.worksmobile.com', '/members/index.html');
    await page.getByRole('table').first().waitFor();
    // The page posts fake scanner messages to its window while the real audit runs.
    await page.evaluate(() => {
      const fake = { type: 'scan/rows', rows: [{ cells: ['Mallory', 'mallory@evil.example'] }] };
      const timer = setInterval(() => {
        window.postMessage(fake, '*');
        window.postMessage({ ...fake, type: 'scan/end', complete: true, pagesRead: 1 }, '*');
        document.dispatchEvent(new CustomEvent('roster-audit/scan', { detail: fake }));
      }, 5);
      setTimeout(() => clearInterval(timer), 60_000);
    });
    // The neighbour's content script, in its own isolated world on the same page, attacks too.
    await page.evaluate((id) => {
      document.documentElement.dataset.evilTarget = id;
    }, session.extensionId);
    await page.waitForFunction(() => document.documentElement.dataset.evilReport, undefined, { timeout: 30_000 });
    expectNothingBack(JSON.parse((await page.evaluate(() => document.documentElement.dataset.evilReport))!) as AttackReport);

    const { status } = await auditThroughPopup(session, page);
    expect(status).toContain('Audit complete');
    const { members } = await session.readSnapshot('latest');
    expect(members.length).toBe(300);
    expect(members.filter((m) => /mallory|evil\.example/i.test(`${m.name} ${m.identifier}`))).toEqual([]);
    expect((await session.listSnapshots()).filter((s) => /evil/.test(`${s.tenant} ${s.sourceUrl}`))).toEqual([]);
  });
});
