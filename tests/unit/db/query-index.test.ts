import Dexie from 'dexie';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildMemberSearchIndex, selectionPage, watchMembers } from '../../../lib/db/query-index';
import { countsByDomain, queryMembers, type MemberFilter, type MemberSort, type MemberSortField } from '../../../lib/db/query';
import { applyPolicyToSnapshots, type Reclassify } from '../../../lib/db/policies';
import { deleteSnapshot, saveSnapshot } from '../../../lib/db/snapshots';
import type { RosterDb } from '../../../lib/db/schema';
import { freshDb } from './fake-db';
import { countsOf, makeRoster, type MemberOverrides } from './factory';

const people: MemberOverrides[] = [
  { name: 'Yamada Taro', normalizedEmail: 'taro@example.co.jp' },
  { name: 'Suzuki Hanako', normalizedEmail: 'hanako@partner.example', linkStatus: 'shared-only', findingIds: ['external-domain', 'contact-shared-only'] },
  { name: 'Ito Jiro', normalizedEmail: 'jiro@partner.example', linkStatus: 'linked', findingIds: ['external-domain'] },
  { name: 'Abe Saburo', normalizedEmail: 'saburo@example.co.jp', findingIds: ['not-activated'] },
  { name: '名無し', normalizedEmail: '', key: 'name:名無し', domain: '', identifier: '' },
  { name: 'Kato Shiro', normalizedEmail: 'shiro@other.example', linkStatus: 'shared-only', findingIds: ['external-domain', 'contact-shared-only'] },
  // Equal sort values: both orders must keep IndexedDB's tie-break (primary key).
  { name: 'Same Name', normalizedEmail: 'same1@partner.example', findingIds: ['external-domain', 'zoom-unset'] },
  { name: 'Same Name', normalizedEmail: 'same2@example.co.jp', email: 'ＳＡＭＥ２＠ＥＸＡＭＰＬＥ.co.jp', domainDisplay: 'example.co.jp' },
  { name: 'ｶﾀｶﾅ Kana', normalizedEmail: 'kana@xn--eckwd4c7c.jp', domainDisplay: 'ドメイン.jp', findingIds: ['not-in-directory'] },
];

async function seeded(): Promise<RosterDb> {
  const db = freshDb();
  const neighbour = makeRoster({ id: 's0' }, 3);
  const roster = makeRoster({ id: 's1' }, people);
  await saveSnapshot(db, neighbour.snapshot, neighbour.members);
  await saveSnapshot(db, roster.snapshot, roster.members);
  return db;
}

const FILTERS: MemberFilter[] = [
  {},
  { classification: 'external' },
  { classification: 'unknown' },
  { linkStatus: 'shared-only' },
  { findingId: 'external-domain' },
  { findingId: 'suspended' },
  { domain: 'partner.example' },
  { domain: '' },
  { domain: 'absent.example' },
  { text: 'ＳＨＩＲＯ' },
  { text: '@partner' },
  { text: 'ドメイン' },
  { text: 'カタカナ' },
  { text: 'same2@example' },
  { text: '   ' },
  { classification: 'external', findingId: 'external-domain', text: 'a' },
  { classification: 'internal', domain: 'example.co.jp', linkStatus: 'unknown' },
];
const SORTS: MemberSort[] = (['index', 'name', 'key', 'domain', 'classification'] as MemberSortField[]).flatMap((field) => [
  { field, direction: 'asc' as const },
  { field, direction: 'desc' as const },
]);

const names = (page: { rows: { name: string }[] }) => page.rows.map((r) => r.name);

