import type { Member } from '../lib/model';
import { membersOf, openRosterDb, type RosterDb } from '../lib/db/schema';
import { saveSnapshot } from '../lib/db/snapshots';
import { makeRoster, type MemberOverrides } from '../tests/unit/db/factory';
import type { BenchFigure } from './figure';
import { medianMs } from './figure';

const MEMBERS = 100_000;
const RUNS = 3;
const TARGET = 1.3;

/** A roster shaped like a large LINE WORKS tenant: mostly internal, some partners with findings. */
function benchRoster(snapshotId: string) {
  const rows: MemberOverrides[] = Array.from({ length: MEMBERS }, (_, i) => {
    const external = i % 7 === 0;
    const email = external ? `partner${i}@partner${i % 50}.example` : `user${i}@example.co.jp`;
    return {
      name: `社員 ${i}`,
      normalizedEmail: email,
      fields: { organisation: `本社|営業部|第${i % 20}課`, status: '使用中', employeeNumber: String(100000 + i) },
      cells: [`社員 ${i}`, email, `本社|営業部|第${i % 20}課`, '使用中', String(100000 + i)],
      ...(external ? { findingIds: ['external-domain' as const] } : {}),
    };
  });
  return makeRoster({ id: snapshotId }, rows);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function deleteDatabase(name: string): Promise<unknown> {
  return request(indexedDB.deleteDatabase(name));
}

/**
 * Plain IndexedDB with the very object stores and indexes Dexie declares, so the baseline measures
 * what Dexie (and validation) add, not what indexes cost.
 */
async function openRawLike(name: string, dexie: RosterDb): Promise<IDBDatabase> {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    for (const table of [dexie.snapshots, dexie.members]) {
      const store = open.result.createObjectStore(table.name, { keyPath: table.schema.primKey.keyPath ?? null });
      for (const index of table.schema.indexes) {
        store.createIndex(index.name, index.keyPath as string | string[], { multiEntry: !!index.multi, unique: !!index.unique });
      }
    }
  };
  return request(open);
}

function rawWrite(db: IDBDatabase, snapshot: unknown, members: readonly Member[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['snapshots', 'members'], 'readwrite');
    tx.objectStore('snapshots').put(snapshot);
    const store = tx.objectStore('members');
    for (const member of members) store.put(member);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

function rawRead(db: IDBDatabase, snapshotId: string): Promise<unknown[]> {
  const store = db.transaction('members', 'readonly').objectStore('members');
  return request(store.getAll(IDBKeyRange.bound([snapshotId, -Infinity], [snapshotId, []])));
}

/**
 * Median time of each contender over `runs` rounds, `prepare` before each round. The order alternates,
 * so neither always runs first (or pays for the other's garbage).
 */
async function alternating(
  runs: number,
  prepare: () => Promise<void>,
  contenders: { raw: () => Promise<unknown>; dexie: () => Promise<unknown> },
): Promise<{ raw: number; dexie: number }> {
  const times = { raw: [] as number[], dexie: [] as number[] };
  for (let round = 0; round < runs; round++) {
    await prepare();
    const order: ('raw' | 'dexie')[] = round % 2 === 0 ? ['raw', 'dexie'] : ['dexie', 'raw'];
    for (const name of order) times[name].push(await medianMs(1, contenders[name]));
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  return { raw: median(times.raw), dexie: median(times.dexie) };
}

/** Writes and reads a 100,000-member snapshot with the cache's own functions and with plain IndexedDB. */
export async function runDbBench(): Promise<BenchFigure[]> {
  const { snapshot, members } = benchRoster('bench');
  let run = 0;
  let dexie = openRosterDb('bench-dexie-0');
  let raw = await openRawLike('bench-raw-0', dexie);

  // Each write goes to an empty database, as a first audit does.
  const fresh = async () => {
    dexie.close();
    raw.close();
    await deleteDatabase(`bench-dexie-${run}`);
    await deleteDatabase(`bench-raw-${run}`);
    run += 1;
    dexie = openRosterDb(`bench-dexie-${run}`);
    await dexie.open();
    raw = await openRawLike(`bench-raw-${run}`, dexie);
  };

  const writes = await alternating(RUNS, fresh, {
    raw: () => rawWrite(raw, snapshot, members),
    dexie: () => saveSnapshot(dexie, snapshot, members),
  });
  const reads = await alternating(RUNS, async () => {}, {
    raw: async () => {
      if ((await rawRead(raw, 'bench')).length !== MEMBERS) throw new Error('raw read lost rows');
    },
    dexie: async () => {
      if ((await membersOf(dexie, 'bench').toArray()).length !== MEMBERS) throw new Error('Dexie read lost rows');
    },
  });
  dexie.close();
  raw.close();
  await deleteDatabase(`bench-dexie-${run}`);
  await deleteDatabase(`bench-raw-${run}`);

  return [
    { name: 'db.save-snapshot.100k-members', value: writes.dexie, unit: 'ms', baseline: writes.raw, target: TARGET },
    { name: 'db.read-snapshot.100k-members', value: reads.dexie, unit: 'ms', baseline: reads.raw, target: TARGET },
  ];
}
