import { openRosterDb, type RosterDb } from '@/lib/db/schema';

let db: RosterDb | undefined;

/** The extension's one cache, opened on first use by an extension page. */
export function rosterDb(): RosterDb {
  db ??= openRosterDb();
  return db;
}
