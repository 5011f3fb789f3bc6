// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { scanRoster } from '../../../lib/scan';
import { html, recordingHooks, URL_HERE } from './hooks';

const people = Array.from({ length: 12 }, (_, i) => ({ name: `山田 ${i + 1}郎`, email: `yamada${i + 1}@example.co.jp`, dept: `営業${(i % 3) + 1}課` }));

async function read() {
  const recorder = recordingHooks();
  const result = await scanRoster(document, URL_HERE, { mode: 'roster' }, recorder.hooks);
  return { result, rows: recorder.rows };
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('rows whatever the markup', () => {
  it('merges the pinned and centre fragments of one grid row by aria-rowindex', async () => {
    const header = (from: number, texts: string[]) => `<div role="row" aria-rowindex="1">${texts.map((text, i) => `<div role="columnheader" aria-colindex="${from + i}">${text}</div>`).join('')}</div>`;
    const left = people.map((p, i) => `<div role="row" aria-rowindex="${i + 2}"><div role="gridcell" aria-colindex="1">${p.name}</div></div>`).join('');
    const centre = people.map((p, i) => `<div role="row" aria-rowindex="${i + 2}"><div role="gridcell" aria-colindex="2">${p.email}</div><div role="gridcell" aria-colindex="3">${p.dept}</div></div>`).join('');
    html(`<div role="treegrid" aria-rowcount="${people.length + 1}" aria-colcount="3">
      <div class="header"><div class="pinned-left">${header(1, ['名前'])}</div><div class="centre">${header(2, ['メールアドレス', '部署'])}</div></div>
      <div class="body"><div class="pinned-left" role="rowgroup">${left}</div><div class="centre" role="rowgroup">${centre}</div></div></div>`);
    const { result, rows } = await read();
    expect(result.reachedEnd).toBe(true);
    expect(rows.map((row) => [row.name, row.identifier, row.fields?.organisation])).toEqual(people.map((p) => [p.name, p.email, p.dept]));
  });

  it('reads a web component that projects light-DOM cells through slots, one member per row', async () => {
    html(`<roster-table>${people.map((p, i) => `<span slot="r${i}-name">${p.name}</span><span slot="r${i}-email">${p.email}</span><span slot="r${i}-dept">${p.dept}</span>`).join('')}</roster-table>`);
    const shadowRows = people.map((_, i) => `<div class="row"><div class="cell"><slot name="r${i}-name"></slot></div><div class="cell"><slot name="r${i}-email"></slot></div><div class="cell"><slot name="r${i}-dept"></slot></div></div>`).join('');
    document.querySelector('roster-table')!.attachShadow({ mode: 'open' }).innerHTML = `<div class="head"><div>名前</div><div>メール</div><div>部署</div></div><div class="rows">${shadowRows}</div>`;
    const { rows } = await read();
    expect(rows.map((row) => [row.name, row.identifier])).toEqual(people.map((p) => [p.name, p.email]));
  });

  it('takes a fixed header from its own table above the body table', async () => {
    html(`<div class="table"><div class="table-header"><table><thead><tr><th>部署</th><th>氏名</th><th>メールアドレス</th><th></th></tr></thead></table></div>
      <div class="table-body"><table><colgroup><col><col><col></colgroup><tbody>
      <tr aria-hidden="true" class="measure"><td></td><td></td><td></td></tr>
      ${people.map((p) => `<tr><td>${p.dept}</td><td>${p.name}</td><td>${p.email}</td></tr>`).join('')}</tbody></table></div></div>`);
    const { rows } = await read();
    expect(rows.map((row) => [row.name, row.identifier, row.fields?.organisation])).toEqual(people.map((p) => [p.name, p.email, p.dept]));
  });

  it('does not take an avatar initial for the name, and keeps an address only in a trailing mailto link', async () => {
    html(`<ul class="people">${people
      .map((p) => `<li class="card"><span class="avatar">${p.name[0]}</span><span>${p.name}</span><span>${p.dept}</span><a href="mailto:${p.email}">メールを送る</a></li>`)
      .join('')}</ul>`);
    const { rows } = await read();
    expect(rows.map((row) => [row.name, row.identifier])).toEqual(people.map((p) => [p.name, p.email]));
  });
});
