import { columnName, columnOf, relationships, type Workbook } from './read';
import { readText } from './zip';
import { XmlScanner } from './xml';

/** A cell range such as `A1:F4`, 0-based columns and 1-based rows. */
export interface CellRange {
  firstCol: number;
  firstRow: number;
  lastCol: number;
  lastRow: number;
}

export function parseRange(ref: string): CellRange | undefined {
  const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(ref);
  if (!match) return undefined;
  const firstCol = columnOf(match[1]!);
  const firstRow = Number(match[2]);
  return { firstCol, firstRow, lastCol: match[3] ? columnOf(match[3]) : firstCol, lastRow: match[4] ? Number(match[4]) : firstRow };
}

export const rangeRef = (range: CellRange) => `${columnName(range.firstCol)}${range.firstRow}:${columnName(range.lastCol)}${range.lastRow}`;

/**
 * The Excel tables (ListObjects, `xl/tables/tableN.xml`) of a sheet that rows written right under
 * them must join: each table's range grows down over the consecutive rows below it that get a value
 * inside its columns, so the new people are in the table (its filter, its banding, formulas that
 * name it). Only the `ref` of the table and of its filter change; every other character of the part
 * is kept, and a table no written row reaches is not rewritten at all. A table with a totals row is
 * left as it is (a row under it is not its data).
 */
export function grownTables(workbook: Workbook, sheetPath: string, rows: ReadonlyMap<number, ReadonlyMap<number, string>>): Map<string, Uint8Array> {
  const grown = new Map<string, Uint8Array>();
  for (const rel of relationships(workbook.zip, sheetPath).values()) {
    if (rel.external || !rel.type.endsWith('/table')) continue;
    const xml = readText(workbook.zip, rel.target);
    if (xml === undefined) continue;
    const scanner = new XmlScanner(xml, rel.target);
    const refs: { start: number; end: number }[] = [];
    let range: CellRange | undefined;
    while (scanner.next()) {
      if (scanner.kind === 'close' || (scanner.name !== 'table' && scanner.name !== 'autoFilter')) continue;
      if (scanner.name === 'table') {
        range = parseRange(scanner.attr('ref') ?? '');
        if (Number(scanner.attr('totalsRowCount') ?? 0) > 0) range = undefined;
      }
      const match = /(\sref\s*=\s*")([^"]*)"/.exec(scanner.attrs);
      if (match) {
        const start = scanner.start + 1 + scanner.qname.length + match.index + match[1]!.length;
        refs.push({ start, end: start + match[2]!.length });
      }
    }
    if (!range) continue;
    let lastRow = range.lastRow;
    while ([...(rows.get(lastRow + 1)?.entries() ?? [])].some(([col, value]) => value !== '' && col >= range!.firstCol && col <= range!.lastCol)) lastRow++;
    if (lastRow === range.lastRow) continue;
    let out = '';
    let read = 0;
    for (const at of refs) {
      const old = parseRange(xml.slice(at.start, at.end));
      // A filter covering the whole table grows with it; one over part of it (rare) is left.
      out += xml.slice(read, at.start) + (old && old.lastRow === range.lastRow ? rangeRef({ ...old, lastRow }) : xml.slice(at.start, at.end));
      read = at.end;
    }
    grown.set(rel.target, new TextEncoder().encode(out + xml.slice(read)));
  }
  return grown;
}
