/**
 * Marks a sample file puts on required columns (「ID (必須)」, 「*姓」, 「※名」), after NFKC has made
 * full-width brackets and stars half-width. They say how to fill a column, not which column it is.
 */
const REQUIRED_MARK = /\(必須\)|\[必須\]|【必須】|<必須>|[*※]/g;

/**
 * Header names are compared the way a person reads them: full-width and half-width forms alike,
 * case, spaces, slashes and required marks ignored (`姓 (フリガナ)` = `姓(フリガナ)`,
 * `携帯電話 / 国際電話番号` = `携帯電話 国際電話番号`, `ID(必須)` = `ID`, `Ｅｍａｉｌ` = `email`).
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(REQUIRED_MARK, '')
    .replace(/[\s\u200b-\u200d\u2060\ufeff/]+/g, '')
    .toLowerCase();
}

export function findColumn(headers: readonly string[], names: string | readonly string[]): number {
  const wanted = new Set((typeof names === 'string' ? [names] : names).map(normalizeHeader));
  return headers.findIndex((header) => wanted.has(normalizeHeader(header)));
}

/**
 * Headers of the files this product reads and writes; a row holding some of them is the header row
 * even below a title line or a keyword line.
 */
const KNOWN_HEADERS = [
  'id',
  'email',
  'e-mail',
  'mail',
  'name',
  'username',
  'fullname',
  'displayname',
  'status',
  'userid',
  'メールアドレス',
  'メール',
  '名前',
  '氏名',
  '姓',
  '名',
  '組織',
  '部署',
  '役職',
  '社員番号',
  'ステータス',
  '識別id',
  'accountid',
  'アカウントid',
  'チャットワークid',
  'chatworkid',
  'チャットワークアカウントid',
  '個人メールアドレス',
  'externalkey',
  'パスワード',
  'ニックネーム',
  '電話番号',
  // Chatwork's user export and bulk-import titles, above its keyword row.
  'ログインメールアドレス',
  'メールアドレス(ログイン用)',
  '組織名',
  'uniqueid',
  'e-mailaddress(logincredential)',
  'organizationname',
  'firstname[required]',
  'lastname[required]',
  'emailaddress[required]',
  'status[readonly]',
  'orgunitpath[required]',
  'firstname',
  'lastname',
  'emailaddress',
  'console',
  'source_url',
  'identifier',
  'domain',
  'classification',
  'link_status',
  'findings',
].map(normalizeHeader);
const KNOWN = new Set(KNOWN_HEADERS);

export function knownHeaderCount(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) if (KNOWN.has(normalizeHeader(cell))) count++;
  return count;
}

/** Records looked at when searching for the header row. */
export const HEADER_SEARCH_RECORDS = 30;

/**
 * The header row: the first row naming the most known headers; failing that, the first row with
 * the most non-empty cells (a title line has one).
 */
export function detectHeaderRow(records: readonly (readonly string[])[]): number {
  const limit = Math.min(records.length, HEADER_SEARCH_RECORDS);
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < limit; r++) {
    const score = knownHeaderCount(records[r]!);
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best >= 0 && bestScore >= Math.min(2, records[best]!.length)) return best;
  let widest = 0;
  let widestCount = -1;
  for (let r = 0; r < limit; r++) {
    const filled = records[r]!.filter((cell) => cell.trim() !== '').length;
    if (filled > widestCount) {
      widest = r;
      widestCount = filled;
    }
  }
  return widest;
}

// A processing keyword: one word of ASCII letters, digits and `_ . : -`, perhaps marked with `#` or `*`.
const KEYWORD = /^[#*]?[A-Za-z_][\w.:-]*$/;
const MAIL_HEADER = /mail|メール/;

/**
 * A row of processing keywords below the titles (Chatwork's bulk import: titles in row 1, keywords
 * in row 2, people from row 3). It is told from a person by the mail column: a person's row holds an
 * address there, a keyword row a bare word, and every other filled cell is a bare word too.
 */
export function isKeywordRow(headers: readonly string[], cells: readonly string[]): boolean {
  const mail = headers.findIndex((header) => MAIL_HEADER.test(normalizeHeader(header)));
  const address = (cells[mail] ?? '').trim();
  if (mail < 0 || address === '' || !KEYWORD.test(address)) return false;
  const filled = cells.map((cell) => cell.trim()).filter(Boolean);
  return filled.length >= 2 && filled.every((cell) => KEYWORD.test(cell));
}
