import { describe, expect, it } from 'vitest';
import type { RosterSource } from '../../../lib/audit';
import { judgeCompleteness } from '../../../lib/completeness';
import { getPolicy, savePolicy } from '../../../lib/db/policies';
import { membersOf } from '../../../lib/db/schema';
import type { MemberRow } from '../../../lib/model';
import { applyPolicy, recordSnapshot, removeOwnPolicy } from '../../../lib/use-cases';
import { freshDb } from '../db/fake-db';

const row = (email: string): MemberRow => ({ name: email.split('@')[0]!, identifier: email, fields: {}, cells: [email] });
const source = (tenant: string): RosterSource => ({
  console: 'generic',
  profile: 'generic',
  tenant,
  sourceUrl: 'file:x.csv',
  title: 'x.csv',
  headers: ['Email'],
  startedAt: 1,
  pagesRead: 1,
});
const policy = (tenant: string, internalDomains: string[]) => ({ tenant, internalDomains, includeSubdomains: true, registrableMatch: false });

async function twoTenants() {
  const db = freshDb();
  const rows = [row('a@example.co.jp'), row('b@partner.example'), row('c@partner.example')];
  const done = judgeCompleteness({ rowsRead: 3, reachedEnd: true });
  await recordSnapshot(db, rows, source('example.co.jp'), { snapshotId: 'mine', completeness: done, finishedAt: 2 });
  await recordSnapshot(db, rows, source('other.example'), { snapshotId: 'other', completeness: done, finishedAt: 2 });
  return db;
}

describe('applying a policy', () => {
  it('saves the default policy and re-classifies every audit without a policy of its own, counting the members that changed', async () => {
    const db = await twoTenants();
    await savePolicy(db, policy('other.example', ['example.co.jp']));
    const applied = await applyPolicy(db, policy('*', ['example.co.jp', 'partner.example']));
    expect(applied).toEqual({ policy: policy('*', ['example.co.jp', 'partner.example']), snapshots: 1, changed: 3 });
    expect(await getPolicy(db, 'example.co.jp')).toEqual(applied.policy);
    expect((await membersOf(db, 'mine').toArray()).map((m) => m.classification)).toEqual(['internal', 'internal', 'internal']);
    expect((await db.snapshots.get('mine'))?.counts).toMatchObject({ internal: 3, external: 0 });
    // The tenant with its own policy is not touched by the default.
    expect((await membersOf(db, 'other').toArray()).map((m) => m.classification)).toEqual(['unknown', 'unknown', 'unknown']);
  });

  it('counts nothing changed when the policy classifies as before', async () => {
    const db = await twoTenants();
    await applyPolicy(db, policy('example.co.jp', ['example.co.jp']));
    expect(await applyPolicy(db, policy('example.co.jp', ['example.co.jp']))).toMatchObject({ snapshots: 1, changed: 0 });
  });

  it('refuses an invalid policy and re-classifies nothing', async () => {
    const db = await twoTenants();
    await expect(applyPolicy(db, policy('', ['example.co.jp']))).rejects.toMatchObject({ code: 'policy-invalid' });
    expect((await db.snapshots.get('mine'))?.counts).toMatchObject({ internal: 0 });
  });

  it('removing a tenant’s own policy falls back to the default and re-classifies its audits under it', async () => {
    const db = await twoTenants();
    await savePolicy(db, policy('*', ['partner.example']));
    await applyPolicy(db, policy('example.co.jp', ['example.co.jp']));
    const removed = await removeOwnPolicy(db, 'example.co.jp');
    expect(removed).toEqual({ policy: policy('*', ['partner.example']), snapshots: 1, changed: 3 });
    expect(await db.policies.get('example.co.jp')).toBeUndefined();
    expect((await membersOf(db, 'mine').toArray()).map((m) => m.classification)).toEqual(['external', 'internal', 'internal']);
  });
});
