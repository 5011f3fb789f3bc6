import { buildSnapshot, type RosterSource } from '../audit';
import { judgeCompleteness, type Completeness } from '../completeness';
import type { DomainPolicy, MemberRow, Snapshot } from '../model';
import { asStorageError, type EstimateStorage } from './errors';
import { saveSnapshot } from './snapshots';
import type { RosterDb, StagedAudit } from './schema';

/**
 * The staging area of audits under way. Rows are stored as they arrive, so that what was read
 * outlives the service worker that read it; at the end the staged rows become one snapshot in one
 * transaction (and the staging is gone), or, for an audit cut off, an incomplete snapshot of what
 * was read. No snapshot is ever half written, and no earlier snapshot is touched.
 */

/** Starts staging one audit. */
export async function beginStaging(db: RosterDb, audit: Omit<StagedAudit, 'rowsRead' | 'updatedAt'>, now = Date.now()): Promise<void> {
  await db.audits.put({ ...audit, rowsRead: 0, updatedAt: now });
}

/** Appends rows to an audit under way, in one transaction with its count; returns the rows staged so far. */
export async function stageRows(db: RosterDb, auditId: string, rows: readonly MemberRow[], now = Date.now()): Promise<number> {
  return db.transaction('rw', db.audits, db.stagedRows, async () => {
    const audit = await db.audits.get(auditId);
    if (!audit) throw new Error(`no audit ${auditId} under way`);
    await db.stagedRows.bulkAdd(rows.map((row, i) => ({ auditId, index: audit.rowsRead + i, row })));
    const rowsRead = audit.rowsRead + rows.length;
    await db.audits.update(auditId, { rowsRead, updatedAt: now });
    return rowsRead;
  });
}

export interface StagedOutcome {
  snapshotId: string;
  /** The verdict, given how many rows were staged. */
  completeness: (rowsStaged: number) => Completeness;
  policyOf: (tenant: string) => Promise<DomainPolicy>;
  finishedAt: number;
  /** `pagesRead` as the page reported it at the end, when it did. */
  pagesRead?: number;
  estimate?: EstimateStorage;
}

/** Turns an audit's staged rows into its snapshot and removes the staging, all in one transaction. */
export async function finishStaging(db: RosterDb, auditId: string, outcome: StagedOutcome): Promise<Snapshot> {
  const audit = await db.audits.get(auditId);
  if (!audit) throw new Error(`no audit ${auditId} under way`);
  const staged = await stagedRowsOf(db, auditId);
  const source: RosterSource = { ...audit.source, ...(outcome.pagesRead !== undefined ? { pagesRead: outcome.pagesRead } : {}) };
  const { snapshot, members } = buildSnapshot(staged, source, {
    snapshotId: outcome.snapshotId,
    policy: await outcome.policyOf(source.tenant),
    completeness: outcome.completeness(staged.length),
    finishedAt: outcome.finishedAt,
  });
  try {
    await db.transaction('rw', [db.snapshots, db.members, db.memberColumns, db.audits, db.stagedRows], async () => {
      await saveSnapshot(db, snapshot, members);
      await stagedOf(db, auditId).delete();
      await db.audits.delete(auditId);
    });
  } catch (error) {
    throw await asStorageError(error, outcome.estimate);
  }
  return snapshot;
}

/** Why an audit whose service worker stopped is incomplete (the reason code the UI puts in words). */
export const WORKER_STOPPED = 'worker-stopped';

/**
 * Keeps every audit another service worker left under way as an incomplete snapshot of the rows it
 * staged (one with none is dropped). Returns the snapshots kept.
 */
export async function recoverAbandonedAudits(
  db: RosterDb,
  workerId: string,
  options: { policyOf: (tenant: string) => Promise<DomainPolicy>; now?: number; newId?: () => string; estimate?: EstimateStorage },
): Promise<Snapshot[]> {
  const kept: Snapshot[] = [];
  for (const audit of await abandonedAudits(db, workerId)) {
    if (audit.rowsRead === 0) {
      await discardStaging(db, audit.id);
      continue;
    }
    const snapshot = await finishStaging(db, audit.id, {
      snapshotId: options.newId?.() ?? crypto.randomUUID(),
      completeness: (rowsRead) => judgeCompleteness({ rowsRead, reachedEnd: false, reason: WORKER_STOPPED }),
      policyOf: options.policyOf,
      finishedAt: options.now ?? Date.now(),
      ...(options.estimate ? { estimate: options.estimate } : {}),
    });
    kept.push(snapshot);
  }
  return kept;
}

/** Drops an audit's staging without keeping anything. */
export async function discardStaging(db: RosterDb, auditId: string): Promise<void> {
  await db.transaction('rw', db.audits, db.stagedRows, async () => {
    await stagedOf(db, auditId).delete();
    await db.audits.delete(auditId);
  });
}

/** Audits staged by another service worker than `workerId`: that worker stopped before they ended. */
export async function abandonedAudits(db: RosterDb, workerId: string): Promise<StagedAudit[]> {
  return db.audits.filter((audit) => audit.workerId !== workerId).toArray();
}

async function stagedRowsOf(db: RosterDb, auditId: string): Promise<MemberRow[]> {
  return (await stagedOf(db, auditId).toArray()).map((staged) => staged.row);
}

function stagedOf(db: RosterDb, auditId: string) {
  return db.stagedRows.where('[auditId+index]').between([auditId, -Infinity], [auditId, Infinity], true, true);
}
