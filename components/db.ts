import { openRosterDb, type RosterDb } from '@/lib/db';

let db: RosterDb | undefined;

/** The extension's one cache, opened on first use by an extension page. */
export function rosterDb(): RosterDb {
  db ??= openRosterDb();
  return db;
}
