import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import type { BrowserUnderTest } from './browser';

const USUAL_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export class ChromiumNotFoundError extends Error {
  constructor() {
    super('No Chromium found. Set CHROME_PATH to a Chromium or Chrome binary, or install one ' + '(Debian/Ubuntu: `sudo apt-get install -y chromium`).');
  }
}

export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const found = USUAL_PATHS.find((path) => existsSync(path));
  if (!found) throw new ChromiumNotFoundError();
  return found;
}

export interface ExtensionBrowser extends BrowserUnderTest {
  name: 'chromium';
  serviceWorker: Worker;
}

export interface LaunchOptions {
  extensionDir: string;
  /** Port of the fixture server every host name resolves to. */
  fixturePort: number;
  headless?: boolean;
  /** Browser UI language: `en-US` by default, `ja` for the Japanese journey. */
  lang?: string;
  /** Reuse a profile (to reopen after a crash); a fresh one otherwise. */
  userDataDir?: string;
  downloadsPath?: string;
  /** More unpacked extensions loaded beside the one under test (a hostile neighbour, in tests). */
  extraExtensions?: readonly string[];
}

/**
 * The id Chromium gives an unpacked extension: the first 128 bits of the SHA-256 of its absolute
 * path, written with the letters a–p for the hex digits.
 */
export function unpackedExtensionId(extensionDir: string): string {
  const hex = createHash('sha256').update(realpathSync(extensionDir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/** The service worker of one loaded extension (the only one, or the one with this id), waited for if it has not started yet. */
export async function extensionWorker(context: BrowserContext, extensionId: string | undefined): Promise<Worker> {
  const matches = (worker: Worker) => worker.url().startsWith(`chrome-extension://${extensionId ?? ''}`);
  return context.serviceWorkers().find(matches) ?? (await context.waitForEvent('serviceworker', { predicate: matches, timeout: 30_000 }));
}

/**
 * Stops the extension's service worker as Chromium does when it ends an idle or overrunning one,
 * through the DevTools protocol (the ServiceWorker domain, from an extension page). Resolves once
 * it is stopped. The next event (a popup connecting) starts a new instance, which
 * `browser.serviceWorker` reaches again (Playwright keeps the handle of the worker's target).
 */
export async function stopServiceWorker(browser: ExtensionBrowser): Promise<void> {
  const scriptUrl = browser.serviceWorker.url();
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#/snapshots`);
    const cdp = await browser.context.newCDPSession(page);
    // Playwright keeps a stopped worker's handle: the protocol's own word says when it stopped.
    const stopped = new Promise<void>((done) =>
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((v) => v.scriptURL === scriptUrl && v.runningStatus === 'stopped')) done();
      }),
    );
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
    await cdp.detach();
  } finally {
    await page.close();
  }
}

export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  const lang = options.lang ?? 'en-US';
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'roster-audit-profile-'));
  const extensionDirs = [options.extensionDir, ...(options.extraExtensions ?? [])].join(',');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    ignoreHTTPSErrors: true,
    locale: lang,
    acceptDownloads: true,
    ...(options.downloadsPath ? { downloadsPath: options.downloadsPath } : {}),
    viewport: { width: 1280, height: 860 },
    args: [
      `--disable-extensions-except=${extensionDirs}`,
      `--load-extension=${extensionDirs}`,
      `--host-resolver-rules=MAP * 127.0.0.1:${options.fixturePort}, EXCLUDE localhost`,
      `--lang=${lang}`,
      // The fixture certificate is self-signed; pages are told to accept it by Playwright, but a
      // service worker's fetch is not, and a request refused at TLS would hide its method and path.
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
    ],
  });
  // With a neighbour loaded, the worker under test is told apart by its id.
  const serviceWorker = await extensionWorker(context, options.extraExtensions?.length ? unpackedExtensionId(options.extensionDir) : undefined);
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    name: 'chromium',
    context,
    extensionId,
    pageBase: `chrome-extension://${extensionId}/`,
    serviceWorker,
    userDataDir,
    async download(page, start) {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), start()]);
      return { fileName: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
    },
    evaluateInExtension: (fn, arg) => serviceWorker.evaluate(fn as (arg: unknown) => never, arg),
    close: async ({ keepProfile = false } = {}) => {
      await context.close().catch(() => undefined);
      if (!keepProfile && !options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
