import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { BenchFigure } from '../bench/figure';
import { runBundleBench } from '../bench/bundle.bench';
import { runCsvBench } from '../bench/csv.bench';
import { runDashboardBench } from '../bench/dashboard.bench';
import { runXlsxBench } from '../bench/xlsx.bench';
import { findChromium } from './lib/chromium';
import { startFixtureServer } from './lib/fixture-server';

/**
 * `npm run bench`: every figure is a ratio to a baseline measured in the same run on the same
 * machine, so the numbers compare across machines. Prints one line per figure and writes
 * bench/results.json.
 */

const ROOT = resolve(import.meta.dirname, '..');
const BENCH_HOST = '127.0.0.1';

/** `npm run bench -- scan db` runs only those groups; no argument runs them all. */
const GROUPS = ['scan', 'db', 'csv', 'xlsx', 'dashboard', 'bundle'] as const;
type Group = (typeof GROUPS)[number];
const asked = process.argv.slice(2).filter((arg): arg is Group => (GROUPS as readonly string[]).includes(arg));
const wanted = (group: Group) => asked.length === 0 || asked.includes(group);

async function browserFigures(): Promise<BenchFigure[]> {
  if (!wanted('scan') && !wanted('db')) return [];
  const root = mkdtempSync(join(tmpdir(), 'roster-audit-bench-'));
  const site = join(root, BENCH_HOST);
  mkdirSync(site);
  await build({
    entryPoints: [join(ROOT, 'bench/browser-entry.ts')],
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    outfile: join(site, 'bench.js'),
    logLevel: 'warning',
  });
  writeFileSync(join(site, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bench</title><body><script src="bench.js"></script>');
  const server = await startFixtureServer([root]);
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } });
    await page.goto(`https://${BENCH_HOST}:${server.port}/`);
    type Bench = {
      runScanBench(doc: Document): Promise<BenchFigure[]>;
      runLibraryGridBench(doc: Document): Promise<BenchFigure[]>;
      runDbBench(): Promise<BenchFigure[]>;
    };
    const scan = wanted('scan')
      ? await page.evaluate(() => (globalThis as unknown as { rosterAuditBench: Bench }).rosterAuditBench.runScanBench(document))
      : [];
    if (wanted('scan')) await page.reload();
    const libraryGrid = wanted('scan')
      ? await page.evaluate(() => (globalThis as unknown as { rosterAuditBench: Bench }).rosterAuditBench.runLibraryGridBench(document))
      : [];
    await page.reload();
    const db = wanted('db') ? await page.evaluate(() => (globalThis as unknown as { rosterAuditBench: Bench }).rosterAuditBench.runDbBench()) : [];
    return [...scan, ...libraryGrid, ...db];
  } finally {
    await browser.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

function report(figures: BenchFigure[]) {
  const results = figures.map((f) => ({
    name: f.name,
    value: Number(f.value.toFixed(3)),
    unit: f.unit,
    baseline: Number(f.baseline.toFixed(3)),
    ratio: Number((f.value / f.baseline).toFixed(3)),
    target: f.target ?? null,
    budget: f.budget ?? null,
  }));
  for (const r of results) {
    const checks = [
      ...(r.target === null ? [] : [{ text: `target ratio ≤ ${r.target}`, met: r.ratio <= r.target }]),
      ...(r.budget === null ? [] : [{ text: `budget ≤ ${r.budget} ${r.unit}`, met: r.value <= r.budget }]),
    ];
    const verdict = checks.length === 0 ? '' : checks.every((c) => c.met) ? '  ok' : '  OVER TARGET';
    const limits = checks.map((c) => `, ${c.text}`).join('');
    console.log(`${r.name}: ${r.value} ${r.unit} (baseline ${r.baseline} ${r.unit}, ratio ${r.ratio}${limits})${verdict}`);
  }
  writeFileSync(join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
}

const figures = [
  ...(await browserFigures()),
  ...(wanted('csv') ? await runCsvBench() : []),
  ...(wanted('xlsx') ? await runXlsxBench() : []),
  ...(wanted('dashboard') ? await runDashboardBench() : []),
  ...(wanted('bundle') ? await runBundleBench() : []),
];
report(figures);
