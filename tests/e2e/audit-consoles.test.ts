import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparableMember, expectedAudits } from '../../scripts/lib/expected';
import { auditThroughPopup, setInternalDomains, startSession, type Session } from './harness';

/**
 * The core promise: an audit through the popup reads every member of every sample console and
 * generic layout exactly once, with the right fields. Each stored member is checked against the
 * generator's expectation, row by row.
 */
describe('auditing the sample consoles through the popup', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  for (const expected of expectedAudits()) {
    // A link-status walk opens every contact's detail in turn: it takes longer than a roster read.
    it(`${expected.host}${expected.path} (${expected.mode})`, { timeout: expected.mode === 'link-status' ? 400_000 : 120_000 }, async () => {
      await setInternalDomains(session, expected.policy.internalDomains);
      const page = await session.openConsole(expected.host, expected.path);
      const { status, popup } = await auditThroughPopup(session, page, { mode: expected.mode });
      if (expected.members.length === 0) {
        // A page with no roster says what was looked for, and stores nothing.
        const before = (await session.listSnapshots()).length;
        expect(status).toMatch(/No roster found.*tables, grids and lists of people/);
        expect((await session.listSnapshots()).length).toBe(before);
        return;
      }
      expect(status).toMatch(expected.mode === 'link-status' ? /^Link status check complete/ : /^Audit complete/);

      const { snapshot, members } = await session.readSnapshot('latest');
      expect(snapshot.console).toBe(expected.console);
      expect(snapshot.complete).toBe(true);
      const actual = members.map(comparableMember);
      const wanted = expected.members.map(comparableMember);
      expect(actual.length).toBe(wanted.length);
      for (let i = 0; i < wanted.length; i++) expect(actual[i], `row ${i + 1}`).toEqual(wanted[i]);
      await popup.close();
      await page.close();
    });
  }
});
