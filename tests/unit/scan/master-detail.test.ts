// @vitest-environment happy-dom
import { profileFor } from '../../../lib/consoles';
import { beforeEach, describe, expect, it } from 'vitest';
import { inspectPage, NoRosterError, scanRoster } from '../../../lib/scan';
import { withDetail } from '../../../lib/scan/detail-walk';
import { html, recordingHooks, URL_HERE } from './hooks';

/** LINE WORKS 顧客/取引先 as a master-detail page: named only in its tabs, no address in the list. */
const CONTACTS_URL = 'https://works.worksmobile.com/addressbook';
const PEOPLE = [
  { name: '山田 太郎', company: '株式会社エー', id: 'yamada@partner-works', shared: false, line: false },
  { name: '鈴木 結衣', company: '', id: '', shared: true, line: true },
  { name: '高橋 花子', company: 'ビー商事', id: 'takahashi@b-shoji.co.jp', shared: true, line: false },
];

function addressBook(): Document {
  const doc = html(`<div role="tablist"><div role="tab">メンバー</div><div role="tab" aria-selected="true">顧客/取引先</div><div role="tab">グループ</div></div>
    <nav><a href="#a">ホーム</a><a href="#b">トーク</a><a href="#c">カレンダー</a><a href="#d">設定</a></nav>
    <ul class="contacts">${PEOPLE.map(
      (p) =>
        `<li role="button"><span class="avatar">${p.name[0]}</span><div><h4>${p.name} ${p.line ? '<span class="tag">LINE</span>' : ''}</h4>${p.company ? `<p>${p.company}</p>` : ''}</div></li>`,
    ).join('')}</ul><section id="pane"></section>`);
  doc.querySelectorAll('ul.contacts > li').forEach((item, index) =>
    item.addEventListener('click', () => {
      const p = PEOPLE[index]!;
      doc.getElementById('pane')!.innerHTML =
        `<h2>${p.name}</h2><button ${p.shared ? 'disabled' : ''}>1:1 トーク</button><button ${p.shared ? 'disabled' : ''}>無料通話</button>
        ${p.shared ? '<p>他のメンバーがトークできる連絡先です</p>' : ''}<dl>${p.id ? `<dt>ID</dt><dd>${p.id}</dd>` : ''}<dt>会社名</dt><dd>${p.company || '-'}</dd></dl>`;
    }),
  );
  return doc;
}

beforeEach(() => {
  document.title = '';
  document.body.innerHTML = '';
});

describe('master-detail lists of clickable names', () => {
  it('takes the clickable names for the contacts roster (not the tabs or the navigation) and reads each from its pane', async () => {
    const doc = addressBook();
    const info = inspectPage(doc, CONTACTS_URL, profileFor(doc, CONTACTS_URL));
    expect(info.page).toMatchObject({ profile: 'lineworks-contacts', linkStatusWalk: true });
    expect(info.candidates.map((candidate) => candidate.rows)).toEqual([3]);
    const recorder = recordingHooks();
    await scanRoster(doc, CONTACTS_URL, profileFor(doc, CONTACTS_URL), { mode: 'roster' }, recorder.hooks);
    expect(recorder.rows.map((row) => [row.name, row.identifier, row.linkStatus, row.isLineUser])).toEqual([
      ['山田 太郎', 'yamada@partner-works', 'linked', false],
      ['鈴木 結衣', '', 'shared-only', true],
      ['高橋 花子', 'takahashi@b-shoji.co.jp', 'shared-only', false],
    ]);
  });

  it('takes no list of names without addresses where no profile can open them', () => {
    const doc = addressBook();
    expect(() => inspectPage(doc, URL_HERE, profileFor(doc, URL_HERE))).toThrow(NoRosterError);
  });

  it('identifies a contact whose detail shows only an address by that address, as a list row would', () => {
    const row = withDetail({ name: '鈴木 結衣', identifier: '', fields: {}, cells: [] }, { email: 'suzuki@gmail.com', isLineUser: true });
    expect([row.identifier, row.email]).toEqual(['suzuki@gmail.com', undefined]);
    const both = withDetail({ name: '山田', identifier: '', fields: {}, cells: [] }, { identifier: 'yamada@works', email: 'yamada@mail.example' });
    expect([both.identifier, both.email]).toEqual(['yamada@works', 'yamada@mail.example']);
  });
});
