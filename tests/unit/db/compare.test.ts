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

  it('pairs duplicate keys one to one and compares across page boundaries', async () => {
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
