import { applyPolicyToSnapshots, getPolicy, savePolicy, type Reclassify, type RosterDb } from '../db';
import type { DomainPolicy } from '../model';
import { reclassifyMembers } from '../roster';

/**
 * Applying a domain policy: it is saved (or a tenant's own is removed) and every saved audit it
 * governs is classified again at once. The settings form and the popup's domain proposal both go
 * through here, so saved audits always follow the policy in force the same way.
 */

export interface PolicyApplied {
  /** The policy now in force for the tenant. */
  policy: DomainPolicy;
  /** Audits classified again. */
  snapshots: number;
  /** Members whose classification, link status or findings came out different. */
  changed: number;
}

/** Saves `policy` (its tenant's own, or the default '*') and re-classifies the audits it governs. */
export async function applyPolicy(db: RosterDb, policy: DomainPolicy): Promise<PolicyApplied> {
  const saved = await savePolicy(db, policy);
  return { policy: saved, ...(await reclassifyUnder(db, saved.tenant, saved)) };
}

/** Removes a tenant's own policy: its audits fall back to the default policy and are re-classified under it. */
export async function removeOwnPolicy(db: RosterDb, tenant: string): Promise<PolicyApplied> {
  await db.policies.delete(tenant);
  const fallback = await getPolicy(db, tenant);
  return { policy: fallback, ...(await reclassifyUnder(db, tenant, fallback)) };
}

async function reclassifyUnder(db: RosterDb, tenant: string, policy: DomainPolicy): Promise<{ snapshots: number; changed: number }> {
  let changed = 0;
  const counting: Reclassify = (members, p, console) => {
    const result = reclassifyMembers(members, p, console);
    result.members.forEach((after, i) => {
      const before = members[i]!;
      if (
        before.classification !== after.classification ||
        before.linkStatus !== after.linkStatus ||
        before.findingIds.join(';') !== after.findingIds.join(';')
      ) {
        changed += 1;
      }
    });
    return result;
  };
  const ids = await applyPolicyToSnapshots(db, tenant, policy, counting);
  return { snapshots: ids.length, changed };
}
