import type { FindingCheck, FindingSubject } from './rule';

/** A member's account state as the status column words it; `undefined` for an active or unrecognised status. */
export type AccountState = 'not-activated' | 'suspended';

// Matched as substrings of the NFKC-folded, lowercased status, so `招待中(再送済み)` or `Pending invitation` count too.
const STATUS_TERMS: ReadonlyArray<readonly [AccountState, readonly string[]]> = [
  ['suspended', ['一時停止', '停止中', '利用停止', '休止', 'suspended', 'deactivated', 'disabled']],
  ['not-activated', ['登録待ち', '招待中', '初回ログイン前', '未登録', '未ログイン', 'pending', 'invited', 'not activated']],
];

// A roster uses a handful of status words; the cap only bounds memory on hostile input.
const CACHE_LIMIT = 1000;
const stateByStatus = new Map<string, AccountState | undefined>();

export function accountState(status: string): AccountState | undefined {
  if (stateByStatus.has(status)) return stateByStatus.get(status);
  const text = status.normalize('NFKC').trim().toLowerCase();
  const state = text === '' ? undefined : STATUS_TERMS.find(([, terms]) => terms.some((term) => text.includes(term)))?.[0];
  if (stateByStatus.size >= CACHE_LIMIT) stateByStatus.clear();
  stateByStatus.set(status, state);
  return state;
}

/** The check shared by the `not-activated` and `suspended` rules. */
export function hasAccountState(state: AccountState) {
  return (member: FindingSubject): FindingCheck => {
    const status = member.fields.status;
    return status !== undefined && accountState(status) === state && { detail: status.trim() };
  };
}
