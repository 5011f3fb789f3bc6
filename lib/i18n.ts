/**
 * The product's one text system. Every text an admin reads is a `Localized` pair, Japanese beside
 * English: the UI's messages below by key, and the words of each code that `lib/` returns in a table
 * typed `Record<Code, Localized>` (lib/labels.ts, the finding rules, the formats' labels, and the
 * problems lib/ reports with their parameters in lib/problem-text.ts). A missing language or a missing
 * code is a type error. The browser's UI language picks; Japanese admins are the first users. Text is
 * looked up where it is shown, by `say` (a problem by `sayProblem`).
 */
export interface Localized {
  ja: string;
  en: string;
}

export type Lang = keyof Localized;

/** The UI's messages by key. */
export const MESSAGES = {
  appName: { ja: 'Roster Audit', en: 'Roster Audit' },
  // popup
  popupTargetGeneric: { ja: '汎用ページ', en: 'Generic page' },
  popupTargetConsole: { ja: '認識した管理画面', en: 'Recognised console' },
  popupAudit: { ja: 'この名簿を監査', en: 'Audit this roster' },
  popupAuditAgain: { ja: 'もう一度監査', en: 'Audit again' },
  popupLinkStatus: { ja: '全連絡先の外部連携状態を確認', en: 'Check link status of every contact' },
  popupCancel: { ja: 'キャンセル', en: 'Cancel' },
  popupInspecting: { ja: 'ページを確認しています…', en: 'Looking at the page…' },
  popupProgress: { ja: '{rows} 人読み取り · {page} ページ目', en: '{rows} members read · page {page}' },
  popupProgressOf: { ja: '{rows} 人読み取り · {page} / {pages} ページ', en: '{rows} members read · page {page} of {pages}' },
  verdictCompleteOfTotal: {
    ja: '監査が完了しました: {total} 名中 {read} 名を読み取りました（画面の表示件数 {total} 件）。',
    en: 'Audit complete: {read} of {total} members read (the page states {total}).',
  },
  verdictCompleteToEnd: {
    ja: '監査が完了しました: 一覧の最後まで {read} 名を読み取りました（画面に総件数の表示はありません）。',
    en: 'Audit complete: {read} members, read to the end of the list (the page states no total).',
  },
  verdictCompleteFile: { ja: '完了: ファイルから {read} 名を取り込みました。', en: 'Complete: {read} members imported from a file.' },
  verdictIncompleteOfTotal: {
    ja: '監査は途中で終了しました: {total} 名中 {read} 名を読み取りました。{reason}',
    en: 'Audit stopped early: {read} of {total} members read. {reason}',
  },
  verdictIncomplete: { ja: '監査は途中で終了しました: {read} 名を読み取りました。{reason}', en: 'Audit stopped early: {read} members read. {reason}' },
  popupIncompleteSaved: { ja: '読み取った分は「不完全」として保存しました。', en: 'What was read is saved and marked incomplete.' },
  linkStatusComplete: { ja: '外部連携の確認が完了しました: {read} 件の連絡先を確認しました。', en: 'Link status check complete: {read} contacts checked.' },
  linkStatusIncomplete: {
    ja: '外部連携の確認は途中で終了しました: {read} 件の連絡先を確認しました。{reason}',
    en: 'Link status check stopped early: {read} contacts checked. {reason}',
  },
  compareLimitedBefore: {
    ja: '前回の監査は名簿をすべて読み取れていないため、追加されたメンバーとしては表示しません（今回の監査にのみいる {n} 名）。',
    en: 'The earlier audit did not read its whole roster, so nobody is reported as joined ({n} appear only in the later audit).',
  },
  compareLimitedAfter: {
    ja: '今回の監査は名簿をすべて読み取れていないため、削除されたメンバーとしては表示しません（前回の監査にのみいる {n} 名）。',
    en: 'The later audit did not read its whole roster, so nobody is reported as left ({n} appear only in the earlier audit).',
  },
  popupOpenDashboard: { ja: 'ダッシュボードを開く', en: 'Open dashboard' },
  popupOpenRoster: { ja: 'この名簿を開く', en: 'Open this roster' },
  popupSinceLast: { ja: '前回の監査から', en: 'Since the last audit' },
  popupNoPrevious: { ja: 'この名簿の初回の監査です。', en: 'First audit of this roster.' },
  popupJoined: { ja: '{n} 人追加', en: '{n} joined' },
  popupLeft: { ja: '{n} 人削除', en: '{n} left' },
  popupChanged: { ja: '{n} 人変更', en: '{n} changed' },
  popupOtherLists: { ja: 'このページの他の一覧', en: 'Other lists on this page' },
  popupNoTab: { ja: '監査するタブがありません。', en: 'No tab to audit.' },
  popupChooseList: { ja: 'ページ上の一覧を選ぶ', en: 'Choose the list on the page' },
  popupChoosing: {
    ja: 'ページ上で、名簿の一覧のどれか1行をクリックしてください。Esc キーで中止します。',
    en: 'Click any row of the list on the page. Esc cancels.',
  },
  popupListChosen: { ja: '一覧を選びました: {list} ({rows} 行)', en: 'List chosen: {list} ({rows} rows)' },
  popupChoiceCancelled: { ja: '一覧は選ばれませんでした。', en: 'No list was chosen.' },
  popupChosenList: {
    ja: 'このページでは選んだ一覧を監査します: {list} ({rows} 行)',
    en: 'Audits of this page read the list chosen for it: {list} ({rows} rows).',
  },
  popupChosenMissing: {
    ja: 'このページで選んだ一覧 ({list}) が今は見つからないため、自動で見つけた一覧を監査します。',
    en: 'The list chosen for this page ({list}) is not on it now; the list the reader found is audited instead.',
  },
  popupForgetList: { ja: '選んだ一覧の指定を解除', en: 'Forget the chosen list' },
  popupListDescribed: { ja: '{kind}「{caption}」', en: '{kind} “{caption}”' },
  listKindTable: { ja: '表', en: 'Table' },
  listKindGrid: { ja: 'グリッド', en: 'Grid' },
  listKindList: { ja: '一覧', en: 'List' },
  pickerInstruction: {
    ja: 'Roster Audit: 名簿の一覧のどれか1行をクリックしてください (Esc キーで中止)。',
    en: 'Roster Audit: click any row of the list of people. Esc cancels.',
  },
  pickerNotARow: {
    ja: 'そこは一覧の行ではありません。名簿の一覧の行をクリックするか、Esc キーで中止してください。',
    en: 'That is not a row of a list. Click a row of the list of people, or press Esc to cancel.',
  },
  errorInterrupted: {
    ja: '監査が中断されました（ブラウザーが拡張機能のバックグラウンド処理を停止しました）。読み取った分は未完了の監査としてダッシュボードに残ります。',
    en: "The audit was interrupted: the browser stopped the extension's background. What was read is kept as an incomplete audit in the dashboard.",
  },
  // counts
  internal: { ja: '社内', en: 'Internal' },
  external: { ja: '社外', en: 'External' },
  unknown: { ja: '不明', en: 'Unknown' },
  sharedOnly: { ja: '連絡先共有のみ', en: 'Shared-only contacts' },
  members: { ja: 'メンバー', en: 'Members' },
  findings: { ja: '検出事項', en: 'Findings' },
  noFindings: { ja: '検出事項はありません。', en: 'No findings.' },
  linked: { ja: '外部連携済み', en: 'Linked' },
  linkUnknown: { ja: '未確認', en: 'Not checked' },
  // dashboard
  navLabel: { ja: 'ダッシュボード', en: 'Dashboard' },
  navAudits: { ja: '監査結果', en: 'Audits' },
  navCompare: { ja: '比較', en: 'Compare' },
  navJoin: { ja: '名簿の突き合わせ', en: 'Join rosters' },
  navExport: { ja: 'エクスポート', en: 'Export' },
  navSettings: { ja: 'ドメイン設定', en: 'Domain policy' },
  navData: { ja: 'データ管理', en: 'Data' },
  skipToContent: { ja: '本文へ移動', en: 'Skip to main content' },
  privacyNote: {
    ja: '名簿データはこのブラウザー内にのみ保存され、外部へ送信されることはありません。',
    en: 'Roster data stays in this browser: the extension sends nothing anywhere.',
  },
  notFoundTitle: { ja: 'ページが見つかりません', en: 'Page not found' },
  loading: { ja: '読み込み中…', en: 'Loading…' },
  open: { ja: '開く', en: 'Open' },
  delete: { ja: '削除', en: 'Delete' },
  cancel: { ja: 'キャンセル', en: 'Cancel' },
  close: { ja: '閉じる', en: 'Close' },
  save: { ja: '保存', en: 'Save' },
  choose: { ja: '選択してください…', en: 'Choose…' },
  all: { ja: 'すべて', en: 'All' },
  none: { ja: 'ありません。', en: 'None.' },
  yes: { ja: 'はい', en: 'Yes' },
  actions: { ja: '操作', en: 'Actions' },
  overview: { ja: '概要', en: 'Overview' },
  listLimited: { ja: '先頭の {n} 件のみ表示しています。', en: 'Only the first {n} are listed.' },
  listMore: { ja: '先頭の {n} 件のみ表示しています (ほかに {rest} 件)。', en: 'Only the first {n} are listed; {rest} more are not shown.' },
  importTitle: { ja: '名簿ファイルを読み込む', en: 'Import a roster file' },
  importHelp: {
    ja: 'スクロールするよりダウンロードの方が早い名簿に: Chatwork のユーザー情報 (識別ID)、LINE WORKS のメンバー一覧、immedio のユーザー一覧、Slack のメンバー一覧、Google Workspace のユーザー一覧、またはメールアドレス列のある任意の CSV や Excel ブック (.xlsx)。ページを読み取ったときと同じ監査結果になります。',
    en: 'A console export that is easier to download than to scroll: Chatwork user information (識別ID), a LINE WORKS member download, an immedio user list, a Slack member export, a Google Workspace user list, or any CSV or Excel workbook (.xlsx) with an email column. It becomes an audit like a scanned page.',
  },
  importFile: { ja: '名簿ファイル', en: 'Roster file' },
  importKind: { ja: 'ファイルの種類', en: 'File kind' },
  importAuto: { ja: 'ヘッダーから判定', en: 'Detect from the header' },
  importReading: { ja: '{name} を読み込んでいます…', en: 'Reading {name}…' },
  importDone: { ja: '{name} から {n} 人を読み込みました。', en: 'Imported {n} members from {name}.' },
  importFailed: { ja: '読み込めませんでした: {message}', en: 'Not imported: {message}' },
  fileSizeLimit: {
    ja: '上限 {size}。ファイルはバックグラウンドで読み込むので、その間もダッシュボードを操作できます。キャンセルすると何も書き込みません。',
    en: 'At most {size}. The file is read in the background: the dashboard stays usable, and Cancel stops it with nothing written.',
  },
  fileReading: { ja: 'ファイルを読み込んでいます: {done} / {total}…', en: 'Reading the file: {done} of {total}…' },
  fileChecking: { ja: '行を確認しています: {done} / {total}…', en: 'Checking rows: {done} of {total}…' },
  fileWriting: { ja: '保存しています: {done} / {total} 人…', en: 'Saving: {done} of {total} members…' },
  fileTemplateLimit: { ja: '上限 {size}。', en: 'At most {size}.' },
  auditLimitTitle: { ja: '監査の上限', en: 'Audit bounds' },
  auditLimitHelp: {
    ja: '監査は {rows} 人を読むか、この時間を過ぎると止まり、読み取った分を未完了の監査として残します。終わりなく増える一覧や、一覧を動かし続けるページでも読み取りが止まらなくなることはありません。',
    en: 'An audit stops at {rows} members, or when it has run this long, and what it read is kept as an incomplete audit: a page that grows without end or keeps moving its list cannot hold the reader.',
  },
  auditLimitMinutes: { ja: '1回の監査の最長時間（分）', en: 'Longest audit (minutes)' },
  auditLimitSave: { ja: '時間の上限を設定', en: 'Set the time bound' },
  auditLimitSaved: { ja: '設定しました: 監査は {minutes} 分で止まります。', en: 'Set: an audit stops after {minutes} minutes.' },
  auditLimitInvalid: { ja: '1 から 1440 までの整数（分）を入力してください。', en: 'Enter a whole number of minutes from 1 to 1440.' },
  auditsTitle: { ja: '監査結果', en: 'Audits' },
  auditsEmpty: {
    ja: '監査結果はまだありません。管理画面を開き、Roster Audit のボタンから「監査」を実行してください。',
    en: 'No audits yet. Open an admin console, click the Roster Audit button and choose Audit.',
  },
  auditsEmptyRestore: { ja: 'またはバックアップから復元する', en: 'Or restore a backup' },
  auditTime: { ja: '監査日時', en: 'Audited' },
  completeness: { ja: '完全性', en: 'Completeness' },
  complete: { ja: '完全', en: 'Complete' },
  incomplete: { ja: '不完全', en: 'Incomplete' },
  incompleteNoReason: { ja: '名簿をすべて読み取る前に監査が終了しました。', en: 'The audit stopped before the whole roster was read.' },
  compareColumn: { ja: '比較', en: 'Compare' },
  compareSelected: { ja: '選択した2件を比較', en: 'Compare selected' },
  compareHint: { ja: '比較する監査結果を2件選んでください。', en: 'Tick two audits to compare them.' },
  selectForCompare: { ja: '{time} の監査結果を比較対象に選ぶ', en: 'Select the audit of {time} for comparison' },
  confirmDeleteAudit: { ja: '{time} の監査結果を削除しますか?', en: 'Delete the audit of {time}?' },
  deleteAuditOf: { ja: '{time} の監査結果を削除', en: 'Delete the audit of {time}' },
  deleteRoster: { ja: 'この名簿の監査結果をすべて削除', en: 'Delete every audit of this roster' },
  confirmDeleteRoster: {
    ja: '{roster} の監査結果をすべて削除しますか? ドメインポリシーは残ります。',
    en: 'Delete every audit of {roster}? Its domain policy is kept.',
  },
  auditDeleted: { ja: '{time} の監査結果を削除しました。', en: 'The audit of {time} was deleted.' },
  tenantUnknown: { ja: '(テナント不明)', en: '(no tenant)' },
  trendTitle: { ja: '監査ごとのメンバー数の推移', en: 'Members across audits' },
  trendFindingsTitle: { ja: '監査ごとの検出事項の推移', en: 'Findings across audits' },
  notRecorded: { ja: '記録なし', en: 'not recorded' },
  historyTitle: { ja: 'この名簿での履歴', en: 'History in this roster' },
  historyLoading: { ja: '履歴を読み込み中…', en: 'Reading the history…' },
  historyBound: {
    ja: 'この名簿の監査 {total} 件のうち、新しい {n} 件を確認しました（最大 {limit} 件）。',
    en: 'Checked the newest {n} of the {total} audits of this roster (at most {limit}).',
  },
  historyFirstSeen: { ja: '初めて確認した監査: {time}', en: 'First seen in the audit of {time}' },
  historyFirstSeenBound: {
    ja: '確認した中で最初の監査: {time}（それ以前の監査は確認していません）',
    en: 'First seen in the audit of {time} among those checked (older audits were not checked)',
  },
  historyNoChange: { ja: '確認した監査の間で変化はありません。', en: 'No change across the audits checked.' },
  rosterTitle: { ja: '名簿', en: 'Roster' },
  snapshotNotFound: { ja: 'この監査結果は保存されていません (削除済み、または未保存)。', en: 'This audit is not in the cache (deleted, or never saved).' },
  rosterMembers: { ja: 'メンバー一覧', en: 'Members' },
  filters: { ja: 'メンバーの絞り込み', en: 'Filter members' },
  filterText: { ja: '検索', en: 'Search' },
  filterTextPlaceholder: { ja: '名前・ID・メール・ドメイン', en: 'Name, ID, email or domain' },
  filterFinding: { ja: '検出事項', en: 'Finding' },
  rosterShowing: { ja: '{total} 人中 {n} 人', en: '{n} of {total} members' },
  rosterNoMatch: { ja: '条件に合うメンバーはいません。', en: 'No member matches these filters.' },
  colName: { ja: '名前', en: 'Name' },
  colIdentifier: { ja: 'ID / メール', en: 'ID / email' },
  colDomain: { ja: 'ドメイン', en: 'Domain' },
  colClassification: { ja: '分類', en: 'Classification' },
  colLinkStatus: { ja: '連携状態', en: 'Link status' },
  // the member table's tools: columns, saved views, the download of the rows shown
  tableColumns: { ja: '表示する列', en: 'Columns' },
  tableColumnAlways: { ja: '{column} (常に表示)', en: '{column} (always shown)' },
  tableColumnWidth: { ja: '列「{column}」の幅', en: 'Width of the {column} column' },
  tableColumnsReset: { ja: '列の幅と表示を元に戻す', en: 'Reset columns' },
  viewsTitle: { ja: '保存したビュー', en: 'Saved views' },
  viewsHelp: {
    ja: '絞り込み・検索・並べ替え・表示する列・列の幅を名前を付けて保存します (この種類の管理画面の名簿すべてで使えます)。',
    en: 'Keeps the filters, search, sort, shown columns and widths under a name, for every roster of this kind of console.',
  },
  viewName: { ja: 'ビューの名前', en: 'View name' },
  viewSave: { ja: '今の表示をビューとして保存', en: 'Save as a view' },
  viewChoose: { ja: 'ビュー', en: 'View' },
  viewNone: { ja: '(ビューを選択)', en: '(choose a view)' },
  viewApply: { ja: '適用', en: 'Apply' },
  viewRename: { ja: '名前を変更', en: 'Rename' },
  viewNewName: { ja: '新しい名前', en: 'New name' },
  viewSaved: { ja: 'ビュー「{name}」を保存しました。', en: 'Saved the view “{name}”.' },
  viewApplied: { ja: 'ビュー「{name}」を適用しました。', en: 'Applied the view “{name}”.' },
  viewAppliedSkipping: {
    ja: 'ビュー「{name}」を適用しました。この監査にないため次は除きました: {skipped}。',
    en: 'Applied the view “{name}”, leaving out what this audit lacks: {skipped}.',
  },
  viewRenamed: { ja: 'ビューの名前を「{name}」に変更しました。', en: 'Renamed the view to “{name}”.' },
  viewDeleted: { ja: 'ビュー「{name}」を削除しました。', en: 'Deleted the view “{name}”.' },
  viewsUnavailable: { ja: 'ビューを読み書きできませんでした。もう一度お試しください。', en: 'The saved views could not be read or written. Try again.' },
  rowsDownload: { ja: '表示中の {n} 人を CSV でダウンロード', en: 'Download the {n} members shown (CSV)' },
  rowsDownloading: { ja: 'CSV を作成しています… {done} / {total} 人', en: 'Making the CSV… {done} of {total} members' },
  rowsDownloaded: { ja: '{n} 人を {name} に書き出しました。', en: '{n} members written to {name}.' },
  rowsDownloadFailed: { ja: 'CSV を作成できませんでした。もう一度お試しください。', en: 'The CSV could not be made. Try again.' },
  chartClassification: { ja: '社内・社外の内訳', en: 'Internal and external' },
  chartFindings: { ja: '種類別の検出事項', en: 'Findings by kind' },
  chartDomains: { ja: 'ドメイン別メンバー数 (上位 {n})', en: 'Members per domain (top {n})' },
  noDomains: { ja: 'ドメインはありません。', en: 'No domains.' },
  noDomain: { ja: '(ドメインなし)', en: '(no domain)' },
  detailEmail: { ja: 'メール', en: 'Email' },
  detailOtherEmails: { ja: '併記されたアドレス', en: 'Other addresses shown' },
  detailNormalizedEmail: { ja: '比較用のメール', en: 'Email for comparison' },
  detailLineUser: { ja: 'LINE ユーザー', en: 'LINE user' },
  detailRawCells: { ja: '読み取ったセル', en: 'Cells as read' },
  detailColumn: { ja: '列 {n}', en: 'Column {n}' },
  detailUnnamed: { ja: '(名前なし)', en: '(no name)' },
  statusUnrecognised: { ja: '未知の表記のため、読み取ったまま表示', en: 'wording not recognised, shown as read' },
  findingsFound: { ja: 'この監査で見つかった事項', en: 'Found in this audit' },
  findingsClear: { ja: '確認済み・該当なし', en: 'Checked, nothing found' },
  findingsAllRules: { ja: '確認する項目', en: 'What is checked' },
  findingsNoAudit: { ja: '監査結果はまだありません。監査で確認する項目は次のとおりです。', en: 'No audit yet: here is what every audit checks.' },
  findingsShowMembers: { ja: '該当する {n} 人を表示', en: 'Show these {n} members' },
  settingsTitle: { ja: 'ドメイン設定', en: 'Domain policy' },
  settingsIntro: {
    ja: '社内ドメインのアドレスを持つメンバーは社内、それ以外は社外として分類されます。変更すると保存済みの監査結果をすぐに再分類します。',
    en: 'Members whose address is on an internal domain are internal; everyone else is external. A change re-classifies the saved audits at once.',
  },
  policyAppliesTo: { ja: '設定の対象', en: 'Policy for' },
  policyDefaultOption: { ja: '既定 (個別の設定がないすべてのテナント)', en: 'Default (every tenant without its own)' },
  policyDefaultTitle: { ja: '既定の設定', en: 'Default policy' },
  policyDefaultHelp: { ja: '個別の設定がないすべてのテナントに使われます。', en: 'Used for every tenant that has no policy of its own.' },
  policyTenantTitle: { ja: '{tenant} の設定', en: 'Policy of {tenant}' },
  policyTenantHelp: {
    ja: 'このテナントの監査結果だけに使われ、既定の設定は適用されなくなります。',
    en: "Only this tenant's audits use it; the default no longer applies to them.",
  },
  policyOwn: { ja: '個別設定あり', en: 'own policy' },
  policyUsesDefault: { ja: '既定を使用', en: 'uses the default' },
  policyShowingDefault: {
    ja: 'このテナントには個別の設定がないため、既定の設定を表示しています。保存すると個別の設定になります。',
    en: 'This tenant has no policy of its own yet; the default is shown. Saving gives it its own.',
  },
  policyPrefilled: {
    ja: '監査したページで見つかったドメインを入力しました。確認して保存してください。',
    en: 'The domains found on the audited page are filled in. Check them and save.',
  },
  proposalTitle: { ja: '社内ドメインの候補', en: 'Suggested internal domains' },
  proposalIntro: {
    ja: 'ドメインの設定がまだないため、アドレスのあるメンバーは「不明」として数えています。ページから次のドメインが見つかりました:',
    en: 'No domain policy yet, so members with an address are counted as unknown. These domains were found on the page:',
  },
  proposalNone: {
    ja: 'ページから社内ドメインを判断できませんでした。ドメイン設定で設定してください。',
    en: 'No internal domain could be told from the page. Set them in Domain policy.',
  },
  proposalApply: { ja: 'これらを社内ドメインにする', en: 'Use these domains as internal' },
  proposalEdit: { ja: 'ドメイン設定で編集', en: 'Edit in Domain policy' },
  proposalApplying: { ja: '適用しています…', en: 'Applying…' },
  proposalApplied: {
    ja: '社内ドメインを設定しました。保存済みの監査 {snapshots} 件を再分類しました(変わったメンバー {changed} 人)。',
    en: 'Internal domains set. {snapshots} saved audits re-classified ({changed} members changed).',
  },
  proposalMembers: { ja: 'メンバー {n} 人', en: '{n} members' },
  evidenceAdmin: { ja: 'ログイン中の管理者({address})のドメイン', en: 'domain of the signed-in admin ({address})' },
  evidenceTenant: { ja: 'テナントのドメイン', en: "the tenant's domain" },
  evidenceDominant: {
    ja: 'アドレスのあるメンバー {withAddress} 人中 {members} 人のドメイン',
    en: '{members} of {withAddress} members with an address are on it',
  },
  evidenceSimilar: { ja: '{like} と似た名前', en: 'named like {like}' },
  policyDomains: { ja: '社内ドメイン', en: 'Internal domains' },
  policyDomainsHelp: {
    ja: '1行に1つ、またはカンマ区切りで入力します (例: example.co.jp)。日本語ドメインや examplecorp のような LINE WORKS のドメインも使えます。',
    en: 'One per line or separated by commas, e.g. example.co.jp. Japanese (IDN) domains and LINE WORKS domains such as examplecorp are fine.',
  },
  policyRejected: { ja: '{n} 件は無効なため保存されません:', en: '{n} entries are not valid and will not be saved:' },
  policySubdomains: { ja: 'サブドメインも社内として扱う (sub.example.co.jp など)', en: 'Count subdomains as internal too (sub.example.co.jp)' },
  policyRegistrable: {
    ja: '同じ登録可能ドメイン配下のホストはすべて社内として扱う (Public Suffix List)',
    en: 'Count every host under the same registrable domain as internal (Public Suffix List)',
  },
  policyRemoveOwn: { ja: 'このテナントの個別設定を削除', en: "Remove this tenant's own policy" },
  policyApplying: { ja: '保存して、保存済みの監査結果を再分類しています…', en: 'Saving and re-classifying the saved audits…' },
  policySaved: {
    ja: '保存しました。{snapshots} 件の監査結果を再分類し、{changed} 人の結果が変わりました。',
    en: 'Saved. {snapshots} audits re-classified; {changed} members changed.',
  },
  policyRemoved: {
    ja: '削除しました。{snapshots} 件の監査結果が既定の設定に戻り、{changed} 人の結果が変わりました。',
    en: 'Removed. {snapshots} audits now use the default; {changed} members changed.',
  },
  compareTitle: { ja: '監査結果の比較', en: 'Compare audits' },
  compareIntro: {
    ja: '同じ名簿の2回の監査で、追加・削除・変更されたメンバーを確認します。',
    en: 'Who joined, who left and what changed between two audits of the same roster.',
  },
  compareBefore: { ja: '前の監査', en: 'Earlier audit' },
  compareAfter: { ja: '後の監査', en: 'Later audit' },
  compareNeedTwo: { ja: '同じ名簿の監査結果を2件選んでください。', en: 'Choose two audits of the same roster.' },
  compareDifferentRosters: {
    ja: '異なる名簿の監査結果です。比較結果は参考程度にしてください。',
    en: 'These audits are of different rosters; the comparison may not mean much.',
  },
  compareJoined: { ja: '追加', en: 'Joined' },
  compareLeft: { ja: '削除', en: 'Left' },
  compareChanged: { ja: '変更', en: 'Changed' },
  compareFields: { ja: '変更された項目', en: 'Changed fields' },
  compareChanges: { ja: '変化 ({n} 件)', en: 'Changes ({n})' },
  compareKind: { ja: '種類', en: 'Change' },
  compareDownload: { ja: '変化をダウンロード (CSV)', en: 'Download the changes (CSV)' },
  compareDownloadXlsx: { ja: '変化をダウンロード (Excel)', en: 'Download the changes (Excel)' },
  compareWritingXlsx: { ja: 'Excel ファイルを作成しています…', en: 'Writing the Excel workbook…' },
  compareXlsxFailed: {
    ja: 'Excel ファイルを作成できませんでした。CSV でダウンロードしてください。',
    en: 'The Excel workbook could not be written. Download the CSV instead.',
  },
  comparePages: { ja: '変化のページ', en: 'Pages of changes' },
  pagePrevious: { ja: '前のページ', en: 'Previous page' },
  pageNext: { ja: '次のページ', en: 'Next page' },
  pageOf: { ja: '{page} / {pages} ページ', en: 'Page {page} of {pages}' },
  joinTitle: { ja: '名簿の突き合わせ', en: 'Join rosters' },
  joinIntro: { ja: '2つの管理画面の名簿をメールアドレスで突き合わせます。', en: 'Rosters of two consoles, matched by email address.' },
  joinReceptionistTitle: { ja: 'RECEPTIONIST × Chatwork', en: 'RECEPTIONIST × Chatwork' },
  joinReceptionistHelp: {
    ja: 'Chatwork アカウントID (識別ID) が未登録の従業員と、同じメールの Chatwork 側のアカウントIDを表示します。',
    en: "Employees without a Chatwork account ID, with the account ID Chatwork's admin list has for the same email.",
  },
  joinLineworksTitle: { ja: 'LINE WORKS メンバー × 顧客/取引先', en: 'LINE WORKS members × contacts' },
  joinLineworksHelp: {
    ja: '連絡先にも登録されているメンバーと、社内ドメインなのにメンバーでない連絡先を表示します。',
    en: 'Members who are also kept as contacts, and contacts on an internal domain who have no member account.',
  },
  joinNoAudit: { ja: 'この管理画面の監査結果がありません', en: 'No audit of this console' },
  joinNeedBoth: { ja: '両方の管理画面を先に監査してください。', en: 'Audit both consoles first.' },
  joinRows: { ja: '{n} 行', en: '{n} rows' },
  joinEmployee: { ja: '従業員', en: 'Employee' },
  joinChatworkUser: { ja: 'Chatwork ユーザー', en: 'Chatwork user' },
  joinAccountId: { ja: '登録済みアカウントID', en: 'Account ID on file' },
  joinProposed: { ja: '提案するアカウントID', en: 'Proposed account ID' },
  joinMember: { ja: 'メンバー', en: 'Member' },
  joinContact: { ja: '連絡先', en: 'Contact' },
  joinRelation: { ja: '関係', en: 'Relation' },
  exportTitle: { ja: 'エクスポート', en: 'Export' },
  exportNoAudit: { ja: 'エクスポートできる監査結果がありません。', en: 'No audit to export yet.' },
  exportAudit: { ja: '監査結果', en: 'Audit' },
  exportFormat: { ja: '形式', en: 'Format' },
  exportUnknownFormat: { ja: '不明な形式: {id}', en: 'Unknown format: {id}' },
  exportTemplate: { ja: 'テンプレート', en: 'Template' },
  exportTemplateRequired: {
    ja: '必須: 管理画面からダウンロードした CSV ファイルまたは Excel ブック (.xlsx)。必要なセルだけを書き換えます。',
    en: 'Required: the CSV file or Excel workbook (.xlsx) the console itself exported. Only the cells that must change are changed.',
  },
  exportTemplateOptional: {
    ja: '任意: 管理画面の CSV ファイルまたは Excel ブック (.xlsx)。指定しない場合は組み込みの形式で作成します。',
    en: "Optional: the console's own CSV file or Excel workbook (.xlsx); without it the built-in layout is used.",
  },
  exportSheet: { ja: 'シート', en: 'Sheet' },
  exportSheetAuto: { ja: '必要な列があるシート', en: 'The sheet that holds the needed columns' },
  exportOutput: { ja: 'ファイルの種類', en: 'File type' },
  exportOutputCsv: { ja: 'CSV', en: 'CSV' },
  exportOutputXlsx: { ja: 'Excel ブック (.xlsx)', en: 'Excel workbook (.xlsx)' },
  exportTemplateKeepsKind: {
    ja: 'テンプレートを使う場合は、同じ種類のファイル (CSV またはブック) で出力します。',
    en: 'A template comes back as the kind of file it is (CSV or workbook).',
  },
  exportTemplateLoaded: { ja: '読み込み済み: {name}', en: 'Loaded: {name}.' },
  exportSavedTemplates: { ja: '保存したテンプレート', en: 'Saved templates' },
  exportRemember: { ja: 'このテンプレートを保存', en: 'Remember this template' },
  exportRemembered: { ja: '{name} をこの形式用に保存しました。', en: 'Remembered {name} for this format.' },
  exportForget: { ja: 'このテンプレートを削除', en: 'Forget this template' },
  exportForgotten: { ja: '{name} を削除しました。', en: 'Forgot {name}.' },
  exportTemplateKeepsEncoding: {
    ja: 'テンプレートを使う場合は、その文字コード・区切り文字・改行がそのまま使われます。',
    en: 'A template keeps its own encoding, delimiter and line endings.',
  },
  exportEncoding: { ja: '文字コード', en: 'Encoding' },
  encodingUtf8Bom: { ja: 'UTF-8 (BOM 付き・Excel 向け)', en: 'UTF-8 with BOM (Excel)' },
  encodingUtf8: { ja: 'UTF-8', en: 'UTF-8' },
  encodingSjis: { ja: 'Shift_JIS', en: 'Shift_JIS' },
  exportChatworkRoster: { ja: '突き合わせる Chatwork の名簿', en: 'Chatwork roster to join' },
  exportChatworkKind: { ja: '従業員の登録に使う値', en: 'Register employees by' },
  exportChatworkAccountId: { ja: 'Chatwork アカウントID (識別ID・推奨)', en: 'Chatwork account ID (recommended)' },
  exportChatworkId: { ja: 'Chatwork ID', en: 'Chatwork ID' },
  exportSso: { ja: 'シングルサインオン (External Key 必須)', en: 'Single sign-on (External Key required)' },
  exportValidOnly: {
    ja: 'エラーのない行だけを出力する (エラーのある行は除外して一覧表示)',
    en: 'Export valid rows only (rows with errors are skipped and listed)',
  },
  exportCheck: { ja: '確認とダウンロード', en: 'Check and download' },
  exportBuilding: { ja: 'すべての値を確認しています…', en: 'Checking every value…' },
  exportNeedTemplate: { ja: '続けるにはテンプレートファイルを選んでください。', en: 'Choose a template file to continue.' },
  exportReady: {
    ja: '準備完了: ファイル {files} 件、エラー {errors} 件、警告 {warnings} 件。',
    en: 'Ready: {files} file(s), {errors} errors, {warnings} warnings.',
  },
  exportRefused: {
    ja: '出力できません: エラー {errors} 件。修正するか、エラーのない行だけを出力してください。',
    en: 'Not exported: {errors} errors. Fix them, or choose to export valid rows only.',
  },
  exportIssues: { ja: '確認結果', en: 'Validation results' },
  exportSeverity: { ja: '重要度', en: 'Severity' },
  exportError: { ja: 'エラー', en: 'Error' },
  exportWarning: { ja: '警告', en: 'Warning' },
  exportRow: { ja: '行', en: 'Row' },
  exportColumn: { ja: '列', en: 'Column' },
  exportMessage: { ja: '内容', en: 'Problem' },
  exportSkipped: { ja: '{n} 行を除外しました', en: '{n} rows skipped' },
  exportChangedCells: { ja: 'テンプレートの {n} セルを変更します。', en: '{n} cells of the template change.' },
  exportAddOnly: {
    ja: '追加専用ファイル: 追加でアップロードしてください。全件上書きでは使わないでください。',
    en: 'Add-only file: upload it with the add import, never with full overwrite (全件上書き).',
  },
  exportAddCounts: {
    ja: '社員 {rows} 人を含みます (登録済み {keeps} 人、新規 {adds} 人)。',
    en: 'It holds {rows} employees: {keeps} already registered, {adds} new.',
  },
  exportAddWouldDelete: {
    ja: '全件上書きでアップロードすると、このファイルにいない監査済みの社員 {removes} 人が削除されます。全員をまとめて変更するには、社員を全件ダウンロードしたファイルをテンプレートにしてください。',
    en: 'Uploaded with full overwrite, it would delete the {removes} audited employees it does not hold. To change everyone at once, give the full employee download as the template.',
  },
  exportAddWouldDeleteUnknown: {
    ja: '全件上書きでアップロードすると、このファイルにいない社員がすべて削除されます。全員をまとめて変更するには、社員を全件ダウンロードしたファイルをテンプレートにしてください。',
    en: 'Uploaded with full overwrite, it would delete every employee it does not hold. To change everyone at once, give the full employee download as the template.',
  },
  exportOverwrite: {
    ja: '全件ダウンロードから作った全件上書き用ファイル: 社員 {keeps} 人をそのまま残し、追加 {adds} 人、変更 {changes} 人、削除 {removes} 人です。',
    en: 'Full-overwrite file from the full download: it keeps {keeps} employees, adds {adds}, changes {changes} and deletes {removes}.',
  },
  exportDownload: { ja: 'ダウンロード', en: 'Download' },
  exportDownloaded: { ja: 'ダウンロードしました: {files}', en: 'Downloaded: {files}' },
  exportScope: { ja: '出力するメンバー', en: 'Members to export' },
  exportScopeAll: { ja: '全員 ({n} 人)', en: 'Every member ({n})' },
  exportScopeFinding: { ja: '「{finding}」に該当 ({n} 人)', en: 'With “{finding}” ({n})' },
  exportValues: { ja: '出力する全メンバーに同じ値を設定', en: 'Set a column for every exported member' },
  exportValuesHelp: {
    ja: '一括修正での新しい組織や初期パスワードなどに使います。空の値はその列を消去します (LINE WORKS の一括修正では空欄のセルで値が削除されます)。',
    en: 'For example a new organisation in a bulk modify, or an initial password. An empty value clears that column (in LINE WORKS bulk modify a blank cell deletes the value).',
  },
  exportValue: { ja: '値', en: 'Value' },
  exportValueAdd: { ja: '追加', en: 'Add' },
  exportValueRemove: { ja: '{column} を取り消す', en: 'Remove {column}' },
  exportValueBlank: { ja: '(空欄: 値を消去)', en: '(blank: clears the value)' },
  dataTitle: { ja: 'データ管理', en: 'Data' },
  dataStorage: { ja: '保存領域', en: 'Storage' },
  dataAudits: { ja: '監査結果', en: 'Audits' },
  dataPolicies: { ja: 'ドメイン設定', en: 'Domain policies' },
  dataTemplates: { ja: 'テンプレート', en: 'Templates' },
  dataExports: { ja: 'エクスポート履歴', en: 'Exports logged' },
  dataUsage: { ja: '{quota} 中 {used} 使用', en: '{used} used of {quota}' },
  dataIsPersistent: {
    ja: '永続ストレージが有効です。容量が不足してもブラウザーが自動で削除することはありません。',
    en: 'Storage is persistent: the browser will not clear it under storage pressure.',
  },
  dataNotPersistent: {
    ja: '永続ストレージではありません。ディスク容量が不足するとブラウザーが削除する場合があります。',
    en: 'Storage is not persistent: the browser may clear it when the disk runs low.',
  },
  dataRequestPersist: { ja: '永続ストレージを要求', en: 'Request persistent storage' },
  dataPersisted: { ja: '永続ストレージが有効になりました。', en: 'Storage is now persistent.' },
  dataPersistDenied: { ja: 'ブラウザーは永続ストレージを許可しませんでした。', en: 'The browser did not grant persistent storage.' },
  dataBackupTitle: { ja: 'バックアップと復元', en: 'Backup and restore' },
  dataBackupHelp: {
    ja: 'バックアップファイルにはすべての監査結果・設定・テンプレートが含まれます。名簿と同様に安全に保管してください。',
    en: 'The backup file holds every audit, policy and template. Keep it as safely as the rosters themselves.',
  },
  dataBackup: { ja: 'バックアップをダウンロード', en: 'Download backup' },
  dataBackupDone: { ja: 'バックアップを {name} として保存しました。', en: 'Backup saved as {name}.' },
  dataRestore: { ja: 'バックアップから復元', en: 'Restore from backup' },
  dataRestoreHelp: {
    ja: 'バックアップを現在のデータに統合します。既にある監査結果はそのまま残ります。',
    en: 'Merges the backup into this cache; audits already here are kept as they are.',
  },
  dataRestoreDone: {
    ja: '{snapshots} 件の監査結果 ({members} 人) と {policies} 件の設定を復元しました。{kept} 件は既に保存されていました。',
    en: 'Restored {snapshots} audits ({members} members) and {policies} policies; {kept} audits were already here.',
  },
  dataDeleteTitle: { ja: 'すべて削除', en: 'Delete everything' },
  dataDeleteHelp: {
    ja: 'このブラウザーからすべての監査結果・設定・テンプレート・エクスポート履歴と、ページ上で選んだ一覧の指定、メンバー一覧の列の設定と保存したビューを削除します。',
    en: 'Removes every audit, policy, template, the export log, the lists chosen on pages, and the member table’s column settings and saved views from this browser.',
  },
  dataDeleteEverything: { ja: 'すべて削除…', en: 'Delete everything…' },
  dataDeleteConfirm: {
    ja: 'すべての監査結果・設定・テンプレートを削除しますか? 元に戻せません。',
    en: 'Delete every audit, policy and template? This cannot be undone.',
  },
  dataDeleteYes: { ja: 'はい、すべて削除します', en: 'Yes, delete everything' },
  dataDeleted: { ja: 'すべて削除しました。', en: 'Everything was deleted.' },
} satisfies Record<string, Localized>;

export type MessageKey = keyof typeof MESSAGES;
export type Params = Record<string, string | number>;

/** The text in `lang` with its `{name}` placeholders filled; one without a value stays visible rather than vanishing. */
export function say(text: Localized, lang: Lang, params?: Params): string {
  return text[lang].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}

/** `ja`, `ja-JP` … pick Japanese; everything else English. */
export function pickLang(uiLanguage: string | undefined): Lang {
  return uiLanguage?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function createTranslator(lang: Lang): Translate {
  return (key, params) => say(MESSAGES[key], lang, params);
}

/** What a screen needs to put text in the admin's language: UI messages by key, and the words of codes. */
export interface Words {
  lang: Lang;
  t: Translate;
  /** The text of a code (its pair from a table in lib/) in `lang`. */
  l(text: Localized, params?: Params): string;
}

export function wordsIn(lang: Lang): Words {
  return { lang, t: createTranslator(lang), l: (text, params) => say(text, lang, params) };
}
