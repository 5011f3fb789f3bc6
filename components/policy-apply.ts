import { applyPolicyToSnapshots, type Reclassify } from '@/lib/db';
import type { DomainPolicy } from '@/lib/model';
import { reclassifyMembers } from '@/lib/roster';
import { rosterDb } from './db';

/**
 * Re-classifies the saved audits a policy governs (lib/db/policies.ts) and counts the members whose
 * classification, link status or findings came out different. The settings form and the popup's
 * proposal both apply a policy through here, so the saved audits follow it the same way.
 */
export async function applyAndCount(tenant: string, policy: DomainPolicy): Promise<{ snapshots: number; changed: number }> {
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
  const ids = await applyPolicyToSnapshots(rosterDb(), tenant, policy, counting);
  return { snapshots: ids.length, changed };
}
