// @vitest-environment happy-dom
import { profileFor } from '../../../lib/consoles';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { inspectPage, scanRoster } from '../../../lib/scan';
import { ListPick } from '../../../lib/scan/list-pick';
import { listAt, sourceFromPick } from '../../../lib/scan/pick';
import { describePick } from '../../../lib/scan/picker';
import { readerFor } from '../../../lib/scan/rank';
import { html, recordingHooks, URL_HERE } from './hooks';

const isHeader = (text: string) => readerFor(profileFor(document, URL_HERE)).isHeader(text);

/** Picks the list of the first element matching `selector`, as a click there would. */
function pickAt(selector: string, root: ParentNode = document): ListPick {
  const target = root.querySelector(selector);
  if (!target) throw new Error(`nothing matches ${selector}`);
  const found = listAt(target, isHeader);
  if (!found) throw new Error(`no list at ${selector}`);
  const pick = describePick(found, isHeader);
  if (!pick) throw new Error('the pick cannot be described');
  // What the picker sends is what the background accepts.
  return ListPick.parse(pick);
}

async function scanWith(pick: ListPick) {
  const recorder = recordingHooks();
  const result = await scanRoster(document, URL_HERE, profileFor(document, URL_HERE), { mode: 'roster', pick }, recorder.hooks);
  return { rows: recorder.rows, result };
}

const team = ['Taro Yamada', 'Hanako Sato', 'Jiro Suzuki', 'Emi Tanaka'];
const teamCards = (names = team) =>
  names
    .map(
      (name) =>
        `<li class="person is-visible css-1x2y3z"><div class="avatar">${name[0]}</div><h3 class="person__name">${name}</h3><p class="person__role">Engineer</p></li>`,
    )
    .join('');
/** A log of something else that holds many addresses: the ranking prefers it to a list of names. */
const inquiryLog = (rows: number) =>
  `<table><thead><tr><th>受付日時</th><th>件名</th><th>メールアドレス</th></tr></thead><tbody>${Array.from(
    { length: rows },
    (_, i) => `<tr><td>2024-05-${String((i % 28) + 1).padStart(2, '0')}</td><td>お問い合わせ ${i}</td><td>customer${i}@mail.example</td></tr>`,
  ).join('')}</tbody></table>`;

beforeEach(() => {
  document.title = '';
  document.body.innerHTML = '';
});

describe('picking a list by one of its rows', () => {
  it('picks a card list without addresses by a click on a name, and reads it in place of the ranking', async () => {
    html(`<main><h2>Project team</h2><ul class="team">${teamCards()}</ul><h2>Inquiries</h2>${inquiryLog(30)}</main>`);
    expect(inspectPage(document, URL_HERE, profileFor(document, URL_HERE)).headers).toContain('メールアドレス');

    const pick = pickAt('li:nth-child(2) h3');
    expect(pick).toMatchObject({ kind: 'list', hosts: [], container: 'ul.team', item: { tag: 'LI', classes: ['person'] }, caption: 'Project team', rows: 4 });

    const inspected = inspectPage(document, URL_HERE, profileFor(document, URL_HERE), pick);
    expect(inspected.pick).toEqual({ kind: 'list', caption: 'Project team', rows: 4, found: true });
    // The other lists stay on offer.
    expect(inspected.candidates.map((candidate) => candidate.rows)).toEqual([30]);

    const { rows, result } = await scanWith(pick);
    expect(result.reachedEnd).toBe(true);
    expect(rows.map((row) => row.name)).toEqual(team);
    expect(rows.every((row) => row.identifier === '')).toBe(true);
  });

  it('picks a data table by a click in one of its cells', async () => {
    html(`<div id="people"><table><thead><tr><th>Name</th><th>Email</th></tr></thead><tbody>
      <tr><td>Ann</td><td><a href="mailto:ann@example.com"><span>ann@example.com</span></a></td></tr>
      <tr><td>Bob</td><td>bob@example.com</td></tr></tbody></table></div>${inquiryLog(40)}`);
    const pick = pickAt('a span');
    expect(pick).toMatchObject({ kind: 'table', container: '#people table', rows: 2, caption: 'Name, Email' });
    expect(pick.item).toBeUndefined();
    const { rows } = await scanWith(pick);
    expect(rows.map((row) => row.identifier)).toEqual(['ann@example.com', 'bob@example.com']);
  });

  it('picks an ARIA grid by a click in one of its rows', async () => {
    const row = (index: number, name: string) =>
      `<div role="row" aria-rowindex="${index}"><div role="gridcell"><span class="label">${name}</span></div><div role="gridcell">${name.toLowerCase()}@example.com</div></div>`;
    html(`${inquiryLog(50)}<div role="grid" aria-label="Staff" class="staff-grid"><div role="row" aria-rowindex="1"><div role="columnheader">Name</div><div role="columnheader">Email</div></div>
      ${row(2, 'Ann')}${row(3, 'Bob')}${row(4, 'Cy')}</div>`);
    const pick = pickAt('[aria-rowindex="3"] .label');
    expect(pick).toMatchObject({ kind: 'grid', container: 'div[role="grid"].staff-grid', caption: 'Staff', rows: 3 });
    const { rows } = await scanWith(pick);
    expect(rows.map((row) => row.name)).toEqual(['Ann', 'Bob', 'Cy']);
  });

  it('takes the rows, not the cells, of a list drawn as rows of div cells', () => {
    html(
      `<div class="list">${['Ann', 'Bob', 'Cy', 'Di'].map((name) => `<div class="row"><div class="cell">${name}</div><div class="cell">Sales</div><div class="cell">Tokyo</div></div>`).join('')}</div>`,
    );
    const pick = pickAt('.row:nth-child(3) .cell');
    expect(pick).toMatchObject({ kind: 'list', container: 'div.list', item: { tag: 'DIV', classes: ['row'] }, rows: 4 });
  });

  it('reads cards inside a layout table as cards', () => {
    html(`<table><tr><td class="sidebar">Menu</td><td><ul class="team">${teamCards()}</ul></td></tr></table>`);
    expect(pickAt('.person__name')).toMatchObject({ kind: 'list', item: { tag: 'LI' }, rows: 4 });
  });

  it('finds nothing where the click is on no repeated row', () => {
    html(`<main><h1>Notice</h1><p>The office is closed.</p><ul class="team">${teamCards()}</ul></main>`);
    expect(listAt(document.querySelector('p')!, isHeader)).toBeUndefined();
  });
});

