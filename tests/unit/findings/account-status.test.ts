import { describe, expect, it } from 'vitest';
import { accountState } from '../../../lib/findings/account-status';
import { evaluateFindings } from '../../../lib/findings';
import { memberOf } from '../../fixtures/csv/roster';

describe('accountState', () => {
  it.each([
    ['登録待ち', 'not-activated'],
    ['招待中', 'not-activated'],
    ['初回ログイン前', 'not-activated'],
    ['未登録', 'not-activated'],
    ['未ログイン', 'not-activated'],
    ['Pending invitation', 'not-activated'],
    ['INVITED', 'not-activated'],
    ['招待中(再送済み)', 'not-activated'],
    ['一時停止', 'suspended'],
    ['停止中', 'suspended'],
    ['利用停止', 'suspended'],
    ['休止', 'suspended'],
    ['Suspended', 'suspended'],
    ['使用中', 'active'],
    ['利用中', 'active'],
    ['Active', 'active'],
    ['Deactivated', 'suspended'],
    ['Not activated', 'not-activated'],
    ['待機中', 'awaiting'],
    ['休職中', 'on-leave'],
    ['削除', 'deleted'],
    ['削除済み', 'deleted'],
    ['削除予定', 'deleted'],
    ['Deleted', 'deleted'],
    ['保留', undefined],
    ['', undefined],
  ] as const)('%s → %s', (status, state) => {
    expect(accountState(status)).toBe(state);
  });
});

describe('LINE WORKS member states (admin guide and API)', () => {
  it.each([
    ['登録待ち', ['not-activated']],
    ['使用中', []],
    ['一時停止', ['suspended']],
    ['待機中', []],
    ['休職中', []],
    ['削除', []],
    ['利用停止', ['suspended']],
    ['見たことのない状態', []],
  ] as const)('%s gives the findings %j', (status, findings) => {
    const member = { ...memberOf('山田 太郎', 'taro@examplecorp'), fields: { status } };
    const [found] = evaluateFindings([member], { console: 'lineworks-members' });
    expect(found!.map((finding) => finding.id).filter((id) => id === 'not-activated' || id === 'suspended')).toEqual(findings);
  });
});
