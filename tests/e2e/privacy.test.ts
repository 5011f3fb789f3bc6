import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedRequest } from '../../scripts/lib/fixture-server';
import type { BrowserUnderTest } from '../../scripts/lib/browser';
import { findFirefox } from '../../scripts/lib/firefox';
import { auditThroughPopup, downloadExport, setInternalDomains, startFirefoxSession, startSession, TEST_EXTENSION_DIR, type Session } from './harness';

/**
 * Roster data never leaves the browser. Every request the browser makes during a whole admin
 * journey is recorded twice: by Playwright (which names the context that asked: page, frame or
 * service worker) and by the fixture server that every host name resolves to (which sees what
 * actually went over the wire). The only requests allowed to touch the network are the test's own
 * navigations, the console pages' own resources, and the scanner's same-origin GETs of the next
 * pages of the roster being audited.
 */

/** Hosts of the browsers' own background services (update checks, account probes, remote settings): not the extension. */
const BROWSER_SERVICE_HOST = /(^|\.)(google\.com|googleapis\.com|gstatic\.com|mozilla\.com|mozilla\.net|mozilla\.org|firefox\.com|mozaws\.net)(:\d+)?$/;
/** How requests made by an extension context name their origin, in either browser. */
const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\//;
const AUDITED_HOST = 'intranet.example.com';
const FIRST_PAGE = '/paginated/page-1.html';
const NEXT_PAGES = ['/paginated/page-2.html', '/paginated/page-3.html', '/paginated/page-4.html'];
const SAMPLE_CONSOLE = { host: 'admin.worksmobile.com', path: '/members/index.html' };
const POLICY = ['examplecorp.co.jp', 'examplecorp-sales.jp', 'examplecorp', '例え.jp'];

interface SeenRequest {
  url: string;
  method: string;
  resourceType: string;
  /** The service worker's URL, or the page/frame URL, that made the request. */
  madeBy: string;
}

function describeRequest(request: Request): SeenRequest {
  let madeBy = request.serviceWorker()?.url() ?? '';
  if (!madeBy) {
    try {
      madeBy = request.frame().url();
    } catch {
      madeBy = '(no frame)';
    }
  }
  return { url: request.url(), method: request.method(), resourceType: request.resourceType(), madeBy };
}

const isNetwork = (url: string) => /^(https?|wss?|ftp):/i.test(url);

/**
 * Requests Playwright saw that break the rule: anything on the network made by an extension
 * context (service worker, popup, dashboard), and anything from a console page that is neither the
 * page's own static resource nor the scanner's same-origin GET of a next page.
 */
function forbiddenSeen(seen: readonly SeenRequest[], navigated: ReadonlySet<string>): SeenRequest[] {
  return seen.filter((request) => {
    if (!isNetwork(request.url)) return false; // chrome-extension://, blob:, data: never leave the browser
    if (request.madeBy.startsWith('chrome-extension://') || request.madeBy === '(no frame)') return true;
    const url = new URL(request.url);
    // The test's own navigations start from a blank tab.
    if (request.resourceType === 'document' && navigated.has(`${url.host}${url.pathname}`)) return false;
    if (url.host !== new URL(request.madeBy).host) return true;
    if (request.resourceType === 'fetch' || request.resourceType === 'xhr') {
      return !(request.method === 'GET' && url.host === AUDITED_HOST && NEXT_PAGES.includes(url.pathname));
    }
    return !['document', 'script', 'stylesheet', 'image', 'font'].includes(request.resourceType);
  });
}

/** Requests the server received that break the same rule, judged from what went over the wire. */
function forbiddenOnTheWire(log: readonly LoggedRequest[], navigated: ReadonlySet<string>): LoggedRequest[] {
  return log.filter((request) => {
    // A handshake the browser abandoned carried no request, so nothing left through it.
    if (request.method === 'TLS-ABORTED') return false;
    if (request.method.startsWith('UPGRADE')) return true;
    if (EXTENSION_ORIGIN.test(request.origin ?? '') || EXTENSION_ORIGIN.test(request.referer ?? '')) return true;
    if (BROWSER_SERVICE_HOST.test(request.host)) return false;
    const path = new URL(request.path, 'https://x.invalid').pathname;
    // The test's own navigations (typed into the address bar, as it were).
    if (request.fetchMode === 'navigate' && navigated.has(`${request.host}${path}`)) return false;
    // Everything else must come from a console page on its own host: a resource, or the scanner's
    // same-origin GET of the next page. A request from the extension itself carries no page referer.
    const fromPage = request.referer && new URL(request.referer).host === request.host && request.fetchSite === 'same-origin';
    if (!fromPage || request.method !== 'GET') return true;
    if (request.fetchDest === 'empty') return !(request.host === AUDITED_HOST && NEXT_PAGES.includes(path));
    return false;
  });
}

