import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_HOST_PERMISSIONS } from '../../lib/console-hosts';

/**
 * The Firefox build (`npm run build:firefox`, into its own directory here) is a valid add-on that
 * Mozilla's linter accepts, carries its add-on id, and asks for no more than the Chrome build.
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
    browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: { required?: string[] } } };
    [key: string]: unknown;
  };
  let lint: LintReport;

  beforeAll(() => {
    rmSync(join(ROOT, OUT), { recursive: true, force: true });
    const env: NodeJS.ProcessEnv = { ...process.env, ROSTER_AUDIT_OUT_DIR: OUT };
    delete env.ROSTER_AUDIT_TEST_BUILD;
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

  it('passes web-ext lint with no error', () => {
    expect(lint.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
    expect(lint.summary.errors).toBe(0);
  });

  it('carries its add-on id and declares that it collects no data', () => {
    expect(manifest.browser_specific_settings?.gecko?.id).toBe('roster-audit@roster-audit.dev');
    expect(manifest.browser_specific_settings?.gecko?.data_collection_permissions?.required).toEqual(['none']);
  });

  it('asks for the same permissions as the Chrome build (hosts are permissions in MV2)', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual(
      ['activeTab', 'scripting', 'storage', 'unlimitedStorage', ...CONSOLE_HOST_PERMISSIONS].sort(),
    );
    for (const key of ['content_scripts', 'web_accessible_resources', 'externally_connectable', 'optional_permissions', 'content_security_policy']) {
      expect(manifest, key).not.toHaveProperty(key);
    }
  });
});
