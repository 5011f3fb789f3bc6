import Dexie, { liveQuery } from 'dexie';
import { describe, expect, it, onTestFinished } from 'vitest';
import { countsByDomain, findingCounts, queryMembers, queryWalksRoster } from '../../../lib/db/query';
import { saveSnapshot } from '../../../lib/db/snapshots';
import { freshDb } from './fake-db';
import { makeRoster, type MemberOverrides } from './factory';

const people: MemberOverrides[] = [
  { name: 'Yamada Taro', normalizedEmail: 'taro@example.co.jp' },
  { name: 'Suzuki Hanako', normalizedEmail: 'hanako@partner.example', linkStatus: 'shared-only', findingIds: ['external-domain', 'contact-shared-only'] },
  { name: 'Ito Jiro', normalizedEmail: 'jiro@partner.example', linkStatus: 'linked', findingIds: ['external-domain'] },
  { name: 'Abe Saburo', normalizedEmail: 'saburo@example.co.jp', findingIds: ['not-activated'] },
  { name: '名無し', normalizedEmail: '', key: 'name:名無し', domain: '', identifier: '' },
  { name: 'Kato Shiro', normalizedEmail: 'shiro@other.example', linkStatus: 'shared-only', findingIds: ['external-domain', 'contact-shared-only'] },
];

async function seeded() {
  const db = freshDb();
  const roster = makeRoster({ id: 's1' }, people);
  const neighbour = makeRoster({ id: 's0' }, 3);
  await saveSnapshot(db, neighbour.snapshot, neighbour.members);
  await saveSnapshot(db, roster.snapshot, roster.members);
  return db;
}

const names = (page: { rows: { name: string }[] }) => page.rows.map((r) => r.name);

describe('queryMembers', () => {
  it('pages a snapshot in roster order with the total', async () => {
    const db = await seeded();
    const page = await queryMembers(db, 's1', { offset: 2, limit: 2 });
    expect(page.total).toBe(6);
    expect(names(page)).toEqual(['Ito Jiro', 'Abe Saburo']);
    const reversed = await queryMembers(db, 's1', { sort: { field: 'index', direction: 'desc' }, limit: 2 });
    expect(names(reversed)).toEqual(['Kato Shiro', '名無し']);
  });

  it('filters by each field', async () => {
    const db = await seeded();
    const external = await queryMembers(db, 's1', { filter: { classification: 'external' } });
    expect([external.total, ...names(external)]).toEqual([3, 'Suzuki Hanako', 'Ito Jiro', 'Kato Shiro']);
    const unknown = await queryMembers(db, 's1', { filter: { classification: 'unknown' } });
    expect(names(unknown)).toEqual(['名無し']);
    const shared = await queryMembers(db, 's1', { filter: { linkStatus: 'shared-only' } });
    expect([shared.total, ...names(shared)]).toEqual([2, 'Suzuki Hanako', 'Kato Shiro']);
    const notActivated = await queryMembers(db, 's1', { filter: { findingId: 'not-activated' } });
    expect([notActivated.total, ...names(notActivated)]).toEqual([1, 'Abe Saburo']);
    const partner = await queryMembers(db, 's1', { filter: { domain: 'partner.example' } });
    expect([partner.total, ...names(partner)]).toEqual([2, 'Suzuki Hanako', 'Ito Jiro']);
    const text = await queryMembers(db, 's1', { filter: { text: 'ＳＨＩＲＯ' } });
    expect([text.total, ...names(text)]).toEqual([1, 'Kato Shiro']);
    const byEmail = await queryMembers(db, 's1', { filter: { text: '@partner' } });
    expect(byEmail.total).toBe(2);
  });

  it('combines filters, sorts and pages while counting every match', async () => {
    const db = await seeded();
    const page = await queryMembers(db, 's1', {
      filter: { classification: 'external', findingId: 'external-domain' },
      sort: { field: 'name', direction: 'asc' },
      offset: 1,
      limit: 1,
    });
    expect(page).toMatchObject({ total: 3 });
    expect(names(page)).toEqual(['Kato Shiro']);
    const sharedByDomainDesc = await queryMembers(db, 's1', {
      filter: { linkStatus: 'shared-only', text: 'o' },
      sort: { field: 'domain', direction: 'desc' },
    });
    expect(names(sharedByDomainDesc)).toEqual(['Suzuki Hanako', 'Kato Shiro']);
  });

  it('sorts by each sortable field', async () => {
    const db = await seeded();
    const sorted = async (field: 'name' | 'key' | 'domain' | 'classification') =>
      names(await queryMembers(db, 's1', { sort: { field, direction: 'asc' } }));
    expect(await sorted('name')).toEqual(['Abe Saburo', 'Ito Jiro', 'Kato Shiro', 'Suzuki Hanako', 'Yamada Taro', '名無し']);
    expect(await sorted('key')).toEqual(['Suzuki Hanako', 'Ito Jiro', '名無し', 'Abe Saburo', 'Kato Shiro', 'Yamada Taro']);
    expect(await sorted('domain')).toEqual(['名無し', 'Yamada Taro', 'Abe Saburo', 'Kato Shiro', 'Suzuki Hanako', 'Ito Jiro']);
    expect(await sorted('classification')).toEqual(['Suzuki Hanako', 'Ito Jiro', 'Kato Shiro', 'Yamada Taro', 'Abe Saburo', '名無し']);
    const descByName = await queryMembers(db, 's1', { sort: { field: 'name', direction: 'desc' }, limit: 2 });
    expect(names(descByName)).toEqual(['名無し', 'Yamada Taro']);
  });

  it('takes a known total instead of counting, only where it would count an index range', async () => {
    const db = await seeded();
    const page = await queryMembers(db, 's1', { limit: 2, knownTotal: 6 });
    expect([page.total, ...names(page)]).toEqual([6, 'Yamada Taro', 'Suzuki Hanako']);
    // A filter checked row by row is counted as it is walked; a stale hint cannot leak into it.
    expect((await queryMembers(db, 's1', { filter: { linkStatus: 'shared-only' }, knownTotal: 6 })).total).toBe(2);
  });

  it('says which queries must walk the whole roster', () => {
    expect(queryWalksRoster({}, 'name')).toBe(false);
    expect(queryWalksRoster({ classification: 'external' }, 'index')).toBe(false);
    expect(queryWalksRoster({ classification: 'external' }, 'classification')).toBe(false);
    expect(queryWalksRoster({ domain: 'partner.example' }, 'domain')).toBe(false);
    expect(queryWalksRoster({ classification: 'external' }, 'name')).toBe(true);
    expect(queryWalksRoster({ classification: 'external', domain: 'partner.example' }, 'index')).toBe(true);
    expect(queryWalksRoster({ text: 'taro' }, 'index')).toBe(true);
    expect(queryWalksRoster({ linkStatus: 'linked' }, 'index')).toBe(true);
    expect(queryWalksRoster({ findingId: 'external-domain' }, 'index')).toBe(true);
  });

  it('returns nothing for an unknown snapshot', async () => {
    const db = await seeded();
    expect(await queryMembers(db, 'nope', { filter: { text: 'a' } })).toEqual({ rows: [], total: 0 });
  });
});

