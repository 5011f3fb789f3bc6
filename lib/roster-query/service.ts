import { memberColumnsAt, memberColumnsFrom, writeMissingMemberColumns } from '../db/member-columns';
import type { RosterDb } from '../db/schema';
import type { Member } from '../model';
import { unexpected } from '../problem';
import { RosterQueryEngine } from './engine';
import { ROWS_CHUNK, RosterQueryRequest, type RosterQueryEvent } from './messages';

/**
 * The roster worker's side: it reads one snapshot's stored columns (./columns.ts) into the engine a
 * run at a time and answers the page's window requests from it, reading only the window's members in
 * full. The first rows in roster order are answered as soon as the first run is read; any other query
 * waits until every run is (then `ready` carries the counts). A new snapshot or version starts over and
 * drops what was waiting for the old one.
 */

type WindowRequest = RosterQueryRequest & { type: 'window' };
type RowsRequest = RosterQueryRequest & { type: 'rows' };
type QueryRequest = WindowRequest | RowsRequest;

/** Members kept whole after a window showed them: a query typed on or erased shows many of them again. */
export const KEPT_ROWS = 2000;

interface Loading {
  snapshotId: string;
  version: number;
  engine: RosterQueryEngine;
  loaded: boolean;
  waiting: QueryRequest[];
  /** Members read whole for windows, by `Member.index`, least recently shown first. */
  rows: Map<number, Member>;
}

async function rowsOf(db: RosterDb, loading: Loading, indexes: readonly number[]): Promise<Member[]> {
  const { rows } = loading;
  const missing = indexes.filter((index) => !rows.has(index));
  if (missing.length > 0) {
    const read = await db.members.bulkGet(missing.map((index) => [loading.snapshotId, index] as [string, number]));
    for (const member of read) if (member) rows.set(member.index, member);
  }
  const shown = indexes.flatMap((index) => {
    const member = rows.get(index);
    if (!member) return [];
    rows.delete(index);
    rows.set(index, member);
    return [member];
  });
  for (const index of rows.keys()) {
    if (rows.size <= KEPT_ROWS) break;
    rows.delete(index);
  }
  return shown;
}

export function serveRosterQueries(db: RosterDb, post: (event: RosterQueryEvent) => void): (message: unknown) => void {
  let current: Loading | undefined;

  const canAnswer = (loading: Loading, request: QueryRequest): boolean => {
    if (request.type === 'rows') return loading.loaded;
    const { filter, sort, offset, limit, knownTotal } = request;
    const inRosterOrder = Object.keys(filter).length === 0 && sort.field === 'index' && sort.direction === 'asc';
    return loading.loaded || (inRosterOrder && knownTotal !== undefined && offset + limit <= loading.engine.size);
  };

  const answer = (loading: Loading, request: QueryRequest): Promise<void> =>
    request.type === 'rows' ? sendRows(db, loading, request, post) : answerWindow(loading, request);

  const answerWindow = async (loading: Loading, request: WindowRequest) => {
    const { id, filter, sort, offset, limit, knownTotal } = request;
    const window = loading.engine.window({ filter, sort, offset, limit });
    const rows = await rowsOf(db, loading, window.indexes);
    // Before every member is read, only the page knows the total (the snapshot's count).
    post({ type: 'window', id, rows, total: loading.loaded ? window.total : knownTotal! });
  };

  /** Answers what can be answered now; settles when those answers are posted (or failed). */
  const answerWaiting = async (loading: Loading) => {
    const ready = loading.waiting.filter((request) => canAnswer(loading, request));
    loading.waiting = loading.waiting.filter((request) => !ready.includes(request));
    await Promise.allSettled(ready.map((request) => failIfUnread(loading, request, answer(loading, request))));
  };

  const failIfUnread = (loading: Loading, request: QueryRequest, answered: Promise<void>): Promise<void> =>
    answered.catch((error: unknown) => {
      if (current === loading) post({ type: 'failed', id: request.id, problem: unexpected('read-roster', error) });
    });

  const load = async (loading: Loading) => {
    const { snapshotId } = loading;
    let first = await memberColumnsAt(db, snapshotId, 0);
    if (!first) {
      await writeMissingMemberColumns(db, snapshotId);
      first = await memberColumnsAt(db, snapshotId, 0);
    }
    if (current !== loading) return;
    if (first) {
      // The first run alone brings the first rows, posted before the rest is read (in one read, not
      // one round trip per run) so that reading it does not hold them up.
      loading.engine.add(first);
      await answerWaiting(loading);
      const rest = await memberColumnsFrom(db, snapshotId, first.count);
      if (current !== loading) return;
      for (const run of rest) loading.engine.add(run);
    }
    loading.loaded = true;
    post({ type: 'ready', snapshotId, version: loading.version, size: loading.engine.size, counts: loading.engine.counts() });
    await answerWaiting(loading);
  };

  const open = (snapshotId: string, version: number): Loading => {
    if (current && current.snapshotId === snapshotId && current.version === version) return current;
    const loading: Loading = { snapshotId, version, engine: new RosterQueryEngine(snapshotId), loaded: false, waiting: [], rows: new Map() };
    current = loading;
    load(loading).catch((error: unknown) => {
      if (current !== loading) return;
      current = undefined;
      const problem = unexpected('read-roster', error);
      post({ type: 'failed', problem });
      for (const request of loading.waiting) post({ type: 'failed', id: request.id, problem });
    });
    return loading;
  };

  return (message) => {
    const parsed = RosterQueryRequest.safeParse(message);
    if (!parsed.success) return;
    const request = parsed.data;
    const loading = open(request.snapshotId, request.version);
    if (request.type === 'open') return;
    if (canAnswer(loading, request)) void failIfUnread(loading, request, answer(loading, request));
    else loading.waiting.push(request);
  };
}

/**
 * All matches of one selection, posted in order a chunk at a time (one empty chunk when none match),
 * each chunk's members read whole from the cache as it is sent (not through the window's kept rows,
 * which a 100,000-member download would only churn).
 */
async function sendRows(db: RosterDb, loading: Loading, request: RowsRequest, post: (event: RosterQueryEvent) => void): Promise<void> {
  const { indexes, total } = loading.engine.window({ filter: request.filter, sort: request.sort, limit: loading.engine.size });
  let offset = 0;
  do {
    const keys = indexes.slice(offset, offset + ROWS_CHUNK).map((index) => [loading.snapshotId, index] as [string, number]);
    const rows = (await db.members.bulkGet(keys)).filter((member): member is Member => member !== undefined);
    post({ type: 'rows', id: request.id, rows, offset, total });
    offset += ROWS_CHUNK;
  } while (offset < total);
}
