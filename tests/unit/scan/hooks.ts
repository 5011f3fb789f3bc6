import type { ScanHooks } from '../../../lib/scan';
import { MemberRow } from '../../../lib/model';

/** Hooks that record what a scan reports; `waitForChange` runs `onWait` (a page's re-render) when given. */
export function recordingHooks(options: { onWait?: () => void; loadDocument?: (url: string) => Promise<Document>; signal?: AbortSignal } = {}) {
  const rows: MemberRow[] = [];
  const progress: { rows: number; page: number; pages?: number }[] = [];
  const batches: number[] = [];
  const loaded: string[] = [];
  let yields = 0;
  const hooks: ScanHooks = {
    signal: options.signal ?? new AbortController().signal,
    onProgress: (p) => progress.push(p),
    onRows: (batch) => {
      batches.push(batch.length);
      // The reader no longer parses its rows: every one must pass the schema the background applies.
      rows.push(...batch.map((row) => MemberRow.parse(row)));
    },
    loadDocument: async (url) => {
      loaded.push(url);
      if (!options.loadDocument) throw new Error('no network in tests');
      return options.loadDocument(url);
    },
    yieldToPage: async () => {
      yields++;
    },
    waitForChange: async () => {
      options.onWait?.();
    },
  };
  return { hooks, rows, progress, batches, loaded, yields: () => yields };
}

export function html(markup: string): Document {
  document.body.innerHTML = markup;
  return document;
}

export const URL_HERE = 'https://intranet.example.test/people';
