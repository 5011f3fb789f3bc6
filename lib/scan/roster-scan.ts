import type { ContactDetail } from '../consoles/profile';
import type { ScanMode } from '../messages';
import type { MemberRow } from '../model';
import { planColumns, rowToMember, type ColumnPlan } from './columns';
import { NoRosterError, ScanStop, type ScanHooks, type ScanResult } from './contract';
import { accessibleName, findLoadMore, findNext, followTarget, isDisabled, pageCount } from './controls';
import { walkDetails, withDetail, type PendingRow } from './detail-walk';
import { changeRoot, clickElement, isBusy, isSelected } from './dom-actions';
import { rankSources, readerFor, sampleRows, type Reader } from './rank';
import { scrollContainer, scrollStep } from './scroll';
import type { RawRow, RosterSource } from './source';
import { cleanText } from './text';

/** Rows emitted (and parsed) at once, and between two breaths of the page. */
const SLICE_ROWS = 300;
const MAX_PAGES = 1000;
const CHANGE_TIMEOUT_MS = 3000;
const SCROLL_TIMEOUT_MS = 1000;
/** Scroll steps in a row that bring nothing before a virtual list counts as read. */
const STALE_STEPS = 3;
const SETTLE_ATTEMPTS = 4;

/** Reads the whole roster: every page, every "load more", every scroll step, every tab the console has. */
export async function scanRoster(doc: Document, url: string, opts: { mode: ScanMode; candidate?: number }, hooks: ScanHooks): Promise<ScanResult> {
  const reader = readerFor(doc, url);
  const ranked = rankSources(doc, reader);
  const chosen = ranked[opts.candidate ?? 0] ?? ranked[0];
  if (!chosen) throw new NoRosterError();
  return new RosterScan(doc, url, reader, opts.mode, hooks, chosen.source).run();
}


class RosterScan {
  /** By page (and tab): how many rows of each identity have been emitted. */
  private readonly seen = new Map<string, Map<string, number>>();
  private readonly plans = new Map<string, ColumnPlan>();
  private rowsEmitted = 0;
  private pagesRead = 0;
  private page = 1;
  private pages: number | undefined;
  private incompleteReason: string | undefined;
  private doc: Document;
  private url: string;

  constructor(
    private readonly liveDoc: Document,
    url: string,
    private readonly reader: Reader,
    private readonly mode: ScanMode,
    private readonly hooks: ScanHooks,
    private source: RosterSource,
  ) {
    this.doc = liveDoc;
    this.url = url;
  }

  async run(): Promise<ScanResult> {
    try {
      const tabs = this.findTabs();
      if (tabs.length === 0) await this.readPages(undefined);
      for (const tab of tabs) {
        const control = this.findTabs().find((found) => found.label === tab.label)?.element;
        if (!control) continue;
        if (!isSelected(control)) await this.follow(control);
        await this.readPages(tab.label);
      }
      return { reachedEnd: this.incompleteReason === undefined, ...(this.incompleteReason ? { reason: this.incompleteReason } : {}), pagesRead: this.pagesRead };
    } catch (error) {
      if (error instanceof ScanStop) return { reachedEnd: false, reason: error.reason, pagesRead: this.pagesRead };
      const detail = error instanceof Error ? error.message : String(error);
      return { reachedEnd: false, reason: `failed: ${detail}`.slice(0, 500), pagesRead: this.pagesRead };
    }
  }

  private checkStop(): void {
    if (this.hooks.signal.aborted) throw new ScanStop('cancelled');
    if (this.doc === this.liveDoc && !this.liveDoc.defaultView) throw new ScanStop('page-gone');
  }

