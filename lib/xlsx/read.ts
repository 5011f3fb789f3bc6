import { builtInKind, formatKind, serialText, type DateKind } from './dates';
import { XlsxError } from './errors';
import { openZip, readEntry, readText, type ZipPackage } from './zip';
import { decodeText, partText, unescapeOoxml, XmlScanner } from './xml';

/** Shared strings and cells a workbook may hold before it is refused as too large to read here. */
export const MAX_SHARED_STRINGS = 1_000_000;
export const MAX_SHARED_STRING_CHARS = 64 * 1024 * 1024;
export const MAX_CELLS = 2_000_000;

export interface SheetInfo {
  name: string;
  /** The worksheet's part in the package, such as `xl/worksheets/sheet1.xml`. */
  path: string;
}

export interface Workbook {
  zip: ZipPackage;
  sheets: SheetInfo[];
  sharedStringsPath?: string;
  stylesPath?: string;
  /** Dates count from 1904 (`<workbookPr date1904="1"/>`, old Mac workbooks) rather than 1900. */
  date1904: boolean;
  /** The workbook links to other files (kept as they are and never followed). */
  externalLinks: boolean;
  strings?: string[];
  /** Cell styles (`s`, an index into `cellXfs`) whose number format shows a date or a time. */
  dateStyles?: Map<number, DateKind>;
}

export interface CellModel {
  /** 0-based column. */
  col: number;
  start: number;
  end: number;
  /** The value as a person reads it: text, a number as written, TRUE/FALSE, an error, a formula's last result. */
  value: string;
  formula: boolean;
  /** Attributes as written (`r="B2" s="3" t="s"`). */
  attrs: string;
  /** The cell holds a number, written as `<v>` with no type or `t="n"`. */
  numeric: boolean;
  /** A number shown as a date or time by its style: `value` is its text (`yyyymmdd`), not the serial. */
  date?: DateKind;
}

export interface RowModel {
  /** 1-based row number. */
  r: number;
  start: number;
  /** End of the opening tag; equal to `end` for a self-closing `<row/>`. */
  openEnd: number;
  end: number;
  /** The row's own style applies to its empty cells (`customFormat="1"`). */
  style?: string;
  cells: CellModel[];
}

export interface SheetModel {
  part: string;
  xml: string;
  /** Whether the part started with a UTF-8 byte order mark. */
  bom: boolean;
  /** Namespace prefix of the sheet's elements with its colon (`x:`), '' for the default namespace. */
  prefix: string;
  rows: RowModel[];
  /** Offsets of `<sheetData>`: its opening tag's end and its closing tag's start; equal for `<sheetData/>`. */
  dataOpenEnd: number;
  dataCloseStart: number;
  /** `<sheetData/>` as written, replaced by an open and close pair when rows are added. */
  dataEmpty?: { start: number; end: number };
  /** Default styles of column ranges (1-based, inclusive), from `<cols>`. */
  colStyles: { min: number; max: number; style: string }[];
  /** The workbook's dates count from 1904. */
  date1904: boolean;
  /** Offsets of the `ref` value of `<dimension>`. */
  dimension?: { start: number; end: number };
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);

/** Whether the bytes are a workbook (a zip package or an old OLE .xls) rather than text. */
export function isWorkbookBytes(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP) || startsWith(bytes, OLE);
}

