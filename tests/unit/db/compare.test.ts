import { describe, expect, it } from 'vitest';
import { compareSnapshots } from '../../../lib/db/compare';
import { saveSnapshot } from '../../../lib/db/snapshots';
import { freshDb } from './fake-db';
import { makeRoster, type MemberOverrides } from './factory';

describe('compareSnapshots', () => {
  it('finds who joined, who left and what changed, by key', async () => {
    const db = freshDb();
    const before = makeRoster({ id: 'before', startedAt: 1 }, [
      { normalizedEmail: 'stay@example.co.jp', name: 'Stay' },
      { normalizedEmail: 'gone@example.co.jp', name: 'Gone' },
      { normalizedEmail: 'moved@example.co.jp', name: 'Moved', fields: { status: '使用中', role: 'メンバー' } },
      { normalizedEmail: 'shared@partner.example', name: 'Shared', linkStatus: 'shared-only' },
    ]);
    const after = makeRoster({ id: 'after', startedAt: 2 }, [
      { normalizedEmail: 'new@example.co.jp', name: 'New' },
      { normalizedEmail: 'shared@partner.example', name: 'Shared', linkStatus: 'linked' },
      { normalizedEmail: 'moved@example.co.jp', name: 'Moved Renamed', fields: { status: '一時停止', role: 'メンバー' } },
      { normalizedEmail: 'stay@example.co.jp', name: 'Stay' },
    ]);
    await saveSnapshot(db, before.snapshot, before.members);
    await saveSnapshot(db, after.snapshot, after.members);
    const diff = await compareSnapshots(db, 'before', 'after');
    expect(diff.joined.map((m) => m.name)).toEqual(['New']);
    expect(diff.left.map((m) => m.name)).toEqual(['Gone']);
    expect(diff.changed.map((c) => [c.before.name, c.after.name, c.fields])).toEqual([
      ['Moved', 'Moved Renamed', ['name', 'status']],
      ['Shared', 'Shared', ['linkStatus']],
    ]);
  });

  it('pairs duplicate keys one to one and compares across page boundaries', { timeout: 60_000 }, async () => {
    const db = freshDb();
    const many = (n: number, extra: MemberOverrides[] = []) => [
      ...Array.from({ length: n }, (_, i) => ({ normalizedEmail: `p${String(i).padStart(5, '0')}@example.co.jp`, name: `P${i}` })),
      ...extra,
    ];
    const dup = { normalizedEmail: 'dup@example.co.jp', name: 'Dup' };
    const before = makeRoster({ id: 'before' }, many(4500, [dup, dup]));
    const after = makeRoster({ id: 'after' }, many(4501, [dup, { ...dup, classification: 'external' }, dup]));
    await saveSnapshot(db, before.snapshot, before.members);
    await saveSnapshot(db, after.snapshot, after.members);
    const diff = await compareSnapshots(db, 'before', 'after');
    expect(diff.joined.map((m) => m.key)).toEqual(['dup@example.co.jp', 'p04500@example.co.jp']);
    expect(diff.left).toEqual([]);
    expect(diff.changed.map((c) => [c.before.index, c.after.index, c.fields])).toEqual([[4501, 4502, ['classification']]]);
  });
});

describe('comparing with an incomplete audit', () => {
  const people = (...names: string[]) => names.map((name) => ({ normalizedEmail: `${name.toLowerCase()}@example.co.jp`, name }));

  it('reports nobody as left on the strength of rows a later, incomplete audit did not read', async () => {
    const db = freshDb();
    const before = makeRoster({ id: 'before', startedAt: 1 }, people('Ann', 'Bob', 'Cy'));
    const after = makeRoster({ id: 'after', startedAt: 2, complete: false, incompleteReason: 'scroll-stalled' }, [
      ...people('Ann', 'Dee'),
      { normalizedEmail: 'bob@example.co.jp', name: 'Bob Renamed' },
    ]);
    await saveSnapshot(db, before.snapshot, before.members);
    await saveSnapshot(db, after.snapshot, after.members);
    const diff = await compareSnapshots(db, 'before', 'after');
    expect(diff.incomplete).toEqual({ before: false, after: true });
    expect(diff.left).toEqual([]);
    expect(diff.withheld).toEqual({ joined: 0, left: 1 });
    expect(diff.joined.map((m) => m.name)).toEqual(['Dee']);
    expect(diff.changed.map((c) => c.after.name)).toEqual(['Bob Renamed']);
  });

  it('reports nobody as joined when the earlier audit is the incomplete one', async () => {
    const db = freshDb();
    const before = makeRoster({ id: 'before', startedAt: 1, complete: false, incompleteReason: 'cancelled' }, people('Ann'));
    const after = makeRoster({ id: 'after', startedAt: 2 }, people('Ann', 'Bob', 'Cy'));
    await saveSnapshot(db, before.snapshot, before.members);
    await saveSnapshot(db, after.snapshot, after.members);
    const diff = await compareSnapshots(db, 'before', 'after');
    expect(diff.joined).toEqual([]);
    expect(diff.withheld).toEqual({ joined: 2, left: 0 });
  });
});
