import type { FindingCheck, FindingSubject } from './rule';

/**
 * A member's account state as the status column words it; `undefined` for wording no source
 * names, which is kept and shown as read, never guessed. Two states have findings (`not-activated`,
 * `suspended`); the others get a neutral label.
 */
export type AccountState = 'active' | 'not-activated' | 'suspended' | 'awaiting' | 'on-leave' | 'deleted';

/**
 * LINE WORKS (admin guide and API): new members are 登録待ち and become 使用中; a member may be
 * 一時停止 (by an admin, or after failed logins), 待機中 (awaiting the 利用開始日), 休職中 (leave of
 * absence) or deleted. Chatwork's 初回ログイン前 / 未登録 and the usual English words come beside them;
 * 利用停止 and 削除予定, which no source shows, are kept as tolerated variants.
 */
// Matched as substrings of the NFKC-folded, lowercased status, so `招待中(再送済み)` or `Pending invitation` count too.
const STATUS_TERMS: ReadonlyArray<readonly [AccountState, readonly string[]]> = [
  ['deleted', ['削除', 'deleted']],
  ['suspended', ['一時停止', '停止中', '利用停止', '休止', 'suspended', 'deactivated', 'disabled']],
  ['not-activated', ['登録待ち', '招待中', '初回ログイン前', '未登録', '未ログイン', 'pending', 'invited', 'not activated']],
  ['awaiting', ['待機中', '利用開始待ち', 'awaiting']],
  ['on-leave', ['休職中', '休職', 'leave of absence', 'on leave']],
];
// Whole words only: `active` is inside `deactivated` and `not activated`.
const ACTIVE_TERMS = new Set(['使用中', '利用中', '有効', 'active', 'in use']);

// A roster uses a handful of status words; the cap only bounds memory on hostile input.
const CACHE_LIMIT = 1000;
const stateByStatus = new Map<string, AccountState | undefined>();

export function accountState(status: string): AccountState | undefined {
  if (stateByStatus.has(status)) return stateByStatus.get(status);
  const text = status.normalize('NFKC').trim().toLowerCase();
  const state = text === '' ? undefined : ACTIVE_TERMS.has(text) ? 'active' : STATUS_TERMS.find(([, terms]) => terms.some((term) => text.includes(term)))?.[0];
  if (stateByStatus.size >= CACHE_LIMIT) stateByStatus.clear();
  stateByStatus.set(status, state);
  return state;
}

/** The check shared by the `not-activated` and `suspended` rules. */
export function hasAccountState(state: Extract<AccountState, 'not-activated' | 'suspended'>) {
  return (member: FindingSubject): FindingCheck => {
    const status = member.fields.status;
    return status !== undefined && accountState(status) === state && { detail: status.trim() };
  };
}
