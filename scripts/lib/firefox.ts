import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { firefox, type BrowserContext } from 'playwright-core';
import type { BrowserUnderTest } from './browser';
import WebSocket from 'ws';

/**
 * Firefox ESR with the add-on installed, driven by Playwright over WebDriver BiDi. How, and why
 * this way (each found on Firefox 153 ESR):
 *
 * - **Firefox itself.** Debian's `firefox-esr`; no browser is downloaded. Playwright speaks
 *   WebDriver BiDi to stock Firefox (its `moz-firefox` channel) but always sends three emulation
 *   commands this ESR lacks (`emulation.setMediaFeaturesOverride`, `…ScreenOrientationOverride`,
 *   `…ScreenSettingsOverride`); `firefox-bidi-shim.mjs` stands in for the binary and answers them.
 * - **The add-on.** Placed in the profile as an unpacked add-on (a file named after its id holding
 *   its directory) with signatures not required, which ESR honours. The profile also fixes the
 *   add-on's internal UUID (`extensions.webextensions.uuids`), so its pages are at known
 *   `moz-extension://<uuid>/…` addresses, as `chrome-extension://<id>/…` are in Chromium.
 * - **Reaching its pages.** BiDi refuses to navigate to `moz-extension:` unless the remote agent
 *   may reach system pages (`MOZ_REMOTE_ALLOW_SYSTEM_ACCESS`). Firefox also leaves the add-on
 *   process out of BiDi's load events and reports a page's script realm there only when a command
 *   addresses it (bug 1755014); the shim asks each add-on page when it has loaded and passes that
 *   on, so Playwright's `goto`, locators and `evaluate` work there as on any page.
 * - **Host names.** Firefox has no host-resolver rule, so every request goes through a proxy: the
 *   fixture server itself, which accepts `CONNECT` and serves the tunnel as it serves any
 *   connection. The pages keep their real host names and the server still sees every request.
 * - **The certificate.** The fixture certificate is self-signed; the BiDi session accepts it
 *   (`acceptInsecureCerts`), for pages and the add-on alike.
 * - **The toolbar click's grant.** Playwright cannot click the browser's own toolbar. The shim
 *   offers a chrome channel (a script run in the browser window's chrome over the same BiDi
 *   session), through which `grantActiveTab` grants a tab `activeTab` the way the add-on's toolbar
 *   button does, so the store package can be tested on a host it does not declare. Marionette
 *   cannot do it beside BiDi: Firefox allows one WebDriver session.
 */

export const ADDON_ID = 'roster-audit@roster-audit.dev';
/** The add-on's internal UUID in the test profile: its pages live at `moz-extension://<this>/`. */
export const ADDON_UUID = '5d0c2a4e-6b1f-4c8e-9a37-1e2f3a4b5c6d';
const SHIM = resolve(import.meta.dirname, 'firefox-bidi-shim.mjs');
/** BiDi commands Playwright sends for emulation this project never asks for, unknown to Firefox ESR. */
const ANSWERED_BY_SHIM = ['emulation.setMediaFeaturesOverride', 'emulation.setScreenOrientationOverride', 'emulation.setScreenSettingsOverride'];

const USUAL_PATHS = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'];

/** Firefox's binary (`FIREFOX_PATH`, else a usual place), or undefined when the machine has none. */
export function findFirefox(): string | undefined {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return USUAL_PATHS.find((path) => existsSync(path));
}

export const FIREFOX_MISSING = 'Firefox tests skipped: no Firefox found (set FIREFOX_PATH, or on Debian/Ubuntu `sudo apt-get install -y firefox-esr`).';

export interface FirefoxLaunchOptions {
  /** The unpacked Firefox build. */
  extensionDir: string;
  fixturePort: number;
  headless?: boolean;
  /** Where Firefox saves downloads (BiDi `browser.setDownloadBehavior`). */
  downloadsPath: string;
}

export interface FirefoxBrowser extends BrowserUnderTest {
  /**
   * Grants the add-on `activeTab` on the tab showing `url`, as a click on its toolbar button does
   * (Firefox's `triggerClickOrPopup`: `tabManager.addActiveTabPermission`), without opening the
   * popup panel.
   */
  grantActiveTab(url: string): Promise<void>;
}

/** Where the shim writes the port of its chrome channel. */
const CHROME_CHANNEL_FILE = 'roster-audit-chrome-channel-port';