/**
 * The journey whose requests are judged: set the policy, audit a paginated roster (the scanner
 * reads pages 2–4 with same-origin GETs) and a console, walk the dashboard's views, export.
 */
async function adminJourney(session: Session<BrowserUnderTest>, openConsole: (host: string, path: string) => Promise<Page>): Promise<void> {
  await setInternalDomains(session, POLICY);
  const paginated = await openConsole(AUDITED_HOST, FIRST_PAGE);
  expect((await auditThroughPopup(session, paginated)).status).toContain('Audit complete');
  const consolePage = await openConsole(SAMPLE_CONSOLE.host, SAMPLE_CONSOLE.path);
  expect((await auditThroughPopup(session, consolePage)).status).toContain('Audit complete');

  const dashboard = await session.openDashboard('#/snapshots');
  for (const hash of ['#/snapshots', '#/snapshots/latest', '#/findings', '#/settings', '#/data']) {
    await dashboard.evaluate((h) => {
      location.hash = h;
    }, hash);
    await dashboard.getByRole('heading', { level: 1 }).first().waitFor();
  }
  const report = await downloadExport(session, { format: 'audit-report' });
  expect(report.bytes.length).toBeGreaterThan(0);
}

describe('no roster data leaves the browser', () => {
  let session: Session;
  const seen: SeenRequest[] = [];
  const navigated = new Set<string>();

  const openConsole = async (host: string, path: string): Promise<Page> => {
    navigated.add(`${host}${path}`);
    return session.openConsole(host, path);
  };

  beforeAll(async () => {
    session = await startSession();
    session.browser.context.on('request', (request) => seen.push(describeRequest(request)));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('makes no request of its own through a whole audit, dashboard session and export', { timeout: 300_000 }, async () => {
    // The browser's start-up traffic is not part of the journey.
    session.server.requests.length = 0;
    seen.length = 0;

    await adminJourney(session, openConsole);

    // The recorders were listening: the scanner's next-page GETs are there, on both.
    const wire = session.server.requests;
    for (const path of NEXT_PAGES) {
      expect(wire.some((r) => r.host === AUDITED_HOST && r.path === path && r.fetchDest === 'empty')).toBe(true);
      expect(seen.some((r) => r.url === `https://${AUDITED_HOST}${path}` && r.resourceType === 'fetch')).toBe(true);
    }
    expect(forbiddenSeen(seen, navigated)).toEqual([]);
    expect(forbiddenOnTheWire(wire, navigated)).toEqual([]);
  });

  it('would notice a request from the service worker or the dashboard (the recorders are not blind)', async () => {
    session.server.requests.length = 0;
    seen.length = 0;
    await session.browser.serviceWorker.evaluate(() => fetch('https://telemetry.example/collect?from=worker').catch(() => undefined));
    await session.browser.serviceWorker.evaluate(() => fetch('http://plain.example/collect').catch(() => undefined));
    const dashboard = await session.openDashboard('#/settings');
    await dashboard.evaluate(async () => {
      navigator.sendBeacon('https://beacon.example/collect', 'x');
      await fetch('https://telemetry.example/collect?from=dashboard', { mode: 'no-cors' }).catch(() => undefined);
    });
    await expect
      .poll(() =>
        forbiddenSeen(seen, navigated)
          .map((r) => new URL(r.url).host)
          .sort(),
      )
      .toEqual(['beacon.example', 'plain.example', 'telemetry.example', 'telemetry.example']);
    await expect.poll(() => forbiddenOnTheWire(session.server.requests, navigated).length).toBeGreaterThanOrEqual(4);
    const wireHosts = forbiddenOnTheWire(session.server.requests, navigated).map((r) => r.host || r.method);
    expect(wireHosts).toEqual(expect.arrayContaining(['telemetry.example', 'beacon.example', 'plain.example']));
    await dashboard.close();
  });
});

/**
 * The same journey in Firefox. Every request Firefox makes goes through the fixture server (its
 * proxy), so the wire log is complete; Playwright's request events are not, as Firefox leaves the
 * add-on's own pages out of WebDriver BiDi's network events, so the wire is the judge here.
 */
describe.skipIf(!findFirefox())('no roster data leaves Firefox', () => {
  let session: Session<BrowserUnderTest>;
  const navigated = new Set<string>();
  const openConsole = async (host: string, path: string): Promise<Page> => {
    navigated.add(`${host}${path}`);
    return session.openConsole(host, path);
  };
  beforeAll(async () => {
    session = await startFirefoxSession();
  }, 180_000);
  afterAll(async () => {
    await session?.close();
  });

  it('makes no request of its own through a whole audit, dashboard session and export', { timeout: 300_000 }, async () => {
    session.server.requests.length = 0;
    await adminJourney(session, openConsole);
    const wire = session.server.requests;
    for (const path of NEXT_PAGES) {
      expect(wire.some((r) => r.host === AUDITED_HOST && r.path === path && r.fetchDest === 'empty')).toBe(true);
    }
    expect(forbiddenOnTheWire(wire, navigated)).toEqual([]);
  });

  it('would notice a request from an add-on page (the recorder is not blind)', async () => {
    session.server.requests.length = 0;
    const dashboard = await session.openDashboard('#/settings');
    await dashboard.evaluate(async () => {
      navigator.sendBeacon('https://beacon.example/collect', 'x');
      await fetch('https://telemetry.example/collect?from=dashboard', { mode: 'no-cors' }).catch(() => undefined);
      await fetch('http://plain.example/collect', { mode: 'no-cors' }).catch(() => undefined);
    });
    await expect
      .poll(() =>
        forbiddenOnTheWire(session.server.requests, navigated)
          .map((r) => r.host)
          .sort(),
      )
      .toEqual(expect.arrayContaining(['beacon.example', 'plain.example', 'telemetry.example']));
    await dashboard.close();
  });
});

/** Every file of the built extension, with its path inside the build. */
function builtFiles(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = join(entry.parentPath, entry.name);
      return { path: relative(dir, full), text: readFileSync(full, 'utf8') };
    });
}

