import { describe, expect, it } from 'vitest';
import { memberSightings } from '../../../lib/db/member-history';
import { saveSnapshot } from '../../../lib/db/snapshots';
import { freshDb } from './fake-db';
import { makeRoster } from './factory';

describe('memberSightings', () => {
  it("reads one member in the newest audits of that roster only, oldest first, and counts the roster's audits", async () => {
    const db = freshDb();
    for (let i = 1; i <= 4; i++) {
      const roster = makeRoster(
        { id: `a${i}`, startedAt: i },
        i === 3 ? [{ normalizedEmail: 'other@example.co.jp' }] : [{ normalizedEmail: 'taro@example.co.jp', name: `Taro ${i}` }],
      );
      await saveSnapshot(db, roster.snapshot, roster.members);
    }
    // Another tenant's and another console's audits are another roster.
    const elsewhere = makeRoster({ id: 'b1', startedAt: 5, tenant: 'other.example' }, [{ normalizedEmail: 'taro@example.co.jp' }]);
    await saveSnapshot(db, elsewhere.snapshot, elsewhere.members);
    const contacts = makeRoster({ id: 'c1', startedAt: 6, console: 'lineworks-contacts' }, [{ normalizedEmail: 'taro@example.co.jp' }]);
    await saveSnapshot(db, contacts.snapshot, contacts.members);

    const { sightings, auditsInRoster } = await memberSightings(db, { console: 'lineworks-members', tenant: 'example.co.jp' }, 'taro@example.co.jp', 3);
    expect(auditsInRoster).toBe(4);
    expect(sightings.map((s) => [s.snapshot.id, s.member?.name])).toEqual([
      ['a2', 'Taro 2'],
      ['a3', undefined],
      ['a4', 'Taro 4'],
    ]);
  });
});
