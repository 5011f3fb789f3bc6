import type { EstimateStorage } from './errors';
import type { RosterDb } from './schema';

export interface StorageSummary {
  snapshots: number;
  members: number;
  policies: number;
  templates: number;
  exports: number;
  /** Bytes of the saved templates themselves. */
  templateBytes: number;
  /** Bytes the browser reports for this extension's storage, when it reports them. */
  usage?: number;
  quota?: number;
}

export async function storageSummary(db: RosterDb, estimate?: EstimateStorage): Promise<StorageSummary> {
  const counts = await db.transaction('r', db.tables, async () => {
    let templateBytes = 0;
    await db.templates.each((t) => {
      templateBytes += t.bytes.byteLength;
    });
    return {
      snapshots: await db.snapshots.count(),
      members: await db.members.count(),
      policies: await db.policies.count(),
      templates: await db.templates.count(),
      exports: await db.exports.count(),
      templateBytes,
    };
  });
  const figures = estimate ? await estimate().catch(() => ({})) : {};
  return { ...counts, ...pickNumbers(figures) };
}

function pickNumbers(figures: { usage?: number; quota?: number }): { usage?: number; quota?: number } {
  return {
    ...(typeof figures.usage === 'number' ? { usage: figures.usage } : {}),
    ...(typeof figures.quota === 'number' ? { quota: figures.quota } : {}),
  };
}
