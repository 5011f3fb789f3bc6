import { z } from 'zod';
import { RosterDbError } from './errors';
import { ExportRecord, TemplateRecord, type RosterDb } from './schema';

function parseRecord<T>(schema: z.ZodType<T>, value: unknown, code: 'template-invalid' | 'export-log-invalid'): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new RosterDbError({ code, detail: z.prettifyError(parsed.error) });
}

export async function saveTemplate(db: RosterDb, template: TemplateRecord): Promise<void> {
  await db.templates.put(parseRecord(TemplateRecord, template, 'template-invalid'));
}

/** Saved templates, newest first; of one export format when given. */
export async function listTemplates(db: RosterDb, formatId?: string): Promise<TemplateRecord[]> {
  const newestFirst = await db.templates.orderBy('savedAt').reverse().toArray();
  return formatId === undefined ? newestFirst : newestFirst.filter((t) => t.formatId === formatId);
}

export async function deleteTemplate(db: RosterDb, id: string): Promise<void> {
  await db.templates.delete(id);
}

export async function logExport(db: RosterDb, record: ExportRecord): Promise<void> {
  await db.exports.put(parseRecord(ExportRecord, record, 'export-log-invalid'));
}

/** The export log, newest first. */
export async function listExports(db: RosterDb, snapshotId?: string): Promise<ExportRecord[]> {
  const newestFirst = await db.exports.orderBy('time').reverse().toArray();
  return snapshotId === undefined ? newestFirst : newestFirst.filter((e) => e.snapshotId === snapshotId);
}
