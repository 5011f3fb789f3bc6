import type { z } from 'zod';
import type { ChangedCell, RefusedChange } from '../csv/patch';
import type { OutputEncoding } from '../csv/encode';
import type { Localized } from '../i18n';
import type { Member, Snapshot } from '../model';

export const FORMAT_IDS = [
  'audit-report',
  'lineworks-bulk-add-auto',
  'lineworks-bulk-add-admin',
  'lineworks-bulk-add-member',
  'lineworks-bulk-modify',
  'receptionist-employees',
  'link-invitations',
] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

export type OutputKind = 'csv' | 'xlsx';

/** A rule a field's value must meet before it is exported; an empty value is checked by `required` alone. */
export interface FieldRule {
  schema: z.ZodType<string>;
  message: Localized;
}

export interface ColumnSpec {
  header: string;
  /** Other spellings a console's own file uses for the column (another language, an older sample). */
  aliases?: readonly string[];
  rule?: FieldRule;
  required?: boolean;
  /** The rule admits only safe values (`+81-90-…`), so the value is written as it is, not neutralised. */
  trusted?: boolean;
}

export interface FormatInput {
  snapshot: Snapshot;
  /** The members to export, as the admin selected them. */
  members: readonly Member[];
  /** Every member of the audited roster, when `members` is a selection of it. */
  rosterMembers?: readonly Member[];
  /** The console's own file to fill or patch. */
  template?: Uint8Array;
  /** A Chatwork roster's members keyed by normalized email, to fill Chatwork IDs. */
  chatworkByEmail?: ReadonlyMap<string, Member>;
  /** Values the admin typed, by member key then column header (passwords, edits for bulk modify …). */
  values?: ReadonlyMap<string, Readonly<Record<string, string>>>;
  /** Headers whose cells the admin agreed may be blanked (bulk modify deletes a value on a blank). */
  allowClear?: ReadonlySet<string>;
  /** Encoding of a built-in layout; a template keeps its own. */
  encoding?: OutputEncoding;
  /** A built-in layout as CSV (the default) or as an Excel workbook; a template keeps its own kind. */
  output?: OutputKind;
  /** The worksheet of a workbook template, by name; else the first that holds the columns looked for. */
  sheet?: string;
  /** Export the rows without errors and list the others, instead of refusing. */
  validRowsOnly?: boolean;
  /** LINE WORKS single sign-on: External Key becomes required. */
  sso?: boolean;
  /** Which Chatwork identifier RECEPTIONIST gets. */
  chatworkIdKind?: 'account-id' | 'chatwork-id';
  /** Language of the words the file carries for people (suggested actions, the audit report's labelled columns); Japanese when not said. */
  lang?: 'ja' | 'en';
}

export interface ExportIssue {
  severity: 'error' | 'warning';
  code: string;
  /** 1-based data row. */
  row?: number;
  /** 1-based line in the file that would be written. */
  line?: number;
  column?: string;
  /** Member key, so the view can point at the member. */
  member?: string;
  message: Localized;
}

export interface ExportFile {
  name: string;
  bytes: Uint8Array;
  mime: string;
}

export interface SkippedRow {
  row: number;
  member: string;
  name: string;
}

/**
 * What uploading the file does to the console's people, for a console whose import can replace them
 * all (RECEPTIONIST's 全件上書き). `removes` is undefined when the roster the file is measured against
 * is unknown.
 */
export interface RowCounts {
  /** `add`: the file holds only the chosen people and must be uploaded as an addition. */
  mode: 'add' | 'overwrite';
  rows: number;
  keeps: number;
  adds: number;
  changes: number;
  /** People the upload would delete: in overwrite mode the file's, in add mode if it were uploaded as an overwrite. */
  removes: number | undefined;
}

export interface BuildResult {
  /** Empty when the export is refused; `issues` then say why. */
  files: ExportFile[];
  issues: ExportIssue[];
  skippedRows: SkippedRow[];
  /** Cells a template patch changed or refused to change. */
  changedCells?: ChangedCell[];
  refusedChanges?: RefusedChange[];
  rowCounts?: RowCounts;
}

export interface ExportFormat {
  id: FormatId;
  label: Localized;
  template: 'none' | 'optional' | 'required';
  columns: readonly ColumnSpec[];
  build(input: FormatInput): BuildResult;
}
