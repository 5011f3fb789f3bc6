import Dexie, { type Table, type Transaction } from 'dexie';
import { z } from 'zod';
import type { RosterSource } from '../audit';
import type { DomainPolicy, Member, MemberRow, Snapshot } from '../model';
import type { MemberColumns } from '../roster-query/columns';

/** A fix-up template the admin dropped in, kept byte for byte so a patched file can match it exactly. */
export const TemplateRecord = z.object({
  id: z.string().min(1),
  name: z.string().max(500),
  /** Export format id this template is for (`receptionist-employees`, `lineworks-bulk-modify` …). */
  formatId: z.string().min(1).max(100),
  bytes: z.instanceof(Uint8Array),
  savedAt: z.number(),
});
export type TemplateRecord = z.infer<typeof TemplateRecord>;

/** One line of the export log: what was handed to the admin, never the file itself. */
export const ExportRecord = z.object({
  id: z.string().min(1),
  time: z.number(),
  snapshotId: z.string(),
  formatId: z.string().min(1).max(100),
  fileName: z.string().max(500),
  rows: z.number().int().nonnegative(),
  encoding: z.string().max(50),
});
export type ExportRecord = z.infer<typeof ExportRecord>;

/** An audit under way: where its rows come from, how far it got, which service worker runs it. */
export interface StagedAudit {
  id: string;
  /** The service worker instance running it: one of another instance was cut off when that worker stopped. */
  workerId: string;
  tabId: number;
  source: RosterSource;
  rowsRead: number;
  updatedAt: number;
}

/** One row of an audit under way, in the order read. */
export interface StagedRow {
  auditId: string;
  index: number;
  row: MemberRow;
}

export type TableName = 'snapshots' | 'members' | 'policies' | 'templates' | 'exports';
/** Tables added after version 2, absent from older schemas. */
export type LaterTableName = 'audits' | 'stagedRows' | 'memberColumns';

export interface SchemaVersion {
  version: number;
  stores: Record<TableName, string> & Partial<Record<LaterTableName, string>>;
  /** Runs once when a database written by an older version is opened; must only use `tx`. */
  upgrade?: (tx: Transaction) => PromiseLike<unknown> | void;
}

const SNAPSHOTS_V1 = 'id, console, tenant, [console+tenant], startedAt';
const MEMBERS_V1 = '[snapshotId+index], snapshotId, normalizedEmail, domain, classification, *findingIds, [snapshotId+classification], key';
const STORES_V4: SchemaVersion['stores'] = {
  snapshots: `${SNAPSHOTS_V1}, [console+tenant+startedAt]`,
  members: '[snapshotId+index], [snapshotId+key+index]',
  policies: 'tenant',
  templates: 'id, name, formatId, savedAt',
  exports: 'id, time, snapshotId',
  audits: 'id, tabId, workerId',
  stagedRows: '[auditId+index]',
};

/**
 * Every schema this code has ever shipped, oldest first. Kept as data so that an old database can be
 * recreated in tests and the upgrade path proven; a new release appends an entry, never edits one.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      snapshots: SNAPSHOTS_V1,
      members: MEMBERS_V1,
      policies: 'tenant',
      templates: 'id, name, formatId, savedAt',
      exports: 'id, time, snapshotId',
    },
  },
  {
    // Version 2 adds the indexes that history, compare and the dashboard's sorted pages walk in order,
    // so none of them has to load a 100,000-member roster to sort it. IndexedDB builds them from the
    // existing rows on upgrade; no row changes.
    version: 2,
    stores: {
      snapshots: `${SNAPSHOTS_V1}, [console+tenant+startedAt]`,
      members: `${MEMBERS_V1}, [snapshotId+key+index], [snapshotId+domain], [snapshotId+name]`,
      policies: 'tenant',
      templates: 'id, name, formatId, savedAt',
      exports: 'id, time, snapshotId',
    },
  },
  {
    // Version 3 adds the staging area of audits under way: an audit's rows are stored as they arrive,
    // so that a stopped service worker loses nothing; no existing row changes.
    version: 3,
    stores: {
      snapshots: `${SNAPSHOTS_V1}, [console+tenant+startedAt]`,
      members: `${MEMBERS_V1}, [snapshotId+key+index], [snapshotId+domain], [snapshotId+name]`,
      policies: 'tenant',
      templates: 'id, name, formatId, savedAt',
      exports: 'id, time, snapshotId',
      audits: 'id, tabId, workerId',
      stagedRows: '[auditId+index]',
    },
  },
  {
    // Version 4 drops the member indexes only the IndexedDB query path used: the dashboard's roster
    // worker (lib/roster-query) reads a snapshot's members once in roster order and answers filters,
    // sorts and counts from memory. Kept: the primary key and the comparison's [snapshotId+key+index].
    // Dropping an index leaves every row as it was; saves write two indexes per member instead of ten.
    version: 4,
    stores: STORES_V4,
  },
  {
    // Version 5 adds the roster worker's stored form of a snapshot's members (lib/roster-query/columns.ts):
    // a few records of strings and typed arrays that read in milliseconds where 100,000 member objects
    // take seconds. Written beside the members from now on; a snapshot stored before has none until the
    // roster worker first opens it and writes them (lib/db/member-columns.ts). No existing row changes.
    version: 5,
    stores: { ...STORES_V4, memberColumns: '[snapshotId+start]' },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

/** What Dexie needs where there is no global IndexedDB (tests, workers with a polyfill). */
export interface IndexedDbDeps {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

export class RosterDb extends Dexie {
  snapshots!: Table<Snapshot, string>;
  members!: Table<Member, [string, number]>;
  policies!: Table<DomainPolicy, string>;
  templates!: Table<TemplateRecord, string>;
  exports!: Table<ExportRecord, string>;
  audits!: Table<StagedAudit, string>;
  stagedRows!: Table<StagedRow, [string, number]>;
  memberColumns!: Table<MemberColumns, [string, number]>;

  constructor(name: string, deps?: IndexedDbDeps, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name, deps ? { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange } : undefined);
    for (const { version, stores, upgrade } of versions) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}

/**
 * The cache of one browser profile. Call from extension pages and the background only: a content
 * script's IndexedDB belongs to the audited site. Dexie opens the database on first use.
 */
export function openRosterDb(name = 'roster-audit', deps?: IndexedDbDeps): RosterDb {
  return new RosterDb(name, deps);
}

/** Bounds of one snapshot's rows in any index whose first part is `snapshotId`. */
export function snapshotRange(snapshotId: string): [lower: [string, number], upper: [string, unknown]] {
  return [
    [snapshotId, Dexie.minKey],
    [snapshotId, Dexie.maxKey],
  ];
}

/** One snapshot's members, in roster order. */
export function membersOf(db: RosterDb, snapshotId: string) {
  const [lower, upper] = snapshotRange(snapshotId);
  return db.members.where('[snapshotId+index]').between(lower, upper, true, true);
}
