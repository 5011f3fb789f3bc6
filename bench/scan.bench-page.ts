import { profileFor } from '../lib/consoles';
import type { MemberRow } from '../lib/model';
import { scanRoster, type ScanHooks } from '../lib/scan';
import type { BenchFigure } from './figure';
import { interleavedMediansMs, medianMs } from './figure';

const ROWS = 10_000;
const RUNS = 9;
const TABLE_TARGET = 1.5;
const ROW_HEIGHT = 28;
const VIEW_HEIGHT = 560;
const URL_HERE = 'https://bench.example.test/members';

const person = (i: number) => [
  `社員 ${i}`,
  `user${i}@example.co.jp`,
  `本社|営業部|第${i % 20}課`,
  i % 9 === 0 ? '一時停止' : '使用中',
  i % 5 === 0 ? '課長' : '',
];
const HEADERS = ['名前', 'メールアドレス', '組織', 'ステータス', '役職'];

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

function benchHooks(): { hooks: ScanHooks; rows: () => number } {
  let count = 0;
  return {
    rows: () => count,
    hooks: {
      signal: new AbortController().signal,
      onProgress() {},
      onRows: (rows: MemberRow[]) => void (count += rows.length),
      loadDocument: () => Promise.reject(new Error('no pagination in the bench')),
      // The reader's own cost is measured: the page gets its breath without a timer's delay.
      yieldToPage: () => Promise.resolve(),
      // A virtual grid re-renders on the scroll event, which comes with the next frame.
      waitForChange: async () => {
        await nextFrame();
        await nextFrame();
      },
    },
  };
}

function buildTable(doc: Document): HTMLElement {
  const host = doc.createElement('div');
  const table = doc.createElement('table');
  const head = table.createTHead().insertRow();
  for (const text of HEADERS) {
    const th = doc.createElement('th');
    th.textContent = text;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (let i = 0; i < ROWS; i++) {
    const row = body.insertRow();
    for (const text of person(i)) row.insertCell().textContent = text;
  }
  host.appendChild(table);
  doc.body.appendChild(host);
  return host;
}

/** A virtualised ARIA grid: only the rows in view (and a few around) are in the DOM. */
function buildGrid(doc: Document): { host: HTMLElement; scroller: HTMLElement } {
  const host = doc.createElement('div');
  host.innerHTML = `<div role="grid" aria-rowcount="${ROWS + 1}" aria-label="members">
    <div role="row" aria-rowindex="1">${HEADERS.map((text, i) => `<div role="columnheader" aria-colindex="${i + 1}">${text}</div>`).join('')}</div>
    <div class="scroller" style="height:${VIEW_HEIGHT}px;overflow-y:auto;position:relative"><div class="spacer" style="height:${ROWS * ROW_HEIGHT}px;position:relative"></div></div></div>`;
  doc.body.appendChild(host);
  const scroller = host.querySelector<HTMLElement>('.scroller')!;
  const spacer = host.querySelector<HTMLElement>('.spacer')!;
  const render = () => {
    const first = Math.max(0, Math.floor(scroller.scrollTop / ROW_HEIGHT) - 5);
    const last = Math.min(ROWS, first + Math.ceil(VIEW_HEIGHT / ROW_HEIGHT) + 10);
    const rows: string[] = [];
    for (let i = first; i < last; i++) {
      const cells = person(i).map((text, c) => `<div role="gridcell" aria-colindex="${c + 1}" style="display:inline-block;width:150px">${text}</div>`);
      rows.push(`<div role="row" aria-rowindex="${i + 2}" style="position:absolute;top:${i * ROW_HEIGHT}px;height:${ROW_HEIGHT}px">${cells.join('')}</div>`);
    }
    spacer.innerHTML = rows.join('');
  };
  scroller.addEventListener('scroll', render);
  render();
  return { host, scroller };
}

/** Times the reader on a 10,000-row table and a 10,000-row virtualised grid against plain textContent loops. */
export async function runScanBench(doc: Document): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];

  const table = buildTable(doc);
  let cells = 0;
  const readCells = () => {
    const texts: string[] = [];
    for (const cell of Array.from(table.querySelectorAll('td'))) texts.push(cell.textContent ?? '');
    cells = texts.length;
  };
  const scanTable = async () => {
    const bench = benchHooks();
    await scanRoster(doc, URL_HERE, profileFor(doc, URL_HERE), { mode: 'roster' }, bench.hooks);
    if (bench.rows() !== ROWS) throw new Error(`table scan read ${bench.rows()} of ${ROWS} rows`);
  };
  // One untimed run of each first: both are measured warm, as a second audit of a page would be.
  readCells();
  await scanTable();
  const { baseline: tableBaseline, subject: tableScan } = await interleavedMediansMs(RUNS, readCells, scanTable);
  if (cells !== ROWS * HEADERS.length) throw new Error('table baseline read the wrong cells');
  figures.push({ name: 'scan: 10,000-row table', value: tableScan, unit: 'ms', baseline: tableBaseline, target: TABLE_TARGET });
  table.remove();

  const grid = buildGrid(doc);
  const gridBaseline = await medianMs(1, async () => {
    // The same walk without the reader: scroll by the same steps, read every rendered cell.
    grid.scroller.scrollTop = 0;
    await nextFrame();
    const seen = new Set<string>();
    for (;;) {
      for (const row of Array.from(grid.host.querySelectorAll('[role=row]'))) {
        const texts = Array.from(row.querySelectorAll('[role=gridcell]'), (cell) => cell.textContent ?? '');
        if (texts.length > 0) seen.add(row.getAttribute('aria-rowindex') ?? '');
      }
      const before = grid.scroller.scrollTop;
      grid.scroller.scrollTop = before + Math.max(grid.scroller.clientHeight * 0.8, 100);
      if (grid.scroller.scrollTop === before) break;
      await nextFrame();
      await nextFrame();
    }
    if (seen.size !== ROWS) throw new Error(`grid baseline saw ${seen.size} of ${ROWS} rows`);
  });
  const gridScan = await medianMs(1, async () => {
    grid.scroller.scrollTop = 0;
    await nextFrame();
    const bench = benchHooks();
    await scanRoster(doc, URL_HERE, profileFor(doc, URL_HERE), { mode: 'roster' }, bench.hooks);
    if (bench.rows() !== ROWS) throw new Error(`grid scan read ${bench.rows()} of ${ROWS} rows`);
  });
  figures.push({ name: 'scan: 10,000-row virtualised grid', value: gridScan, unit: 'ms', baseline: gridBaseline });
  grid.host.remove();
  return figures;
}