describe('member search index', () => {
  it('answers every filter and sort exactly as queryMembers does', async () => {
    const db = await seeded();
    const index = await buildMemberSearchIndex(db, 's1');
    expect(index.size).toBe(people.length);
    for (const filter of FILTERS) {
      for (const sort of SORTS) {
        const expected = await queryMembers(db, 's1', { filter, sort, limit: 100 });
        const actual = await selectionPage(db, 's1', index.select(filter, sort), 0, 100);
        expect({ filter, sort, rows: actual.rows, total: actual.total }).toEqual({ filter, sort, rows: expected.rows, total: expected.total });
      }
    }
  });

  it('finds the members a person would expect', async () => {
    const db = await seeded();
    const index = await buildMemberSearchIndex(db, 's1');
    const page = (filter: MemberFilter, sort?: MemberSort) => selectionPage(db, 's1', index.select(filter, sort), 0, 100);
    expect(names(await page({ text: 'ｶﾀｶﾅ' }))).toEqual(['ｶﾀｶﾅ Kana']);
    expect(names(await page({ text: 'ＳＡＭＥ' }))).toEqual(['Same Name', 'Same Name']);
    expect(names(await page({ findingId: 'external-domain' }, { field: 'name', direction: 'desc' }))).toEqual([
      'Suzuki Hanako',
      'Same Name',
      'Kato Shiro',
      'Ito Jiro',
    ]);
    // Fields are matched one by one: the end of a name and the start of an identifier do not join up.
    expect((await page({ text: 'tarotaro' })).total).toBe(0);
  });

  it('narrows a search as it is typed on, and widens it again', async () => {
    const db = await seeded();
    const typed = await buildMemberSearchIndex(db, 's1');
    const fresh = async (filter: MemberFilter, sort?: MemberSort) => [...(await buildMemberSearchIndex(db, 's1')).select(filter, sort)];
    const steps: [MemberFilter, MemberSort?][] = [
      [{ text: 's' }],
      [{ text: 'sa' }],
      [{ text: 'sam' }],
      [{ text: 'sa' }],
      [{ text: 'sa', classification: 'internal' }],
      [{ text: 'sab', classification: 'internal' }],
      [{ text: 'sab' }],
      [{ text: 'sabu' }, { field: 'name', direction: 'desc' }],
      [{}],
      [{ text: 'o' }, { field: 'domain', direction: 'asc' }],
      [{ text: 'ro' }, { field: 'domain', direction: 'asc' }],
    ];
    for (const [filter, sort] of steps) {
      expect({ filter, sort, matches: [...typed.select(filter, sort)] }).toEqual({ filter, sort, matches: await fresh(filter, sort) });
    }
    expect(names(await selectionPage(db, 's1', typed.select({ text: 'sa' }), 0, 100))).toEqual(['Abe Saburo', 'Same Name', 'Same Name']);
  });

  it('pages a selection by offset and limit, counting every match', async () => {
    const db = await seeded();
    const index = await buildMemberSearchIndex(db, 's1');
    const selection = index.select({ classification: 'external' }, { field: 'index', direction: 'asc' });
    const page = await selectionPage(db, 's1', selection, 1, 2);
    expect(page.total).toBe(5);
    expect(names(page)).toEqual(['Ito Jiro', 'Kato Shiro']);
    expect(await selectionPage(db, 's1', selection, 10, 2)).toEqual({ rows: [], total: 5 });
  });

  it('reads the roster in chunks without losing or repeating a member, and only that snapshot', async () => {
    const db = await seeded();
    const whole = await buildMemberSearchIndex(db, 's1');
    for (const chunkSize of [1, 2, 4, people.length]) {
      const chunked = await buildMemberSearchIndex(db, 's1', { chunkSize });
      expect([...chunked.select()]).toEqual([...whole.select()]);
      expect([...chunked.select({ text: 'e' }, { field: 'name', direction: 'asc' })]).toEqual([
        ...whole.select({ text: 'e' }, { field: 'name', direction: 'asc' }),
      ]);
    }
    expect((await buildMemberSearchIndex(db, 's0')).size).toBe(3);
    expect((await buildMemberSearchIndex(db, 'nope')).size).toBe(0);
  });

  it('counts members per domain as countsByDomain does', async () => {
    const db = await seeded();
    const index = await buildMemberSearchIndex(db, 's1');
    expect(index.domainCounts()).toEqual(await countsByDomain(db, 's1'));
  });

  it('stops building when its signal aborts', async () => {
    const db = await seeded();
    const abort = new AbortController();
    abort.abort(new Error('left the page'));
    await expect(buildMemberSearchIndex(db, 's1', { signal: abort.signal, chunkSize: 2 })).rejects.toThrow('left the page');
  });
});

