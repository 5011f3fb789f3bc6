import type { Localized } from '../i18n';

/** Why a workbook was not read or not written; the words for each are in XLSX_MESSAGES. */
export type XlsxErrorCode =
  | 'legacy-xls'
  | 'not-a-workbook'
  | 'broken-zip'
  | 'zip64'
  | 'encrypted'
  | 'too-many-parts'
  | 'too-large'
  | 'macros'
  | 'binary-workbook'
  | 'xml-doctype'
  | 'xml-malformed'
  | 'no-sheet'
  | 'sheet-not-found'
  | 'too-many-strings'
  | 'too-many-cells';

/** Thrown inside lib/xlsx only; the readers and writers turn it into a result with a code. */
export class XlsxError extends Error {
  constructor(
    readonly code: XlsxErrorCode,
    /** The part (zip entry) or sheet at fault, when one is. */
    readonly part?: string,
  ) {
    super(part ? `${code}: ${part}` : code);
    this.name = 'XlsxError';
  }
}

export interface XlsxProblem {
  code: `xlsx-${XlsxErrorCode}`;
  part?: string;
  message: Localized;
}

const SAVE_AS = {
  ja: 'Excel で「Excel ブック (*.xlsx)」か「CSV UTF-8 (コンマ区切り)」として保存し直してから選んでください。',
  en: 'Save it from Excel as "Excel Workbook (*.xlsx)" or "CSV UTF-8 (Comma delimited)" and choose that file.',
};

export const XLSX_MESSAGES: Record<XlsxErrorCode, (part: string) => Localized> = {
  'legacy-xls': () => ({
    ja: `古い形式の Excel ブック (.xls)、またはパスワード付きのブックは読めません。${SAVE_AS.ja}`,
    en: `An old Excel workbook (.xls) or a password-protected workbook cannot be read. ${SAVE_AS.en}`,
  }),
  'not-a-workbook': () => ({
    ja: `Excel ブック (.xlsx) として読めません。${SAVE_AS.ja}`,
    en: `This cannot be read as an Excel workbook (.xlsx). ${SAVE_AS.en}`,
  }),
  'broken-zip': (part) => ({
    ja: `ブックが壊れています${part ? ` (${part})` : ''}。${SAVE_AS.ja}`,
    en: `The workbook is damaged${part ? ` (${part})` : ''}. ${SAVE_AS.en}`,
  }),
  zip64: () => ({ ja: 'ブックが大きすぎます (ZIP64)。', en: 'The workbook is too large (ZIP64).' }),
  encrypted: () => ({ ja: `暗号化されたブックは読めません。${SAVE_AS.ja}`, en: `An encrypted workbook cannot be read. ${SAVE_AS.en}` }),
  'too-many-parts': () => ({ ja: 'ブックの部品が多すぎるため読みません。', en: 'The workbook has too many parts to be read.' }),
  'too-large': (part) => ({
    ja: `ブックを展開すると大きくなりすぎるため読みません${part ? ` (${part})` : ''}。不要なシートを削除するか CSV で保存してください。`,
    en: `The workbook inflates past the size this tool reads${part ? ` (${part})` : ''}. Remove sheets it does not need or save it as CSV.`,
  }),
  macros: () => ({
    ja: 'マクロ付きのブック (.xlsm) は扱いません。Excel で「Excel ブック (*.xlsx)」として保存し直す (マクロは削除されます) か、CSV で保存してください。',
    en: 'A macro-enabled workbook (.xlsm) is not accepted. Save it from Excel as "Excel Workbook (*.xlsx)" (which drops the macros) or as CSV.',
  }),
  'binary-workbook': () => ({ ja: `バイナリ形式のブック (.xlsb) は読めません。${SAVE_AS.ja}`, en: `A binary workbook (.xlsb) cannot be read. ${SAVE_AS.en}` }),
  'xml-doctype': (part) => ({
    ja: `ブックの ${part} に DOCTYPE 宣言 (外部実体や実体展開に使われるもの) があるため読みません。`,
    en: `The workbook's ${part} holds a DOCTYPE declaration (used for external or expanding entities), so it is not read.`,
  }),
  'xml-malformed': (part) => ({ ja: `ブックの ${part} が正しい XML ではありません。`, en: `The workbook's ${part} is not well-formed XML.` }),
  'no-sheet': () => ({ ja: 'ブックにワークシートがありません。', en: 'The workbook has no worksheet.' }),
  'sheet-not-found': (part) => ({ ja: `シート「${part}」がありません。`, en: `There is no sheet "${part}".` }),
  'too-many-strings': () => ({ ja: 'ブックの共有文字列が多すぎるため読みません。', en: 'The workbook has too many shared strings to be read.' }),
  'too-many-cells': (part) => ({ ja: `シート「${part}」のセルが多すぎるため読みません。`, en: `Sheet "${part}" has too many cells to be read.` }),
};

export function problemOf(error: XlsxError): XlsxProblem {
  return { code: `xlsx-${error.code}`, ...(error.part ? { part: error.part } : {}), message: XLSX_MESSAGES[error.code](error.part ?? '') };
}

/** Runs a reader or writer, turning an XlsxError into a failed result; any other error is a bug and is thrown. */
export function attempt<T>(fn: () => T): T | { ok: false; error: XlsxProblem } {
  try {
    return fn();
  } catch (error) {
    if (error instanceof XlsxError) return { ok: false, error: problemOf(error) };
    throw error;
  }
}
