import { describe, expect, it } from 'vitest';
import { listExports } from '../../../lib/db/files';
import { saveSnapshot } from '../../../lib/db/snapshots';
import { chatworkMembersByEmail, recordExport } from '../../../lib/use-cases';
import { freshDb } from '../db/fake-db';
import { makeMember, makeSnapshot } from '../db/factory';

const file = (name: string) => ({ name, mime: 'text/csv', bytes: new Uint8Array([1]) });

describe('exporting', () => {
  it('logs one entry per file handed over, with the members in the files', async () => {
    const db = freshDb();
    let n = 0;
    await recordExport(db, {
      snapshotId: 's1',
      formatId: 'audit-report',
      files: [file('a.csv'), file('b.csv')],
      rows: 8,
      encoding: 'utf-8-bom',
      time: 5,
      newId: () => `e${++n}`,
    });
    const log = (await listExports(db, 's1')).sort((a, b) => a.id.localeCompare(b.id));
    expect(log.map((e) => [e.id, e.fileName, e.rows, e.encoding, e.formatId])).toEqual([
      ['e1', 'a.csv', 8, 'utf-8-bom', 'audit-report'],
      ['e2', 'b.csv', 8, 'utf-8-bom', 'audit-report'],
    ]);
  });

  it('logs nothing for a refused build', async () => {
    const db = freshDb();
    await recordExport(db, { snapshotId: 's1', formatId: 'audit-report', files: [], rows: 0, encoding: 'template', time: 5 });
    expect(await listExports(db)).toEqual([]);
  });

  it('joins a Chatwork audit by normalized email, the first member of an address winning', async () => {
    const db = freshDb();
    const members = [
      makeMember('cw', 0, { normalizedEmail: 'taro@example.co.jp', name: 'first' }),
      makeMember('cw', 1, { normalizedEmail: 'taro@example.co.jp', name: 'second' }),
      makeMember('cw', 2, { normalizedEmail: '', name: 'no address' }),
    ];
    await saveSnapshot(db, makeSnapshot({ id: 'cw', console: 'chatwork-users' }, members), members);
    const byEmail = await chatworkMembersByEmail(db, 'cw');
    expect([...byEmail.entries()].map(([email, m]) => [email, m.name])).toEqual([['taro@example.co.jp', 'first']]);
  });
});