describe('finding a picked list again', () => {
  it('finds it after the page renders it anew, with other rows', async () => {
    html(
      `<section data-panel="team"><h2>Team</h2><div class="wrapper"><ul class="team">${teamCards()}</ul></div></section><section data-panel="team"><ul class="team-alumni"></ul></section>`,
    );
    const pick = pickAt('.person__name');
    document.querySelector('.wrapper')!.innerHTML = `<ul class="team is-loaded">${teamCards(['Kei Ito', ...team])}</ul>`;
    const source = sourceFromPick(document, pick, isHeader);
    expect(source?.rowElements().length).toBe(5);
    const { rows } = await scanWith(pick);
    expect(rows.map((row) => row.name)).toEqual(['Kei Ito', ...team]);
  });

  it('finds a list inside an open shadow root through its host', async () => {
    html(`<team-directory class="directory"></team-directory>${inquiryLog(20)}`);
    const shadow = document.querySelector('team-directory')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<h2>Directory</h2><ul class="team">${teamCards()}</ul>`;
    const pick = pickAt('li:nth-child(3) .person__role', shadow);
    expect(pick).toMatchObject({ kind: 'list', hosts: ['team-directory.directory'], container: 'ul.team', rows: 4 });
    const { rows } = await scanWith(pick);
    expect(rows.map((row) => row.name)).toEqual(team);
  });

  it('says so and falls back to the ranking when the chosen list is not on the page', async () => {
    html(`<ul class="team">${teamCards()}</ul>`);
    const pick = pickAt('.person__name');
    html(inquiryLog(5));
    expect(inspectPage(document, URL_HERE, profileFor(document, URL_HERE), pick).pick).toEqual({ kind: 'list', caption: 'name, role', rows: 4, found: false });
    const { rows } = await scanWith(pick);
    expect(rows).toHaveLength(5);
  });

  it('lets a candidate named for one scan win over the chosen list', async () => {
    html(`<ul class="team">${teamCards()}</ul>${inquiryLog(6)}`);
    const pick = pickAt('.person__name');
    const recorder = recordingHooks();
    await scanRoster(document, URL_HERE, profileFor(document, URL_HERE), { mode: 'roster', candidate: 0, pick }, recorder.hooks);
    expect(recorder.rows).toHaveLength(6);
  });
});

describe('selector paths', () => {
  it('prefer ids and stable class words to positions', () => {
    html(`<div id="app"><div class="css-9zq1x"><ul class="jss123 members">${teamCards()}</ul></div></div>`);
    expect(pickAt('.person__name').container).toBe('ul.members');
  });

  it('use positions only for look-alike lists that nothing else tells apart', () => {
    html(`<div><ul>${teamCards()}</ul></div><div><ul>${teamCards(['A B', 'C D', 'E F'])}</ul></div>`);
    const pick = pickAt('div:nth-of-type(2) .person__name');
    expect(pick.container).toMatch(/nth-of-type\(2\)/);
    expect(sourceFromPick(document, pick, isHeader)?.rowElements().length).toBe(3);
  });

  it('are refused when they hold anything the picker does not write', () => {
    const pick = { kind: 'table', caption: '', rows: 1, hosts: [], container: 'table' };
    expect(ListPick.safeParse(pick).success).toBe(true);
    for (const container of ['div:has(script)', 'a[href^="javascript"]', 'table\\', '*{}'])
      expect(ListPick.safeParse({ ...pick, container }).success, container).toBe(false);
    expect(ListPick.safeParse({ ...pick, kind: 'list' }).success).toBe(false);
  });
});

describe('the sample page where the ranking takes the wrong list', () => {
  const FIXTURES = join(__dirname, '../../fixtures/consoles/intranet.example.com');
  const picked = JSON.parse(readFileSync(join(FIXTURES, 'choose-list.picked.json'), 'utf8')) as { members: { name: string; identifier: string }[] };

  it('ranks the inquiry log first, and reads the project members once they are chosen', async () => {
    const page = new DOMParser().parseFromString(readFileSync(join(FIXTURES, 'choose-list.html'), 'utf8'), 'text/html');
    document.body.innerHTML = page.body.innerHTML;
    expect(inspectPage(document, URL_HERE, profileFor(document, URL_HERE)).headers).toContain('お客様名');
    const pick = pickAt('.project-member:nth-child(3) .project-member__name');
    expect(pick).toMatchObject({ kind: 'list', container: 'ul.project-members', caption: 'プロジェクトメンバー', rows: picked.members.length });
    const { rows } = await scanWith(pick);
    expect(rows.map((row) => [row.name, row.identifier])).toEqual(picked.members.map((member) => [member.name, member.identifier]));
  });
});
