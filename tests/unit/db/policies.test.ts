import { describe, expect, it } from 'vitest';
import type { DomainPolicy, Member } from '../../../lib/model';
import { applyPolicyToSnapshots, getPolicy, savePolicy, type Reclassify } from '../../../lib/db/policies';
import { membersOf } from '../../../lib/db/schema';
import { saveSnapshot } from '../../../lib/db/snapshots';
import { freshDb } from './fake-db';
import { countsOf, makeRoster } from './factory';

const policy = (tenant: string, domains: string[]): DomainPolicy => ({ tenant, internalDomains: domains, includeSubdomains: true, registrableMatch: false });

/** Stands in for lib/roster.ts: internal when the domain is listed, exactly. */
const reclassify: Reclassify = (members, p) => {
  const updated = members.map((m): Member => {
    const internal = p.internalDomains.includes(m.domain);
    const findingIds = internal ? m.findingIds.filter((id) => id !== 'external-domain') : [...new Set([...m.findingIds, 'external-domain' as const])];
    return {
      ...m,
      classification: internal ? 'internal' : 'external',
      findingIds,
      findings: findingIds.map((id) => ({ id, severity: 'warning' })),
    };
  });
  return { members: updated, counts: countsOf(updated) };
};

describe('domain policies', () => {
  it('falls back from the tenant to the default policy to an empty one', async () => {
    const db = freshDb();
    expect(await getPolicy(db, 'example.co.jp')).toEqual(policy('*', []));
    await savePolicy(db, policy('*', ['example.co.jp']));
    expect(await getPolicy(db, 'example.co.jp')).toEqual(policy('*', ['example.co.jp']));
    await savePolicy(db, policy('example.co.jp', ['example.co.jp', 'example.jp']));
    expect(await getPolicy(db, 'example.co.jp')).toEqual(policy('example.co.jp', ['example.co.jp', 'example.jp']));
  });

  it('rejects an invalid policy', async () => {
    const db = freshDb();
    await expect(savePolicy(db, { ...policy('', ['x']) })).rejects.toMatchObject({ code: 'policy-invalid' });
    expect(await db.policies.count()).toBe(0);
  });

  it('re-classifies the stored members of the tenant’s snapshots and recounts them', async () => {
    const db = freshDb();
    const mine = makeRoster({ id: 'mine' }, [{ normalizedEmail: 'a@example.co.jp' }, { normalizedEmail: 'b@example.jp', findingIds: ['external-domain'] }]);
    const other = makeRoster({ id: 'other', tenant: 'other.example' }, [{ normalizedEmail: 'c@example.jp', findingIds: ['external-domain'] }]);
    await saveSnapshot(db, mine.snapshot, mine.members);
    await saveSnapshot(db, other.snapshot, other.members);
    const wider = policy('example.co.jp', ['example.co.jp', 'example.jp']);
    expect(await applyPolicyToSnapshots(db, 'example.co.jp', wider, reclassify)).toEqual(['mine']);
    const members = await membersOf(db, 'mine').toArray();
    expect(members.map((m) => [m.classification, m.findingIds])).toEqual([
      ['internal', []],
      ['internal', []],
    ]);
    const snapshot = await db.snapshots.get('mine');
    expect(snapshot?.counts).toMatchObject({ members: 2, internal: 2, external: 0, findings: {} });
    expect(snapshot?.settings.policy).toEqual(wider);
    expect((await membersOf(db, 'other').first())?.classification).toBe('external');
  });

  it('applies the default policy to tenants without their own', async () => {
    const db = freshDb();
    const own = makeRoster({ id: 'own', tenant: 'own.example' }, 1);
    const bare = makeRoster({ id: 'bare', tenant: 'bare.example' }, 1);
    await saveSnapshot(db, own.snapshot, own.members);
    await saveSnapshot(db, bare.snapshot, bare.members);
    await savePolicy(db, policy('own.example', ['example.co.jp']));
    expect(await applyPolicyToSnapshots(db, '*', policy('*', []), reclassify)).toEqual(['bare']);
    expect((await membersOf(db, 'bare').first())?.classification).toBe('external');
    expect((await membersOf(db, 'own').first())?.classification).toBe('internal');
  });

  it('saves nothing when the re-classifier loses a row', async () => {
    const db = freshDb();
    const roster = makeRoster({ id: 's' }, 2);
    await saveSnapshot(db, roster.snapshot, roster.members);
    const lossy: Reclassify = (members, p, c) => reclassify(members.slice(1), p, c);
    await expect(applyPolicyToSnapshots(db, 'example.co.jp', policy('x', []), lossy)).rejects.toMatchObject({ code: 'reclassify-mismatch' });
    expect(await membersOf(db, 's').toArray()).toEqual(roster.members);
    expect(await db.snapshots.get('s')).toEqual(roster.snapshot);
  });
});
