import Papa from 'papaparse';
import { neutralizeCell } from '../csv/neutralize';
import { reportColumns, reportLabelledColumns, type ReportContext } from '../formats/audit-report';
import { dateStamp, fileNamePart, type MemberColumn } from '../formats/table';
import type { Lang } from '../i18n';
import type { Member, Snapshot } from '../model';
import type { MemberColumnId } from './columns';

/**
 * The member table's download: the rows the table shows (after its filters, search and sort, all of
 * them, not the window on screen), with the columns it shows. Like the audit report, machine columns
 * first (the report's own names and codes) and the same facts in words in the admin's language after
 * them. Built a chunk at a time, as the roster worker hands the rows over, so a 100,000-member
 * download never holds the page's thread for long.
 */

const POSITION: MemberColumn<ReportContext> = { header: 'position', value: (member) => String(member.index + 1) };

/** Each table column's machine columns (by the report's names) and labelled columns (by the report's English header). */
const EXPORTED: Record<MemberColumnId, { machine: readonly string[]; labelled: readonly string[] }> = {
  index: { machine: [], labelled: [] },
  name: { machine: ['name'], labelled: [] },
  identifier: { machine: ['identifier', 'email'], labelled: [] },
  domain: { machine: ['domain'], labelled: [] },
  classification: { machine: ['classification'], labelled: ['Classified as', 'Why'] },
  link: { machine: ['link_status'], labelled: ['External link'] },
  findings: { machine: ['findings'], labelled: ['Findings in words'] },
};

function reportColumn(header: string): MemberColumn<ReportContext> {
  const column = reportColumns.find((c) => c.header === header);
  if (!column) throw new Error(`the audit report has no column ${header}`);
  return column;
}

function labelledColumn(englishHeader: string, lang: Lang): MemberColumn<ReportContext> {
  const at = reportLabelledColumns.en.findIndex((c) => c.header === englishHeader);
  const column = reportLabelledColumns[lang][at];
  if (!column) throw new Error(`the audit report has no labelled column ${englishHeader}`);
  return column;
}

/** The download's columns for the table's shown columns, in their order: machine columns, then words. */
export function exportColumns(shown: readonly MemberColumnId[], lang: Lang): MemberColumn<ReportContext>[] {
  const machine = shown.flatMap((id) => (id === 'index' ? [POSITION] : EXPORTED[id].machine.map(reportColumn)));
  const labelled = shown.flatMap((id) => EXPORTED[id].labelled.map((header) => labelledColumn(header, lang)));
  return [...machine, ...labelled];
}

const CRLF = '\r\n';

function csvLines(rows: string[][]): string {
  return rows.length === 0 ? '' : Papa.unparse(rows, { newline: CRLF, header: false }) + CRLF;
}

/** The file's head: a BOM (Excel in Japan reads UTF-8 by it) and the header line. */
export function exportCsvHead(columns: readonly MemberColumn<ReportContext>[]): string {
  return `\uFEFF${csvLines([columns.map((column) => column.header)])}`;
}

/** The CSV lines of some members, in the order given; a cell that could run as a spreadsheet formula is neutralised. */
export function exportCsvLines(columns: readonly MemberColumn<ReportContext>[], members: readonly Member[], context: ReportContext): string {
  return csvLines(members.map((member) => columns.map((column) => neutralizeCell(column.value(member, context)))));
}

export function exportFileName(snapshot: Pick<Snapshot, 'tenant' | 'finishedAt'>): string {
  return `members-filtered-${fileNamePart(snapshot.tenant)}-${dateStamp(snapshot.finishedAt)}.csv`;
}