describe('counts', () => {
  it('counts members by domain and classification', async () => {
    const db = await seeded();
    expect(await countsByDomain(db, 's1')).toEqual([
      { domain: 'example.co.jp', domainDisplay: 'example.co.jp', total: 2, internal: 2, external: 0, unknown: 0 },
      { domain: 'partner.example', domainDisplay: 'partner.example', total: 2, internal: 0, external: 2, unknown: 0 },
      { domain: '', domainDisplay: '', total: 1, internal: 0, external: 0, unknown: 1 },
      { domain: 'other.example', domainDisplay: 'other.example', total: 1, internal: 0, external: 1, unknown: 0 },
    ]);
  });

  it('counts members per finding', async () => {
    const db = await seeded();
    expect(await findingCounts(db, 's1')).toEqual({ 'external-domain': 3, 'contact-shared-only': 2, 'not-activated': 1 });
  });
});

describe('reactivity', () => {
  it('re-runs under liveQuery when the snapshot’s members change', async () => {
    // liveQuery stays silent where the environment has no global IndexedDB (Node); a browser page has one.
    const globalDeps = Dexie.dependencies as { indexedDB: IDBFactory | null };
    const before = globalDeps.indexedDB;
    onTestFinished(() => {
      globalDeps.indexedDB = before;
    });
    const db = await seeded();
    globalDeps.indexedDB = db._options.indexedDB as IDBFactory;
    const totals: number[] = [];
    let seen: () => void = () => {};
    const subscription = liveQuery(() => queryMembers(db, 's1', { filter: { text: 'example' }, limit: 1 })).subscribe({
      next: (page) => {
        totals.push(page.total);
        seen();
      },
    });
    const next = () => new Promise<void>((resolve) => (seen = resolve));
    await next();
    const grown = makeRoster({ id: 's1' }, [...people, { name: 'Newcomer', normalizedEmail: 'new@example.co.jp' }]);
    const changed = next();
    await saveSnapshot(db, grown.snapshot, grown.members);
    await changed;
    subscription.unsubscribe();
    expect(totals).toEqual([5, 6]);
  });
});
