import { describe, expect, it } from 'vitest';
import { memberHistory, type MemberSighting } from '../../lib/member-history';
import { changeText } from '../../lib/compare-changes';
import { makeMember, type MemberOverrides } from './db/factory';

const KEY = 'taro@example.co.jp';
/** Audit i at time i: the member as overridden, or absent (`null`); `incomplete` audits may not have read them. */
const audit = (i: number, member: MemberOverrides | null, complete = true): MemberSighting => ({
  snapshot: { id: `s${i}`, startedAt: i, complete },
  member: member ? makeMember(`s${i}`, 0, { normalizedEmail: KEY, key: KEY, ...member }) : undefined,
});

describe('memberHistory', () => {
  it('says when the member was first seen, left, came back and what changed, oldest first', () => {
    const events = memberHistory([
      audit(5, { name: 'Taro Y' }),
      audit(1, { name: 'Taro' }),
      audit(2, { name: 'Taro', fields: { status: '使用中' } }),
      audit(3, null),
      audit(4, { name: 'Taro' }),
    ]);
    expect(events.map((event) => [event.kind, event.snapshotId, event.fields])).toEqual([
      ['first-seen', 's1', []],
      ['changed', 's2', ['status']],
      ['left', 's3', []],
      ['returned', 's4', ['status']],
      ['changed', 's5', ['name']],
    ]);
    // The comparison's own words for what changed.
    expect(changeText(events[4]!, 'en')).toBe('name: Taro → Taro Y');
    expect(changeText(events[3]!, 'ja')).toBe('状態: 使用中 → —');
  });

  it('says "joined" when an earlier complete audit lacked them', () => {
    expect(memberHistory([audit(1, null), audit(2, {})]).map((event) => event.kind)).toEqual(['joined']);
  });

  it('reads nothing into an incomplete audit that lacks them: neither left nor joined', () => {
    expect(memberHistory([audit(1, null, false), audit(2, {}), audit(3, null, false), audit(4, {})]).map((event) => event.kind)).toEqual(['first-seen']);
  });

  it('has nothing to say of a member in no audit', () => {
    expect(memberHistory([audit(1, null)])).toEqual([]);
  });
});
