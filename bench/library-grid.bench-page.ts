import { profileFor } from '../lib/consoles';
import { AllCommunityModule, createGrid, ModuleRegistry } from 'ag-grid-community';
import type { MemberRow } from '../lib/model';
import { scanRoster, type ScanHooks } from '../lib/scan';
import { nextTask, waitForChange } from '../lib/scan/page-waits';
import { roster } from '../tests/fixtures/real-pages/roster';
import type { BenchFigure } from './figure';

ModuleRegistry.registerModules([AllCommunityModule]);

const ROWS = 2000;
const TARGET = 1.5;
const URL_HERE = 'https://bench.example.test/grid';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
/** The extension's own waits: on the page's changes, not on timers. */
function liveHooks(count: (rows: MemberRow[]) => void): ScanHooks {
  return {
    signal: new AbortController().signal,
    onProgress() {},
    onRows: count,
    loadDocument: () => Promise.reject(new Error('no pagination in the bench')),
    yieldToPage: nextTask,
    waitForChange,
  };
}

function buildGrid(doc: Document): HTMLElement {
  const host = doc.createElement('div');
  host.style.cssText = 'height:600px;width:900px';
  doc.body.appendChild(host);
  createGrid(host, {
    rowData: roster(ROWS),
    columnDefs: [
      { headerName: '氏名', field: 'name', pinned: 'left', width: 160 },
      { headerName: 'メールアドレス', field: 'email', width: 280 },
      { headerName: '部署', field: 'department', width: 160 },
      { headerName: 'ステータス', field: 'status', width: 120 },
    ],
  });
  return host;
}

/** The element in the grid with the most to scroll vertically. */
function verticalScroller(host: HTMLElement): HTMLElement {
  let best = host;
  for (const element of Array.from(host.querySelectorAll<HTMLElement>('div'))) {
    if (element.scrollHeight - element.clientHeight > best.scrollHeight - best.clientHeight) best = element;
  }
  return best;
}

/**
 * The reader on a 2,000-row AG Grid (pinned name column, virtualised rows) against a plain
 * scroll-through of the same grid that reads every rendered cell, each step a frame apart.
 */
export async function runLibraryGridBench(doc: Document): Promise<BenchFigure[]> {
  const host = buildGrid(doc);
  await nextFrame();
  await nextFrame();
  const scroller = verticalScroller(host);
  const baseline = async () => {
    scroller.scrollTop = 0;
    for (let frame = 0; frame < 20 && !host.querySelector('[role=row][row-index="0"]'); frame++) await nextFrame();
    const seen = new Set<string>();
    // Step by most of a view, a frame or two apart, until every row has been drawn (or the end stays put).
    for (let still = 0; seen.size < ROWS && still < 3;) {
      for (const row of Array.from(host.querySelectorAll('[role=row][row-index]'))) {
        const texts = Array.from(row.querySelectorAll('[role=gridcell]'), (cell) => cell.textContent ?? '');
        if (texts.some(Boolean)) seen.add(row.getAttribute('row-index') ?? '');
      }
      const before = scroller.scrollTop;
      scroller.scrollTop = before + Math.max(scroller.clientHeight * 0.8, 100);
      still = scroller.scrollTop === before ? still + 1 : 0;
      // A frame at a time until the grid has drawn the rows of the new position (at most ten).
      const firstBefore = host.querySelector('[role=row][row-index]')?.getAttribute('row-index');
      for (let frame = 0; frame < 10; frame++) {
        await nextFrame();
        if (still > 0 ? frame >= 3 : host.querySelector('[role=row][row-index]')?.getAttribute('row-index') !== firstBefore) break;
      }
    }
    if (seen.size !== ROWS) throw new Error(`AG Grid baseline saw ${seen.size} of ${ROWS} rows`);
  };
  const scan = async () => {
    scroller.scrollTop = 0;
    await nextFrame();
    let read = 0;
    const result = await scanRoster(
      doc,
      URL_HERE,
      profileFor(doc, URL_HERE),
      { mode: 'roster' },
      liveHooks((rows) => (read += rows.length)),
    );
    if (read !== ROWS || !result.reachedEnd) throw new Error(`AG Grid scan read ${read} of ${ROWS} rows (${result.reason ?? 'reached the end'})`);
  };
  const time = async (fn: () => Promise<void>) => {
    const start = performance.now();
    await fn();
    return performance.now() - start;
  };
  // Side by side, alternating, so that load on the machine falls on both alike.
  const baselines: number[] = [];
  const scans: number[] = [];
  for (let run = 0; run < 3; run++) {
    baselines.push(await time(baseline));
    scans.push(await time(scan));
  }
  host.remove();
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
  return [
    {
      name: 'scan: 2,000-row AG Grid (pinned column, virtualised rows) vs plain scroll-through',
      value: Math.round(median(scans)),
      unit: 'ms',
      baseline: Math.round(median(baselines)),
      target: TARGET,
    },
  ];
}