/** Runs `functionDeclaration` in the browser window's chrome, through the shim's chrome channel. */
async function inChrome(userDataDir: string, functionDeclaration: string, args: string[]): Promise<unknown> {
  const port = readFileSync(join(userDataDir, CHROME_CHANNEL_FILE), 'utf8').trim();
  const socket = new WebSocket(`ws://127.0.0.1:${port}/roster-audit/chrome`);
  try {
    await new Promise((done, fail) => socket.once('open', done).once('error', fail));
    const reply = new Promise<{ value?: unknown; error?: string }>((done) => socket.once('message', (raw) => done(JSON.parse(String(raw)))));
    socket.send(JSON.stringify({ id: 1, functionDeclaration, args }));
    const { value, error } = await reply;
    if (error) throw new Error(`in Firefox's chrome: ${error}`);
    return value;
  } finally {
    socket.close();
  }
}

/** Runs in the browser window's chrome: what the toolbar button's click grants, for one tab. */
const GRANT_ACTIVE_TAB = `function (addonId, url) {
  const window = Services.wm.getMostRecentWindow('navigator:browser');
  const tab = window.gBrowser.tabs.find((tab) => tab.linkedBrowser.currentURI.spec === url);
  if (!tab) throw new Error('no tab shows ' + url);
  WebExtensionPolicy.getByID(addonId).extension.tabManager.addActiveTabPermission(tab);
  return true;
}`;

/**
 * The file that appears in `dir` after `start`, once Firefox has finished writing it. Firefox
 * reports no download event for a download started by an add-on page (the same bug 1755014), so
 * the file is watched for where the session told Firefox to save downloads.
 */
async function downloadedFile(dir: string, start: () => Promise<void>): Promise<{ fileName: string; bytes: Buffer }> {
  const before = new Set(readdirSync(dir));
  await start();
  const deadline = Date.now() + 60_000;
  let last = '';
  while (Date.now() < deadline) {
    const names = readdirSync(dir).filter((name) => !before.has(name));
    const inProgress = names.some((name) => name.endsWith('.part'));
    const done = names.find((name) => !name.endsWith('.part'));
    if (done && !inProgress) {
      // The same size twice in a row: Firefox has finished writing it.
      const size = `${done}:${statSync(join(dir, done)).size}`;
      if (size === last) return { fileName: done, bytes: readFileSync(join(dir, done)) };
      last = size;
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  throw new Error(`no download appeared in ${dir} within 60 s`);
}

export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions): Promise<FirefoxBrowser> {
  const binary = findFirefox();
  if (!binary) throw new Error(FIREFOX_MISSING);
  const userDataDir = mkdtempSync(join(tmpdir(), 'roster-audit-firefox-'));
  mkdirSync(join(userDataDir, 'extensions'));
  writeFileSync(join(userDataDir, 'extensions', ADDON_ID), resolve(options.extensionDir));
  const proxy = { host: '127.0.0.1', port: options.fixturePort };
  const context: BrowserContext = await firefox.launchPersistentContext(userDataDir, {
    channel: 'moz-firefox',
    executablePath: SHIM,
    env: {
      ...process.env,
      ROSTER_AUDIT_FIREFOX_BINARY: binary,
      ROSTER_AUDIT_BIDI_ANSWERED: ANSWERED_BY_SHIM.join(','),
      MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1',
      ROSTER_AUDIT_CHROME_CHANNEL_FILE: join(userDataDir, CHROME_CHANNEL_FILE),
    },
    headless: options.headless ?? true,
    ignoreHTTPSErrors: true,
    acceptDownloads: true,
    downloadsPath: options.downloadsPath,
    viewport: { width: 1280, height: 860 },
    firefoxUserPrefs: {
      'xpinstall.signatures.required': false,
      // Add-ons found in the profile are enabled without asking.
      'extensions.autoDisableScopes': 0,
      'extensions.enabledScopes': 15,
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      'network.proxy.type': 1,
      'network.proxy.http': proxy.host,
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': proxy.host,
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'intl.locale.requested': 'en-US',
    },
  });
  const pageBase = `moz-extension://${ADDON_UUID}/`;
  return {
    name: 'firefox',
    context,
    extensionId: ADDON_UUID,
    pageBase,
    userDataDir,
    download: (_page, start) => downloadedFile(options.downloadsPath, start),
    async evaluateInExtension(fn, arg) {
      // An add-on page of its own: Firefox's background page is no target BiDi offers.
      const page = await context.newPage();
      try {
        await page.goto(`${pageBase}options.html#/data`);
        return await page.evaluate(fn as (arg: unknown) => never, arg);
      } finally {
        await page.close();
      }
    },
    async grantActiveTab(url) {
      await inChrome(userDataDir, GRANT_ACTIVE_TAB, [ADDON_ID, url]);
    },
    close: async ({ keepProfile = false } = {}) => {
      await context.close().catch(() => undefined);
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}