  /** The console's member tabs present on the page, in the profile's order. */
  private findTabs(): { label: string; element: Element }[] {
    const labels = this.reader.profile.tabs;
    if (!labels || labels.length === 0) return [];
    const controls = Array.from(this.doc.querySelectorAll('[role=tab], a, button, li'));
    const found: { label: string; element: Element }[] = [];
    for (const label of labels) {
      const matches = controls.filter((element) => {
        const name = accessibleName(element);
        return name.startsWith(label) && name.length <= label.length + 12 && !/^[\p{L}]/u.test(name.slice(label.length).trim());
      });
      const element = matches.find((element) => element.getAttribute('role') === 'tab') ?? matches.find((element) => element.tagName !== 'LI') ?? matches[0];
      if (element) found.push({ label, element });
    }
    return found;
  }

  /** Every page of the current list: the rows shown, then "next" until it is disabled, gone, or changes nothing. */
  private async readPages(tab: string | undefined): Promise<void> {
    for (;;) {
      await this.readPage(tab);
      this.pagesRead++;
      const next = findNext(this.source.root);
      if (!next || isDisabled(next)) return;
      this.pages ??= pageCount(this.source.root, next, this.source.rowElements().length);
      if (this.pagesRead >= MAX_PAGES) throw new ScanStop('page-limit');
      if (!(await this.follow(next))) return;
      this.page++;
    }
  }

  /** One page: its rows, then every scroll step of a virtual list and every "load more". */
  private async readPage(tab: string | undefined): Promise<void> {
    if (this.isVirtual()) {
      await this.scrollThrough(tab);
    } else {
      await this.readVisible(tab);
    }
    for (;;) {
      const more = findLoadMore(this.source.root);
      if (!more || isDisabled(more)) break;
      if (!(await this.follow(more)) || (await this.readVisible(tab)) === 0) break;
    }
    await this.breathe();
  }

  private isVirtual(): boolean {
    const { rowCount, declaredRows } = this.source;
    if (rowCount === undefined) return false;
    const elements = this.source.rowElements();
    const lastIndex = Math.max(0, ...elements.map(rowIndexOf));
    return lastIndex > 0 ? lastIndex < rowCount : elements.length < (declaredRows ?? 0);
  }

  /** Scrolls a virtual list's scroll container step by step until its last row has been read. */
  private async scrollThrough(tab: string | undefined): Promise<number> {
    const container = scrollContainer(this.source);
    if (!container) {
      this.incompleteReason ??= 'scroll-stalled';
      return this.readVisible(tab);
    }
    // From the top, so that rows come in roster order whatever the admin had scrolled to.
    if (container.scrollTop !== 0) {
      container.scrollTop = 0;
      await this.hooks.waitForChange(this.source.root, SCROLL_TIMEOUT_MS);
      this.refindIfDetached();
    }
    let added = await this.readVisible(tab);
    let lastIndex = 0;
    for (let stale = 0; stale < STALE_STEPS; ) {
      lastIndex = Math.max(lastIndex, ...this.source.rowElements().map(rowIndexOf));
      if (this.source.rowCount !== undefined && lastIndex >= this.source.rowCount) break;
      const before = container.scrollTop;
      container.scrollTop = before + scrollStep(container, this.source.rowElements());
      const moved = container.scrollTop !== before;
      await this.hooks.waitForChange(this.source.root, SCROLL_TIMEOUT_MS);
      this.checkStop();
      this.refindIfDetached();
      const loaded = await this.readVisible(tab);
      added += loaded;
      if (loaded === 0 && !moved) break;
      stale = loaded === 0 ? stale + 1 : 0;
      await this.breathe();
    }
    lastIndex = Math.max(lastIndex, ...this.source.rowElements().map(rowIndexOf));
    const { rowCount, declaredRows } = this.source;
    const reachedEnd = lastIndex > 0 ? lastIndex >= (rowCount ?? 0) : added + this.source.rowElements().length >= (declaredRows ?? 0);
    if (!reachedEnd) this.incompleteReason ??= 'scroll-stalled';
    return added;
  }

