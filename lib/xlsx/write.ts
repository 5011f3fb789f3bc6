import { zipSync } from 'fflate';
import { columnName } from './read';
import { escapeOoxml, escapeXml } from './xml';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SheetSpec {
  sheetName: string;
  headers: readonly string[];
  /** Headers a console requires, shown in red as the consoles' own samples do. */
  required: readonly boolean[];
  rows: readonly (readonly string[])[];
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Style 1: text (number format `@`), so a value typed later in Excel stays text too; 2 the header; 3 a required header. */
const STYLES = `${DECLARATION}<styleSheet xmlns="${MAIN}"><fonts count="3"><font><sz val="11"/></font><font><b/><sz val="11"/></font><font><b/><sz val="11"/><color rgb="FFFF0000"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"/><xf numFmtId="49" fontId="2" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const CONTENT_TYPES = `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
const ROOT_RELS = `${DECLARATION}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK_RELS = `${DECLARATION}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;

function cell(ref: string, style: number, value: string): string {
  if (value === '') return '';
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t${space}>${escapeXml(escapeOoxml(value))}</t></is></c>`;
}

/** Excel's rules for a sheet name: at most 31 characters, none of `[]:*?/\`. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet1';
}

/** Rough column widths in Excel's character units: a CJK character is about two. */
function width(values: readonly string[]): number {
  let widest = 8;
  for (const value of values) {
    let w = 0;
    for (const char of value.slice(0, 80)) w += char.charCodeAt(0) > 0x2e80 ? 2 : 1;
    widest = Math.max(widest, w + 2);
  }
  return Math.min(widest, 60);
}

/**
 * One sheet, one table: a bold shaded header (required columns in red), frozen below the header,
 * every cell a text cell in text-formatted columns, so IDs with leading zeros and `+81` numbers stay
 * as they are and no value is ever a formula.
 */
export function writeWorkbook(spec: SheetSpec): Uint8Array {
  const columns = spec.headers.length;
  const sample = spec.rows.slice(0, 200);
  const cols = spec.headers
    .map((header, i) => `<col min="${i + 1}" max="${i + 1}" width="${width([header, ...sample.map((row) => row[i] ?? '')])}" style="1" customWidth="1"/>`)
    .join('');
  const header = `<row r="1">${spec.headers.map((text, i) => cell(`${columnName(i)}1`, spec.required[i] ? 3 : 2, text)).join('')}</row>`;
  const body = spec.rows.map((row, r) => `<row r="${r + 2}">${row.map((value, i) => cell(`${columnName(i)}${r + 2}`, 1, value)).join('')}</row>`).join('');
  const last = `${columnName(Math.max(0, columns - 1))}${spec.rows.length + 1}`;
  const sheet = `${DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:${last}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${header}${body}</sheetData></worksheet>`;
  const workbook = `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${escapeXml(sheetName(spec.sheetName))}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const text = (s: string) => new TextEncoder().encode(s);
  return zipSync(
    {
      '[Content_Types].xml': text(CONTENT_TYPES),
      '_rels/.rels': text(ROOT_RELS),
      'xl/workbook.xml': text(workbook),
      'xl/_rels/workbook.xml.rels': text(WORKBOOK_RELS),
      'xl/styles.xml': text(STYLES),
      'xl/worksheets/sheet1.xml': text(sheet),
    },
    { level: 6 },
  );
}
