import { inspectPage, NoRosterError, scanRoster, type ScanHooks } from '@/lib/scan';
import { profileFor } from '@/lib/consoles';
import type { WxtBrowser } from 'wxt/browser';
import type { ScanControl, ScanPortMessage } from '@/lib/messages';
import { SCAN_PORT } from '@/lib/ports';
import type { ListPick } from '@/lib/scan/list-pick';
import type { MemberRow } from '@/lib/model';
import { nextTask, waitForChange } from '@/lib/scan/page-waits';

/**
 * Injected into the tab only when the admin asks for an audit. It reads the page and reports
 * over a port; it never touches storage (the cache lives in the extension's own origin).
 */

const ROWS_PER_MESSAGE = 500;

/**
 * The page's own `fetch`. Firefox runs a content script's global `fetch` as the add-on (MV2: the
 * add-on's principal, no referer, not the page's request); `content.fetch` asks as the page does,
 * which is what Chrome's content-script `fetch` already is.
 */
const pageWindow = (globalThis as { content?: { fetch?: typeof fetch } }).content;
const pageFetch: typeof fetch = pageWindow?.fetch ? pageWindow.fetch.bind(pageWindow) : fetch;

async function loadDocument(url: string): Promise<Document> {
  // Only the page's own origin: the next page of the same roster, read without navigating.
  const target = new URL(url, location.href);
  if (target.origin !== location.origin) throw new Error('pagination left the site');
  const response = await pageFetch(target.href, { credentials: 'same-origin', method: 'GET' });
  if (!response.ok) throw new Error(`next page answered ${response.status}`);
  return new DOMParser().parseFromString(await response.text(), 'text/html');
}

/**
 * The extension's runtime as the browser gives it (`browser` in Firefox, `chrome` in Chromium), not
 * through the promise polyfill: a port works alike in both, and the reader stays small.
 */
const extension = globalThis as { browser?: WxtBrowser; chrome?: WxtBrowser };

/**
 * What the background sends over this port. Only this extension can write to it (a page cannot),
 * and the background builds each message from its own zod-checked state, so the kind is checked
 * here without a validator in the page; everything the reader sends back is parsed by the background.
 */
function scanControl(raw: unknown): ScanControl | undefined {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  return type === 'scan/inspect' || type === 'scan/start' || type === 'scan/cancel' ? (raw as ScanControl) : undefined;
}

export default defineUnlistedScript(() => {
  const port = (extension.browser ?? extension.chrome)!.runtime.connect({ name: SCAN_PORT });
  const post = (message: ScanPortMessage) => port.postMessage(message);
  const abort = new AbortController();
  let pending: MemberRow[] = [];
  const flush = () => {
    for (let i = 0; i < pending.length; i += ROWS_PER_MESSAGE) {
      post({ type: 'scan/rows', rows: pending.slice(i, i + ROWS_PER_MESSAGE) });
    }
    pending = [];
  };

  port.onDisconnect.addListener(() => abort.abort());

  // The page's console first: the background answers `scan/inspect` with the list the admin chose on such a page.
  post({ type: 'scan/hello', profile: profileFor(document, location.href).id });
  let pick: ListPick | undefined;

  const inspect = () => {
    let inspected;
    try {
      inspected = inspectPage(document, location.href, profileFor(document, location.href), pick);
    } catch (error) {
      const noRoster = error instanceof NoRosterError;
      post({ type: 'scan/error', code: noRoster ? 'no-roster' : 'failed', message: String((error as Error)?.message ?? error).slice(0, 1000) });
      return;
    }
    post({
      type: 'scan/begin',
      page: inspected.page,
      tenant: inspected.tenant.slice(0, 253),
      cues: inspected.cues,
      headers: inspected.headers.slice(0, 100),
      candidates: inspected.candidates.slice(0, 50),
      ...(inspected.pick ? { pick: inspected.pick } : {}),
    });
  };

  const hooks: ScanHooks = {
    signal: abort.signal,
    onProgress: (progress) => {
      flush();
      post({ type: 'scan/progress', ...progress });
    },
    onRows: (rows) => {
      pending.push(...rows);
      if (pending.length >= ROWS_PER_MESSAGE) flush();
    },
    loadDocument,
    yieldToPage: nextTask,
    waitForChange,
  };

  port.onMessage.addListener((raw: unknown) => {
    const control = scanControl(raw);
    if (!control) return;
    if (control.type === 'scan/inspect') {
      pick = control.pick;
      inspect();
      return;
    }
    if (control.type === 'scan/cancel') {
      abort.abort();
      return;
    }
    const { mode, candidate } = control;
    scanRoster(
      document,
      location.href,
      profileFor(document, location.href),
      { mode, ...(candidate !== undefined ? { candidate } : {}), ...(pick ? { pick } : {}) },
      hooks,
    )
      .then((result) => {
        flush();
        post({
          type: 'scan/end',
          reachedEnd: result.reachedEnd,
          pagesRead: result.pagesRead,
          ...(result.statedTotal !== undefined ? { statedTotal: result.statedTotal } : {}),
          ...(result.reason ? { reason: result.reason.slice(0, 500) } : {}),
        });
      })
      .catch((error: unknown) => {
        flush();
        post({
          type: 'scan/error',
          code: error instanceof NoRosterError ? 'no-roster' : 'failed',
          message: String((error as Error)?.message ?? error).slice(0, 1000),
        });
      });
  });
});
