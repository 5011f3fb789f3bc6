import { describe, expect, it } from 'vitest';
import { joinLineworksMembersContacts, joinReceptionistChatwork } from '../../../lib/db/joins';
import { saveSnapshot } from '../../../lib/db/snapshots';
import { freshDb } from './fake-db';
import { makeRoster } from './factory';

describe('joinReceptionistChatwork', () => {
  it('flags missing account IDs, proposes Chatwork’s, and finds people missing on either side', async () => {
    const db = freshDb();
    const receptionist = makeRoster({ id: 'rc', console: 'receptionist-employees' }, [
      { normalizedEmail: 'has@example.co.jp', fields: { chatworkAccountId: '1001' } },
      { normalizedEmail: 'lacks@example.co.jp', fields: {} },
      { normalizedEmail: 'only-here@example.co.jp', fields: { chatworkAccountId: '1003' } },
      { normalizedEmail: 'blank@example.co.jp', fields: { chatworkAccountId: '  ' } },
    ]);
    const chatwork = makeRoster({ id: 'cw', console: 'chatwork-users' }, [
      { normalizedEmail: 'has@example.co.jp', fields: { chatworkAccountId: '1001' } },
      { normalizedEmail: 'lacks@example.co.jp', fields: { chatworkAccountId: '1002' } },
      { normalizedEmail: 'blank@example.co.jp', fields: {} },
      { normalizedEmail: 'only-chatwork@example.co.jp', fields: { chatworkAccountId: '1005' } },
    ]);
    await saveSnapshot(db, receptionist.snapshot, receptionist.members);
    await saveSnapshot(db, chatwork.snapshot, chatwork.members);

    const rows = await joinReceptionistChatwork(db, 'rc', 'cw');
    const summary = rows.map((r) => ({
      email: r.email,
      employee: r.employee?.index ?? null,
      chatworkUser: r.chatworkUser?.index ?? null,
      proposed: r.proposedChatworkAccountId ?? null,
      findings: r.findings.map((f) => `${f.id}:${f.detail ?? ''}`),
    }));
    expect(summary).toEqual([
      { email: 'has@example.co.jp', employee: 0, chatworkUser: 0, proposed: null, findings: [] },
      { email: 'lacks@example.co.jp', employee: 1, chatworkUser: 1, proposed: '1002', findings: ['missing-chatwork-account-id:1002'] },
      { email: 'only-here@example.co.jp', employee: 2, chatworkUser: null, proposed: null, findings: ['not-in-directory:chatwork-users'] },
      { email: 'blank@example.co.jp', employee: 3, chatworkUser: 2, proposed: null, findings: ['missing-chatwork-account-id:'] },
      { email: 'only-chatwork@example.co.jp', employee: null, chatworkUser: 3, proposed: null, findings: ['not-in-directory:receptionist-employees'] },
    ]);
  });

  it('refuses snapshots of the wrong console with a clear error', async () => {
    const db = freshDb();
    const lw = makeRoster({ id: 'lw' }, 1);
    await saveSnapshot(db, lw.snapshot, lw.members);
    await expect(joinReceptionistChatwork(db, 'lw', 'missing')).rejects.toMatchObject({
      problem: { code: 'audit-not-found', console: 'receptionist-employees', snapshotId: 'lw' },
    });
  });
});

describe('joinLineworksMembersContacts', () => {
  it('finds members who are also contacts and internal-domain contacts without a member account', async () => {
    const db = freshDb();
    const members = makeRoster({ id: 'members' }, [{ normalizedEmail: 'taro@example.co.jp' }, { normalizedEmail: 'hanako@example.co.jp' }]);
    const contacts = makeRoster({ id: 'contacts', console: 'lineworks-contacts' }, [
      { normalizedEmail: 'partner@partner.example' },
      { normalizedEmail: 'hanako@example.co.jp' },
      { normalizedEmail: 'jiro@sales.example.co.jp', domain: 'sales.example.co.jp', classification: 'internal' },
      { normalizedEmail: '', key: 'name:LINE user', domain: '', isLineUser: true, classification: 'external' },
    ]);
    await saveSnapshot(db, members.snapshot, members.members);
    await saveSnapshot(db, contacts.snapshot, contacts.members);

    const rows = await joinLineworksMembersContacts(db, 'members', 'contacts');
    expect(rows.map((r) => [r.email, r.relation, r.member?.index ?? null, r.contact?.index ?? null, r.findings.map((f) => f.id)])).toEqual([
      ['taro@example.co.jp', 'member-only', 0, null, []],
      ['hanako@example.co.jp', 'member-and-contact', 1, 1, []],
      ['partner@partner.example', 'contact-only', null, 0, []],
      ['jiro@sales.example.co.jp', 'internal-contact-not-member', null, 2, ['not-in-directory']],
      ['', 'contact-only', null, 3, []],
    ]);
  });
});
