import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRealPages } from '../../scripts/lib/real-pages';
import { contacts } from '../fixtures/real-pages/contacts';
import { REAL_PAGES } from '../fixtures/real-pages/pages';
import { roster } from '../fixtures/real-pages/roster';
import { auditThroughPopup, startSession, type Session } from './harness';

/**
 * The reader on pages built with the UI libraries real consoles are made of, bundled from the
 * libraries themselves: every member once, with the columns the page shows, or an audit that
 * says it stopped early and how far it got.
 */
describe('auditing pages built with real UI libraries', () => {
  let session: Session;
  beforeAll(async () => {
    await buildRealPages();
    session = await startSession();
  }, 300_000);
  afterAll(async () => {
    await session?.close();
  });

  for (const spec of REAL_PAGES.filter((page) => !page.contacts && !page.libraryError)) {
    const exact = spec.reachable === undefined;
    it(
      `${spec.host}: ${exact ? 'every member, once, with the columns shown' : 'stated total not reached: stopped early with the count'}`,
      { timeout: 600_000 },
      async () => {
        const page = await session.openConsole(spec.host, '/');
        const { status, popup } = await auditThroughPopup(session, page, { timeoutMs: 540_000 });
        const { snapshot, members } = await session.readSnapshot('latest');
        const wanted = roster(spec.reachable ?? spec.size);
        if (exact) {
          expect(status).toMatch(/^Audit complete/);
          expect(snapshot.complete).toBe(true);
        } else {
          const count = (n: number) => n.toLocaleString('en-US');
          expect(status).toMatch(new RegExp(`^Audit stopped early: ${count(spec.reachable!)} of ${count(spec.size)} members read`));
          expect(snapshot.complete).toBe(false);
        }
        // 500 members at the largest page size offered (100), not the 20 or 25 the page opens with.
        if (spec.pages !== undefined) expect((snapshot.settings as { pagesRead?: number }).pagesRead).toBe(spec.pages);
        const shown = (m: { name: string; normalizedEmail: string; fields?: Record<string, string> }) => ({
          name: m.name,
          email: m.normalizedEmail,
          ...(spec.shows.includes('department') ? { department: m.fields?.organisation } : {}),
          ...(spec.shows.includes('status') ? { status: m.fields?.status } : {}),
        });
        const actual = members.map((m) => shown(m as unknown as Parameters<typeof shown>[0]));
        const expected = wanted.map((p) => ({
          name: p.name,
          email: p.email,
          ...(spec.shows.includes('department') ? { department: p.department } : {}),
          ...(spec.shows.includes('status') ? { status: p.status } : {}),
        }));
        expect(actual.length).toBe(expected.length);
        for (let i = 0; i < expected.length; i++) expect(actual[i], `member ${i + 1}`).toEqual(expected[i]);
        await popup.close();
        await page.close();
      },
    );
  }

  // A library that broke while drawing leaves its first rows under an error message and a pager with
  // nothing to turn to: a list that looks finished, and states no total.
  for (const spec of REAL_PAGES.filter((page) => page.libraryError)) {
    it(`${spec.host}: a list showing its own error ends stopped early with the message`, { timeout: 600_000 }, async () => {
      const error = spec.libraryError!;
      let page = await session.openConsole(spec.host, '/');
      // The library fails only now and then: the page is loaded until it does.
      for (let load = 1; ; load++) {
        const broke = await page.waitForFunction((text) => document.body.innerText.includes(text) || /Showing \d/.test(document.body.innerText), error);
        if (await broke.evaluate((_, text) => document.body.innerText.includes(text), error)) break;
        expect(load, `${spec.host} never showed its error`).toBeLessThan(30);
        await page.close();
        page = await session.openConsole(spec.host, '/');
      }
      const { status, popup } = await auditThroughPopup(session, page, { timeoutMs: 120_000 });
      expect(status).toBe(
        `Audit stopped early: ${spec.reachable} members read. The list shows an error ("${error}"). Reload the page and audit again. What was read is saved and marked incomplete.`,
      );
      const { snapshot, members } = await session.readSnapshot('latest');
      expect(snapshot.complete).toBe(false);
      expect(members.map((m) => m.normalizedEmail)).toEqual(roster(spec.reachable!).map((p) => p.email));
      await popup.close();
      await page.close();
    });
  }

  // A master-detail address book: the list shows no address, so every contact is opened in turn,
  // by an audit as by a link-status check.
  for (const spec of REAL_PAGES.filter((page) => page.contacts)) {
    for (const mode of ['roster', 'link-status'] as const) {
      it(`${spec.host} (${mode}): every contact opened in its pane, with its ID, address and link status`, { timeout: 600_000 }, async () => {
        const page = await session.openConsole(spec.host, '/');
        const { status, popup } = await auditThroughPopup(session, page, { mode, timeoutMs: 540_000 });
        expect(status).toMatch(
          mode === 'roster'
            ? new RegExp(`^Audit complete: ${spec.size} of ${spec.size} members read`)
            : new RegExp(`^Link status check complete: ${spec.size} contacts checked`),
        );
        const { snapshot, members } = await session.readSnapshot('latest');
        expect(snapshot.console).toBe('lineworks-contacts');
        expect(snapshot.complete).toBe(true);
        const actual = members.map((m) => ({
          name: m.name,
          identifier: m.identifier,
          email: m.email ?? '',
          linkStatus: m.linkStatus,
          lineUser: m.isLineUser === true,
        }));
        const expected = contacts(spec.size).map((c) => ({
          name: c.name,
          identifier: c.id || c.email,
          email: c.id && c.email ? c.email : '',
          linkStatus: c.sharedOnly ? 'shared-only' : 'linked',
          lineUser: c.lineUser,
        }));
        expect(actual.length).toBe(expected.length);
        for (let i = 0; i < expected.length; i++) expect(actual[i], `contact ${i + 1}`).toEqual(expected[i]);
        await popup.close();
        await page.close();
      });
    }
  }
});
