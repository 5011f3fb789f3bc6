import { z } from 'zod';
import { DomainPolicy, Member, Snapshot } from '../model';
import { RosterDbError } from './errors';
import { replaceMemberColumns } from './member-columns';
import { CURRENT_SCHEMA_VERSION, ExportRecord, TemplateRecord, type RosterDb } from './schema';
import { WRITE_CHUNK_SIZE } from './snapshots';

export const BACKUP_FORMAT = 'roster-audit-backup';
/** Version of the backup document (not of the database schema): raise it when the document changes shape. */
export const BACKUP_VERSION = 1;

const BackupHeader = z.object({ format: z.literal(BACKUP_FORMAT), version: z.number().int().positive() });

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** The largest backup read, checked on the file's size before a byte of it is read (stated in the dashboard). */
export const BACKUP_MAX_BYTES = 256 * 1024 * 1024;
/** Problems listed in a refusal; the rest are counted. */
export const PROBLEMS_LISTED = 20;
/** How long the rows past the listed problems are counted before the count says "at least". */
const PROBLEM_COUNT_BUDGET_MS = 3000;
const PROGRESS_EVERY = 20_000;

const BACKUP_ROWS = {
  snapshots: Snapshot,
  members: Member,
  policies: DomainPolicy,
  templates: TemplateRecord.extend({ bytes: Base64 }),
  exports: ExportRecord,
} as const;
type BackupTable = keyof typeof BACKUP_ROWS;

const BackupDocument = BackupHeader.extend({
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.number(),
  schemaVersion: z.number().int().positive(),
  // Each table an array here; its rows are checked one by one below, so that a file of a million bad
  // rows is refused after its first problems, not after a million error reports.
  tables: z.object(Object.fromEntries(Object.keys(BACKUP_ROWS).map((table) => [table, z.array(z.unknown())])) as Record<BackupTable, z.ZodArray<z.ZodUnknown>>),
});
interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: number;
  schemaVersion: number;
  tables: { [T in BackupTable]: z.infer<(typeof BACKUP_ROWS)[T]>[] };
}

