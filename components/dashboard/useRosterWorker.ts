import { useCallback, useEffect, useRef, useState } from 'react';
import { watchMembers } from '@/lib/db/snapshots';
import { RosterQueryEvent, type MemberFilter, type MemberSort, type MemberWindow, type RosterCounts, type RosterQueryRequest } from '@/lib/roster-query';
import type { Member } from '@/lib/model';
import { ProblemError, unexpected, type Problem } from '@/lib/problem';
import { rosterDb } from '../db';
import { startExtensionWorker } from './extension-worker';

export type WindowRequest = Omit<RosterQueryRequest & { type: 'window' }, 'type' | 'id' | 'snapshotId' | 'version'>;

export interface RosterWorker {
  /** Goes up after every change to the snapshot's members, so windows read before are read again. */
  version: number;
  /** The roster's counts once the worker has read every member of this version; any query is fast from then on. */
  counts: RosterCounts | undefined;
  /** One window of the snapshot's members as they are in `version`. */
  window(request: WindowRequest): Promise<MemberWindow>;
  /** Every member that matches, in order, handed to `onChunk` a chunk at a time (each its own task); resolves with how many. */
  allRows(query: { filter: MemberFilter; sort: MemberSort }, onChunk: (rows: Member[], total: number) => void): Promise<number>;
  /** Why the worker gives no members: a code, put into words where it is shown. */
  error?: Problem;
}

interface RowsWaiting {
  onChunk: (rows: Member[], total: number) => void;
  resolve: (total: number) => void;
  reject: (error: Error) => void;
}

/**
 * One snapshot's roster worker: the page watches the members for changes and tells the worker, which
 * reads them again; the page only asks for windows and renders them.
 */
export function useRosterWorker(snapshotId: string | undefined): RosterWorker {
  const [watched, setWatched] = useState<{ snapshotId: string; version: number }>();
  const [ready, setReady] = useState<{ snapshotId: string; version: number; counts: RosterCounts }>();
  const [error, setError] = useState<Problem>();
  const worker = useRef<Worker | undefined>(undefined);
  const waiting = useRef(new Map<number, { resolve: (window: MemberWindow) => void; reject: (error: Error) => void }>());
  const streams = useRef(new Map<number, RowsWaiting>());
  const nextId = useRef(0);

  useEffect(() => {
    if (snapshotId === undefined) return;
    const pending = waiting.current;
    const streaming = streams.current;
    const started = startExtensionWorker(
      '/roster-query-worker.js',
      RosterQueryEvent,
      (event) => {
        if (event.type === 'ready') setReady({ snapshotId: event.snapshotId, version: event.version, counts: event.counts });
        else if (event.type === 'window') {
          pending.get(event.id)?.resolve({ rows: event.rows, total: event.total });
          pending.delete(event.id);
        } else if (event.type === 'rows') {
          const stream = streaming.get(event.id);
          stream?.onChunk(event.rows, event.total);
          if (event.offset + event.rows.length >= event.total) {
            stream?.resolve(event.total);
            streaming.delete(event.id);
          }
        } else if (event.id !== undefined) {
          (pending.get(event.id) ?? streaming.get(event.id))?.reject(new ProblemError(event.problem));
          pending.delete(event.id);
          streaming.delete(event.id);
        } else setError(event.problem);
      },
      (message) => setError(unexpected('read-roster', message)),
    );
    worker.current = started;
    const stopWatching = watchMembers(rosterDb(), snapshotId, (version) => {
      setWatched({ snapshotId, version });
      started.postMessage({ type: 'open', snapshotId, version } satisfies RosterQueryRequest);
    });
    return () => {
      stopWatching();
      started.terminate();
      worker.current = undefined;
      pending.clear();
      for (const stream of streaming.values()) stream.reject(new ProblemError({ code: 'roster-not-open' }));
      streaming.clear();
    };
  }, [snapshotId]);

  const version = watched && watched.snapshotId === snapshotId ? watched.version : undefined;
  const window = useCallback(
    (request: WindowRequest) =>
      new Promise<MemberWindow>((resolve, reject) => {
        if (!worker.current || snapshotId === undefined || version === undefined) {
          reject(new ProblemError({ code: 'roster-not-open' }));
          return;
        }
        const id = nextId.current++;
        waiting.current.set(id, { resolve, reject });
        worker.current.postMessage({ type: 'window', id, snapshotId, version, ...request } satisfies RosterQueryRequest);
      }),
    [snapshotId, version],
  );
  const allRows = useCallback(
    (query: { filter: MemberFilter; sort: MemberSort }, onChunk: (rows: Member[], total: number) => void) =>
      new Promise<number>((resolve, reject) => {
        if (!worker.current || snapshotId === undefined || version === undefined) {
          reject(new ProblemError({ code: 'roster-not-open' }));
          return;
        }
        const id = nextId.current++;
        streams.current.set(id, { onChunk, resolve, reject });
        worker.current.postMessage({ type: 'rows', id, snapshotId, version, ...query } satisfies RosterQueryRequest);
      }),
    [snapshotId, version],
  );
  const counts = ready && ready.snapshotId === snapshotId && ready.version === version ? ready.counts : undefined;
  return { version: version ?? -1, counts, window, allRows, ...(error ? { error } : {}) };
}
