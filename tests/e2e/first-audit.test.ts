import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedAudits } from '../../scripts/lib/expected';
import { auditThroughPopup, startSession, type Session } from './harness';
import { allViolations, codesShown } from './page-checks';

/**
 * A new admin's first audits, with no domain policy set: nobody is called external on a guess, the
 * popup proposes the internal domains the page and the roster point to, and one click sets them and
 * re-classifies every saved audit.
 */
const expected = (host: string) => expectedAudits().find((audit) => audit.host === host && audit.mode === 'roster')!;

describe('the first audit, before any domain policy', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it("counts a contacts roster's members with an address as unknown, names the signed-in tenant, and proposes the admin's domain", async () => {
    const page = await session.openConsole('contact.worksmobile.com', '/');
    const { status, popup } = await auditThroughPopup(session, page);
    expect(status).toContain('Audit complete');
    const { snapshot, members } = await session.readSnapshot('latest');
    // The tenant is the LINE WORKS tenant signed in (its admin's domain), not a partner's domain.
    expect(snapshot.tenant).toBe('examplecorp.co.jp');
    for (const member of members) {
      const isLine = (member as { isLineUser?: boolean }).isLineUser === true;
      if (isLine) expect(member.classification, member.name).toBe('external');
      else if (member.domain !== '') expect([member.classification, member.classificationReason]).toEqual(['unknown', 'no domain policy yet']);
      expect(member.findingIds).not.toContain('external-domain');
    }
    expect(members.some((m) => (m as { isLineUser?: boolean }).isLineUser)).toBe(true);

    const proposal = popup.getByRole('region', { name: 'Suggested internal domains' });
    const admin = proposal.getByRole('checkbox', { name: 'examplecorp.co.jp', exact: true });
    await expect.poll(() => admin.isChecked()).toBe(true);
    expect(await proposal.textContent()).toContain('signed-in admin (it-admin@examplecorp.co.jp)');
    // No partner's domain is proposed from a contacts roster.
    expect(await proposal.getByRole('checkbox').count()).toBe(1);

    // "Edit in Domain policy" opens the settings with the proposal filled in, for the admin to check.
    const href = (await proposal.getByRole('link', { name: 'Edit in Domain policy' }).getAttribute('href'))!;
    const settings = await session.browser.context.newPage();
    await settings.goto(href);
    await expect.poll(() => settings.getByLabel('Internal domains').inputValue()).toBe('examplecorp.co.jp');
    await settings.getByText('The domains found on the audited page are filled in.').waitFor();
    await settings.close();
    await popup.close();
    await page.close();
  });

  it('applies the proposed domains in one click and classifies this audit and the saved ones as the policy says', async () => {
    const page = await session.openConsole('admin.worksmobile.com', '/members/');
    const { status, popup } = await auditThroughPopup(session, page);
    expect(status).toContain('Audit complete');
    const proposal = popup.getByRole('region', { name: 'Suggested internal domains' });
    // The dominant domains are ticked; the LINE WORKS domain named like them is offered unticked.
    const works = proposal.getByRole('checkbox', { name: 'examplecorp', exact: true });
    await works.waitFor();
    expect(await proposal.getByRole('checkbox', { name: 'examplecorp.co.jp', exact: true }).isChecked()).toBe(true);
    expect(await proposal.getByRole('checkbox', { name: 'examplecorp-sales.jp', exact: true }).isChecked()).toBe(true);
    expect(await works.isChecked()).toBe(false);
    expect(await proposal.textContent()).not.toContain('example.net');
    await works.check();
    await proposal.getByRole('button', { name: 'Use these domains as internal' }).click();
    await popup.getByText(/^Internal domains set\. 2 saved audits re-classified/).waitFor({ timeout: 60_000 });

    // This audit now matches what the sample console's policy gives, member for member.
    const { members } = await session.readSnapshot('latest');
    const wanted = expected('admin.worksmobile.com').members;
    expect(members.length).toBe(wanted.length);
    members.forEach((member, i) => {
      expect([member.name, member.classification, [...member.findingIds].sort()], `row ${i + 1}`).toEqual([
        wanted[i]!.name,
        wanted[i]!.classification,
        [...wanted[i]!.findings].sort(),
      ]);
    });
    // The contacts audit saved before is re-classified: every partner is external now.
    const contacts = (await session.listSnapshots()).find((s) => s.console === 'lineworks-contacts')!;
    const { members: partners } = await session.readSnapshot(contacts.id);
    expect(partners.filter((m) => m.domain !== '').every((m) => m.classification === 'external')).toBe(true);
    await popup.close();
    await page.close();
  });
});

describe('the first audit in Japanese', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession({ lang: 'ja' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('proposes the domains in Japanese words only, with no axe violation', async () => {
    const page = await session.openConsole('admin.worksmobile.com', '/members/');
    const popup = await session.openPopup(await session.tabIdOf(page));
    await popup.getByRole('button', { name: 'この名簿を監査' }).click();
    await popup.getByRole('status').filter({ hasText: '監査が完了しました' }).waitFor({ timeout: 120_000 });
    const proposal = popup.getByRole('region', { name: '社内ドメインの候補' });
    await proposal.getByRole('checkbox', { name: 'examplecorp.co.jp', exact: true }).waitFor();
    expect(await proposal.textContent()).toContain('アドレスのあるメンバー');
    await expect.poll(() => popup.getByRole('region', { name: '検出事項' }).textContent()).not.toContain('社外ドメイン');
    expect(await codesShown(popup)).toEqual([]);
    expect(await allViolations(popup)).toEqual([]);
    await proposal.getByRole('button', { name: 'これらを社内ドメインにする' }).click();
    await popup.getByText(/^社内ドメインを設定しました。/).waitFor({ timeout: 60_000 });
    await expect.poll(() => popup.getByRole('region', { name: '検出事項' }).textContent()).toContain('社外ドメイン');
    expect(await codesShown(popup)).toEqual([]);
  });
});
