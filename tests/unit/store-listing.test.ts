import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSOLE_HOST_PERMISSIONS } from '../../lib/console-hosts';

/**
 * The store listings (docs/store/) are pasted into the Chrome Web Store and AMO as they are: each
 * summary is the manifest's description in that language and fits both stores, both link the
 * privacy statement, and the permissions they explain are the ones the package asks for.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const LISTINGS = { en: 'docs/store/en.md', ja: 'docs/store/ja.md' } as const;
/** The Chrome Web Store refuses a manifest description longer than this; AMO's summary allows 250. */
const CHROME_DESCRIPTION_MAX = 132;

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const sections = (text: string) => text.split(/^## /m).slice(1);
const links = (text: string) => [...text.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]!);

describe.each(Object.entries(LISTINGS))('the %s store listing', (lang, path) => {
  const text = read(path);

  it("summarises with the manifest's own description, short enough for both stores", () => {
    const description = (JSON.parse(read(`public/_locales/${lang}/messages.json`)) as { extDescription: { message: string } }).extDescription.message;
    expect([...description].length).toBeLessThanOrEqual(CHROME_DESCRIPTION_MAX);
    const summary = sections(text)[1]!;
    expect(summary.split('\n').map((line) => line.trim())).toContain(description);
  });

  it('links the privacy statement and the listing in the other language, and every link resolves', () => {
    const targets = links(text).map((link) => resolve(ROOT, dirname(path), link));
    expect(targets).toContain(join(ROOT, 'docs/security.md'));
    expect(targets).toContain(join(ROOT, lang === 'en' ? LISTINGS.ja : LISTINGS.en));
    for (const target of targets) expect(existsSync(target), target).toBe(true);
  });

  it('explains every permission the store package asks for', () => {
    for (const permission of ['activeTab', 'scripting', 'storage', 'unlimitedStorage', ...CONSOLE_HOST_PERMISSIONS]) {
      expect(text).toContain(`\`${permission}\``);
    }
  });
});
