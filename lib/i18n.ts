/**
 * UI text in English and Japanese. The browser's UI language picks; Japanese admins are the
 * first users, so every key must exist in both (the type below makes a missing one a compile error).
 */
const en = {
  appName: 'Roster Audit',
  // popup
  popupTargetGeneric: 'Generic page',
  popupTargetConsole: 'Recognised console',
  popupAudit: 'Audit this roster',
  popupAuditAgain: 'Audit again',
  popupLinkStatus: 'Check link status of every contact',
  popupCancel: 'Cancel',
  popupInspecting: 'Looking at the page…',
  popupProgress: '{rows} members read · page {page}',
  popupProgressOf: '{rows} members read · page {page} of {pages}',
  popupComplete: 'Audit complete',
  popupIncomplete: 'Audit stopped early: {reason}. What was read is saved and marked incomplete.',
  popupOpenDashboard: 'Open dashboard',
  popupOpenRoster: 'Open this roster',
  popupSinceLast: 'Since the last audit',
  popupNoPrevious: 'First audit of this roster.',
  popupJoined: '{n} joined',
  popupLeft: '{n} left',
  popupChanged: '{n} changed',
  popupOtherLists: 'Other lists on this page',
  popupNoTab: 'No tab to audit.',
  errorNotAllowed: 'This page cannot be audited (browser pages and the extension store are off limits).',
  errorNoRoster: 'No roster found on this page. Looked for tables, grids and lists of people with names and addresses.',
  errorTabGone: 'The tab was closed or navigated away before anything was read.',
  errorFailed: 'The audit failed: {message}',
  errorStorage: 'The audit could not be saved: {message}',
  // counts
  internal: 'Internal',
  external: 'External',
  unknown: 'Unknown',
  sharedOnly: 'Shared-only contacts',
  members: 'Members',
  findings: 'Findings',
  noFindings: 'No findings.',
  linked: 'Linked',
  linkUnknown: 'Not checked',
} as const;

export type MessageKey = keyof typeof en;
type Messages = Record<MessageKey, string>;

const ja: Messages = {
  appName: 'Roster Audit',
  popupTargetGeneric: '汎用ページ',
  popupTargetConsole: '認識した管理画面',
  popupAudit: 'この名簿を監査 (Audit)',
  popupAuditAgain: 'もう一度監査 (Audit)',
  popupLinkStatus: '全連絡先の連携状態を確認 (link status)',
  popupCancel: 'キャンセル',
  popupInspecting: 'ページを確認しています…',
  popupProgress: '{rows} 人読み取り · {page} ページ目',
  popupProgressOf: '{rows} 人読み取り · {page} / {pages} ページ',
  popupComplete: '監査が完了しました',
  popupIncomplete: '監査は途中で終了しました: {reason}。読み取った分は「不完全」として保存しました。',
  popupOpenDashboard: 'ダッシュボードを開く',
  popupOpenRoster: 'この名簿を開く',
  popupSinceLast: '前回の監査から',
  popupNoPrevious: 'この名簿の初回の監査です。',
  popupJoined: '{n} 人追加',
  popupLeft: '{n} 人削除',
  popupChanged: '{n} 人変更',
  popupOtherLists: 'このページの他の一覧',
  popupNoTab: '監査するタブがありません。',
  errorNotAllowed: 'このページは監査できません (ブラウザーの内部ページと拡張機能ストアは対象外です)。',
  errorNoRoster: 'このページに名簿が見つかりません。名前とアドレスを含む表・グリッド・人物の一覧を探しました。',
  errorTabGone: '読み取り前にタブが閉じられたか、別のページに移動しました。',
  errorFailed: '監査に失敗しました: {message}',
  errorStorage: '監査結果を保存できませんでした: {message}',
  internal: '社内',
  external: '社外',
  unknown: '不明',
  sharedOnly: '連絡先共有のみ',
  members: 'メンバー',
  findings: '検出事項',
  noFindings: '検出事項はありません。',
  linked: '外部連携済み',
  linkUnknown: '未確認',
};

export type Lang = 'ja' | 'en';

/** `ja`, `ja-JP` … pick Japanese; everything else English. */
export function pickLang(uiLanguage: string | undefined): Lang {
  return uiLanguage?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function createTranslator(lang: Lang): Translate {
  const table: Messages = lang === 'ja' ? ja : en;
  return (key, params) =>
    table[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}

/** Text given in both languages inline (finding rules, format labels). */
export interface Localized {
  ja: string;
  en: string;
}
