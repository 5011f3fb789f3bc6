import type { Localized } from './i18n';
import type { AccountState } from './findings/account-status';
import type { Classification, ConsoleId, LinkStatus, Severity } from './model';

/**
 * Words for the codes of the model, shared by the popup, the dashboard and the files written for
 * people (the audit report's labelled columns, the comparison's CSV).
 */

/** A console in words, as the popup and the dashboard name it. */
export const CONSOLE_LABEL: Record<ConsoleId, Localized> = {
  'lineworks-members': { ja: 'LINE WORKS メンバー', en: 'LINE WORKS members' },
  'lineworks-contacts': { ja: 'LINE WORKS 顧客/取引先', en: 'LINE WORKS contacts' },
  'chatwork-users': { ja: 'Chatwork ユーザー', en: 'Chatwork users' },
  'receptionist-employees': { ja: 'RECEPTIONIST 従業員', en: 'RECEPTIONIST employees' },
  'immedio-users': { ja: 'immedio ユーザー', en: 'immedio users' },
  generic: { ja: '汎用ページ', en: 'Generic page' },
  'csv-import': { ja: 'CSV 読み込み', en: 'CSV import' },
};

/** A member's classification in words. */
export const CLASSIFICATION_LABEL: Record<Classification, Localized> = {
  internal: { ja: '社内', en: 'Internal' },
  external: { ja: '社外', en: 'External' },
  unknown: { ja: '不明', en: 'Unknown' },
};

/** A contact's link status in words. */
export const LINK_STATUS_LABEL: Record<LinkStatus, Localized> = {
  linked: { ja: '外部連携済み', en: 'Linked' },
  'shared-only': { ja: '連絡先共有のみ', en: 'Shared only' },
  unknown: { ja: '未確認', en: 'Not checked' },
};

export const SEVERITY_LABEL: Record<Severity, Localized> = {
  critical: { ja: '重大', en: 'Critical' },
  warning: { ja: '注意', en: 'Warning' },
  info: { ja: '情報', en: 'Info' },
};

/** Every account state a source names; the two with findings say so in the findings too. */
export const ACCOUNT_STATE_LABEL: Record<AccountState, Localized> = {
  active: { ja: '利用中', en: 'Active' },
  'not-activated': { ja: '利用開始前 (登録待ち・招待中)', en: 'Not activated yet (pending, invited)' },
  suspended: { ja: '一時停止中', en: 'Suspended' },
  awaiting: { ja: '利用開始日を待機中', en: 'Awaiting its start date' },
  'on-leave': { ja: '休職中', en: 'On leave of absence' },
  deleted: { ja: '削除済み', en: 'Deleted' },
};
