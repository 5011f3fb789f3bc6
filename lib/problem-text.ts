import { formatBytes, type DbProblem } from './db/errors';
import type { FileJobProblem } from './files/jobs';
import type { ExportProblem } from './formats/types';
import { say, type Lang, type Localized, type Params } from './i18n';
import { LINEWORKS_ID_CLAUSES } from './identity/lineworks-id';
import type { ImportProblem } from './import';
import type { ImportWarning } from './import';
import { CONSOLE_LABEL } from './labels';
import type { Problem, Task, UnexpectedProblem } from './problem';
import type { RosterQueryProblem } from './roster-query/messages';

/**
 * The words of every problem `lib/` reports (a RosterDbError, a file job's failure, a file that is
 * not read, an export check's issue), one Japanese and English pair per code with `{parameter}`
 * placeholders. A problem is put into words here, where it is shown, by `sayProblem`: its numbers
 * formatted for the language, byte counts as sizes, a console by its name, a task by what it does.
 * The `detail` of an unexpected error (an exception's own text, English and technical) is never in
 * its sentence: `technicalDetail` gives it to the screen for a collapsed "details" element.
 */
export type KnownProblem = DbProblem | FileJobProblem | ImportProblem | ImportWarning | ExportProblem | RosterQueryProblem | UnexpectedProblem;
export type ProblemCode = KnownProblem['code'];

const SAVE_AS_CSV: Localized = {
  ja: 'Excel で「CSV UTF-8 (コンマ区切り)」として保存してから選んでください。',
  en: 'Save it from Excel as "CSV UTF-8 (Comma delimited)" and choose that file.',
};
const SAVE_AS: Localized = {
  ja: 'Excel で「Excel ブック (*.xlsx)」か「CSV UTF-8 (コンマ区切り)」として保存し直してから選んでください。',
  en: 'Save it from Excel as "Excel Workbook (*.xlsx)" or "CSV UTF-8 (Comma delimited)" and choose that file.',
};
const NAME_SPECIALS = '! @ & ( ) - _ + [ ] { } . , /';
const STORAGE_FULL_ADVICE: Localized = {
  ja: '古い監査結果を削除するか、バックアップを取ってから削除してください。',
  en: 'Delete older audits, or back them up and then delete them.',
};

/** A task in words, as the sentence of an unexpected error names it ("…while {task}"). */
export const TASK_TEXT: Record<Task, Localized> = {
  'apply-policy': { ja: 'ドメイン設定の適用', en: 'applying the domain policy' },
  'read-roster': { ja: '名簿の読み込み', en: "reading the roster's members" },
  'read-history': { ja: 'メンバーの履歴の読み込み', en: "reading the member's history" },
  compare: { ja: '監査結果の比較', en: 'comparing the two audits' },
  join: { ja: '名簿の突き合わせ', en: 'joining the two rosters' },
  'save-audit': { ja: '監査結果の保存', en: 'saving the audit' },
  'make-backup': { ja: 'バックアップの作成', en: 'making the backup' },
  'restore-backup': { ja: 'バックアップからの復元', en: 'restoring the backup' },
  'delete-data': { ja: 'データの削除', en: 'deleting the data' },
  'protect-storage': { ja: '保存領域の保護の設定', en: 'protecting the storage' },
};

