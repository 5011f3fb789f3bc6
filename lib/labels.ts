import type { Localized } from './i18n';
import type { AccountState } from './findings/account-status';
import type { IncompleteReasonCode } from './completeness';
import type { AuditErrorCode } from './messages';
import type { MemberContactRelation } from './db/joins';
import type { Classification, ConsoleId, FieldKey, LinkStatus, Severity } from './model';

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

/** Why an audit stopped short, in words: `{rows}` and `{minutes}` are the audit's bounds. */
export const INCOMPLETE_REASON_TEXT: Record<IncompleteReasonCode, Localized> = {
  cancelled: { ja: '中止しました。', en: 'Cancelled.' },
  'page-gone': { ja: '読み取り中に画面が切り替わったか、閉じられました。', en: 'The page changed or was closed while it was being read.' },
  'page-load-failed': { ja: '次のページを読み込めませんでした。', en: 'The next page could not be loaded.' },
  'roster-lost': { ja: '次のページに同じ名簿が見つかりません。', en: 'The next page does not show the same roster.' },
  'needs-click': {
    ja: '次のページへ進むにはボタン操作が必要ですが、読み込んだページでは操作できません。',
    en: 'The next page needs a click, which a loaded page cannot take.',
  },
  'scroll-stalled': { ja: 'スクロールしても残りの行が表示されませんでした。', en: 'Scrolling did not bring the remaining rows.' },
  'scroll-moved-back': { ja: 'スクロールするたびに画面が一覧を元の位置に戻しました。', en: 'The page kept moving the list back while it was being scrolled.' },
  'page-limit': { ja: 'ページ数の上限に達しました。', en: 'Stopped at the page limit.' },
  'page-error': {
    ja: '一覧にエラーが表示されました（「{message}」）。ページを再読み込みしてから、もう一度監査してください。',
    en: 'The list shows an error ("{message}"). Reload the page and audit again.',
  },
  'short-of-total': { ja: '画面に表示された件数より少ない人数しか読み取れませんでした。', en: 'The page states more members than could be read.' },
  'end-not-reached': { ja: '一覧の最後まで読み取れませんでした。', en: 'The end of the list was not reached.' },
  failed: { ja: '画面の読み取りに失敗しました。', en: 'Reading the page failed.' },
  'nothing-read': { ja: '一覧は見つかりましたが、メンバーを一人も読み取れませんでした。', en: 'A list was found, but no member could be read from it.' },
  'worker-stopped': {
    ja: '監査が終わる前に、ブラウザーが拡張機能のバックグラウンド処理を停止しました。',
    en: "The extension's background was stopped by the browser before the audit ended.",
  },
  'row-limit': { ja: '1回の監査の上限（{rows} 人）に達したため止めました。', en: 'Stopped at the bound of {rows} members per audit.' },
  'time-limit': {
    ja: '1回の監査の時間の上限（設定で変更できます。既定は {minutes} 分）に達したため止めました。',
    en: 'Stopped at the time bound of one audit (set in Settings; {minutes} minutes unless changed).',
  },
};

/**
 * Why the popup's audit failed, in words. No placeholder: the cache's problem behind `storage` is
 * said after it in its own words, and the browser's or the page reader's detail goes under "details".
 */
export const AUDIT_ERROR_TEXT: Record<AuditErrorCode, Localized> = {
  'not-allowed': {
    ja: 'このページは監査できません (ブラウザーの内部ページと拡張機能ストアは対象外です)。',
    en: 'This page cannot be audited (browser pages and the extension store are off limits).',
  },
  'no-roster': {
    ja: 'このページに名簿が見つかりません。名前とアドレスを含む表・グリッド・人物の一覧を探しました。',
    en: 'No roster found on this page. Looked for tables, grids and lists of people with names and addresses.',
  },
  'tab-gone': { ja: '読み取り前にタブが閉じられたか、別のページに移動しました。', en: 'The tab was closed or navigated away before anything was read.' },
  failed: {
    ja: '監査中に予期しないエラーが起きたため、監査を中止しました。何も保存していません (以前の監査結果はそのままです)。もう一度監査してください。',
    en: 'The audit stopped on an unexpected error. Nothing was saved, and earlier audits are as they were. Try the audit again.',
  },
  storage: { ja: '監査結果を保存できませんでした。', en: 'The audit could not be saved.' },
  'out-of-order': {
    ja: 'ページの読み取りが、どの一覧を読むかを伝える前に終わったため、何も保存していません。もう一度監査してください。',
    en: "The page's reader ended before it said which list it read, so nothing was saved. Try the audit again.",
  },
  'no-answer': {
    ja: 'ページが応答しなかったため、監査できませんでした。何も保存していません。ページを再読み込みしてから、もう一度監査してください。',
    en: 'The page did not answer, so nothing was audited or saved. Reload the page and try the audit again.',
  },
  'not-a-roster': {
    ja: 'ページから名簿として読めないデータが届いたため、監査を中止しました。何も保存していません。',
    en: 'The page sent data that cannot be read as a roster, so the audit stopped. Nothing was saved.',
  },
};

/** A member's console-specific field, named as the admin reads it. */
export const FIELD_LABEL: Record<FieldKey, Localized> = {
  organisation: { ja: '組織', en: 'Organisation' },
  position: { ja: '役職', en: 'Position' },
  status: { ja: '状態', en: 'Status' },
  role: { ja: '権限', en: 'Role' },
  employeeNumber: { ja: '社員番号', en: 'Employee number' },
  phone: { ja: '電話番号', en: 'Phone' },
  chatworkAccountId: { ja: 'Chatwork アカウントID (識別ID)', en: 'Chatwork account ID' },
  chatworkId: { ja: 'Chatwork ID', en: 'Chatwork ID' },
  slackMemberId: { ja: 'Slack メンバーID', en: 'Slack member ID' },
  calendarLinked: { ja: 'カレンダー連携', en: 'Calendar linked' },
  calendarAddress: { ja: '連携カレンダーのアドレス', en: 'Calendar account' },
  meetingTool: { ja: '会議ツール', en: 'Meeting tool' },
  zoomLinked: { ja: 'Zoom 連携', en: 'Zoom linked' },
  personalMeetingUrl: { ja: '個人ミーティングURL', en: 'Personal meeting URL' },
  contactKind: { ja: '連絡先の種類', en: 'Contact kind' },
  tab: { ja: 'タブ', en: 'Tab' },
};

/** How a LINE WORKS member and a contact of the same address relate. */
export const RELATION_LABEL: Record<MemberContactRelation, Localized> = {
  'member-and-contact': { ja: 'メンバーかつ連絡先', en: 'Member and contact' },
  'internal-contact-not-member': { ja: '社内ドメインの連絡先（メンバーでない）', en: 'Internal-domain contact, not a member' },
  'member-only': { ja: 'メンバーのみ', en: 'Member only' },
  'contact-only': { ja: '連絡先のみ', en: 'Contact only' },
};
