import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { queryMembers, queryWalksRoster, type MemberFilter, type MemberSort } from '@/lib/db';
import { selectionPage } from '@/lib/db/query-index';
import type { Member } from '@/lib/model';
import { rosterDb } from '../db';
import type { MemberSearch } from './useMemberSearch';

/** About two screens of rows: each filter change reads its first page before the table updates. */
export const MEMBER_PAGE_SIZE = 50;

export type { MemberSort };

interface PageState {
  /** The query and members version these pages answer; a new one starts from nothing. */
  dataKey: string;
  total: number | undefined;
  pages: ReadonlyMap<number, Member[]>;
  error?: string;
}

export interface PagedMembers {
  /** Changes with the filter or the sort, not with the members. */
  queryKey: string;
  /** Undefined until the first page of this query has arrived. */
  total: number | undefined;
  rowAt(index: number): Member | undefined;
  /** Loads the pages covering rows `start`..`end` (inclusive) that are not loaded yet. */
  ensureRows(start: number, end: number): void;
  /** The query is answered once the search index is built. */
  waitsForIndex: boolean;
  error?: string;
}

/**
 * A roster read a page at a time, so a 100,000-member roster never sits in React at once: only the
 * pages the table has scrolled to. Once the search index is built, a query is answered in memory and
 * only the page's rows are read, by key; until then each page is a query of the database.
 */
export function usePagedMembers(
  snapshotId: string,
  filter: MemberFilter,
  sort: MemberSort,
  search: MemberSearch,
  /** How many members the query matches when that is known without counting (no filter: the snapshot's count). */
  knownTotal?: number,
): PagedMembers {
  const queryKey = JSON.stringify([snapshotId, filter, sort]);
  const dataKey = `${search.version}:${queryKey}`;
  // The filter and sort objects are rebuilt on every render; queryKey says when they really changed.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- queryKey is filter and sort, serialized
  const selection = useMemo(() => search.index?.select(filter, sort), [search.index, queryKey]);
  // A query that must read every member waits for the index, which reads them all once for every
  // query to come, instead of walking the roster beside the index build for this query alone.
  const waitsForIndex = !selection && !search.failed && queryWalksRoster(filter, sort.field);
  const [state, setState] = useState<PageState>({ dataKey: '', total: undefined, pages: new Map() });
  const requested = useRef(new Set<string>());
  const latest = useRef({ snapshotId, filter, sort, knownTotal, dataKey, selection, waitsForIndex, state });
  // Updated once this render is committed (before any effect runs), never by a render React may discard.
  useLayoutEffect(() => {
    latest.current = { snapshotId, filter, sort, knownTotal, dataKey, selection, waitsForIndex, state };
  });

  const loadPage = useCallback((page: number) => {
    const { snapshotId: id, filter: f, sort: s, knownTotal: total, dataKey: key, selection: chosen, waitsForIndex: waits } = latest.current;
    if (waits) return;
    // The same page may be asked of the index after a database query for it has begun.
    const requestKey = `${key}#${page}#${chosen ? 'index' : 'db'}`;
    if (requested.current.has(requestKey)) return;
    requested.current.add(requestKey);
    const offset = page * MEMBER_PAGE_SIZE;
    const read = chosen
      ? selectionPage(rosterDb(), id, chosen, offset, MEMBER_PAGE_SIZE)
      : queryMembers(rosterDb(), id, { filter: f, sort: s, offset, limit: MEMBER_PAGE_SIZE, knownTotal: total });
    // An answer to a query the table has moved on from is dropped; the first answer to a new one
    // replaces the old query's pages, which stay in state (not on screen) until then.
    const answer = (update: (current: PageState) => PageState) =>
      setState((current) => {
        if (key !== latest.current.dataKey) return current;
        return update(current.dataKey === key ? current : { dataKey: key, total: undefined, pages: new Map() });
      });
    read.then(
      (result) => answer((current) => ({ dataKey: key, total: result.total, pages: new Map(current.pages).set(page, result.rows) })),
      (error: unknown) => answer((current) => ({ ...current, error: error instanceof Error ? error.message : String(error) })),
    );
  }, []);

  useEffect(() => {
    requested.current.clear();
    loadPage(0);
  }, [dataKey, loadPage]);

  // An index that arrives while the first page is still awaited (or queried) answers it at once; so
  // does the database when the index cannot be built.
  useEffect(() => {
    const { state: current, dataKey: key } = latest.current;
    if (current.dataKey !== key || !current.pages.has(0)) loadPage(0);
  }, [selection, search.failed, loadPage]);

  const current = state.dataKey === dataKey ? state : { dataKey, total: undefined, pages: new Map<number, Member[]>(), error: undefined };
  return {
    queryKey,
    waitsForIndex,
    total: current.total,
    error: current.error,
    rowAt: (index) => current.pages.get(Math.floor(index / MEMBER_PAGE_SIZE))?.[index % MEMBER_PAGE_SIZE],
    ensureRows: (start, end) => {
      if (current.total === undefined) return;
      for (let page = Math.floor(start / MEMBER_PAGE_SIZE); page <= Math.floor(end / MEMBER_PAGE_SIZE); page += 1) {
        if (!current.pages.has(page) && page * MEMBER_PAGE_SIZE < current.total) loadPage(page);
      }
    },
  };
}
