import { describe, expect, it } from 'vitest';
import { deleteTemplate, listExports, listTemplates, logExport, saveTemplate } from '../../../lib/db/files';
import { freshDb } from './fake-db';

const template = (id: string, formatId: string, savedAt: number, size = 3) => ({
  id,
  name: `${id}.csv`,
  formatId,
  bytes: new Uint8Array(size).fill(0x41),
  savedAt,
});

describe('templates and the export log', () => {
  it('keeps templates byte for byte, newest first, per format', async () => {
    const db = freshDb();
    await saveTemplate(db, template('old', 'receptionist-employees', 1));
    await saveTemplate(db, template('new', 'receptionist-employees', 2));
    await saveTemplate(db, template('lw', 'lineworks-bulk-modify', 3));
    expect((await listTemplates(db, 'receptionist-employees')).map((t) => t.id)).toEqual(['new', 'old']);
    expect((await listTemplates(db))[0]?.bytes).toEqual(new Uint8Array([0x41, 0x41, 0x41]));
    await deleteTemplate(db, 'old');
    expect((await listTemplates(db)).map((t) => t.id)).toEqual(['lw', 'new']);
  });

  it('logs exports and rejects a malformed entry', async () => {
    const db = freshDb();
    await logExport(db, { id: 'e1', time: 1, snapshotId: 's1', formatId: 'audit-report', fileName: 'a.csv', rows: 10, encoding: 'utf-8-bom' });
    await logExport(db, { id: 'e2', time: 2, snapshotId: 's2', formatId: 'audit-report', fileName: 'b.csv', rows: 5, encoding: 'shift_jis' });
    expect((await listExports(db)).map((e) => e.id)).toEqual(['e2', 'e1']);
    expect((await listExports(db, 's1')).map((e) => e.id)).toEqual(['e1']);
    await expect(logExport(db, { id: 'e3', time: 3, snapshotId: 's1', formatId: '', fileName: 'c.csv', rows: -1, encoding: 'utf-8' })).rejects.toMatchObject({
      code: 'export-log-invalid',
    });
    expect(await db.exports.count()).toBe(2);
  });
});
