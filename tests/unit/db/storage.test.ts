import { describe, expect, it } from 'vitest';
import { saveTemplate } from '../../../lib/db/files';
import { saveSnapshot } from '../../../lib/db/snapshots';
import { storageSummary } from '../../../lib/db/storage';
import { freshDb } from './fake-db';
import { makeRoster } from './factory';

describe('storageSummary', () => {
  it('counts rows and template bytes and passes on the browser’s estimate', async () => {
    const db = freshDb();
    const roster = makeRoster({ id: 's1' }, 4);
    await saveSnapshot(db, roster.snapshot, roster.members);
    await saveTemplate(db, { id: 't', name: 't.csv', formatId: 'audit-report', bytes: new Uint8Array(1000), savedAt: 1 });
    expect(await storageSummary(db, async () => ({ usage: 5000, quota: 100000 }))).toEqual({
      snapshots: 1,
      members: 4,
      policies: 0,
      templates: 1,
      exports: 0,
      templateBytes: 1000,
      usage: 5000,
      quota: 100000,
    });
    expect(await storageSummary(db, () => Promise.reject(new Error('unsupported')))).not.toHaveProperty('usage');
  });
});
