import { logExport, membersOf, type RosterDb } from '../db';
import type { BuildResult, FormatId } from '../formats';
import type { Member } from '../model';

/**
 * Exporting an audit: what a format joins from another roster is read here, and every file handed
 * over is written to the export log, so the view only chooses and downloads.
 */

/** A Chatwork audit's members by normalized email, the first of each address: what RECEPTIONIST's files join on. */
export async function chatworkMembersByEmail(db: RosterDb, chatworkSnapshotId: string): Promise<Map<string, Member>> {
  const byEmail = new Map<string, Member>();
  await membersOf(db, chatworkSnapshotId).each((member) => {
    if (member.normalizedEmail && !byEmail.has(member.normalizedEmail)) byEmail.set(member.normalizedEmail, member);
  });
  return byEmail;
}

export interface HandedOver {
  snapshotId: string;
  formatId: FormatId;
  result: BuildResult;
  /** Members the build was asked for; rows it skipped are not counted as exported. */
  membersAsked: number;
  /** How the bytes were written: 'template', 'xlsx' or a CSV encoding. */
  encoding: string;
  time: number;
  newId?: () => string;
}

/** Logs every file of a build handed to the admin, one log entry per file. */
export async function recordExport(db: RosterDb, handed: HandedOver): Promise<void> {
  const rows = Math.max(0, handed.membersAsked - handed.result.skippedRows.length);
  for (const file of handed.result.files) {
    await logExport(db, {
      id: handed.newId?.() ?? crypto.randomUUID(),
      time: handed.time,
      snapshotId: handed.snapshotId,
      formatId: handed.formatId,
      fileName: file.name,
      rows,
      encoding: handed.encoding,
    });
  }
}