  /** Reads the rows now in the DOM; emits the new ones (or walks their details first) in slices. */
  private async readVisible(tab: string | undefined): Promise<number> {
    const source = this.source;
    const elements = source.rowElements();
    const plan = this.planFor(source, elements);
    const scope = `${tab ?? ''}|${this.page}`;
    // Undefined on the first view of a page: every row in it is new, and its tally becomes the record.
    const seen = this.seen.get(scope);
    const inThisPass = new Map<string, number>();
    const positioned = source.kind === 'grid';
    let batch: MemberRow[] = [];
    const walk: PendingRow[] = [];
    let added = 0;
    for (const element of elements) {
      const raw = source.readRow(element);
      const row = raw && this.toMember(raw, plan, tab);
      if (!row) continue;
      // A grid row that says where it stands (aria-rowindex) is that row in every view. Otherwise the
      // n-th row with one identity in one view is a row of its own; seen again in a later view of the
      // same page (a re-render, a scroll step, a "load more") it is the same row. Pages and tabs are
      // apart: one person listed on two pages is listed twice.
      const identity = identityOf(row);
      const rowIndex = positioned ? rowIndexOf(element) : 0;
      const key = rowIndex > 0 ? `\u0001${rowIndex}` : identity;
      const occurrence = (inThisPass.get(key) ?? 0) + 1;
      inThisPass.set(key, occurrence);
      if (seen) {
        if (occurrence <= (seen.get(key) ?? 0)) continue;
        seen.set(key, occurrence);
      }
      added++;
      if (this.mode === 'link-status' && this.reader.profile.detailWalk && !row.linkStatus) {
        walk.push({ row, element, key: identity });
        continue;
      }
      batch.push(row);
      if (batch.length >= SLICE_ROWS) {
        this.emit(batch);
        batch = [];
        await this.breathe();
      }
    }
    this.emit(batch);
    if (!seen) this.seen.set(scope, inThisPass);
    if (walk.length > 0) await this.walkDetails(walk);
    return added;
  }

  private planFor(source: RosterSource, elements: readonly Element[]): ColumnPlan {
    const key = `${source.signature}|${source.headers.length}`;
    let plan = this.plans.get(key);
    if (!plan) {
      const sample = sampleRows(source, elements);
      plan = planColumns(source.headers, sample, this.reader.profile, this.reader.tables);
      this.plans.set(`${source.signature}|${source.headers.length}`, plan);
    }
    return plan;
  }

  private toMember(raw: RawRow, plan: ColumnPlan, tab: string | undefined): MemberRow | undefined {
    const profile = this.reader.profile;
    let row = rowToMember(raw, plan, profile);
    if (!row) return undefined;
    if (tab) row.fields = { ...row.fields, tab, status: row.fields?.status || tab };
    if (profile.rowDetail) row = withDetail(row, profile.rowDetail(raw.element));
    return profile.finish ? profile.finish(row, raw) : row;
  }

  /** Rows are built within the MemberRow limits (texts capped, at most 100 cells); the background parses them. */
  private emit(rows: MemberRow[]): void {
    if (rows.length === 0) return;
    this.rowsEmitted += rows.length;
    this.hooks.onRows(rows);
  }

  private report(): void {
    this.hooks.onProgress({ rows: this.rowsEmitted, page: this.page, pages: this.pages });
  }

  private async breathe(): Promise<void> {
    this.report();
    await this.hooks.yieldToPage();
    this.checkStop();
  }

  /** Opens each contact in turn (see detail-walk.ts); rows of a loaded page keep what the list shows. */
  private async walkDetails(pending: readonly PendingRow[]): Promise<void> {
    if (this.doc !== this.liveDoc) {
      this.emit(pending.map((item) => item.row));
      return;
    }
    await walkDetails(this.reader.profile.detailWalk!, pending, {
      doc: this.doc,
      listRoot: () => this.source.root,
      checkStop: () => this.checkStop(),
      settle: (root, timeoutMs, probe) => this.settle(root, timeoutMs, probe),
      rowElement: (item) => (item.element.isConnected ? item.element : this.findRowElement(item.key)),
      afterClose: () => this.refindIfDetached(),
      emit: (rows) => this.emit(rows),
      breathe: () => this.breathe(),
    });
  }

