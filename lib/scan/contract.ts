import type { Localized } from '../i18n';
import type { MemberRow } from '../model';

export interface ScanHooks {
  signal: AbortSignal;
  onProgress(p: { rows: number; page: number; pages?: number }): void;
  /** Only new rows (deduplicated), in roster order, parsed with the MemberRow schema. */
  onRows(rows: MemberRow[]): void;
  /** Same-origin fetch + DOMParser for link pagination without navigating the tab. */
  loadDocument(url: string): Promise<Document>;
  /** Lets the page breathe between slices. */
  yieldToPage(): Promise<void>;
  /**
   * Waits for the DOM to settle after a click or scroll: until `settled()` holds when given (checked
   * as the DOM changes), else until a quiet period; never past the timeout.
   */
  waitForChange(root: Node, timeoutMs: number, settled?: () => boolean): Promise<void>;
}

export interface ScanResult {
  pagesRead: number;
  /**
   * The list was read to its demonstrable end: the last page reached, and further scroll steps or
   * waits added nothing. False when the scan stopped short (then `reason` says why).
   */
  reachedEnd: boolean;
  /** The number of members the page states (「全2,000件」, "1–20 of 500", aria-rowcount), summed over tabs. */
  statedTotal?: number;
  /** Why the scan stopped short: a code of INCOMPLETE_REASONS, or `failed: …`. */
  reason?: string;
}

/** Thrown when nothing on the page looks like a roster. */
export class NoRosterError extends Error {
  readonly text: Localized = {
    ja: 'この画面に名簿が見つかりません。名前とメールアドレス（またはID）を並べた表・グリッド・一覧を探しました。',
    en: 'No roster found on this page. Looked for tables, grids and lists of people with names and addresses (or IDs).',
  };
  constructor() {
    super('No roster found on this page. Looked for tables, grids and lists of people with names and addresses (or IDs).');
    this.name = 'NoRosterError';
  }
}

/**
 * Why a scan stopped short (`reason`): cancelled, page-gone, page-load-failed, roster-lost,
 * needs-click, scroll-stalled, scroll-moved-back, page-limit, `page-error: …` (the message the list shows), or
 * `failed: …`. The UI has the words.
 */
export type IncompleteReason =
  'cancelled' | 'page-gone' | 'page-load-failed' | 'roster-lost' | 'needs-click' | 'scroll-stalled' | 'scroll-moved-back' | 'page-limit' | 'page-error';

/** Ends a scan early with a reason code. */
export class ScanStop extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}
