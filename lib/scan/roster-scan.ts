import { whileWatchingChanges } from './change-version';
import type { ScanMode } from '../messages';
import type { MemberRow } from '../model';
import { planColumns, rowToMember, type ColumnPlan } from './columns';
import { NoRosterError, ScanStop, type ScanHooks, type ScanResult } from './contract';
import {
  accessibleName,
  currentPageNumber,
  findFirstPage,
  findLoadMore,
  findNext,
  findPageNumber,
  followTarget,
  isDisabled,
  pageCount,
  pageSizeChoice,
  pageSizeOffer,
} from './controls';
import { walkDetails, withDetail, type PendingRow } from './detail-walk';
import { changeRoot, clickElement, isBusy, isSelected, pressElement, pressEscape } from './dom-actions';
import { rankSources, readerFor, SAMPLE_ROWS, sampleRows, type Reader } from './rank';
import { declaredSetSize, statedCount } from './page-count';
import { shownError } from './list-error';
import type { ListPick } from './list-pick';
import type { ConsoleProfile } from './profile';
import { sourceFromPick } from './pick';
import { missingNumbers, rowPositionKey } from './row-index';
import {
  coverColumns,
  endsNearBottom,
  isLoading,
  isWindowed,
  loadingShown,
  scrollContainer,
  scrollStep,
  setScroll,
  scrollTopFor,
  sidewaysScroller,
  spaceAboveRows,
  spaceBelowRows,
  viewTopOf,
} from './scroll';
import { roleOfHeader } from './synonyms';
import type { RawRow, RosterSource } from './source';
import { cleanText } from './text';

/**
 * What may follow a tab's label: nothing, the kind of people it lists (Chatwork: 「利用中ユーザー」),
 * and a count (「(12)」「12名」). Any other word makes it another tab.
 */
const TAB_SUFFIX = /^(ユーザー|メンバー|社員|アカウント|users?|members?|accounts?)?\s*([(（]?\s*[\d,]+\s*(名|人|件)?\s*[)）]?)?$/i;

/** A horizontal scroll position to read the rows at, and the needed columns drawn there (none: stay). */
interface ColumnPosition {
  left?: number;
  columns: number[];
}

/** Rows emitted (and parsed) at once, and between two breaths of the page. */
const SLICE_ROWS = 300;
const MAX_PAGES = 1000;
const CHANGE_TIMEOUT_MS = 3000;
/** How long a list already redrawn by a click is watched for the rest of its drawing. */
const REDRAWN_QUIET_MS = 300;
/** How long a scroll step may take to bring rows: generous, since a step that brings them ends the wait at once. */
const STEP_TIMEOUT_MS = 3000;
/** How long the bottom of a list is watched for more rows, and longer while it shows it is loading. */
const GROW_TIMEOUT_MS = 2000;
const LOADING_TIMEOUT_MS = 15000;
const MAX_SCROLL_STEPS = 20000;
/** Steps in a row that the page undid (it moved the list back) before the read stops. */
const MOVED_BACK_LIMIT = 5;
/** Jumps straight to missing items after a sweep, at most. */
const MAX_GAP_JUMPS = 200;
/** Scroll steps in a row that bring nothing before the read stops as stalled. */
const STALE_STEPS = 3;
const SETTLE_ATTEMPTS = 4;

/** Reads the whole roster: every page, every "load more", every scroll step, every tab the console has. */
export async function scanRoster(
  doc: Document,
  url: string,
  profile: ConsoleProfile,
  opts: { mode: ScanMode; candidate?: number; pick?: ListPick },
  hooks: ScanHooks,
): Promise<ScanResult> {
  const reader = readerFor(profile);
  // A candidate named for this scan wins; else the list the admin chose for this page, when the page shows it.
  const picked = opts.candidate === undefined && opts.pick ? sourceFromPick(doc, opts.pick, reader.isHeader) : undefined;
  const ranked = picked ? [] : rankSources(doc, reader);
  const chosen = picked ?? (ranked[opts.candidate ?? 0] ?? ranked[0])?.source;
  if (!chosen) throw new NoRosterError();
  return whileWatchingChanges(() => new RosterScan(doc, url, reader, opts.mode, hooks, chosen).run());
}

