// @vitest-environment node
import { profileFor } from '../../../lib/consoles';
import { Window } from 'happy-dom';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemberRow } from '../../../lib/model';
import { inspectPage, scanRoster } from '../../../lib/scan';

/**
 * The sample consoles (written without knowledge of this reader) loaded into happy-dom with their
 * own scripts running: every name and identifier must come out as the generator expects, in order.
 */
const ROOT = join(__dirname, '../../fixtures/consoles');
const PAGES = [
  { host: 'admin.worksmobile.com', path: 'members/index.html', console: 'lineworks-members', pagesRead: 6 },
  { host: 'www.chatwork.com', path: 'admin/users/index.html', console: 'chatwork-users', pagesRead: 3 },
  { host: 'app.receptionist.jp', path: 'employees/index.html', console: 'receptionist-employees', pagesRead: 1 },
  { host: 'app.immedio.io', path: 'users/index.html', console: 'immedio-users', pagesRead: 1 },
  { host: 'contact.worksmobile.com', path: 'index.html', console: 'lineworks-contacts', pagesRead: 1 },
];
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/g;
const comparable = (identifier: string) => identifier.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();

let window: Window | undefined;
afterEach(async () => {
  await window?.happyDOM.close();
  window = undefined;
});

async function open(host: string, path: string) {
  const url = `https://${host}/${path}`;
  window = new Window({
    url,
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true, disableCSSFileLoading: true } as never,
  });
  window.document.write(readFileSync(join(ROOT, host, path), 'utf8'));
  await window.happyDOM.waitUntilComplete();
  const w = window;
  return {
    url,
    doc: w.document as unknown as Document,
    /** The page's own timers (a pager's loading delay, a detail panel's fetch) decide when it settled. */
    waitForChange: () => w.happyDOM.waitUntilComplete(),
  };
}

function scanHooks(waitForChange: () => Promise<void>, rows: MemberRow[], signal = new AbortController().signal) {
  return {
    signal,
    onProgress() {},
    onRows: (batch: MemberRow[]) => void rows.push(...batch.map((row) => MemberRow.parse(row))),
    loadDocument: () => Promise.reject(new Error('no network')),
    yieldToPage: async () => {},
    waitForChange,
  };
}

describe.skipIf(!existsSync(ROOT))('sample consoles', () => {
  for (const sample of PAGES) {
    const expectedPath = join(ROOT, sample.host, sample.path.replace(/\.html$/, '.expected.json'));
    it.skipIf(!existsSync(expectedPath))(
      `${sample.host}/${sample.path}`,
      async () => {
        const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as { members: { name: string; identifier: string }[] };
        const { url, doc, waitForChange } = await open(sample.host, sample.path);
        expect(inspectPage(doc, url, profileFor(doc, url)).page.console).toBe(sample.console);
        const rows: MemberRow[] = [];
        const result = await scanRoster(doc, url, profileFor(doc, url), { mode: 'roster' }, scanHooks(waitForChange, rows));
        expect(result).toMatchObject({ reachedEnd: true, pagesRead: sample.pagesRead });
        expect(result.reason).toBeUndefined();
        // A count the page states is the count of its members.
        if (result.statedTotal !== undefined) expect(result.statedTotal).toBe(expected.members.length);
        expect(rows.map((row) => row.name)).toEqual(expected.members.map((member) => member.name));
        expect(rows.map((row) => comparable(row.identifier))).toEqual(expected.members.map((member) => comparable(member.identifier)));
      },
      60_000,
    );
  }

  const linkStatusPath = join(ROOT, 'contact.worksmobile.com/index.link-status.expected.json');
  it.skipIf(!existsSync(linkStatusPath))(
    'contact.worksmobile.com link status, first contacts opened one by one',
    async () => {
      const expected = JSON.parse(readFileSync(linkStatusPath, 'utf8')) as { members: { name: string; linkStatus: string }[] };
      const { url, doc, waitForChange } = await open('contact.worksmobile.com', 'index.html');
      const rows: MemberRow[] = [];
      const controller = new AbortController();
      const hooks = scanHooks(waitForChange, rows, controller.signal);
      const onRows = hooks.onRows;
      hooks.onRows = (batch) => {
        onRows(batch);
        if (rows.length >= 12) controller.abort();
      };
      const result = await scanRoster(doc, url, profileFor(doc, url), { mode: 'link-status' }, hooks);
      expect(result).toMatchObject({ reachedEnd: false, reason: 'cancelled' });
      expect(rows.map((row) => [row.name, row.linkStatus])).toEqual(expected.members.slice(0, 12).map((member) => [member.name, member.linkStatus]));
    },
    60_000,
  );
});
