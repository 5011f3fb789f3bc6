import type { AccountState } from '@/lib/findings/account-status';
import type { Localized } from '@/lib/i18n';
import type { ConsoleId, Severity } from '@/lib/model';

export const CONSOLE_LABEL: Record<ConsoleId, Localized> = {
  'lineworks-members': { ja: 'LINE WORKS メンバー', en: 'LINE WORKS members' },
  'lineworks-contacts': { ja: 'LINE WORKS 顧客/取引先', en: 'LINE WORKS contacts' },
  'chatwork-users': { ja: 'Chatwork ユーザー', en: 'Chatwork users' },
  'receptionist-employees': { ja: 'RECEPTIONIST 従業員', en: 'RECEPTIONIST employees' },
  'immedio-users': { ja: 'immedio ユーザー', en: 'immedio users' },
  generic: { ja: '汎用ページ', en: 'Generic page' },
  'csv-import': { ja: 'CSV 読み込み', en: 'CSV import' },
};

// The words of a member's classification and link status are in lib/labels.ts: the audit report writes them too.
export { CLASSIFICATION_LABEL, LINK_STATUS_LABEL } from '@/lib/labels';

export const SEVERITY_LABEL: Record<Severity, Localized> = {
  critical: { ja: '重大', en: 'Critical' },
  warning: { ja: '注意', en: 'Warning' },
  info: { ja: '情報', en: 'Info' },
};

export const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** Every account state a source names; the two with findings say so in the findings too. */
export const ACCOUNT_STATE_LABEL: Record<AccountState, Localized> = {
  active: { ja: '利用中', en: 'Active' },
  'not-activated': { ja: '利用開始前 (登録待ち・招待中)', en: 'Not activated yet (pending, invited)' },
  suspended: { ja: '一時停止中', en: 'Suspended' },
  awaiting: { ja: '利用開始日を待機中', en: 'Awaiting its start date' },
  'on-leave': { ja: '休職中', en: 'On leave of absence' },
  deleted: { ja: '削除済み', en: 'Deleted' },
};