export const PROBLEM_TEXT: Record<ProblemCode, Localized> = {
  // Anywhere: an error nobody planned for, said as what was being done; its detail only under "details".
  unexpected: {
    ja: '{task}中に予期しないエラーが起きました。保存済みのデータは失われていません。もう一度お試しください。',
    en: 'Something unexpected went wrong while {task}. Nothing saved was lost; try again.',
  },

  // The cache (lib/db)
  'storage-full': {
    ja: `ブラウザーの保存領域がいっぱいです。${STORAGE_FULL_ADVICE.ja}`,
    en: `The browser's storage is full. ${STORAGE_FULL_ADVICE.en}`,
  },
  'storage-full-measured': {
    ja: `ブラウザーの保存領域がいっぱいです（使用中 {usedBytes} / 上限 {quotaBytes}）。${STORAGE_FULL_ADVICE.ja}`,
    en: `The browser's storage is full ({usedBytes} in use of {quotaBytes}). ${STORAGE_FULL_ADVICE.en}`,
  },
  // The `detail` of these four is the validator's own English: only under "details".
  'snapshot-invalid': {
    ja: '監査結果の内容が正しくないため、保存しませんでした。以前の監査結果はそのままです。',
    en: 'The audit was not saved: its data is not valid. Earlier audits are as they were.',
  },
  'policy-invalid': {
    ja: 'ドメインの設定の内容が正しくないため、保存しませんでした。',
    en: 'The domain policy was not saved: its data is not valid.',
  },
  'template-invalid': { ja: 'テンプレートの内容が正しくないため、保存しませんでした。', en: 'The template was not saved: its data is not valid.' },
  'export-log-invalid': {
    ja: 'エクスポート履歴の内容が正しくないため、保存しませんでした。',
    en: 'The export log entry was not saved: its data is not valid.',
  },
  'reclassify-mismatch': {
    ja: '再分類の結果がメンバーの並びと一致しないため、保存しませんでした。',
    en: 'Re-classification returned different rows than it was given, so nothing was saved.',
  },
  'audit-not-found': { ja: '{console} の監査結果 "{snapshotId}" が見つかりません。', en: 'No {console} audit "{snapshotId}" was found.' },
  'backup-too-large': {
    ja: 'バックアップファイルが大きすぎます（上限 {limitBytes}）。何も読み込んでいません。',
    en: 'The backup file is too large (at most {limitBytes}). Nothing was restored.',
  },
  'not-a-backup': { ja: 'このファイルは Roster Audit のバックアップではありません。', en: 'This file is not a Roster Audit backup.' },
  'backup-too-new': {
    ja: 'このバックアップは新しい版の Roster Audit で作られています。拡張機能を更新してから読み込んでください。',
    en: 'This backup was made by a newer Roster Audit. Update the extension, then restore it.',
  },
  'backup-truncated': {
    ja: 'バックアップファイルが途中で切れています。もう一度保存し直したファイルを使ってください。',
    en: 'The backup file is cut short. Use a freshly saved copy.',
  },
  'backup-invalid': {
    ja: 'バックアップファイルの内容が壊れています。何も読み込んでいません。\n{detail}',
    en: 'The backup file is damaged. Nothing was restored.\n{detail}',
  },
  'backup-invalid-more': {
    ja: 'バックアップファイルの内容が壊れています。何も読み込んでいません。\n{detail}\nほかに {more} 行に問題があります。',
    en: 'The backup file is damaged. Nothing was restored.\n{detail}\n{more} more rows have problems.',
  },
  'backup-invalid-at-least': {
    ja: 'バックアップファイルの内容が壊れています。何も読み込んでいません。\n{detail}\nほかにも少なくとも {more} 行に問題があります。',
    en: 'The backup file is damaged. Nothing was restored.\n{detail}\nAt least {more} more rows have problems.',
  },
  'backup-orphan-member': {
    ja: 'バックアップファイルの内容が壊れています。何も読み込んでいません。\nどの監査結果にも属さないメンバーがあります (監査結果 "{snapshotId}")。',
    en: 'The backup file is damaged. Nothing was restored.\nA member belongs to no audit in the file (audit "{snapshotId}").',
  },

  // File jobs (lib/files)
  'file-too-large': {
    ja: 'ファイルが大きすぎます（{sizeBytes}、上限 {limitBytes}）。何も読み込んでいません。',
    en: 'The file is too large ({sizeBytes}; at most {limitBytes}). Nothing was read.',
  },
  'file-too-large-to-read': {
    ja: 'ファイルが大きすぎて読み込めません。何も読み込んでいません。',
    en: 'The file is too large to read. Nothing was read.',
  },
  'read-failed': { ja: 'ファイルを読み込めませんでした。何も読み込んでいません。', en: 'The file could not be read. Nothing was read.' },
  'bad-worker-message': {
    ja: 'ファイルの処理結果を受け取れませんでした。何も書き込んでいません。',
    en: 'The result of the file could not be received. Nothing was written.',
  },
  cancelled: { ja: '取り消しました。何も読み込んでいません。', en: 'Cancelled. Nothing was read.' },
  'export-no-audit': { ja: 'この監査は見つかりません。削除された可能性があります。', en: 'This audit was not found; it may have been deleted.' },
  'export-failed': { ja: 'ファイルを作成できませんでした。何も書き込んでいません。', en: 'The file could not be built. Nothing was written.' },

  // Reading a CSV file (lib/csv)
  'unterminated-quote': { ja: '{line} 行目: 引用符 (") で始まる値が閉じられていません。', en: 'Line {line}: a quoted value (") is never closed.' },
  'text-after-quote': {
    ja: '{line} 行目: 引用符で囲まれた値の後ろに区切り文字以外の文字があります。',
    en: 'Line {line}: text follows a closing quote before the next delimiter.',
  },
  'column-count': {
    ja: '{line} 行目: 列の数が見出しと違います (見出し {width} 列、この行 {cells} 列)。',
    en: 'Line {line}: {cells} columns where the header has {width}.',
  },
  'lossy-decoding': {
    ja: '{line} 行目から、{encoding} として読めない文字を � に置き換えました。ファイルが途中で切れていないか確かめるか、文字コードを指定して読み直してください。',
    en: 'From line {line}, bytes that are not valid {encoding} were read as �. Check that the file is complete, or choose the encoding and read again.',
  },
  empty: { ja: 'ファイルが空です。', en: 'The file is empty.' },
  'odd-utf16': { ja: 'UTF-16 のファイルが途中で切れています。', en: 'The UTF-16 file is cut short (odd number of bytes).' },
  'zip-not-csv': {
    ja: `CSV ではなく Excel ブック (.xlsx) などの圧縮ファイルです。${SAVE_AS_CSV.ja}`,
    en: `This is an Excel workbook (.xlsx) or another zip file, not CSV. ${SAVE_AS_CSV.en}`,
  },
  'xls-not-csv': {
    ja: `CSV ではなく古い形式の Excel ブック (.xls) です。${SAVE_AS_CSV.ja}`,
    en: `This is an old Excel workbook (.xls), not CSV. ${SAVE_AS_CSV.en}`,
  },
  'pdf-not-csv': { ja: 'CSV ではなく PDF ファイルです。', en: 'This is a PDF file, not CSV.' },
  'not-text': {
    ja: 'テキストではないデータを含むため、CSV として読めません。コンソールから CSV を出力し直してください。',
    en: 'The file holds data that is not text, so it cannot be read as CSV. Export the CSV from the console again.',
  },

  // Reading a workbook (lib/xlsx)
  'xlsx-legacy-xls': {
    ja: `古い形式の Excel ブック (.xls)、またはパスワード付きのブックは読めません。${SAVE_AS.ja}`,
    en: `An old Excel workbook (.xls) or a password-protected workbook cannot be read. ${SAVE_AS.en}`,
  },
  'xlsx-not-a-workbook': { ja: `Excel ブック (.xlsx) として読めません。${SAVE_AS.ja}`, en: `This cannot be read as an Excel workbook (.xlsx). ${SAVE_AS.en}` },
  'xlsx-broken-zip': { ja: `ブックが壊れています ({part})。${SAVE_AS.ja}`, en: `The workbook is damaged ({part}). ${SAVE_AS.en}` },
  'xlsx-broken-zip-unnamed': { ja: `ブックが壊れています。${SAVE_AS.ja}`, en: `The workbook is damaged. ${SAVE_AS.en}` },
  'xlsx-zip64': { ja: 'ブックが大きすぎます (ZIP64)。', en: 'The workbook is too large (ZIP64).' },
  'xlsx-encrypted': { ja: `暗号化されたブックは読めません。${SAVE_AS.ja}`, en: `An encrypted workbook cannot be read. ${SAVE_AS.en}` },
  'xlsx-too-many-parts': { ja: 'ブックの部品が多すぎるため読みません。', en: 'The workbook has too many parts to be read.' },
  'xlsx-too-large': {
    ja: 'ブックを展開すると大きくなりすぎるため読みません ({part})。不要なシートを削除するか CSV で保存してください。',
    en: 'The workbook inflates past the size this tool reads ({part}). Remove sheets it does not need or save it as CSV.',
  },
  'xlsx-too-large-unnamed': {
    ja: 'ブックを展開すると大きくなりすぎるため読みません。不要なシートを削除するか CSV で保存してください。',
    en: 'The workbook inflates past the size this tool reads. Remove sheets it does not need or save it as CSV.',
  },
  'xlsx-macros': {
    ja: 'マクロ付きのブック (.xlsm) は扱いません。Excel で「Excel ブック (*.xlsx)」として保存し直す (マクロは削除されます) か、CSV で保存してください。',
    en: 'A macro-enabled workbook (.xlsm) is not accepted. Save it from Excel as "Excel Workbook (*.xlsx)" (which drops the macros) or as CSV.',
  },
  'xlsx-binary-workbook': { ja: `バイナリ形式のブック (.xlsb) は読めません。${SAVE_AS.ja}`, en: `A binary workbook (.xlsb) cannot be read. ${SAVE_AS.en}` },
  'xlsx-xml-doctype': {
    ja: 'ブックの {part} に DOCTYPE 宣言 (外部実体や実体展開に使われるもの) があるため読みません。',
    en: "The workbook's {part} holds a DOCTYPE declaration (used for external or expanding entities), so it is not read.",
  },
  'xlsx-xml-malformed': { ja: 'ブックの {part} が正しい XML ではありません。', en: "The workbook's {part} is not well-formed XML." },
  'xlsx-no-sheet': { ja: 'ブックにワークシートがありません。', en: 'The workbook has no worksheet.' },
  'xlsx-sheet-not-found': { ja: 'シート「{part}」がありません。', en: 'There is no sheet "{part}".' },
  'xlsx-too-many-strings': { ja: 'ブックの共有文字列が多すぎるため読みません。', en: 'The workbook has too many shared strings to be read.' },
  'xlsx-too-many-cells': { ja: 'シート「{part}」のセルが多すぎるため読みません。', en: 'Sheet "{part}" has too many cells to be read.' },
  'xlsx-external-links': {
    ja: 'このブックは他のファイルへのリンクを含みます。リンクは読まず、変更せずにそのまま残します。',
    en: 'This workbook links to other files. The links are never followed and are kept as they are.',
  },

  // The dashboard's roster worker (lib/roster-query)
  'roster-not-open': {
    ja: '名簿をまだ開いているところです。少し待ってから、もう一度お試しください。',
    en: 'The roster is still being opened. Wait a moment and try again.',
  },

  // Importing a roster file (lib/import)
  'import-rows-skipped': {
    ja: '名前も ID もない {rows} 行は読み込みませんでした。',
    en: '{rows} rows with neither a name nor an identifier were not imported.',
  },
  'no-identifier-column': {
    ja: 'メールアドレスや ID の列が見つかりません。見出し行に「メールアドレス」「email」「ID」などの列がある CSV を選んでください。',
    en: 'No email or ID column found. Choose a CSV whose header row has a column such as "email", "メールアドレス" or "ID".',
  },

  // Checking an export (lib/formats): the fields' rules
  'field-lineworks-id': {
    ja: LINEWORKS_ID_CLAUSES.map((clause) => clause.text.ja).join('。') + '。',
    en: LINEWORKS_ID_CLAUSES.map((clause) => clause.text.en).join('. ') + '.',
  },
  'field-person-name': {
    ja: `80 字以内で、記号は ${NAME_SPECIALS} のみ使えます。`,
    en: `Use at most 80 characters; the only symbols allowed are ${NAME_SPECIALS}.`,
  },
  'field-nickname': {
    ja: `100 字以内で、記号は ${NAME_SPECIALS} のみ使えます。`,
    en: `Use at most 100 characters; the only symbols allowed are ${NAME_SPECIALS}.`,
  },
  'field-furigana': { ja: 'カタカナ 100 字以内で入力してください。', en: 'Use katakana only, at most 100 characters.' },
  'field-password': { ja: 'パスワードは半角英字・数字・記号の 8~20 字です。', en: 'A password is 8–20 ASCII letters, digits and symbols.' },
  'field-personal-email': {
    ja: '「ID@ドメイン」の形式で 255 字以内、ID 部分は半角英小文字・数字・「.」「-」「_」「!」の 1~40 字です。',
    en: 'Use "id@domain", at most 255 characters, the id part 1–40 lowercase letters, digits, ".", "-", "_" or "!".',
  },
  'field-external-key': { ja: 'External Key に記号と「%」は使えません。', en: 'An External Key cannot hold symbols or "%".' },
  'field-sub-mail-addresses': {
    ja: 'サブメールアドレスは「;」で区切って最大 10 個、それぞれ正しいメールアドレスで入力してください。',
    en: 'Sub mail addresses are up to 10 valid addresses separated by ";".',
  },
  'field-organisation': {
    ja: '組織は最上位から「|」で区切って入力し、空の階層は入れられません。',
    en: 'An organisation is its path from the top, separated by "|", with no empty level.',
  },
  'field-phone': { ja: '数字と「-」「*」「#」「+」「P」「T」で 100 字以内です。', en: 'Use digits and "-", "*", "#", "+", "P", "T", at most 100 characters.' },
  'field-country-code': { ja: '国番号は「+」で始めます (日本は +81)。', en: 'A country code starts with "+" (Japan is +81).' },
  'field-language': {
    ja: '言語は Japanese、English、Korean、Chinese(CHN)、Chinese(TWN) のいずれかです。',
    en: 'The language is one of Japanese, English, Korean, Chinese(CHN), Chinese(TWN).',
  },
  'field-date': { ja: 'yyyymmdd 形式の実在する日付で入力してください。', en: 'Use a real date as yyyymmdd.' },
  'field-account-id': { ja: 'アカウントID は数字です。', en: 'An account ID is digits.' },
  'field-chatwork-id': { ja: 'チャットワークID は半角英数字と「_」「.」「-」です。', en: 'A Chatwork ID is ASCII letters, digits, "_", "." and "-".' },
  'field-too-long': { ja: '{max} 字以内で入力してください。', en: 'Use at most {max} characters.' },
  required: { ja: '必須項目です。', en: 'This field is required.' },
  unencodable: { ja: 'Shift_JIS で書けない文字があります: {chars}', en: 'Shift_JIS cannot encode: {chars}' },

  // Checking an export: the template and what it does
  'template-required': {
    ja: 'コンソールからダウンロードしたファイルをテンプレートとして指定してください。',
    en: 'Give the file downloaded from the console as the template.',
  },
  'template-missing-column': { ja: 'テンプレートに必須の列「{column}」がありません。', en: 'The template lacks the required column "{column}".' },
  'no-key-column': { ja: 'テンプレートに列「{column}」がありません。', en: 'The template has no "{column}" column.' },
  'template-example-row': {
    ja: 'テンプレートの {line} 行目 ({cells}) はサンプルの例の行のため、出力から除きました。例のメンバーが実際のメンバーと一緒に登録されないようにするためです。',
    en: 'Row {line} of the template ({cells}) is an example row of the sample file and was left out, so that no example member is uploaded with the real ones.',
  },
  'template-not-full-download': {
    ja: 'テンプレートに、監査した社員のうち {missing} 人 ({names}) がいません。全件上書きでは、ファイルにいない社員は削除されます。RECEPTIONIST から社員をすべてダウンロードしたファイルをテンプレートにしてください。',
    en: 'The template lacks {missing} of the audited employees ({names}). A full overwrite deletes every employee the file lacks: give the full employee download from RECEPTIONIST as the template.',
  },
  'no-chatwork-id': { ja: '{email}: Chatwork の名簿に ID が見つかりません。', en: '{email}: no ID found in the Chatwork roster.' },
  'no-changes': { ja: '変更する値がないため、ファイルはダウンロードしたままです。', en: 'There is nothing to change: the file is as downloaded.' },
  'refused-no-such-column': { ja: '列「{column}」がテンプレートにありません。', en: 'The template has no column "{column}".' },
  'refused-locked-column': { ja: '列「{column}」は変更できません。', en: 'Column "{column}" cannot be changed.' },
  'refused-would-clear': {
    ja: '列「{column}」の値を空欄にすると既存の値が削除されるため、変更しませんでした。',
    en: 'Blanking column "{column}" would delete its value, so it was left as it is.',
  },
  'refused-missing-cell': { ja: 'この行には列「{column}」のセルがありません。', en: 'The row has no cell for column "{column}".' },
  'refused-formula-cell': {
    ja: '列「{column}」のセルは数式のため、変更しませんでした。',
    en: 'Column "{column}" holds a formula, so it was left as it is.',
  },
  'refused-unencodable': {
    ja: '列「{column}」の値に Shift_JIS で書けない文字があります: {chars}',
    en: 'Column "{column}" holds characters Shift_JIS cannot encode: {chars}',
  },
};

