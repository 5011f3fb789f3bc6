import { buildSnapshot, type RosterSource } from '../audit';
import type { Completeness } from '../completeness';
import type { MemberRow, Snapshot } from '../model';
import { finishStaging, getPolicy, recoverAbandonedAudits, saveSnapshot, type EstimateStorage, type RosterDb } from '../db';

/**
 * Recording an audit, however it was read: the policy in force for its tenant is looked up here, the
 * snapshot is built by the same code (lib/audit.ts) and saved whole. A scanned page (the background,
 * through the staging area) and an imported file (the dashboard's file worker) both come through here,
 * so the two can never classify a roster differently.
 */

/** The policy of each snapshot recorded is the one in force for its tenant at the end of the read. */
const policyFrom = (db: RosterDb) => (tenant: string) => getPolicy(db, tenant);

export interface RecordOutcome {
  snapshotId: string;
  finishedAt: number;
  estimate?: EstimateStorage;
}

/** Records rows read in one go (an imported file) as one snapshot. */
export async function recordSnapshot(
  db: RosterDb,
  rows: readonly MemberRow[],
  source: RosterSource,
  outcome: RecordOutcome & { completeness: Completeness },
): Promise<Snapshot> {
  const { snapshot, members } = buildSnapshot(rows, source, {
    snapshotId: outcome.snapshotId,
    policy: await policyFrom(db)(source.tenant),
    completeness: outcome.completeness,
    finishedAt: outcome.finishedAt,
  });
  await saveSnapshot(db, snapshot, members, outcome.estimate ? { estimate: outcome.estimate } : {});
  return snapshot;
}

/** Records an audit whose rows were staged as they arrived (a scanned page) as one snapshot. */
export function recordStagedAudit(
  db: RosterDb,
  auditId: string,
  outcome: RecordOutcome & { completeness: (rowsStaged: number) => Completeness; pagesRead?: number },
): Promise<Snapshot> {
  return finishStaging(db, auditId, { ...outcome, policyOf: policyFrom(db) });
}

/** Records what audits cut off by a stopped service worker (not `workerId`) had read, as incomplete snapshots. */
export function recordCutOffAudits(db: RosterDb, workerId: string, options: { estimate?: EstimateStorage } = {}): Promise<Snapshot[]> {
  return recoverAbandonedAudits(db, workerId, { ...options, policyOf: policyFrom(db) });
}
