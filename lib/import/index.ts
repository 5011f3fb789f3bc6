import type { CsvEncoding } from '../csv/decode';
import { findColumn, normalizeHeader } from '../csv/headers';
import type { CsvProblem } from '../csv/read';
import type { XlsxProblem } from '../xlsx/errors';
import { MemberRow, type ConsoleId } from '../model';
import { MAX_CELL_LENGTH, MAX_CELLS_PER_ROW } from '../row-limits';
import { chatworkUsers } from './chatwork-users';
import { genericEmail } from './generic-email';
import { googleWorkspaceUsers } from './google-workspace-users';
import { immedioUsers } from './immedio-users';
import { lineworksMembers } from './lineworks-members';
import type { CellGetter, ImportProfile } from './profile';
import { slackMembers } from './slack-members';
import { isWorkbookTable, readTable, workbookWarnings } from '../xlsx/table';

export type { ImportProfile } from './profile';

/** Most specific first: the generic email profile takes what no other does. */
export const IMPORT_PROFILES: readonly ImportProfile[] = [chatworkUsers, lineworksMembers, immedioUsers, googleWorkspaceUsers, slackMembers, genericEmail];

export interface ImportedRoster {
  ok: true;
  profile: string;
  console: ConsoleId;
  /** The domain most identifiers are at: the likely tenant. '' when none has a domain. */
  tenant: string;
  headers: string[];
  rows: MemberRow[];
  /** What the admin is told after the import (a row of the wrong width, undecodable bytes, rows left out, a workbook's links), listed up to a bound. */
  warnings: ImportWarning[];
  /** How many warnings there are in all, `warnings` and those it leaves out. */
  warningCount: number;
}

/** Why a roster file was not imported; words in lib/problem-text.ts. */
export type ImportProblem = CsvProblem | XlsxProblem | { code: 'no-identifier-column' };

/** What is worth telling about a roster file that was imported; words in lib/problem-text.ts. */
export type ImportWarning = CsvProblem | { code: 'xlsx-external-links' } | { code: 'import-rows-skipped'; rows: number };

export interface ImportFailure {
  ok: false;
  error: ImportProblem;
}

export function detectProfile(headers: readonly string[]): ImportProfile | undefined {
  return IMPORT_PROFILES.find((profile) => profile.signature.every((names) => findColumn(headers, names) >= 0));
}

function guessTenant(rows: readonly MemberRow[]): string {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const address = row.email || row.identifier;
    const at = address.lastIndexOf('@');
    if (at < 0) continue;
    const domain = address
      .slice(at + 1)
      .trim()
      .toLowerCase();
    if (domain) counts.set(domain, (counts.get(domain) ?? 0) + 1);
  }
  let tenant = '';
  let best = 0;
  for (const [domain, count] of counts) {
    if (count > best) {
      tenant = domain;
      best = count;
    }
  }
  return tenant;
}

const clip = (value: string) => value.slice(0, MAX_CELL_LENGTH);

/**
 * Reads a roster file exported by a console (Chatwork, LINE WORKS, Slack, Google Workspace, or any
 * CSV with an email column) into member rows, as if its page had been scanned.
 */
export function importRoster(bytes: Uint8Array, options: { profile?: string; encoding?: CsvEncoding; sheet?: string } = {}): ImportedRoster | ImportFailure {
  const chosen = options.profile ? IMPORT_PROFILES.filter((candidate) => candidate.id === options.profile) : IMPORT_PROFILES;
  // A workbook is read on the sheet the admin chose, else the first whose header row names a profile's column.
  const wanted = chosen.flatMap((candidate) => candidate.signature.flat());
  const file = readTable(bytes, { ...options, wanted });
  if (!file.ok) return { ok: false, error: file.error };
  const profile = options.profile ? IMPORT_PROFILES.find((candidate) => candidate.id === options.profile) : detectProfile(file.headers);
  if (!profile) {
    return { ok: false, error: { code: 'no-identifier-column' } };
  }
  const positions = new Map<string, number>();
  file.headers.forEach((header, index) => {
    const name = normalizeHeader(header);
    if (!positions.has(name)) positions.set(name, index);
  });
  const has = (...headers: string[]) => headers.some((header) => positions.has(normalizeHeader(header)));
  const rows: MemberRow[] = [];
  let skipped = 0;
  for (const cells of file.rows) {
    const get: CellGetter = (...headers) => {
      for (const header of headers) {
        const index = positions.get(normalizeHeader(header));
        const value = index === undefined ? '' : (cells[index] ?? '').trim();
        if (value) return clip(value);
      }
      return '';
    };
    const input = profile.row(get, has);
    const fields = Object.fromEntries(Object.entries(input.fields ?? {}).filter(([, value]) => value));
    const parsed = MemberRow.safeParse({ ...input, fields, cells: cells.slice(0, MAX_CELLS_PER_ROW).map(clip) });
    if (parsed.success && (parsed.data.name || parsed.data.identifier)) rows.push(parsed.data);
    else skipped += 1;
  }
  const warnings: ImportWarning[] = [
    ...(isWorkbookTable(file) ? workbookWarnings(file).map((warning) => warning.problem) : []),
    ...(skipped > 0 ? [{ code: 'import-rows-skipped' as const, rows: skipped }] : []),
    ...file.warnings,
  ];
  return {
    ok: true,
    profile: profile.id,
    console: profile.console,
    tenant: guessTenant(rows),
    headers: file.headers,
    rows,
    warnings,
    warningCount: warnings.length + (file.warningsLeftOut ?? 0),
  };
}
