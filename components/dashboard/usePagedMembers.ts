import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { MemberFilter, MemberSort } from '@/lib/roster-query';
import type { Member } from '@/lib/model';
import { problemOf, type Problem } from '@/lib/problem';
import type { RosterWorker } from './useRosterWorker';

/** About two screens of rows: each filter change reads its first window before the table updates. */
export const MEMBER_PAGE_SIZE = 50;

export type { MemberSort };

interface PageState {
  /** The query and members version these pages answer; a new one starts from nothing. */
  dataKey: string;
  /** The query (snapshot, filter, sort) alone, and its snapshot. */
  queryKey: string;
  snapshotId: string;
  total: number | undefined;
  pages: ReadonlyMap<number, Member[]>;
  error?: Problem;
}

export interface PagedMembers {
  /**
   * The filter and sort of the rows shown: it changes when the first window of a new query arrives.
   * Until then the rows of the query before stay on screen (of the same snapshot), so a keystroke
   * repaints the table once, with its answer, rather than emptying it first.
   */
  queryKey: string;
  /** Members the shown query matches; undefined until a first window of this snapshot has arrived. */
  total: number | undefined;
  rowAt(index: number): Member | undefined;
  /** Asks for the windows covering rows `start`..`end` (inclusive) that are not loaded yet. */
  ensureRows(start: number, end: number): void;
  /** Why rows are missing: a code, put into words where it is shown. */
  error?: Problem;
}

/**
 * A roster shown a window at a time, so a 100,000-member roster never sits in React at once: only the
 * windows the table has scrolled to, each answered by the roster worker.
 */
export function usePagedMembers(
  snapshotId: string,
  filter: MemberFilter,
  sort: MemberSort,
  roster: RosterWorker,
  /** How many members the query matches when that is known without counting (no filter: the snapshot's count). */
  knownTotal?: number,
): PagedMembers {
  const queryKey = JSON.stringify([snapshotId, filter, sort]);
  const dataKey = `${roster.version}:${queryKey}`;
  const [state, setState] = useState<PageState>({ dataKey: '', queryKey: '', snapshotId: '', total: undefined, pages: new Map() });
  const requested = useRef(new Set<string>());
  const latest = useRef({ snapshotId, filter, sort, knownTotal, dataKey, queryKey, roster });
  // Updated once this render is committed (before any effect runs), never by a render React may discard.
  useLayoutEffect(() => {
    latest.current = { snapshotId, filter, sort, knownTotal, dataKey, queryKey, roster };
  });

  const loadPage = useCallback((page: number) => {
    const { snapshotId: id, filter: f, sort: s, knownTotal: total, dataKey: key, queryKey: query, roster: worker } = latest.current;
    // No window before the members are watched: one read before that could miss a change.
    if (worker.version < 0) return;
    const requestKey = `${key}#${page}`;
    if (requested.current.has(requestKey)) return;
    requested.current.add(requestKey);
    // An answer to a query the table has moved on from is dropped; the first answer to a new one
    // replaces the old query's pages, which stay on screen until then.
    // Drawn in the task that brings the window (flushSync), not in one React schedules after it: a
    // frame the browser draws in between would stand between the keystroke and its rows.
    const answer = (update: (current: PageState) => PageState) =>
      flushSync(() =>
        setState((current) => {
          if (key !== latest.current.dataKey) return current;
          return update(current.dataKey === key ? current : { dataKey: key, queryKey: query, snapshotId: id, total: undefined, pages: new Map() });
        }),
      );
    worker.window({ filter: f, sort: s, offset: page * MEMBER_PAGE_SIZE, limit: MEMBER_PAGE_SIZE, ...(total !== undefined ? { knownTotal: total } : {}) }).then(
      (result) => answer((current) => ({ ...current, total: result.total, pages: new Map(current.pages).set(page, result.rows) })),
      (error: unknown) => answer((current) => ({ ...current, error: problemOf(error, 'read-roster') })),
    );
  }, []);

  useEffect(() => {
    requested.current.clear();
    loadPage(0);
  }, [dataKey, loadPage]);

  const fresh = state.dataKey === dataKey;
  // Another snapshot's rows are never shown, not even for a moment.
  const current: PageState =
    fresh || state.snapshotId === snapshotId ? state : { dataKey, queryKey, snapshotId, total: undefined, pages: new Map<number, Member[]>() };
  const error = current.error ?? roster.error;
  return {
    queryKey: current.queryKey,
    total: current.total,
    ...(error ? { error } : {}),
    rowAt: (index) => current.pages.get(Math.floor(index / MEMBER_PAGE_SIZE))?.[index % MEMBER_PAGE_SIZE],
    ensureRows: (start, end) => {
      // The rows of the query before are not completed: the new query's first window is on its way.
      if (!fresh || current.total === undefined) return;
      for (let page = Math.floor(start / MEMBER_PAGE_SIZE); page <= Math.floor(end / MEMBER_PAGE_SIZE); page += 1) {
        if (!current.pages.has(page) && page * MEMBER_PAGE_SIZE < current.total) loadPage(page);
      }
    },
  };
}