  /**
   * Waits until `probe` finds what it looks for (the page's change ends the wait at once) or the
   * time is up; its last finding. Hooks that cannot watch a probe settle by quiet periods instead.
   */
  private async settle<T>(root: Node, timeoutMs: number, probe: () => T | undefined): Promise<T | undefined> {
    const deadline = Date.now() + timeoutMs;
    let found = probe();
    for (let attempt = 0; found === undefined && attempt < SETTLE_ATTEMPTS && Date.now() < deadline; attempt++) {
      await this.hooks.waitForChange(root, Math.max(1, deadline - Date.now()), () => probe() !== undefined);
      this.checkStop();
      found = probe();
    }
    return found;
  }

  /** A row's element again after the list re-rendered, by the row's identity. */
  private findRowElement(identity: string): Element | undefined {
    this.refindIfDetached();
    const plan = this.planFor(this.source, this.source.rowElements());
    return this.source.rowElements().find((element) => {
      const raw = this.source.readRow(element);
      const row = raw && rowToMember(raw, plan, this.reader.profile);
      return row !== undefined && identityOf(row) === identity;
    });
  }

  /**
   * Follows a pager, tab or "load more" control: loads a real link's page, clicks anything else.
   * False when the list did not change (a last page whose "next" does nothing).
   */
  private async follow(control: Element): Promise<boolean> {
    const before = this.fingerprint();
    const target = followTarget(control, this.url);
    if ('url' in target) {
      let next: Document;
      try {
        next = await this.hooks.loadDocument(target.url);
      } catch {
        throw new ScanStop('page-load-failed');
      }
      this.checkStop();
      this.doc = next;
      this.url = target.url;
      this.source = this.refind(next) ?? this.lost();
      return this.fingerprint() !== before;
    }
    if (this.doc !== this.liveDoc) throw new ScanStop('needs-click');
    clickElement(control);
    for (let attempt = 0; attempt < SETTLE_ATTEMPTS; attempt++) {
      await this.hooks.waitForChange(changeRoot(this.source.root), CHANGE_TIMEOUT_MS);
      this.checkStop();
      this.refindIfDetached();
      if (!isBusy(this.source.root) && this.fingerprint() !== before) return true;
    }
    return false;
  }

  /** The rows shown, in short: the first and last row and their count. */
  private fingerprint(): string {
    const rows = this.source.rowElements();
    const text = (row: Element | undefined) => (row ? cleanText(row.textContent) : '');
    return `${rows.length}|${text(rows[0])}|${text(rows[rows.length - 1])}`;
  }

  private lost(): never {
    throw new ScanStop('roster-lost');
  }

  private refindIfDetached(): void {
    if (this.source.root.isConnected) return;
    this.source = this.refind(this.doc) ?? this.lost();
  }

  /** The same list in a (new or re-rendered) document: same signature, else same kind and most shared headers. */
  private refind(doc: Document): RosterSource | undefined {
    const sources = rankSources(doc, this.reader).map((entry) => entry.source);
    const same = sources.find((source) => source.signature === this.source.signature);
    if (same) return same;
    const shared = (source: RosterSource) => source.headers.filter((header) => header && this.source.headers.includes(header)).length;
    return sources.filter((source) => source.kind === this.source.kind).sort((a, b) => shared(b) - shared(a))[0] ?? sources[0];
  }
}

/**
 * What tells one row from another across views of one page: the identifier exactly as shown (a row
 * seen again shows the same text), else its cells. The fallback starts with a control character,
 * which cell text never holds, so that it cannot equal an identifier.
 */
function identityOf(row: MemberRow): string {
  return row.identifier || row.email || `\u0000${row.cells.join('\u001f')}\u001f${row.name}`;
}

function rowIndexOf(element: Element): number {
  const index = Number(element.getAttribute('aria-rowindex'));
  return Number.isFinite(index) && index > 0 ? index : 0;
}

