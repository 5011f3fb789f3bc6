import { describe, expect, it } from 'vitest';
import type { RosterSource } from '../../../lib/audit';
import { judgeCompleteness } from '../../../lib/completeness';
import { beginStaging, stageRows } from '../../../lib/db/staging';
import { savePolicy } from '../../../lib/db/policies';
import { membersOf } from '../../../lib/db/schema';
import type { MemberRow } from '../../../lib/model';
import { recordCutOffAudits, recordSnapshot, recordStagedAudit } from '../../../lib/use-cases';
import { freshDb } from '../db/fake-db';

const row = (email: string): MemberRow => ({ name: email.split('@')[0]!, identifier: email, fields: {}, cells: [email] });
const rows = [row('taro@example.co.jp'), row('hanako@partner.example'), row('jiro@sub.example.co.jp')];
const source: RosterSource = {
  console: 'generic',
  profile: 'generic',
  tenant: 'example.co.jp',
  sourceUrl: 'file:staff.csv',
  title: 'staff.csv',
  headers: ['Email'],
  startedAt: 10,
  pagesRead: 1,
};
const complete = judgeCompleteness({ rowsRead: rows.length, reachedEnd: true });

describe('recording a snapshot', () => {
  it('classifies by the tenant’s own policy when it has one, else by the default, and saves snapshot and members together', async () => {
    const db = freshDb();
    await savePolicy(db, { tenant: '*', internalDomains: ['partner.example'], includeSubdomains: true, registrableMatch: false });
    const byDefault = await recordSnapshot(db, rows, source, { snapshotId: 'd', completeness: complete, finishedAt: 20 });
    expect(byDefault.counts).toMatchObject({ members: 3, internal: 1, external: 2 });
    expect(byDefault.settings.policy.tenant).toBe('*');

    await savePolicy(db, { tenant: 'example.co.jp', internalDomains: ['example.co.jp'], includeSubdomains: true, registrableMatch: false });
    const byOwn = await recordSnapshot(db, rows, source, { snapshotId: 'o', completeness: complete, finishedAt: 30 });
    expect(byOwn.counts).toMatchObject({ members: 3, internal: 2, external: 1 });
    expect((await membersOf(db, 'o').toArray()).map((m) => m.classification)).toEqual(['internal', 'external', 'internal']);
    expect(await db.snapshots.get('o')).toEqual(byOwn);
  });

  it('gives a staged audit the same classification as the same rows recorded in one go', async () => {
    const db = freshDb();
    await savePolicy(db, { tenant: 'example.co.jp', internalDomains: ['example.co.jp'], includeSubdomains: false, registrableMatch: false });
    const direct = await recordSnapshot(db, rows, source, { snapshotId: 'direct', completeness: complete, finishedAt: 20 });
    await beginStaging(db, { id: 'a1', workerId: 'w1', tabId: 1, source });
    await stageRows(db, 'a1', rows);
    const staged = await recordStagedAudit(db, 'a1', { snapshotId: 'staged', completeness: () => complete, finishedAt: 20 });
    expect(staged.counts).toEqual(direct.counts);
    expect(staged.counts).toMatchObject({ internal: 1, external: 2 });
    expect(await db.stagedRows.count()).toBe(0);
  });

  it('keeps what another worker staged as an incomplete snapshot classified by the policy in force', async () => {
    const db = freshDb();
    await savePolicy(db, { tenant: '*', internalDomains: ['example.co.jp'], includeSubdomains: true, registrableMatch: false });
    await beginStaging(db, { id: 'cut', workerId: 'old', tabId: 1, source });
    await stageRows(db, 'cut', rows.slice(0, 2));
    const kept = await recordCutOffAudits(db, 'new');
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ complete: false, counts: { members: 2, internal: 1, external: 1 } });
    expect(await db.audits.count()).toBe(0);
  });
});