describe('watchMembers', () => {
  /** Dexie's change reports need a global IndexedDB, as a browser page has; Node has none. */
  function withGlobalIndexedDb(db: RosterDb): void {
    const globalDeps = Dexie.dependencies as { indexedDB: IDBFactory | null };
    const before = globalDeps.indexedDB;
    onTestFinished(() => {
      globalDeps.indexedDB = before;
    });
    globalDeps.indexedDB = db._options.indexedDB as IDBFactory;
  }

  function versions(db: RosterDb, snapshotId: string) {
    const seen: number[] = [];
    let waiting: { count: number; done: () => void } | undefined;
    const stop = watchMembers(db, snapshotId, (version) => {
      seen.push(version);
      if (waiting && seen.length >= waiting.count) waiting.done();
    });
    onTestFinished(stop);
    return {
      seen,
      /** Resolves once `count` versions have been reported in all. */
      reached: (count: number) =>
        new Promise<void>((done) => {
          if (seen.length >= count) done();
          else waiting = { count, done };
        }),
    };
  }

  const partnerIsInternal: Reclassify = (members) => {
    const updated = members.map((m) =>
      m.domain === 'partner.example' ? { ...m, classification: 'internal' as const, findingIds: [], findings: [] } : m,
    );
    return { members: updated, counts: countsOf(updated) };
  };

  it('reports a new version when a policy re-classifies the members, and an index built then sees the change', async () => {
    const db = await seeded();
    withGlobalIndexedDb(db);
    const watched = versions(db, 's1');
    await watched.reached(1);
    const before = await buildMemberSearchIndex(db, 's1');
    expect(before.select({ classification: 'external' }).length).toBe(5);

    await applyPolicyToSnapshots(db, 'example.co.jp', { tenant: 'example.co.jp', internalDomains: ['example.co.jp', 'partner.example'], includeSubdomains: true, registrableMatch: false }, partnerIsInternal);
    await watched.reached(2);
    expect(watched.seen).toEqual([0, 1]);
    const after = await buildMemberSearchIndex(db, 's1');
    const external = await selectionPage(db, 's1', after.select({ classification: 'external' }), 0, 100);
    expect(names(external)).toEqual(['Kato Shiro', 'ｶﾀｶﾅ Kana']);
    expect(external).toEqual(await queryMembers(db, 's1', { filter: { classification: 'external' } }));
    expect(after.select({ findingId: 'external-domain' }).length).toBe(1);
  });

  it('hears a write to any one member, not only the first', async () => {
    const db = await seeded();
    withGlobalIndexedDb(db);
    const watched = versions(db, 's1');
    await watched.reached(1);
    const last = (await db.members.get(['s1', people.length - 1]))!;
    await db.members.put({ ...last, classification: 'internal' });
    await watched.reached(2);
    expect((await buildMemberSearchIndex(db, 's1')).select({ classification: 'internal' })).toContain(people.length - 1);
  });

  it('reports a new save under the same id and a delete, but not writes to another snapshot', async () => {
    const db = await seeded();
    withGlobalIndexedDb(db);
    const watched = versions(db, 's1');
    const watchedOther = versions(db, 's0');
    await Promise.all([watched.reached(1), watchedOther.reached(1)]);
    const other = makeRoster({ id: 's0' }, 5);
    await saveSnapshot(db, other.snapshot, other.members);
    // Both watchers hear of the same write; by the time s0's reports it, s1's would have too.
    await watchedOther.reached(2);
    expect(watched.seen).toEqual([0]);
    const smaller = makeRoster({ id: 's1' }, people.slice(0, 2));
    await saveSnapshot(db, smaller.snapshot, smaller.members);
    await watched.reached(2);
    expect((await buildMemberSearchIndex(db, 's1')).size).toBe(2);
    await deleteSnapshot(db, 's1');
    await watched.reached(3);
    expect(watched.seen).toEqual([0, 1, 2]);
    expect((await buildMemberSearchIndex(db, 's1')).size).toBe(0);
  });
});
