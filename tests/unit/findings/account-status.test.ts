import { describe, expect, it } from 'vitest';
import { accountState } from '../../../lib/findings/account-status';

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
    ['使用中', undefined],
    ['利用中', undefined],
    ['Active', undefined],
    ['', undefined],
  ] as const)('%s → %s', (status, state) => {
    expect(accountState(status)).toBe(state);
  });
});