/** How far a restore got: the rows checked, then the rows written, of `total`. */
export interface BackupProgress {
  phase: 'checking' | 'writing';
  done: number;
  total: number;
}
export interface BackupReadOptions {
  onProgress?: (progress: BackupProgress) => void;
  /** The clock the problem count's time budget runs on. */
  now?: () => number;
  maxBytes?: number;
}

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
export async function importBackup(db: RosterDb, data: string | Uint8Array, options: BackupReadOptions = {}): Promise<ImportSummary> {
  const document = parseBackup(data, options);
  const { snapshots, members, policies, templates, exports } = document.tables;
  return db.transaction('rw', db.tables, async () => {
    const existingSnapshots = await presentKeys(
      db.snapshots,
      snapshots.map((s) => s.id),
    );
    const existingPolicies = await presentKeys(
      db.policies,
      policies.map((p) => p.tenant),
    );
    const existingTemplates = await presentKeys(
      db.templates,
      templates.map((t) => t.id),
    );
    const existingExports = await presentKeys(
      db.exports,
      exports.map((e) => e.id),
    );
    const newSnapshots = snapshots.filter((s) => !existingSnapshots.has(s.id));
    const newMembers = members.filter((m) => !existingSnapshots.has(m.snapshotId));
    const newPolicies = policies.filter((p) => !existingPolicies.has(p.tenant));
    const newTemplates = templates.filter((t) => !existingTemplates.has(t.id)).map((t) => ({ ...t, bytes: base64ToBytes(t.bytes) }));
    const newExports = exports.filter((e) => !existingExports.has(e.id));
    await db.snapshots.bulkPut(newSnapshots);
    for (let start = 0; start < newMembers.length; start += WRITE_CHUNK_SIZE) {
      await db.members.bulkPut(newMembers.slice(start, start + WRITE_CHUNK_SIZE));
      options.onProgress?.({ phase: 'writing', done: Math.min(start + WRITE_CHUNK_SIZE, newMembers.length), total: newMembers.length });
    }
    // The roster worker's columns are not in a backup: they are made again from the members.
    for (const snapshot of newSnapshots) {
      const own = newMembers.filter((m) => m.snapshotId === snapshot.id).sort((a, b) => a.index - b.index);
      await replaceMemberColumns(db, snapshot.id, own);
    }
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

function parseBackup(data: string | Uint8Array, options: BackupReadOptions): BackupDocument {
  const size = typeof data === 'string' ? data.length : data.byteLength;
  if (size > (options.maxBytes ?? BACKUP_MAX_BYTES)) throw new RosterDbError({ code: 'backup-too-large', limitBytes: options.maxBytes ?? BACKUP_MAX_BYTES });
  let json: unknown;
  try {
    json = JSON.parse(typeof data === 'string' ? data : new TextDecoder('utf-8', { fatal: true }).decode(data));
  } catch (cause) {
    throw new RosterDbError({ code: looksLikeCutBackup(data) ? 'backup-truncated' : 'not-a-backup' }, { cause });
  }
  const header = BackupHeader.safeParse(json);
  if (!header.success) throw new RosterDbError({ code: 'not-a-backup' });
  if (header.data.version > BACKUP_VERSION) throw new RosterDbError({ code: 'backup-too-new' });
  const shape = BackupDocument.safeParse(json);
  if (!shape.success) throw new RosterDbError({ code: 'backup-invalid', detail: z.prettifyError(shape.error).slice(0, 2000) }, { cause: shape.error });
  const document: BackupDocument = { ...shape.data, format: BACKUP_FORMAT, tables: checkRows(shape.data.tables, options) };
  const snapshotIds = new Set(document.tables.snapshots.map((s) => s.id));
  const orphan = document.tables.members.find((m) => !snapshotIds.has(m.snapshotId));
  if (orphan) throw new RosterDbError({ code: 'backup-orphan-member', snapshotId: orphan.snapshotId });
  return document;
}

/**
 * Checks every row of every table. The first PROBLEMS_LISTED problems are described; the rows with
 * problems after them are counted for a few seconds, then the count is given as a lower bound.
 */
function checkRows(tables: Record<BackupTable, unknown[]>, options: BackupReadOptions): BackupDocument['tables'] {
  const now = options.now ?? (() => performance.now());
  const total = Object.values(tables).reduce((sum, rows) => sum + rows.length, 0);
  const problems: string[] = [];
  let more = 0;
  let countingSince: number | undefined;
  let countCut = false;
  let done = 0;
  const valid = {} as Record<BackupTable, unknown[]>;
  for (const table of Object.keys(BACKUP_ROWS) as BackupTable[]) {
    const schema = BACKUP_ROWS[table];
    valid[table] = [];
    for (const [index, row] of tables[table].entries()) {
      if (++done % PROGRESS_EVERY === 0) options.onProgress?.({ phase: 'checking', done, total });
      if (countCut) continue;
      const parsed = schema.safeParse(row);
      if (parsed.success) {
        valid[table].push(parsed.data);
        continue;
      }
      if (problems.length < PROBLEMS_LISTED) {
        const issue = parsed.error.issues[0];
        problems.push(`${table} #${index + 1}${issue?.path.length ? ` (${issue.path.join('.')})` : ''}: ${issue?.message ?? 'invalid'}`.slice(0, 300));
        continue;
      }
      more++;
      countingSince ??= now();
      if (now() - countingSince > PROBLEM_COUNT_BUDGET_MS) countCut = true;
    }
  }
  if (problems.length > 0) {
    const detail = problems.join('\n');
    throw new RosterDbError(
      more === 0 ? { code: 'backup-invalid', detail } : { code: countCut ? 'backup-invalid-at-least' : 'backup-invalid-more', detail, more },
    );
  }
  return valid as BackupDocument['tables'];
}

/** A backup begins with its format id; a file that does but does not parse was cut short. */
function looksLikeCutBackup(data: string | Uint8Array): boolean {
  const head = typeof data === 'string' ? data.slice(0, 64) : new TextDecoder().decode(data.subarray(0, 64));
  return head.includes(`"format":"${BACKUP_FORMAT}"`);
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