describe('the built extension ships no remote code', () => {
  const files = builtFiles(TEST_EXTENSION_DIR);
  const code = files.filter((file) => ['.js', '.mjs', '.html'].includes(extname(file.path)));

  it('loads scripts only from its own package', () => {
    expect(code.length).toBeGreaterThan(0);
    const remoteLoads = code.flatMap((file) =>
      [
        // <script src="https://…">, <link href="//…">, import("https://…"), importScripts('http://…')
        ...file.text.matchAll(/<(?:script|link|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/gi),
        ...file.text.matchAll(/\b(?:import|importScripts)\s*\(\s*["'`](?:https?:)?\/\/[^"'`]+/g),
        ...file.text.matchAll(/\bfrom\s*["'`](?:https?:)?\/\/[^"'`]+/g),
      ].map((match) => `${file.path}: ${match[0].slice(0, 200)}`),
    );
    expect(remoteLoads).toEqual([]);
  });

  it('builds no code from strings', () => {
    // MV3 forbids eval in extension pages anyway; new Function would be the way around it.
    const dynamic = code.flatMap((file) => [...file.text.matchAll(/\b(?:eval\s*\(|new\s+Function\s*\()/g)].map((match) => `${file.path}: ${match[0]}`));
    expect(dynamic).toEqual([]);
  });

  it("keeps MV3's default content security policy, or a stricter one", () => {
    const manifest = JSON.parse(readFileSync(join(TEST_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      content_security_policy?: { extension_pages?: string; sandbox?: string };
      sandbox?: unknown;
    };
    expect(manifest.sandbox).toBeUndefined();
    const policy = manifest.content_security_policy?.extension_pages;
    if (policy === undefined) return; // the default: script-src 'self' 'wasm-unsafe-eval'; object-src 'self'
    const directives = new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name!, values]),
    );
    const scriptSources = directives.get('script-src') ?? directives.get('default-src');
    expect(scriptSources, 'script-src must be set').toBeDefined();
    for (const source of scriptSources!) expect(["'self'", "'wasm-unsafe-eval'", "'none'"]).toContain(source);
  });
});
