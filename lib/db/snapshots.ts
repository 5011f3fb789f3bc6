import Dexie, { liveQuery } from 'dexie';
import { z } from 'zod';
import { Member, Snapshot, type ConsoleId } from '../model';
import { asStorageError, RosterDbError, type EstimateStorage } from './errors';
import { deleteMemberColumns, replaceMemberColumns } from './member-columns';
import { membersOf, type RosterDb } from './schema';

/** Rows per bulkPut: large enough to keep IndexedDB busy, small enough to keep each request list short. */
export const WRITE_CHUNK_SIZE = 5000;

export interface SaveOptions {
  /** `navigator.storage.estimate` in the browser: figures for the storage-full message. */
  estimate?: EstimateStorage;
  chunkSize?: number;
}

const MemberList = z.array(Member);

/**
 * Stores one audit: the snapshot and all its members, or nothing. Saving a snapshot id again replaces
 * it whole, so no member of the earlier save lingers.
 */
export async function saveSnapshot(db: RosterDb, snapshot: Snapshot, members: readonly Member[], options: SaveOptions = {}): Promise<void> {
  const validSnapshot = parseInput(Snapshot, snapshot, 'snapshot');
  const validMembers = parseInput(MemberList, members, 'members');
  const stray = validMembers.find((member) => member.snapshotId !== validSnapshot.id);
  if (stray) {
    throw invalidInput(`member ${stray.index} belongs to snapshot "${stray.snapshotId}", not "${validSnapshot.id}"`);
  }
  const chunkSize = options.chunkSize ?? WRITE_CHUNK_SIZE;
  try {
    await db.transaction('rw', db.snapshots, db.members, db.memberColumns, async () => {
      await membersOf(db, validSnapshot.id).delete();
      await db.snapshots.put(validSnapshot);
      // Two chunks in flight: IndexedDB stores one while the next one is being cloned, and never idles.
      let inFlight: Promise<unknown> = Promise.resolve();
      for (let start = 0; start < validMembers.length; start += chunkSize) {
        const next = db.members.bulkPut(validMembers.slice(start, start + chunkSize));
        // Its failure is thrown below, or aborts the transaction first; either way the save rejects.
        next.catch(() => undefined);
        await inFlight;
        inFlight = next;
      }
      await inFlight;
      await replaceMemberColumns(db, validSnapshot.id, validMembers);
    });
  } catch (error) {
    throw await asStorageError(error, options.estimate);
  }
}

function parseInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInput(`${what}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function invalidInput(detail: string): RosterDbError {
  return new RosterDbError({ code: 'snapshot-invalid', detail });
}

export interface SnapshotGroup {
  console: ConsoleId;
  tenant: string;
  /** Newest first. */
  snapshots: Snapshot[];
}

/** Every audit, grouped by console and tenant; groups with the most recent audit come first. */
export async function listSnapshots(db: RosterDb, filter: { console?: ConsoleId; tenant?: string } = {}): Promise<SnapshotGroup[]> {
  const newestFirst = await db.snapshots.orderBy('startedAt').reverse().toArray();
  const groups = new Map<string, SnapshotGroup>();
  for (const snapshot of newestFirst) {
    if (filter.console !== undefined && snapshot.console !== filter.console) continue;
    if (filter.tenant !== undefined && snapshot.tenant !== filter.tenant) continue;
    const groupKey = JSON.stringify([snapshot.console, snapshot.tenant]);
    let group = groups.get(groupKey);
    if (!group) {
      group = { console: snapshot.console, tenant: snapshot.tenant, snapshots: [] };
      groups.set(groupKey, group);
    }
    group.snapshots.push(snapshot);
  }
  return [...groups.values()];
}

export async function getSnapshot(db: RosterDb, id: string): Promise<Snapshot | undefined> {
  return db.snapshots.get(id);
}

/** The newest audit, of one console and/or tenant when given. */
export async function latestSnapshot(db: RosterDb, console?: ConsoleId, tenant?: string): Promise<Snapshot | undefined> {
  if (console !== undefined && tenant !== undefined) {
    return db.snapshots.where('[console+tenant+startedAt]').between([console, tenant, Dexie.minKey], [console, tenant, Dexie.maxKey]).last();
  }
  if (console === undefined && tenant === undefined) return db.snapshots.orderBy('startedAt').last();
  const matching = console !== undefined ? db.snapshots.where('console').equals(console) : db.snapshots.where('tenant').equals(tenant as string);
  const newestFirst = await matching.reverse().sortBy('startedAt');
  return newestFirst[0];
}

/** The audit of the same console and tenant that came just before this one. */
export async function previousSnapshot(db: RosterDb, snapshot: Snapshot): Promise<Snapshot | undefined> {
  return db.snapshots
    .where('[console+tenant+startedAt]')
    .between([snapshot.console, snapshot.tenant, Dexie.minKey], [snapshot.console, snapshot.tenant, snapshot.startedAt], true, false)
    .last();
}

export async function deleteSnapshot(db: RosterDb, id: string): Promise<void> {
  await db.transaction('rw', db.snapshots, db.members, db.memberColumns, async () => {
    await membersOf(db, id).delete();
    await deleteMemberColumns(db, id);
    await db.snapshots.delete(id);
  });
}

/** Removes every audit of one tenant in one console; the tenant's domain policy is a setting and stays. Returns how many audits went. */
export async function deleteTenant(db: RosterDb, console: ConsoleId, tenant: string): Promise<number> {
  return db.transaction('rw', db.snapshots, db.members, db.memberColumns, async () => {
    const ids = await db.snapshots.where('[console+tenant]').equals([console, tenant]).primaryKeys();
    for (const id of ids) {
      await membersOf(db, id).delete();
      await deleteMemberColumns(db, id);
    }
    await db.snapshots.bulkDelete(ids);
    return ids.length;
  });
}

/** Empties the cache: audits, members, policies, templates and the export log. */
export async function deleteEverything(db: RosterDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
}

/**
 * Calls `listener(0)` once it watches the snapshot's members, then `listener(1)`, `listener(2)` …
 * after each committed write to them (a re-classification, a new save under the same id, a delete),
 * in this context or another (Dexie tells every context of the extension). Members read after
 * version n was reported reflect at least that write. Returns the function that stops watching.
 */
export function watchMembers(db: RosterDb, snapshotId: string, listener: (version: number) => void): () => void {
  let version = 0;
  // Dexie watches the whole key range a primary-key query names, whatever its limit: reading one row
  // is enough to hear of every write to the snapshot's members, where counting them costs a walk.
  const subscription = liveQuery(() => membersOf(db, snapshotId).limit(1).toArray()).subscribe({
    next: () => listener(version++),
    // A failed read only means no more change reports; the worker reports its own read errors.
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}
