import { describe, expect, it } from 'vitest';
import { memberColumnRuns, RosterQueryEngine, type IndexWindow, type MemberFilter, type MemberSort } from '../../../lib/roster-query';
import { PEOPLE, peopleRoster } from './people';

const { members } = peopleRoster();

function engineOf(runSize = PEOPLE.length): RosterQueryEngine {
  const engine = new RosterQueryEngine('s1');
  for (const run of memberColumnRuns('s1', members, runSize)) engine.add(run);
  return engine;
}

const names = (window: IndexWindow) => window.indexes.map((index) => members.find((member) => member.index === index)!.name);

describe('roster query engine', () => {
  it('gives windows of the roster in roster order, with the total', () => {
    const engine = engineOf();
    const window = engine.window({ offset: 2, limit: 2 });
    expect([window.total, ...names(window)]).toEqual([9, 'Ito Jiro', 'Abe Saburo']);
    expect(names(engine.window({ sort: { field: 'index', direction: 'desc' }, limit: 2 }))).toEqual(['ｶﾀｶﾅ Kana', 'Same Name']);
    expect(engine.window({ offset: 20, limit: 2 })).toEqual({ indexes: [], total: 9 });
  });

  it('filters by each field', () => {
    const engine = engineOf();
    const filtered = (filter: MemberFilter) => {
      const window = engine.window({ filter });
      return [window.total, ...names(window)];
    };
    expect(filtered({ classification: 'external' })).toEqual([5, 'Suzuki Hanako', 'Ito Jiro', 'Kato Shiro', 'Same Name', 'ｶﾀｶﾅ Kana']);
    expect(filtered({ classification: 'unknown' })).toEqual([1, '名無し']);
    expect(filtered({ linkStatus: 'shared-only' })).toEqual([2, 'Suzuki Hanako', 'Kato Shiro']);
    expect(filtered({ findingId: 'not-activated' })).toEqual([1, 'Abe Saburo']);
    expect(filtered({ findingId: 'suspended' })).toEqual([0]);
    expect(filtered({ domain: 'partner.example' })).toEqual([3, 'Suzuki Hanako', 'Ito Jiro', 'Same Name']);
    expect(filtered({ domain: '' })).toEqual([1, '名無し']);
    expect(filtered({ domain: 'absent.example' })).toEqual([0]);
    expect(filtered({ text: 'ＳＨＩＲＯ' })).toEqual([1, 'Kato Shiro']);
    expect(filtered({ text: '@partner' })[0]).toBe(3);
    expect(filtered({ text: '   ' })[0]).toBe(9);
  });

  it('finds the members a person would expect', () => {
    const engine = engineOf();
    expect(names(engine.window({ filter: { text: 'ｶﾀｶﾅ' } }))).toEqual(['ｶﾀｶﾅ Kana']);
    expect(names(engine.window({ filter: { text: 'カタカナ' } }))).toEqual(['ｶﾀｶﾅ Kana']);
    expect(names(engine.window({ filter: { text: 'ドメイン' } }))).toEqual(['ｶﾀｶﾅ Kana']);
    expect(names(engine.window({ filter: { text: 'ＳＡＭＥ' } }))).toEqual(['Same Name', 'Same Name']);
    expect(names(engine.window({ filter: { text: 'same2@example' } }))).toEqual(['Same Name']);
    // Fields are matched one by one: the end of a name and the start of an identifier do not join up.
    expect(engine.window({ filter: { text: 'tarotaro' } }).total).toBe(0);
  });

  it('combines filters, sorts and windows while counting every match', () => {
    const engine = engineOf();
    const window = engine.window({
      filter: { classification: 'external', findingId: 'external-domain' },
      sort: { field: 'name', direction: 'asc' },
      offset: 1,
      limit: 1,
    });
    expect([window.total, ...names(window)]).toEqual([4, 'Kato Shiro']);
    expect(names(engine.window({ filter: { linkStatus: 'shared-only', text: 'o' }, sort: { field: 'domain', direction: 'desc' } }))).toEqual([
      'Suzuki Hanako',
      'Kato Shiro',
    ]);
    expect(names(engine.window({ filter: { classification: 'internal', domain: 'example.co.jp', linkStatus: 'unknown' } }))).toEqual([
      'Yamada Taro',
      'Abe Saburo',
      'Same Name',
    ]);
  });

  it('sorts by each sortable field, equal values in roster order both ways', () => {
    const engine = engineOf();
    const sorted = (sort: MemberSort) => names(engine.window({ sort }));
    // UTF-16 code units, as IndexedDB compares keys: 名 (U+540D) before half-width ｶ (U+FF76).
    expect(sorted({ field: 'name', direction: 'asc' })).toEqual([
      'Abe Saburo',
      'Ito Jiro',
      'Kato Shiro',
      'Same Name',
      'Same Name',
      'Suzuki Hanako',
      'Yamada Taro',
      '名無し',
      'ｶﾀｶﾅ Kana',
    ]);
    expect(sorted({ field: 'name', direction: 'desc' }).slice(0, 3)).toEqual(['ｶﾀｶﾅ Kana', '名無し', 'Yamada Taro']);
    expect(sorted({ field: 'key', direction: 'asc' })).toEqual([
      'Suzuki Hanako',
      'Ito Jiro',
      'ｶﾀｶﾅ Kana',
      '名無し',
      'Abe Saburo',
      'Same Name',
      'Same Name',
      'Kato Shiro',
      'Yamada Taro',
    ]);
    expect(sorted({ field: 'domain', direction: 'asc' })).toEqual([
      '名無し',
      'Yamada Taro',
      'Abe Saburo',
      'Same Name',
      'Kato Shiro',
      'Suzuki Hanako',
      'Ito Jiro',
      'Same Name',
      'ｶﾀｶﾅ Kana',
    ]);
    expect(sorted({ field: 'classification', direction: 'asc' })).toEqual([
      'Suzuki Hanako',
      'Ito Jiro',
      'Kato Shiro',
      'Same Name',
      'ｶﾀｶﾅ Kana',
      'Yamada Taro',
      'Abe Saburo',
      'Same Name',
      '名無し',
    ]);
    // Descending is the ascending order reversed: the later of two equals comes first.
    const sameDesc = engine.window({ filter: { text: 'same' }, sort: { field: 'name', direction: 'desc' } });
    expect(sameDesc.indexes).toEqual([7, 6]);
  });

  it('narrows a search as it is typed on, and widens it again, as a fresh engine answers', () => {
    const typed = engineOf();
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
      const query = { filter, ...(sort ? { sort } : {}) };
      expect({ filter, sort, window: typed.window(query) }).toEqual({ filter, sort, window: engineOf().window(query) });
    }
    expect(names(typed.window({ filter: { text: 'sa' } }))).toEqual(['Abe Saburo', 'Same Name', 'Same Name']);
  });

  it('answers the same whether the members came in one run or many, and after more are added', () => {
    const whole = engineOf();
    for (const runSize of [1, 2, 4]) {
      const chunked = engineOf(runSize);
      expect(chunked.window({ limit: 100 })).toEqual(whole.window({ limit: 100 }));
      expect(chunked.window({ filter: { text: 'e' }, sort: { field: 'name', direction: 'asc' } })).toEqual(
        whole.window({ filter: { text: 'e' }, sort: { field: 'name', direction: 'asc' } }),
      );
      expect(chunked.counts()).toEqual(whole.counts());
    }
    // A sort asked for before the rest arrived is not kept stale.
    const [first, ...rest] = memberColumnRuns('s1', members, 3);
    const growing = new RosterQueryEngine('s1');
    growing.add(first!);
    expect(growing.window({ sort: { field: 'name', direction: 'asc' } }).total).toBe(3);
    for (const run of rest) growing.add(run);
    expect(growing.window({ sort: { field: 'name', direction: 'asc' } })).toEqual(whole.window({ sort: { field: 'name', direction: 'asc' } }));
    // A run out of roster order would put members in the wrong places.
    expect(() => growing.add(first!)).toThrow(/position 0/);
  });

  it('reads runs written by code that knew other finding ids, ignoring the ones it does not know', () => {
    const [run] = memberColumnRuns('s1', members);
    const words = run!.words.map((word) => (word === 'zoom-unset' ? 'retired-finding' : word));
    const engine = new RosterQueryEngine('s1');
    engine.add({ ...run!, words });
    expect(engine.counts().findings).toEqual({ 'external-domain': 4, 'contact-shared-only': 2, 'not-activated': 1, 'not-in-directory': 1 });
    expect(engine.window({ filter: { text: 'same1' } }).total).toBe(1);
  });

  it('counts members by domain, finding and classification', () => {
    expect(engineOf().counts()).toEqual({
      domains: [
        { domain: 'example.co.jp', domainDisplay: 'example.co.jp', total: 3, internal: 3, external: 0, unknown: 0 },
        { domain: 'partner.example', domainDisplay: 'partner.example', total: 3, internal: 0, external: 3, unknown: 0 },
        { domain: '', domainDisplay: '', total: 1, internal: 0, external: 0, unknown: 1 },
        { domain: 'other.example', domainDisplay: 'other.example', total: 1, internal: 0, external: 1, unknown: 0 },
        { domain: 'xn--eckwd4c7c.jp', domainDisplay: 'ドメイン.jp', total: 1, internal: 0, external: 1, unknown: 0 },
      ],
      findings: { 'external-domain': 4, 'contact-shared-only': 2, 'not-activated': 1, 'zoom-unset': 1, 'not-in-directory': 1 },
      classifications: { internal: 3, external: 5, unknown: 1 },
    });
    expect(new RosterQueryEngine('empty').counts()).toEqual({ domains: [], findings: {}, classifications: { internal: 0, external: 0, unknown: 0 } });
  });
});