/** `target` of a relationship in `source`'s folder, as a package path. */
function resolveTarget(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = source.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

export function relationships(zip: ZipPackage, part: string): Map<string, Relationship> {
  const slash = part.lastIndexOf('/');
  const relsPath = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const text = readText(zip, relsPath);
  const rels = new Map<string, Relationship>();
  if (text === undefined) return rels;
  const scanner = new XmlScanner(text, relsPath);
  while (scanner.next()) {
    if (scanner.name !== 'Relationship' || scanner.kind === 'close') continue;
    const id = scanner.attr('Id');
    const target = scanner.attr('Target');
    if (!id || !target) continue;
    const external = scanner.attr('TargetMode') === 'External';
    rels.set(id, { type: scanner.attr('Type') ?? '', target: external ? target : resolveTarget(part, target), external });
  }
  return rels;
}

/** Opens a workbook's package and lists its worksheets; cells are read sheet by sheet later. */
export function openWorkbook(bytes: Uint8Array): Workbook {
  if (startsWith(bytes, OLE)) throw new XlsxError('legacy-xls');
  if (!startsWith(bytes, ZIP)) throw new XlsxError('not-a-workbook');
  const zip = openZip(bytes);
  const types = readText(zip, '[Content_Types].xml');
  if (types === undefined) throw new XlsxError('not-a-workbook');
  if (/macroEnabled/i.test(types) || zip.entries.some((entry) => /vbaProject\.bin$/i.test(entry.name))) throw new XlsxError('macros');
  if (/sheet\.binary/i.test(types)) throw new XlsxError('binary-workbook');
  const root = [...relationships(zip, '').values()].find((rel) => rel.type.endsWith('/officeDocument'));
  const workbookPath = root?.target ?? 'xl/workbook.xml';
  const workbookXml = readText(zip, workbookPath);
  if (workbookXml === undefined) throw new XlsxError('not-a-workbook');
  const rels = relationships(zip, workbookPath);
  const sheets: SheetInfo[] = [];
  const scanner = new XmlScanner(workbookXml, workbookPath);
  while (scanner.next()) {
    if (scanner.name !== 'sheet' || scanner.kind === 'close') continue;
    const rel = rels.get(scanner.attr('id') ?? '');
    if (!rel || rel.external || !rel.type.endsWith('/worksheet') || !zip.byName.has(rel.target)) continue;
    sheets.push({ name: scanner.attr('name') ?? rel.target, path: rel.target });
  }
  if (sheets.length === 0) throw new XlsxError('no-sheet');
  const sharedStrings = [...rels.values()].find((rel) => rel.type.endsWith('/sharedStrings') && !rel.external);
  const styles = [...rels.values()].find((rel) => rel.type.endsWith('/styles') && !rel.external);
  let date1904 = false;
  for (const pr = new XmlScanner(workbookXml, workbookPath); pr.next();) {
    if (pr.name === 'workbookPr' && pr.kind !== 'close') date1904 = /^(1|true)$/.test(pr.attr('date1904') ?? '');
  }
  return {
    zip,
    sheets,
    date1904,
    ...(sharedStrings && zip.byName.has(sharedStrings.target) ? { sharedStringsPath: sharedStrings.target } : {}),
    ...(styles && zip.byName.has(styles.target) ? { stylesPath: styles.target } : {}),
    externalLinks: [...rels.values()].some((rel) => rel.type.endsWith('/externalLink')),
  };
}

/**
 * Text of an `<si>` or `<is>`: its `<t>` runs, leaving out phonetic guides (`<rPh>`, the furigana
 * Japanese Excel stores beside a name).
 */
function collectText(scanner: XmlScanner, container: string): string {
  let text = '';
  let phonetic = 0;
  let from = -1;
  while (scanner.next()) {
    const { name, kind } = scanner;
    if (name === container && kind === 'close') return unescapeOoxml(text);
    if (name === 'rPh') {
      if (kind === 'open') phonetic++;
      else if (kind === 'close') phonetic--;
    } else if (name === 't' && phonetic === 0) {
      if (kind === 'open') from = scanner.end;
      else if (kind === 'close' && from >= 0) {
        text += decodeText(scanner.text.slice(from, scanner.start), scanner.part);
        from = -1;
      }
    }
  }
  throw new XlsxError('xml-malformed', scanner.part);
}

export function sharedStrings(workbook: Workbook): string[] {
  if (workbook.strings) return workbook.strings;
  const strings: string[] = [];
  const path = workbook.sharedStringsPath;
  const entry = path ? workbook.zip.byName.get(path) : undefined;
  if (path && entry) {
    const text = partText(readEntry(workbook.zip, entry), path);
    const scanner = new XmlScanner(text, path);
    let chars = 0;
    while (scanner.next()) {
      if (scanner.name === 'sst' && scanner.kind !== 'close') {
        // The declared count is checked first, so a table that says it is huge is refused before it is read.
        if (Number(scanner.attr('uniqueCount') ?? 0) > MAX_SHARED_STRINGS) throw new XlsxError('too-many-strings');
      } else if (scanner.name === 'si') {
        const value = scanner.kind === 'empty' ? '' : collectText(scanner, 'si');
        chars += value.length;
        if (strings.length >= MAX_SHARED_STRINGS || chars > MAX_SHARED_STRING_CHARS) throw new XlsxError('too-many-strings');
        strings.push(value);
      }
    }
  }
  workbook.strings = strings;
  return strings;
}

/** The cell styles that show a number as a date or time, read once from the styles part. */
export function dateStyles(workbook: Workbook): Map<number, DateKind> {
  if (workbook.dateStyles) return workbook.dateStyles;
  const styles = new Map<number, DateKind>();
  const path = workbook.stylesPath;
  const text = path ? readText(workbook.zip, path) : undefined;
  if (path && text !== undefined) {
    const custom = new Map<number, DateKind | undefined>();
    const scanner = new XmlScanner(text, path);
    let inCellXfs = false;
    let index = 0;
    while (scanner.next()) {
      if (scanner.name === 'numFmt' && scanner.kind !== 'close') custom.set(Number(scanner.attr('numFmtId')), formatKind(scanner.attr('formatCode') ?? ''));
      else if (scanner.name === 'cellXfs') inCellXfs = scanner.kind === 'open';
      else if (inCellXfs && scanner.name === 'xf' && scanner.kind !== 'close') {
        const id = Number(scanner.attr('numFmtId') ?? 0);
        // A custom format may reuse a built-in id; the workbook's own code then decides.
        const kind = custom.has(id) ? custom.get(id) : builtInKind(id);
        if (kind) styles.set(index, kind);
        index++;
      }
    }
  }
  workbook.dateStyles = styles;
  return styles;
}

/** 0-based column of a reference such as `AB12`; -1 when it holds no letters. */
export function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  return i === 0 ? -1 : col - 1;
}

