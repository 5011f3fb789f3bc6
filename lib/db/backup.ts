import { z } from 'zod';
import { DomainPolicy, Member, Snapshot } from '../model';
import { RosterDbError } from './errors';
import { CURRENT_SCHEMA_VERSION, ExportRecord, TemplateRecord, type RosterDb } from './schema';

export const BACKUP_FORMAT = 'roster-audit-backup';
/** Version of the backup document (not of the database schema): raise it when the document changes shape. */
export const BACKUP_VERSION = 1;

const BackupHeader = z.object({ format: z.literal(BACKUP_FORMAT), version: z.number().int().positive() });

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const BackupDocument = BackupHeader.extend({
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.number(),
  schemaVersion: z.number().int().positive(),
  tables: z.object({
    snapshots: z.array(Snapshot),
    members: z.array(Member),
    policies: z.array(DomainPolicy),
    templates: z.array(TemplateRecord.extend({ bytes: Base64 })),
    exports: z.array(ExportRecord),
  }),
});
type BackupDocument = z.infer<typeof BackupDocument>;

/** The whole cache as one JSON document, read in one transaction so it is a consistent picture. */
export async function exportBackup(db: RosterDb, now: number = Date.now()): Promise<string> {
  const tables = await db.transaction('r', db.tables, async () => ({
    snapshots: await db.snapshots.toArray(),
    members: await db.members.toArray(),
    policies: await db.policies.toArray(),
    templates: (await db.templates.toArray()).map((t) => ({ ...t, bytes: bytesToBase64(t.bytes) })),
    exports: await db.exports.toArray(),
  }));
  const document: BackupDocument = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    tables,
  };
  return JSON.stringify(document);
}

export interface ImportSummary {
  added: Record<'snapshots' | 'members' | 'policies' | 'templates' | 'exports', number>;
  /** Records already in the cache, kept as they are. */
  kept: Record<'snapshots' | 'policies' | 'templates' | 'exports', number>;
}

/**
 * Merges a backup into the cache: a snapshot, template or export already present (same id) is kept as
 * it is, with its members; a tenant's policy is added only where the tenant has none. Everything is
 * checked first and written in one transaction, so a bad file writes nothing.
 */
export async function importBackup(db: RosterDb, data: string | Uint8Array): Promise<ImportSummary> {
  const document = parseBackup(data);
  const { snapshots, members, policies, templates, exports } = document.tables;
  return db.transaction('rw', db.tables, async () => {
    const existingSnapshots = await presentKeys(db.snapshots, snapshots.map((s) => s.id));
    const existingPolicies = await presentKeys(db.policies, policies.map((p) => p.tenant));
    const existingTemplates = await presentKeys(db.templates, templates.map((t) => t.id));
    const existingExports = await presentKeys(db.exports, exports.map((e) => e.id));
    const newSnapshots = snapshots.filter((s) => !existingSnapshots.has(s.id));
    const newMembers = members.filter((m) => !existingSnapshots.has(m.snapshotId));
    const newPolicies = policies.filter((p) => !existingPolicies.has(p.tenant));
    const newTemplates = templates.filter((t) => !existingTemplates.has(t.id)).map((t) => ({ ...t, bytes: base64ToBytes(t.bytes) }));
    const newExports = exports.filter((e) => !existingExports.has(e.id));
    await db.snapshots.bulkPut(newSnapshots);
    await db.members.bulkPut(newMembers);
    await db.policies.bulkPut(newPolicies);
    await db.templates.bulkPut(newTemplates);
    await db.exports.bulkPut(newExports);
    return {
      added: {
        snapshots: newSnapshots.length,
        members: newMembers.length,
        policies: newPolicies.length,
        templates: newTemplates.length,
        exports: newExports.length,
      },
      kept: {
        snapshots: existingSnapshots.size,
        policies: existingPolicies.size,
        templates: existingTemplates.size,
        exports: existingExports.size,
      },
    };
  });
}

async function presentKeys<K extends string>(table: { bulkGet(keys: K[]): Promise<unknown[]> }, keys: K[]): Promise<Set<K>> {
  const found = await table.bulkGet(keys);
  return new Set(keys.filter((_, i) => found[i] !== undefined));
}

function parseBackup(data: string | Uint8Array): BackupDocument {
  let json: unknown;
  try {
    json = JSON.parse(typeof data === 'string' ? data : new TextDecoder('utf-8', { fatal: true }).decode(data));
  } catch (cause) {
    throw backupError(looksLikeCutBackup(data) ? 'backup-truncated' : 'not-a-backup', cause);
  }
  const header = BackupHeader.safeParse(json);
  if (!header.success) throw backupError('not-a-backup');
  if (header.data.version > BACKUP_VERSION) throw backupError('backup-too-new');
  const parsed = BackupDocument.safeParse(json);
  if (!parsed.success) throw backupError('backup-invalid', parsed.error, z.prettifyError(parsed.error));
  const snapshotIds = new Set(parsed.data.tables.snapshots.map((s) => s.id));
  const orphan = parsed.data.tables.members.find((m) => !snapshotIds.has(m.snapshotId));
  if (orphan) throw backupError('backup-invalid', undefined, `member of unknown snapshot "${orphan.snapshotId}"`);
  return parsed.data;
}

/** A backup begins with its format id; a file that does but does not parse was cut short. */
function looksLikeCutBackup(data: string | Uint8Array): boolean {
  const head = typeof data === 'string' ? data.slice(0, 64) : new TextDecoder().decode(data.subarray(0, 64));
  return head.includes(`"format":"${BACKUP_FORMAT}"`);
}

const BACKUP_MESSAGES: Record<'not-a-backup' | 'backup-too-new' | 'backup-truncated' | 'backup-invalid', { ja: string; en: string }> = {
  'not-a-backup': {
    ja: 'このファイルは Roster Audit のバックアップではありません。',
    en: 'This file is not a Roster Audit backup.',
  },
  'backup-too-new': {
    ja: 'このバックアップは新しい版の Roster Audit で作られています。拡張機能を更新してから読み込んでください。',
    en: 'This backup was made by a newer Roster Audit. Update the extension, then restore it.',
  },
  'backup-truncated': {
    ja: 'バックアップファイルが途中で切れています。もう一度保存し直したファイルを使ってください。',
    en: 'The backup file is cut short. Use a freshly saved copy.',
  },
  'backup-invalid': {
    ja: 'バックアップファイルの内容が壊れています。何も読み込んでいません。',
    en: 'The backup file is damaged. Nothing was restored.',
  },
};

function backupError(code: keyof typeof BACKUP_MESSAGES, cause?: unknown, detail?: string): RosterDbError {
  const text = BACKUP_MESSAGES[code];
  return new RosterDbError(
    code,
    detail ? { ja: `${text.ja}\n${detail}`, en: `${text.en}\n${detail}` } : text,
    { cause },
  );
}

const BASE64_CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += BASE64_CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + BASE64_CHUNK));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
