import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { BenchFigure } from './figure';

const ROOT = resolve(import.meta.dirname, '..');
/** The budget for the script injected into the admin's page (issue 14, point 7). */
const SCANNER_BUDGET_KB = 60;

/**
 * The weight of the reader injected into the admin's page, in the production build. The baseline is
 * the reader's own code (the scanner and the console profiles) minified alone in the same run: the
 * ratio shows what rides along with it (a validator or a polyfill would double it).
 */
export async function runBundleBench(): Promise<BenchFigure[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'roster-audit-bundle-'));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, ROSTER_AUDIT_OUT_DIR: outDir };
    delete env.ROSTER_AUDIT_TEST_BUILD;
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, env, stdio: 'ignore' });
    const scanner = statSync(join(outDir, 'chrome-mv3/scanner.js')).size / 1024;
    const readerOnly = await build({
      stdin: { contents: "export * from './lib/scan'; export * from './lib/consoles';", resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'chrome120',
      write: false,
      logLevel: 'warning',
    });
    const baseline = readerOnly.outputFiles[0]!.contents.byteLength / 1024;
    return [{ name: 'bundle: scanner injected into the page (production)', value: scanner, unit: 'KB', baseline, target: 1.1, budget: SCANNER_BUDGET_KB }];
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