export function columnName(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(0x41 + ((n - 1) % 26)) + name;
  return name;
}

function cellValue(type: string | undefined, raw: string, inline: string | undefined, strings: () => string[], part: string): string {
  switch (type) {
    case 's':
      return strings()[Number(raw)] ?? '';
    case 'inlineStr':
      return inline ?? '';
    case 'b':
      return raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : raw;
    case 'str':
      return unescapeOoxml(decodeText(raw, part));
    default:
      return decodeText(raw, part);
  }
}

/**
 * Every row and cell of a worksheet with their offsets in its XML. A formula is read as its last
 * result as written by the spreadsheet; it is never evaluated.
 */
export function readSheet(workbook: Workbook, sheet: SheetInfo): SheetModel {
  const entry = workbook.zip.byName.get(sheet.path);
  if (!entry) throw new XlsxError('sheet-not-found', sheet.name);
  const bytes = readEntry(workbook.zip, entry);
  const xml = partText(bytes, sheet.path);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const scanner = new XmlScanner(xml, sheet.path);
  const model: SheetModel = {
    part: sheet.path,
    xml,
    bom,
    prefix: '',
    rows: [],
    dataOpenEnd: -1,
    dataCloseStart: -1,
    colStyles: [],
    date1904: workbook.date1904,
  };
  const strings = () => sharedStrings(workbook);
  let row: RowModel | undefined;
  let cell: (CellModel & { type: string | undefined; raw: string; inline: string | undefined; style: string | undefined }) | undefined;
  let valueFrom = -1;
  let cells = 0;
  while (scanner.next()) {
    const { name, kind } = scanner;
    if (name === 'worksheet' && kind !== 'close') model.prefix = scanner.qname.slice(0, scanner.qname.length - name.length);
    else if (name === 'dimension' && kind !== 'close') {
      const match = /(\sref\s*=\s*")([^"]*)"/.exec(scanner.attrs);
      if (match) {
        const start = scanner.start + 1 + scanner.qname.length + match.index + match[1]!.length;
        model.dimension = { start, end: start + match[2]!.length };
      }
    } else if (name === 'col' && kind !== 'close') {
      const style = scanner.attr('style');
      if (style) model.colStyles.push({ min: Number(scanner.attr('min') ?? 0), max: Number(scanner.attr('max') ?? 0), style });
    } else if (name === 'sheetData') {
      if (kind === 'open') model.dataOpenEnd = scanner.end;
      else if (kind === 'close') model.dataCloseStart = scanner.start;
      else {
        model.dataOpenEnd = model.dataCloseStart = scanner.end;
        model.dataEmpty = { start: scanner.start, end: scanner.end };
      }
    } else if (name === 'row') {
      if (kind === 'close') {
        if (row) row.end = scanner.end;
        row = undefined;
        continue;
      }
      const previous = model.rows[model.rows.length - 1];
      const r = Number(scanner.attr('r') ?? (previous ? previous.r + 1 : 1));
      const style = scanner.attr('customFormat') === '1' || scanner.attr('customFormat') === 'true' ? scanner.attr('s') : undefined;
      const next: RowModel = { r, start: scanner.start, openEnd: scanner.end, end: scanner.end, cells: [], ...(style ? { style } : {}) };
      model.rows.push(next);
      row = kind === 'open' ? next : undefined;
    } else if (name === 'c' && row) {
      if (kind === 'close') {
        if (cell) {
          cell.end = scanner.end;
          cell.value = cellValue(cell.type, cell.raw, cell.inline, strings, sheet.path);
          const date = cell.numeric && cell.raw !== '' && cell.style !== undefined ? dateStyles(workbook).get(Number(cell.style)) : undefined;
          const text = date && serialText(Number(cell.value), date, workbook.date1904);
          if (date && text !== undefined) [cell.value, cell.date] = [text, date];
        }
        cell = undefined;
        continue;
      }
      if (++cells > MAX_CELLS) throw new XlsxError('too-many-cells', sheet.name);
      const ref = scanner.attr('r');
      const last = row.cells[row.cells.length - 1];
      const col = ref ? columnOf(ref) : last ? last.col + 1 : 0;
      const type = scanner.attr('t');
      const next = {
        col,
        start: scanner.start,
        end: scanner.end,
        value: '',
        formula: false,
        attrs: scanner.attrs,
        numeric: type === undefined || type === 'n',
        raw: '',
        type,
        inline: undefined as string | undefined,
        style: scanner.attr('s'),
      };
      row.cells.push(next);
      cell = kind === 'open' ? next : undefined;
    } else if (cell) {
      if (name === 'f') cell.formula = true;
      else if (name === 'v') {
        if (kind === 'open') valueFrom = scanner.end;
        else if (kind === 'close') cell.raw = xml.slice(valueFrom, scanner.start);
      } else if (name === 'is' && kind === 'open') cell.inline = collectText(scanner, 'is');
    }
  }
  if (model.dataOpenEnd < 0 || model.dataCloseStart < 0) throw new XlsxError('xml-malformed', sheet.path);
  return model;
}

/** A sheet's non-blank rows as dense arrays of values, with their 1-based row numbers. */
export function sheetRows(model: SheetModel): { rows: string[][]; rowNumbers: number[] } {
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (const row of model.rows) {
    if (!row.cells.some((cell) => cell.value !== '')) continue;
    const values = new Array<string>(row.cells[row.cells.length - 1]!.col + 1).fill('');
    for (const cell of row.cells) if (cell.col >= 0) values[cell.col] = cell.value;
    rows.push(values);
    rowNumbers.push(row.r);
  }
  return { rows, rowNumbers };
}