/** What an admin reads for a problem this build has no words for (an older or newer build's code): never the code itself. */
export const UNKNOWN_PROBLEM_TEXT: Localized = {
  ja: '問題が起きましたが、この版の Roster Audit には説明がありません。拡張機能を更新してから、もう一度お試しください。',
  en: 'Something went wrong that this version of Roster Audit cannot describe. Update the extension and try again.',
};

/** A parameter as the admin reads it: sizes as sizes, counts with the language's digit grouping, a console by its name. */
function formatParameter(name: string, value: string | number, lang: Lang): string {
  if (typeof value === 'number') return name.endsWith('Bytes') ? formatBytes(value) : value.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');
  if (name === 'console' && Object.hasOwn(CONSOLE_LABEL, value)) return CONSOLE_LABEL[value as keyof typeof CONSOLE_LABEL][lang];
  if (name === 'task' && Object.hasOwn(TASK_TEXT, value)) return TASK_TEXT[value as Task][lang];
  return value;
}

/** The technical detail of a problem whose sentence does not say it (an unexpected error's exception), for a collapsed "details" element. */
export function technicalDetail(problem: Problem): string | undefined {
  const { detail } = problem;
  if (typeof detail !== 'string' || detail === '') return undefined;
  const text = Object.hasOwn(PROBLEM_TEXT, problem.code) ? PROBLEM_TEXT[problem.code as ProblemCode] : undefined;
  return text?.en.includes('{detail}') ? undefined : detail;
}

/** A problem in the admin's language, its parameters filled; an unknown code gets a generic sentence. */
export function sayProblem(problem: Problem | KnownProblem, lang: Lang): string {
  if (!Object.hasOwn(PROBLEM_TEXT, problem.code)) return UNKNOWN_PROBLEM_TEXT[lang];
  const params: Params = {};
  for (const [name, value] of Object.entries(problem)) if (name !== 'code' && value !== undefined) params[name] = formatParameter(name, value, lang);
  return say(PROBLEM_TEXT[problem.code as ProblemCode], lang, params);
}
