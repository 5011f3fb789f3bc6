import { logExport, membersOf, type RosterDb } from '../db';
import type { FormatId } from '../formats';
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
  files: readonly { name: string }[];
  /** Members in the files (rows the build skipped are not counted). */
  rows: number;
  /** How the bytes were written: 'template', 'xlsx' or a CSV encoding. */
  encoding: string;
  time: number;
  newId?: () => string;
}

/** Logs every file of a build handed to the admin, one log entry per file. */
export async function recordExport(db: RosterDb, handed: HandedOver): Promise<void> {
  for (const file of handed.files) {
    await logExport(db, {
      id: handed.newId?.() ?? crypto.randomUUID(),
      time: handed.time,
      snapshotId: handed.snapshotId,
      formatId: handed.formatId,
      fileName: file.name,
      rows: handed.rows,
      encoding: handed.encoding,
    });
  }
}
