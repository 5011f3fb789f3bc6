/** Why a workbook was not read or not written; the words for each are in lib/problem-text.ts. */
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

/** A workbook's problem as the admin is told it: the part or sheet at fault is a parameter where the words name one. */
export type XlsxProblem =
  | { code: `xlsx-${Exclude<XlsxErrorCode, PartNamed | PartOptional>}` }
  | { code: `xlsx-${PartNamed | PartOptional}`; part: string }
  | { code: `xlsx-${PartOptional}-unnamed` };

/** Codes whose words always name the part or sheet at fault. */
type PartNamed = 'xml-doctype' | 'xml-malformed' | 'sheet-not-found' | 'too-many-cells';
/** Codes that name the part when one is known. */
type PartOptional = 'broken-zip' | 'too-large';
const PART_NAMED: ReadonlySet<XlsxErrorCode> = new Set<PartNamed | PartOptional>([
  'xml-doctype',
  'xml-malformed',
  'sheet-not-found',
  'too-many-cells',
  'broken-zip',
  'too-large',
]);

export function problemOf(error: XlsxError): XlsxProblem {
  const { code, part } = error;
  if (!PART_NAMED.has(code)) return { code: `xlsx-${code as Exclude<XlsxErrorCode, PartNamed | PartOptional>}` };
  if (part) return { code: `xlsx-${code as PartNamed | PartOptional}`, part };
  return code === 'broken-zip' || code === 'too-large' ? { code: `xlsx-${code}-unnamed` } : { code: `xlsx-${code as PartNamed}`, part: '' };
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
