import { snapshotRange, type RosterDb } from '../db/schema';
import { RosterQueryEngine } from './engine';
import { ROWS_CHUNK, RosterQueryRequest, type RosterQueryEvent } from './messages';

/**
 * The roster worker's side: it reads one snapshot's members into the engine a chunk at a time and
 * answers the page's window requests from it. The first rows in roster order are answered as soon as
 * they are read; any other query waits until every member is (then `ready` carries the counts). A new
 * snapshot or version starts over and drops what was waiting for the old one.
 */

/** The first read is small so that the first rows come at once; the rest in chunks that keep IndexedDB busy. */
export const FIRST_CHUNK = 200;
export const READ_CHUNK = 10_000;

type QueryRequest = RosterQueryRequest & { type: 'window' | 'rows' };

interface Loading {
  snapshotId: string;
  version: number;
  engine: RosterQueryEngine;
  loaded: boolean;
  waiting: QueryRequest[];
}

export function serveRosterQueries(db: RosterDb, post: (event: RosterQueryEvent) => void, options: { chunkSize?: number } = {}): (message: unknown) => void {
  const chunkSize = Math.max(1, options.chunkSize ?? READ_CHUNK);
  let current: Loading | undefined;

  const answer = (loading: Loading, request: QueryRequest): boolean => {
    if (request.type === 'rows') return loading.loaded && sendRows(loading.engine, request, post);
    const { filter, sort, offset, limit, knownTotal } = request;
    const inRosterOrder = Object.keys(filter).length === 0 && sort.field === 'index' && sort.direction === 'asc';
    const early = !loading.loaded && inRosterOrder && knownTotal !== undefined && offset + limit <= loading.engine.size;
    if (!loading.loaded && !early) return false;
    const window = loading.engine.window({ filter, sort, offset, limit });
    post({ type: 'window', id: request.id, rows: window.rows, total: early ? knownTotal! : window.total });
    return true;
  };

  const answerWaiting = (loading: Loading) => {
    loading.waiting = loading.waiting.filter((request) => !answer(loading, request));
  };

  const load = async (loading: Loading) => {
    const [lower, upper] = snapshotRange(loading.snapshotId);
    let from: [string, unknown] = lower;
    let includeFrom = true;
    let limit = Math.min(FIRST_CHUNK, chunkSize);
    for (;;) {
      const chunk = await db.members.where('[snapshotId+index]').between(from, upper, includeFrom, true).limit(limit).toArray();
      if (current !== loading) return;
      loading.engine.add(chunk);
      const last = chunk[chunk.length - 1];
      if (!last || chunk.length < limit) break;
      answerWaiting(loading);
      from = [loading.snapshotId, last.index];
      includeFrom = false;
      limit = chunkSize;
    }
    loading.loaded = true;
    post({ type: 'ready', snapshotId: loading.snapshotId, version: loading.version, size: loading.engine.size, counts: loading.engine.counts() });
    answerWaiting(loading);
  };

  const open = (snapshotId: string, version: number): Loading => {
    if (current && current.snapshotId === snapshotId && current.version === version) return current;
    const loading: Loading = { snapshotId, version, engine: new RosterQueryEngine(snapshotId), loaded: false, waiting: [] };
    current = loading;
    load(loading).catch((error: unknown) => {
      if (current !== loading) return;
      current = undefined;
      post({ type: 'failed', message: String((error as Error)?.message ?? error).slice(0, 2000) });
      for (const request of loading.waiting) post({ type: 'failed', id: request.id, message: 'the roster could not be read' });
    });
    return loading;
  };

  return (message) => {
    const parsed = RosterQueryRequest.safeParse(message);
    if (!parsed.success) return;
    const request = parsed.data;
    const loading = open(request.snapshotId, request.version);
    if (request.type !== 'open' && !answer(loading, request)) loading.waiting.push(request);
  };
}

/** All matches of one selection, posted in order a chunk at a time (one empty chunk when none match). */
function sendRows(engine: RosterQueryEngine, request: QueryRequest & { type: 'rows' }, post: (event: RosterQueryEvent) => void): true {
  const { rows, total } = engine.window({ filter: request.filter, sort: request.sort, limit: engine.size });
  let offset = 0;
  do {
    post({ type: 'rows', id: request.id, rows: rows.slice(offset, offset + ROWS_CHUNK), offset, total });
    offset += ROWS_CHUNK;
  } while (offset < total);
  return true;
}
