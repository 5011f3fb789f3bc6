import { z } from 'zod';
import { DEFAULT_POLICY_TENANT, DomainPolicy, SnapshotCounts, type ConsoleId, type Member, type Snapshot } from '../model';
import { RosterDbError } from './errors';
import { replaceMemberColumns } from './member-columns';
import { membersOf, type RosterDb } from './schema';

/** The policy in force for a tenant: its own, else the default ('*'), else one with no internal domain. */
export async function getPolicy(db: RosterDb, tenant: string): Promise<DomainPolicy> {
  const [own, fallback] = await db.policies.bulkGet([tenant, DEFAULT_POLICY_TENANT]);
  return own ?? fallback ?? { tenant: DEFAULT_POLICY_TENANT, internalDomains: [], includeSubdomains: true, registrableMatch: false };
}

export async function savePolicy(db: RosterDb, policy: DomainPolicy): Promise<DomainPolicy> {
  const parsed = DomainPolicy.safeParse(policy);
  if (!parsed.success) {
    throw new RosterDbError({ code: 'policy-invalid', detail: z.prettifyError(parsed.error) });
  }
  await db.policies.put(parsed.data);
  return parsed.data;
}

/** Classifies members again under a policy (lib/roster.ts); returns every member, updated, and the new counts. */
export type Reclassify = (members: Member[], policy: DomainPolicy, console: ConsoleId) => { members: Member[]; counts: SnapshotCounts };

/**
 * Re-classifies the stored audits of a tenant under `policy`, one snapshot per transaction so a large
 * cache never holds every roster at once. For the default tenant '*', that is every tenant without a
 * policy of its own. Returns the snapshots updated.
 */
export async function applyPolicyToSnapshots(db: RosterDb, tenant: string, policy: DomainPolicy, reclassify: Reclassify): Promise<string[]> {
  const ids = tenant === DEFAULT_POLICY_TENANT ? await snapshotsWithoutOwnPolicy(db) : await db.snapshots.where('tenant').equals(tenant).primaryKeys();
  for (const id of ids) {
    await db.transaction('rw', db.snapshots, db.members, db.memberColumns, async () => {
      const snapshot = await db.snapshots.get(id);
      if (!snapshot) return;
      const members = await membersOf(db, id).toArray();
      const result = reclassify(members, policy, snapshot.console);
      assertSameRows(members, result.members);
      const updated: Snapshot = {
        ...snapshot,
        settings: { ...snapshot.settings, policy },
        counts: SnapshotCounts.parse(result.counts),
      };
      await db.members.bulkPut(result.members);
      await replaceMemberColumns(db, id, result.members);
      await db.snapshots.put(updated);
    });
  }
  return ids;
}

async function snapshotsWithoutOwnPolicy(db: RosterDb): Promise<string[]> {
  const tenantsWithPolicy = new Set(await db.policies.toCollection().primaryKeys());
  const snapshots = await db.snapshots.toArray();
  return snapshots.filter((s) => !tenantsWithPolicy.has(s.tenant)).map((s) => s.id);
}

/** Re-classification changes what members are, never which rows exist: a lost or new row would corrupt the snapshot. */
function assertSameRows(before: readonly Member[], after: readonly Member[]): void {
  const same = before.length === after.length && after.every((member, i) => member.snapshotId === before[i]!.snapshotId && member.index === before[i]!.index);
  if (!same) {
    throw new RosterDbError({ code: 'reclassify-mismatch' });
  }
}
