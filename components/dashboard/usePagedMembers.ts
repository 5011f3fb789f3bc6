import { useCallback, useEffect, useRef, useState } from 'react';
import { queryMembers, type MemberFilter, type MemberSortField } from '@/lib/db';
import type { Member } from '@/lib/model';
import { rosterDb } from '../db';

export const MEMBER_PAGE_SIZE = 200;

export interface MemberSort {
  field: MemberSortField;
  direction: 'asc' | 'desc';
}

interface PageState {
  /** The query these pages answer; a new query starts from nothing. */
  queryKey: string;
  total: number | undefined;
  pages: ReadonlyMap<number, Member[]>;
  error?: string;
}

export interface PagedMembers {
  queryKey: string;
  /** Undefined until the first page of this query has arrived. */
  total: number | undefined;
  rowAt(index: number): Member | undefined;
  /** Loads the pages covering rows `start`..`end` (inclusive) that are not loaded yet. */
  ensureRows(start: number, end: number): void;
  error?: string;
}

/**
 * A roster read a page at a time through lib/db's paged query, so a 100,000-member roster never sits in
 * React at once: only the pages the table has scrolled to.
 */
export function usePagedMembers(snapshotId: string, filter: MemberFilter, sort: MemberSort): PagedMembers {
  const queryKey = JSON.stringify([snapshotId, filter, sort]);
  const [state, setState] = useState<PageState>({ queryKey, total: undefined, pages: new Map() });
  const requested = useRef(new Set<string>());
  const latest = useRef({ snapshotId, filter, sort, queryKey });
  latest.current = { snapshotId, filter, sort, queryKey };

  const loadPage = useCallback((page: number) => {
    const { snapshotId: id, filter: f, sort: s, queryKey: key } = latest.current;
    const requestKey = `${key}#${page}`;
    if (requested.current.has(requestKey)) return;
    requested.current.add(requestKey);
    queryMembers(rosterDb(), id, { filter: f, sort: s, offset: page * MEMBER_PAGE_SIZE, limit: MEMBER_PAGE_SIZE }).then(
      (result) =>
        setState((current) =>
          current.queryKey !== key ? current : { queryKey: key, total: result.total, pages: new Map(current.pages).set(page, result.rows) },
        ),
      (error: unknown) =>
        setState((current) => (current.queryKey !== key ? current : { ...current, error: error instanceof Error ? error.message : String(error) })),
    );
  }, []);

  useEffect(() => {
    requested.current.clear();
    setState({ queryKey, total: undefined, pages: new Map() });
    loadPage(0);
  }, [queryKey, loadPage]);

  const current = state.queryKey === queryKey ? state : { queryKey, total: undefined, pages: new Map<number, Member[]>() };
  return {
    queryKey,
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