class RosterScan {
  /** By page (and tab): how many rows of each identity have been emitted. */
  private readonly seen = new Map<string, Map<string, number>>();
  private readonly plans = new Map<string, ColumnPlan>();
  private rowsEmitted = 0;
  /** The tab being read, for the scope of row identities. */
  private tab: string | undefined;
  /** Rows read in parts across horizontal positions, by position key, until every part is read. */
  private buffer: Map<string, RawRow> | undefined;
  /** How gathered rows are read into members: planned once per page from the first of them. */
  private bufferPlan: ColumnPlan | undefined;
  /** The item number the next gathered row to emit must have, once the first has been emitted. */
  private nextPosition: number | undefined;
  /** The page is read at several horizontal positions: rows are whole only at its end. */
  private readingInParts = false;
  /** Rows the page says this page (or this single-page list) holds, when it says so. */
  private expectedOnPage: number | undefined;
  /** The sum of the counts the lists read state (one per tab); undefined once one states none. */
  private statedTotal: number | undefined = 0;
  private totalsNoted = 0;
  /** The list has other pages: counts it declares for the whole list do not bound this page. */
  private paged = false;
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
      return this.result(this.incompleteReason);
    } catch (error) {
      if (error instanceof ScanStop) return this.result(error.reason);
      const detail = error instanceof Error ? error.message : String(error);
      return this.result(`failed: ${detail}`.slice(0, 500));
    }
  }

  private result(reason: string | undefined): ScanResult {
    return {
      reachedEnd: reason === undefined,
      pagesRead: this.pagesRead,
      ...(this.statedTotal !== undefined && this.totalsNoted > 0 ? { statedTotal: this.statedTotal } : {}),
      ...(reason ? { reason } : {}),
    };
  }

  /**
   * Adds the count the page states for the list now shown (one tab's list) to the total; a list
   * that states none leaves the whole total unknown. A paged grid's aria-rowcount counts every
   * page; an unpaged one's counts the list.
   */
  private noteStatedTotal(): void {
    const count = statedCount(this.source.root)?.total ?? this.source.declaredRows ?? declaredSetSize(this.source.rowElements(50));
    this.totalsNoted++;
    this.statedTotal = count === undefined || this.statedTotal === undefined ? undefined : this.statedTotal + count;
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
      const longer = labels.filter((other) => other !== label && other.startsWith(label));
      const matches = controls.filter((element) => {
        const name = accessibleName(element);
        return name.startsWith(label) && !longer.some((other) => name.startsWith(other)) && TAB_SUFFIX.test(name.slice(label.length).trim());
      });
      const element = matches.find((element) => element.getAttribute('role') === 'tab') ?? matches.find((element) => element.tagName !== 'LI') ?? matches[0];
      if (element) found.push({ label, element });
    }
    return found;
  }

  /** Opens a custom page-size list and presses its largest option; false (the list closed again) when it offers none larger. */
  private async chooseInCombobox(combobox: Element): Promise<boolean> {
    pressElement(combobox);
    let offer = pageSizeOffer(combobox);
    await this.waitUntil(changeRoot(combobox), CHANGE_TIMEOUT_MS, () => (offer = pageSizeOffer(combobox)).options > 0);
    this.checkStop();
    if (offer.larger) pressElement(offer.larger);
    if (combobox.getAttribute('aria-expanded') === 'true') pressEscape(combobox);
    return offer.larger !== undefined;
  }

  /** Every page of the current list: the rows shown, then "next" (or page k+1) until it is disabled, gone, or changes nothing. */
  private async readPages(tab: string | undefined): Promise<void> {
    this.page = 1;
    if (this.doc === this.liveDoc) {
      await this.toFirstPage();
      await this.choosePageSize();
    }
    this.noteStatedTotal();
    const firstPage = this.fingerprint();
    for (;;) {
      await this.readPage(tab);
      this.pagesRead++;
      const next = this.nextPageControl();
      if (!next || isDisabled(next)) return;
      this.pages ??= pageCount(this.source.root, next, this.source.rowElements().length);
      if (this.pagesRead >= MAX_PAGES) throw new ScanStop('page-limit');
      if (!(await this.follow(next))) return;
      // A pager that goes round (bootstrap-table's "next" on the last page shows the first again) has shown every page.
      if (this.fingerprint() === firstPage) return;
      this.page++;
    }
  }

  /** "Next", else the number of the page after the one shown. */
  private nextPageControl(): Element | undefined {
    const next = findNext(this.source.root);
    if (next) return next;
    const current = currentPageNumber(this.source.root);
    return current !== undefined ? findPageNumber(this.source.root, current + 1) : undefined;
  }

  /** A list left on a later page (by the admin, or by the last audit) is read from its first page. */
  private async toFirstPage(): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = currentPageNumber(this.source.root);
      if (current === undefined || current <= 1) return;
      const first = findFirstPage(this.source.root);
      if (!first || !(await this.follow(first))) return;
    }
  }

  /** The largest page size the page-size control offers: fewer pages to turn. */
  private async choosePageSize(): Promise<void> {
    const choice = pageSizeChoice(this.source.root, this.source.rowElements().length);
    if (!choice) return;
    const before = this.fingerprint();
    if ('select' in choice) {
      choice.select.value = choice.value;
      const EventClass = this.doc.defaultView?.Event ?? Event;
      for (const type of ['input', 'change']) choice.select.dispatchEvent(new EventClass(type, { bubbles: true }));
    } else if (!(await this.chooseInCombobox(choice.combobox))) {
      return;
    }
    await this.waitUntil(changeRoot(this.source.root), CHANGE_TIMEOUT_MS, () => this.fingerprint() !== before && !isBusy(this.source.root));
    this.checkStop();
    this.refindIfDetached();
  }

  /** One page: its rows (every scroll step of a windowed or growing list), then every "load more". */
  private async readPage(tab: string | undefined): Promise<void> {
    this.paged = this.page > 1 || this.nextPageControl() !== undefined;
    // The range a paged list says it shows ("1–25 of 500") bounds this page; an unpaged list's total bounds it.
    const count = statedCount(this.source.root);
    this.expectedOnPage = count?.from !== undefined && count.to !== undefined ? count.to - count.from + 1 : this.paged ? undefined : count?.total;
    // Rows that say which item they draw are gathered for the page and emitted in their own order
    // (a windowed list read out of order, or in parts, still lands whole and in order). A contact
    // walk opens each row as it is read, so it takes rows as they come.
    this.buffer = this.mode === 'roster' ? new Map() : undefined;
    this.bufferPlan = undefined;
    this.nextPosition = undefined;
    await this.readList(tab);
    for (;;) {
      const more = findLoadMore(this.source.root);
      if (!more || isDisabled(more)) break;
      if (!(await this.follow(more))) break;
      // A "load more" that keeps the earlier rows and adds some: read them all, scrolling if need be.
      if ((await this.readList(tab)) === 0) break;
    }
    await this.flushBuffer(tab, true);
    this.buffer = undefined;
    // A list that shows an error has not shown all it has, whatever its pager says.
    const error = shownError(this.source.root, this.source.rowElements(), (element) => this.inMemberRow(element));
    if (error) throw new ScanStop(`page-error: ${error}`);
    await this.breathe();
  }

  /** Inside a row that reads as a member: its own cell, not a message about the list. */
  private inMemberRow(element: Element): boolean {
    const rows = this.source.rowElements();
    const row = rows.find((candidate) => candidate.contains(element));
    const raw = row && this.source.readRow(row);
    return !!raw && !!this.toMember(raw, this.planFor(this.source, rows), this.tab);
  }

  /**
   * The rows of the list as it stands: read where they are when nothing more comes by scrolling,
   * else scrolled through, once per horizontal position that the needed columns require.
   */
  private async readList(tab: string | undefined): Promise<number> {
    const container = this.liveDoc === this.doc ? scrollContainer(this.source) : undefined;
    const columns: ColumnPosition[] = this.liveDoc === this.doc ? await this.learnColumns() : [{ columns: [] }];
    this.readingInParts = columns.length > 1;
    if ((!container || !this.needsScrolling(container)) && columns.length === 1 && columns[0]!.left === undefined) return this.readVisible(tab);
    let added = 0;
    for (const { left, columns: drawn } of columns) {
      if (left !== undefined) await this.scrollSideways(left, drawn);
      if (!container) {
        added += await this.readVisible(tab);
        continue;
      }
      const before = this.incompleteReason;
      const swept = await this.sweep(container, tab);
      added += swept.added;
      // Rows a sweep skipped (drawn late, or a jump past them) are gone back for: by a second sweep,
      // then straight to each item still missing where rows say their number. A list that drew all
      // its rows at once has no gaps.
      if (!swept.windowed) continue;
      if (!this.readAll() && !this.incompleteReason) added += (await this.sweep(container, tab)).added;
      if (!this.readAll() && this.numbersRead().size > 0) added += await this.fillGaps(container, tab);
      // A stop the gaps explained is no stop once they are read.
      if (this.readAll()) this.incompleteReason = before;
    }
    if (this.expected() !== undefined && !this.readAll()) this.incompleteReason ??= 'scroll-stalled';
    return added;
  }

  /**
   * Whether scrolling may bring rows that are not in the DOM: the list says it has more than it
   * draws, its rows are placed by a virtualiser (absolute or translated), or it ends near the
   * bottom of what scrolls and no pager pages it (an infinite list loads more there).
   */
  private needsScrolling(container: Element): boolean {
    const rows = this.source.rowElements();
    if (rows.length === 0) return false;
    const declared = this.expected();
    if (declared !== undefined && rows.length < declared) return true;
    if (isWindowed(rows, container)) return true;
    const ownScroller = container !== container.ownerDocument.scrollingElement;
    if (ownScroller && spaceBelowRows(rows, container) > container.clientHeight) return true;
    // A list paged by a pager or grown by a button does not also grow by scrolling.
    return !this.paged && !findLoadMore(this.source.root) && endsNearBottom(rows, container);
  }

  /**
   * Scrolls the container from the top, one step past the lowest row read at a time, checking that
   * each step brought rows beyond it; at the bottom, waits for an infinite list to grow. Ends at the
   * demonstrable end, or marks the read incomplete with the reason.
   */
  private async sweep(container: Element, tab: string | undefined): Promise<{ added: number; windowed: boolean }> {
    const watch = changeRoot(this.source.root);
    if (container.scrollTop > 0) {
      // A list drawn from its first row on has nothing to draw at the top: no wait for it.
      const rows = this.source.rowElements();
      const drawnFromStart = !isWindowed(rows, container) && spaceAboveRows(rows, container) < container.clientHeight;
      await this.scrollTo(container, 0, watch, drawnFromStart ? 0 : STEP_TIMEOUT_MS);
    }
    let added = await this.readVisible(tab);
    // The rows as they were when last read: a page that re-renders after a read is read again.
    let readPrint = this.fingerprint();
    this.startRunAtTop(container);
    await this.flushBuffer(tab, false);
    let stale = 0;
    let movedBack = 0;
    // Set once a jump to the bottom took the first rows away: the list draws a window of its rows.
    let dropsRows = false;
    // Where a jump straight to the bottom started, and the first row then: a list that redraws its
    // window only after the jump was judged (PrimeReact) is gone back for once it shows it.
    let jump: { from: number; firstText: string } | undefined;
    let steppedByWindow = false;
    const swept = () => ({ added, windowed: steppedByWindow });
    for (let step = 0; step < MAX_SCROLL_STEPS; step++) {
      if (this.readAll()) return swept();
      const before = this.fingerprint();
      const top = container.scrollTop;
      const bottom = container.scrollHeight - container.clientHeight;
      if (top >= bottom - 1) {
        // At the bottom: an infinite list loads more here; a finished one changes nothing.
        const height = container.scrollHeight;
        const grew = await this.waitUntil(
          watch,
          isBusy(this.source.root) || loadingShown(this.source.root, this.source.rowElements()) ? LOADING_TIMEOUT_MS : GROW_TIMEOUT_MS,
          () => container.scrollHeight > height || this.fingerprint() !== before,
        );
        // Rows unchanged since they were last read need no second reading (a long plain table).
        if (!grew && this.fingerprint() === readPrint) return swept();
        if (jump && rowText(this.source.rowElements()[0]) !== jump.firstText) {
          dropsRows = true;
          if (!(await this.returnTo(container, jump.from, watch))) return swept();
          jump = undefined;
          continue;
        }
        jump = undefined;
        const loaded = await this.readVisible(tab);
        readPrint = this.fingerprint();
        added += loaded;
        await this.flushBuffer(tab, false);
        if (!grew && loaded === 0) return swept();
        continue;
      }
      // A list that draws all it has gets no steps: straight to the bottom, where it may grow.
      const rows = this.source.rowElements();
      const windowed = dropsRows || isWindowed(rows, container) || rows.length < (this.expected() ?? 0);
      steppedByWindow ||= windowed;
      const target = windowed ? Math.min(bottom, top + scrollStep(container, rows)) : bottom;
      const firstText = rowText(rows[0]);
      await this.scrollTo(container, target, watch, target >= bottom - 1 ? 0 : STEP_TIMEOUT_MS);
      jump = windowed ? undefined : { from: top, firstText };
      if (!windowed && rowText(this.source.rowElements()[0]) !== firstText) {
        // The jump took the first rows away (a window kept by padding or spacers, not by placement):
        // back to where the read stood, and on by steps.
        dropsRows = true;
        if (!(await this.returnTo(container, top, watch))) return swept();
        continue;
      }
      // A list drawn to its last row whose bottom moves back a little is at its end (a virtualiser
      // that re-measures its rows there, PrimeReact); anywhere else the page moved the list back.
      let atEnd = false;
      if (container.scrollTop < target - 2 && container.scrollTop <= top) {
        atEnd = windowed && endsNearBottom(this.source.rowElements(), container);
        // The page moved the list back (or refused to move): try again, a few times.
        if (!atEnd && ++movedBack > MOVED_BACK_LIMIT) {
          this.incompleteReason ??= 'scroll-moved-back';
          return swept();
        }
      }
      const loaded = !windowed && this.fingerprint() === readPrint ? 0 : await this.readVisible(tab);
      readPrint = this.fingerprint();
      added += loaded;
      await this.flushBuffer(tab, false);
      if (atEnd) return swept();
      stale = windowed && loaded === 0 && this.fingerprint() === before ? stale + 1 : 0;
      if (stale >= STALE_STEPS) {
        // Steps that bring nothing with the list drawn to its end are the end (a virtualiser that
        // re-measures its rows there keeps moving the bottom a little); elsewhere they are a stall.
        if (!endsNearBottom(this.source.rowElements(), container)) this.incompleteReason ??= 'scroll-stalled';
        return swept();
      }
      await this.breathe();
    }
    this.incompleteReason ??= 'scroll-stalled';
    return swept();
  }

  /**
   * Starts the run handed over during a read at the list's first item: the lowest item read, when it
   * is drawn at the top of the view (a list re-rendered after a page turn may still show rows from
   * its old scroll position for a moment).
   */
  private startRunAtTop(container: Element): void {
    if (this.nextPosition !== undefined || !this.buffer || this.buffer.size === 0 || container.scrollTop > 1) return;
    const first = [...this.buffer].reduce((a, b) => (positionNumber(b[0]) < positionNumber(a[0]) ? b : a));
    const rect = first[1].element.getBoundingClientRect();
    if (rect.top - viewTopOf(container) <= rect.height * 3) this.nextPosition = positionNumber(first[0]);
  }

  /** True once the list's declared rows (aria-rowcount, or the page's stated count for this page) are all read. */
  private readAll(): boolean {
    const expected = this.expected();
    return expected !== undefined && expected > 0 && this.readOnPage() >= expected;
  }

  /**
   * Rows this page should hold by what it states or declares, when it does. A paged grid's
   * aria-rowcount counts every page, so it bounds a page only when there are no others.
   */
  private expected(): number | undefined {
    return this.expectedOnPage ?? (this.paged ? undefined : this.source.declaredRows);
  }

  /**
   * Back to where the read stood after a jump: steps go on only from there, since from anywhere else
   * the rows between were never drawn. False (the read marked incomplete) when the page keeps the list elsewhere.
   */
  private async returnTo(container: Element, top: number, watch: Node): Promise<boolean> {
    await this.scrollTo(container, top, watch, STEP_TIMEOUT_MS);
    if (Math.abs(container.scrollTop - top) <= 2) return true;
    this.incompleteReason ??= 'scroll-moved-back';
    return false;
  }

  /**
   * Sets the scroll position (and tells the page, which may not hear a scroll in a background tab),
   * then waits up to `timeoutMs` for the drawn rows to change.
   */
  private async scrollTo(container: Element, top: number, watch: Node, timeoutMs: number): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const before = this.fingerprint();
      setScroll(container, { top });
      if (timeoutMs > 0) await this.waitUntil(watch, timeoutMs, () => this.fingerprint() !== before);
      else await this.hooks.yieldToPage();
      this.checkStop();
      this.refindIfDetached();
      // Re-read the position: a page that moved it back gets the step once more.
      if (Math.abs(container.scrollTop - top) <= 2 || container.scrollTop >= container.scrollHeight - container.clientHeight - 1) return;
    }
  }

  /** Scrolls the columns sideways; waits until the headers move, and the rows draw `columns` when given. */
  private async scrollSideways(left: number, columns: readonly number[] = []): Promise<void> {
    const scroller = sidewaysScroller(this.source.root);
    if (!scroller) return;
    const before = this.headerFingerprint();
    setScroll(scroller, { left });
    await this.waitUntil(changeRoot(this.source.root), STEP_TIMEOUT_MS, () => this.headerFingerprint() !== before || scroller.scrollLeft === 0);
    // A grid may draw a column's header before the cells under it: wait for the cells too.
    if (columns.length > 0) await this.waitUntil(changeRoot(this.source.root), STEP_TIMEOUT_MS, () => this.rowsDraw(columns));
    this.checkStop();
  }

  /** The first drawn row shows a cell in each of the columns. */
  private rowsDraw(columns: readonly number[]): boolean {
    const first = this.source.rowElements()[0];
    const raw = first && this.source.readRow(first);
    return !raw || columns.every((column) => !!raw.cells[column]);
  }

  private headerFingerprint(): string {
    return (this.source.readHeaders?.() ?? this.source.headers).join('|');
  }

  /**
   * A grid that draws only some of its columns (aria-colcount beyond the drawn headers) is swept
   * sideways once to learn every header; then the horizontal positions that together draw every
   * column a member needs are returned ([undefined]: no sideways scrolling needed).
   */
  private async learnColumns(): Promise<ColumnPosition[]> {
    const { columnCount, readHeaders } = this.source;
    const here: ColumnPosition[] = [{ columns: [] }];
    if (!readHeaders || !columnCount || readHeaders().filter(Boolean).length >= columnCount) return here;
    const scroller = sidewaysScroller(this.source.root);
    if (!scroller) return here;
    const seenAt = new Map<number, number[]>();
    const learned: string[] = [];
    const note = (left: number) => {
      readHeaders().forEach((text, column) => {
        if (!text) return;
        learned[column] = text;
        seenAt.set(column, [...(seenAt.get(column) ?? []), left]);
      });
    };
    const max = scroller.scrollWidth - scroller.clientWidth;
    const step = Math.max(50, scroller.clientWidth * 0.8);
    const positions: number[] = [];
    for (let left = 0; ; left = Math.min(max, left + step)) {
      await this.scrollSideways(left);
      positions.push(left);
      note(left);
      if (left >= max || positions.length > 200) break;
    }
    const headers = Array.from(learned, (text) => text ?? '');
    this.source.headers.splice(0, this.source.headers.length, ...headers);
    this.plans.clear();
    const needed = headers.map((text, column) => (roleOfHeader(text, this.reader.tables) ? column : -1)).filter((column) => column >= 0);
    const chosen = coverColumns(needed, seenAt, positions).map((left) => ({ left, columns: needed.filter((column) => seenAt.get(column)?.includes(left)) }));
    if (chosen.length <= 1) {
      await this.scrollSideways(chosen[0]?.left ?? 0, chosen[0]?.columns);
      return here;
    }
    return chosen;
  }

  /** The item numbers read on this page, from rows that say theirs (emitted or still gathered). */
  private numbersRead(): Set<number> {
    const numbers = new Set<number>();
    for (const key of this.seen.get(this.scope())?.keys() ?? []) if (key.startsWith('\u0001')) numbers.add(positionNumber(key));
    for (const key of this.buffer?.keys() ?? []) numbers.add(positionNumber(key));
    return numbers;
  }

  /**
   * Goes straight to each item not read between the first and last read (and past the last, while
   * the page states more), reading where each jump lands: one jump often fills a whole gap.
   */
  private async fillGaps(container: Element, tab: string | undefined): Promise<number> {
    const watch = changeRoot(this.source.root);
    const numberOf = (row: Element) => positionNumber(rowPositionKey(row) || '=0');
    let added = 0;
    // An item whose jump brought nothing is not where its number says (or not drawn): not tried again.
    const tried = new Set<number>();
    for (let jump = 0; jump < MAX_GAP_JUMPS && !this.readAll(); jump++) {
      const missing = missingNumbers(this.numbersRead(), this.expected() ?? 0, tried.size + 1).find((number) => !tried.has(number));
      if (missing === undefined) break;
      tried.add(missing);
      const top = scrollTopFor(container, this.source.rowElements(), numberOf, missing);
      if (top === undefined) break;
      await this.scrollTo(container, top, watch, STEP_TIMEOUT_MS);
      // A busy page draws the item's row a while after the scroll, and its cells after the row.
      await this.waitUntil(watch, STEP_TIMEOUT_MS, () => this.drawsItem(missing, numberOf));
      added += await this.readVisible(tab);
    }
    return added;
  }

  /** The list draws item `number` with its cells filled in. */
  private drawsItem(number: number, numberOf: (row: Element) => number): boolean {
    return this.source.rowElements().some((row) => numberOf(row) === number && !isLoading(row) && !!this.source.readRow(row)?.cells.some(Boolean));
  }

  private readOnPage(): number {
    let total = this.buffer?.size ?? 0;
    for (const count of this.seen.get(this.scope())?.values() ?? []) total += count;
    return total;
  }

  private scope(): string {
    return `${this.tab ?? ''}|${this.page}`;
  }

  /** Waits for `done` (checked as the DOM changes) or the time; whether it holds. */
  private async waitUntil(root: Node, timeoutMs: number, done: () => boolean): Promise<boolean> {
    if (done()) return true;
    await this.hooks.waitForChange(root, timeoutMs, done);
    return done();
  }

  /** Reads the rows now in the DOM; emits the new ones (or walks their details first) in slices. */
  private async readVisible(tab: string | undefined): Promise<number> {
    this.tab = tab;
    const source = this.source;
    const elements = source.rowElements();
    const plan = this.planFor(source, elements);
    const scope = this.scope();
    // Undefined on the first view of a page: every row in it is new, and its tally becomes the record.
    const seen = this.seen.get(scope);
    const inThisPass = new Map<string, number>();
    let batch: MemberRow[] = [];
    const walk: PendingRow[] = [];
    let added = 0;
    for (const element of elements) {
      const raw = source.readRow(element);
      if (!raw) continue;
      // A row that says which item it draws (aria-rowindex, a virtualiser's index) is that item in
      // every view. Otherwise the n-th row with one identity in one view is a row of its own; seen
      // again in a later view of the same page (a re-render, a scroll step, a "load more") it is the
      // same row. Pages and tabs are apart: one person listed on two pages is listed twice.
      const position = rowPositionKey(element);
      // A row element drawn before its cells (a grid filling in after a scroll), or a placeholder
      // standing where an item is still loading, is not read yet.
      if (position && (raw.cells.every((cell) => !cell) || isLoading(element))) continue;
      if (this.buffer && position) {
        if (seen?.has(`\u0001${position}`)) continue;
        added += mergeInto(this.buffer, position, raw);
        continue;
      }
      const row = this.toMember(raw, plan, tab);
      if (!row) continue;
      const identity = identityOf(row);
      const key = position ? `\u0001${position}` : identity;
      const occurrence = (inThisPass.get(key) ?? 0) + 1;
      inThisPass.set(key, occurrence);
      if (seen) {
        if (occurrence <= (seen.get(key) ?? 0)) continue;
        seen.set(key, occurrence);
      }
      added++;
      // A list that shows no address is read from each item's detail in any mode: the detail says who it is.
      if (this.reader.profile.detailWalk && !row.linkStatus && (this.mode === 'link-status' || source.opensDetails)) {
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

  /**
   * Emits gathered rows in item order: all of them at the end of a page, or during a read only the
   * unbroken run from the next item expected, so that progress shows and a read cut off keeps what
   * came before the cut. Rows read in parts at several horizontal positions wait for the end.
   */
  private async flushBuffer(tab: string | undefined, atEnd: boolean): Promise<number> {
    const buffer = this.buffer;
    if (!buffer || buffer.size === 0 || (!atEnd && (this.readingInParts || this.nextPosition === undefined))) return 0;
    const ordered = [...buffer].sort((a, b) => positionNumber(a[0]) - positionNumber(b[0]));
    this.bufferPlan ??= planColumns(
      this.source.headers,
      ordered.slice(0, SAMPLE_ROWS).map(([, raw]) => raw),
      this.reader.profile,
      this.reader.tables,
    );
    const seen = this.seen.get(this.scope()) ?? new Map<string, number>();
    this.seen.set(this.scope(), seen);
    let added = 0;
    const batch: MemberRow[] = [];
    for (const [position, raw] of ordered) {
      const number = positionNumber(position);
      if (!atEnd && number !== this.nextPosition) break;
      this.nextPosition = number + 1;
      buffer.delete(position);
      const row = this.toMember(raw, this.bufferPlan, tab);
      const key = `\u0001${position}`;
      if (!row || seen.has(key)) continue;
      seen.set(key, 1);
      batch.push(row);
      added++;
      if (batch.length >= SLICE_ROWS) {
        this.emit(batch.splice(0));
        await this.breathe();
      }
    }
    this.emit(batch);
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
    // A page that redrew during the click itself (bootstrap-table) is watched only a moment for more.
    const redrawn = this.fingerprint() !== before;
    for (let attempt = 0; attempt < SETTLE_ATTEMPTS; attempt++) {
      await this.hooks.waitForChange(changeRoot(this.source.root), attempt === 0 && redrawn ? REDRAWN_QUIET_MS : CHANGE_TIMEOUT_MS);
      this.checkStop();
      this.refindIfDetached();
      if (!isBusy(this.source.root) && this.fingerprint() !== before) return true;
    }
    return false;
  }

  /** The rows shown, in short: the first and last row and their count. */
  private fingerprint(): string {
    const rows = this.source.rowElements();
    return `${rows.length}|${rowText(rows[0])}|${rowText(rows[rows.length - 1])}`;
  }

  private lost(): never {
    throw new ScanStop('roster-lost');
  }

  private refindIfDetached(): void {
    if (this.source.root.isConnected) return;
    this.source = this.refind(this.doc) ?? this.lost();
  }

  /** The same list in a (new or re-rendered) document: as a chosen list finds itself, else same signature, else same kind and most shared headers. */
  private refind(doc: Document): RosterSource | undefined {
    const own = this.source.findAgain?.(doc);
    if (own) return own;
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

/** Merges a part of a row into what was read of it before (cells drawn at another horizontal position); 1 when the row is new. */
function mergeInto(buffer: Map<string, RawRow>, key: string, raw: RawRow): number {
  const known = buffer.get(key);
  if (!known) {
    buffer.set(key, { ...raw, cells: [...raw.cells], addresses: [...raw.addresses], elements: Array.from(raw.elements ?? []), textOnly: 0 });
    return 1;
  }
  const elements = known.elements as (Element | undefined)[];
  const addresses = known.addresses as string[];
  raw.cells.forEach((cell, column) => {
    if (!cell || known.cells[column]) return;
    known.cells[column] = cell;
    elements[column] = raw.elements?.[column];
    addresses[column] = raw.addresses[column] ?? '';
  });
  for (let column = 0; column < known.cells.length; column++) known.cells[column] ??= '';
  for (let column = 0; column < addresses.length; column++) addresses[column] ??= '';
  return 0;
}

/** The number in a position key (`aria-rowindex=12` → 12), for row order. */
function positionNumber(key: string): number {
  return Number(key.slice(key.indexOf('=') + 1));
}

/** A row's text, for telling whether the rows drawn changed. */
function rowText(row: Element | undefined): string {
  return row ? cleanText(row.textContent) : '';
}
