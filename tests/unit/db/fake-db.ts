import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openRosterDb, type IndexedDbDeps, type RosterDb } from '../../../lib/db/schema';

/** A private IndexedDB for one test: nothing one test writes is seen by another. */
export function isolatedIndexedDb(): IndexedDbDeps {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export function freshDb(): RosterDb {
  return openRosterDb('roster-audit-test', isolatedIndexedDb());
}
