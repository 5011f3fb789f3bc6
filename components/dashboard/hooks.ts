import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getSnapshot, latestSnapshot } from '@/lib/db/snapshots';
import type { Snapshot } from '@/lib/model';
import { rosterDb } from '../db';
import { LATEST, parseRoute, routeHash, type Route, type SnapshotRef } from './routes';

export function useHashRoute(): Route {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const update = () => setHash(location.hash);
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return parseRoute(hash);
}

export function navigate(route: Route): void {
  location.hash = routeHash(route);
}

/** `undefined` while loading, `null` when there is no such audit. */
export function useSnapshot(ref: SnapshotRef | undefined): Snapshot | null | undefined {
  return useLiveQuery(
    async () => {
      if (ref === undefined) return null;
      const db = rosterDb();
      return (ref === LATEST ? await latestSnapshot(db) : await getSnapshot(db, ref)) ?? null;
    },
    [ref],
    undefined,
  );
}

/** Every audit, newest first (headers only: members stay in the db). */
export function useAllSnapshots(): Snapshot[] | undefined {
  return useLiveQuery(() => rosterDb().snapshots.orderBy('startedAt').reverse().toArray(), []);
}

export function formatTime(time: number, lang: string): string {
  return new Date(time).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' });
}
