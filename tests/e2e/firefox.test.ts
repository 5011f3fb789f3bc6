import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_HOST_PERMISSIONS } from '../../lib/console-hosts';
import { expectedAudits } from '../../scripts/lib/expected';
import { findFirefox, type FirefoxBrowser } from '../../scripts/lib/firefox';
import { auditThroughPopup, startFirefoxSession, type Session } from './harness';

/**
 * The Firefox build (`npm run build:firefox`, into its own directory here) is a valid add-on that
 * Mozilla's linter accepts, carries its add-on id, and asks for no more than the Chrome build.
 * Why MV2 and which minimum version: docs/firefox.md.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = '.output/e2e-firefox';
const ADDON_DIR = join(ROOT, OUT, 'firefox-mv2');

interface LintReport {
  summary: { errors: number; notices: number; warnings: number };
  errors: { code: string; message: string; file?: string }[];
  warnings: { code: string; message: string; file?: string }[];
}

describe('the Firefox build', () => {
  let manifest: {
    permissions?: string[];
    browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[] } } };
    [key: string]: unknown;
  };
  let lint: LintReport;

  beforeAll(() => {
    rmSync(join(ROOT, OUT), { recursive: true, force: true });
    const env: NodeJS.ProcessEnv = { ...process.env, ROSTER_AUDIT_OUT_DIR: OUT };
    delete env.ROSTER_AUDIT_TEST_BUILD;
    // Vitest sets NODE_ENV=test, which would bundle React's development build: lint the store package's code.
    delete env.NODE_ENV;
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, env, stdio: 'ignore' });
    manifest = JSON.parse(readFileSync(join(ADDON_DIR, 'manifest.json'), 'utf8'));
    // web-ext exits non-zero when there are errors; the JSON report is on stdout either way.
    let stdout: string;
    try {
      stdout = execFileSync('npx', ['web-ext', 'lint', '--source-dir', ADDON_DIR, '--output', 'json', '--no-config-discovery'], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch (error) {
      stdout = String((error as { stdout?: string }).stdout ?? '');
    }
    lint = JSON.parse(stdout.slice(stdout.indexOf('{'))) as LintReport;
  }, 300_000);

  it('passes web-ext lint with no error, and no warning but the two in React DOM that docs/firefox.md explains', () => {
    expect(lint.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
    expect(lint.summary.errors).toBe(0);
    const warnings = lint.warnings.map((w) => w.code);
    expect(warnings).toEqual(['UNSAFE_VAR_ASSIGNMENT', 'UNSAFE_VAR_ASSIGNMENT']);
    // Both in the one chunk that holds React DOM, where it parses a constant `<script>` and implements dangerouslySetInnerHTML.
    const files = new Set(lint.warnings.map((w) => w.file ?? ''));
    expect(files.size).toBe(1);
    expect(readFileSync(join(ADDON_DIR, [...files][0]!), 'utf8')).toContain('dangerouslySetInnerHTML');
  });

  it('carries its add-on id, the oldest supported ESR as its minimum, and declares that it collects no data', () => {
    expect(manifest.browser_specific_settings?.gecko?.id).toBe('roster-audit@roster-audit.dev');
    expect(manifest.browser_specific_settings?.gecko?.strict_min_version).toBe('140.0');
    expect(manifest.browser_specific_settings?.gecko?.data_collection_permissions?.required).toEqual(['none']);
  });

  it('asks for the same permissions as the Chrome build (hosts are permissions in MV2)', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['activeTab', 'scripting', 'storage', 'unlimitedStorage', ...CONSOLE_HOST_PERMISSIONS].sort());
    for (const key of ['content_scripts', 'web_accessible_resources', 'externally_connectable', 'optional_permissions', 'content_security_policy']) {
      expect(manifest, key).not.toHaveProperty(key);
    }
  });
});

/**
 * MV2 in Firefox grants the declared console hosts at install (docs/firefox.md): the store package
 * audits a console with no further grant, and sees nothing of a tab on an undeclared host until the
 * admin's click on its button there grants that tab (activeTab), which is all an audit needs: no
 * optional permission, no request.
 */
describe.skipIf(!findFirefox())('the Firefox store package in Firefox', () => {
  let session: Session<FirefoxBrowser>;
  beforeAll(async () => {
    session = await startFirefoxSession({ extensionDir: ADDON_DIR });
  }, 180_000);
  afterAll(async () => {
    await session?.close();
  });

  it('audits a console whose host it declares without asking for anything more', async () => {
    const page = await session.openConsole('admin.worksmobile.com', '/members/');
    const { status } = await auditThroughPopup(session, page);
    expect(status).toMatch(/^Audit complete/);
    expect((await session.readSnapshot('latest')).snapshot.console).toBe('lineworks-members');
  });

  it('cannot even see the address of a tab on a host it does not declare', async () => {
    const page = await session.openConsole('intranet.example.com', '/plain-table.html');
    // Without a host permission (or the admin's click), a tab's address is hidden from the add-on.
    await expect(session.tabIdOf(page)).rejects.toThrow(/no tab shows/);
    // The same lookup finds a declared console's tab: the check is not blind.
    const consolePage = await session.openConsole('admin.worksmobile.com', '/members/');
    expect(await session.tabIdOf(consolePage)).toBeGreaterThan(0);
  });

  it(
    "audits a paged roster on a host it does not declare with the click's activeTab alone, and loses the tab when it navigates",
    { timeout: 300_000 },
    async () => {
      const path = '/paginated/page-1.html';
      const page = await session.openConsole('intranet.example.com', path);
      await expect(session.tabIdOf(page)).rejects.toThrow(/no tab shows/);
      await session.browser.grantActiveTab(page.url());
      const { status, popup } = await auditThroughPopup(session, page);
      // Every page read (the next ones by the page's own same-origin requests): no host permission asked for.
      expect(status).toMatch(/^Audit complete/);
      const expected = expectedAudits().find((audit) => audit.host === 'intranet.example.com' && audit.path === path)!;
      expect((await session.readSnapshot('latest')).members.length).toBe(expected.members.length);
      await popup.close();
      // activeTab lasts until the tab navigates: the add-on holds nothing more on that host.
      await page.goto(session.server.url('intranet.example.com', '/plain-table.html'));
      await expect(session.tabIdOf(page)).rejects.toThrow(/no tab shows/);
    },
  );
});
