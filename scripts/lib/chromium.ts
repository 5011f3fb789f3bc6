import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

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
    super(
      'No Chromium found. Set CHROME_PATH to a Chromium or Chrome binary, or install one ' +
        '(Debian/Ubuntu: `sudo apt-get install -y chromium`).',
    );
  }
}

export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const found = USUAL_PATHS.find((path) => existsSync(path));
  if (!found) throw new ChromiumNotFoundError();
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  userDataDir: string;
  /** Closes the browser; removes the profile unless `keepProfile`. */
  close(opts?: { keepProfile?: boolean }): Promise<void>;
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
}

export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  const lang = options.lang ?? 'en-US';
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'roster-audit-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    ignoreHTTPSErrors: true,
    locale: lang,
    acceptDownloads: true,
    ...(options.downloadsPath ? { downloadsPath: options.downloadsPath } : {}),
    viewport: { width: 1280, height: 860 },
    args: [
      `--disable-extensions-except=${options.extensionDir}`,
      `--load-extension=${options.extensionDir}`,
      `--host-resolver-rules=MAP * 127.0.0.1:${options.fixturePort}, EXCLUDE localhost`,
      `--lang=${lang}`,
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
  const serviceWorker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    userDataDir,
    close: async ({ keepProfile = false } = {}) => {
      await context.close().catch(() => undefined);
      if (!keepProfile && !options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
