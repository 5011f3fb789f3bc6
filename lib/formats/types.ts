import type { z } from 'zod';
import type { ChangedCell, RefusalReason, RefusedChange } from '../csv/patch';
import type { CsvProblem } from '../csv/read';
import type { OutputEncoding } from '../csv/encode';
import type { Localized } from '../i18n';
import type { Member, Snapshot } from '../model';
import type { XlsxProblem } from '../xlsx/errors';

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

/** A Chatwork account ID (識別ID, fixed, exported by the admin) or a Chatwork ID (chosen by the user). */
export type ChatworkIdKind = 'account-id' | 'chatwork-id';

/**
 * The choices a format takes from the admin, declared by the format: the export view renders one
 * control per declared option (and none for an option a format does not take), so a new format is
 * one new file. A list's first entry is the default.
 */
export interface FormatOptions {
  /** The console's own file to fill or patch: none, optional (else the built-in layout) or required. */
  template: 'none' | 'optional' | 'required';
  /** What the template is and does, where the general words (required / optional) do not say enough (RECEPTIONIST: it makes the file a 全件上書き). */
  templateHelp?: Localized;
  /** File kinds of the built-in layout; [] when the format only patches a template (which keeps its own kind). */
  outputs: readonly OutputKind[];
  /** Encodings of the built-in layout as CSV; [] when the format only patches a template (which keeps its own). */
  encodings: readonly OutputEncoding[];
  /** One value the admin sets in a column for every exported member (an initial password, a new organisation). */
  bulkValues: boolean;
  /** LINE WORKS single sign-on: External Key becomes required. */
  sso: boolean;
  /** A Chatwork roster joined by email for each member's Chatwork IDs. */
  chatworkRoster: boolean;
  /** Which Chatwork identifier is written; [] when the format writes none. */
  chatworkIdKinds: readonly ChatworkIdKind[];
  /** Rows in error may be left out and listed instead of the file being refused. */
  validRowsOnly: boolean;
}

/** What a built-in layout offers: CSV (UTF-8 with BOM first, for Excel in Japan) or a workbook. */
export const BUILT_IN_FILE = {
  outputs: ['csv', 'xlsx'],
  encodings: ['utf-8-bom', 'utf-8', 'shift_jis'],
} as const satisfies Pick<FormatOptions, 'outputs' | 'encodings'>;

/** A rule a field's value must meet before it is exported; an empty value is checked by `required` alone. */
export interface FieldRule {
  schema: z.ZodType<string>;
  /** What a value that fails the rule is told; words in lib/problem-text.ts. */
  problem: FieldProblem;
}

/** A value that breaks a field's rule (lib/formats/rules.ts, a format's own rules). */
export type FieldProblem =
  | {
      code:
        | 'field-lineworks-id'
        | 'field-person-name'
        | 'field-nickname'
        | 'field-furigana'
        | 'field-password'
        | 'field-personal-email'
        | 'field-external-key'
        | 'field-sub-mail-addresses'
        | 'field-organisation'
        | 'field-phone'
        | 'field-country-code'
        | 'field-language'
        | 'field-date'
        | 'field-account-id'
        | 'field-chatwork-id';
    }
  | { code: 'field-too-long'; max: number };

/** Every problem an export check reports, as a code with parameters; words in lib/problem-text.ts. */
export type ExportProblem =
  | FieldProblem
  | { code: 'required' }
  | { code: 'unencodable'; chars: string }
  // The template: not read, not the file wanted, or a part of it left as it is.
  | CsvProblem
  | XlsxProblem
  | { code: 'xlsx-external-links' }
  | { code: 'template-required' }
  | { code: 'template-missing-column'; column: string }
  | { code: 'no-key-column'; column: string }
  | { code: 'template-example-row'; line: number; cells: string }
  | { code: 'template-not-full-download'; missing: number; names: string }
  | { code: 'no-chatwork-id'; email: string }
  | { code: 'no-changes' }
  | { code: `refused-${Exclude<RefusalReason, 'unencodable'>}`; column: string }
  | { code: 'refused-unencodable'; column: string; chars: string };

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
  chatworkIdKind?: ChatworkIdKind;
  /** Language of the words the file carries for people (suggested actions, the audit report's labelled columns); Japanese when not said. */
  lang?: 'ja' | 'en';
}

export interface ExportIssue {
  severity: 'error' | 'warning';
  /** 1-based data row. */
  row?: number;
  /** 1-based line in the file that would be written. */
  line?: number;
  column?: string;
  /** Member key, so the view can point at the member. */
  member?: string;
  problem: ExportProblem;
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
  options: FormatOptions;
  columns: readonly ColumnSpec[];
  build(input: FormatInput): BuildResult;
}
