// @vitest-environment happy-dom
import { profileFor } from '../../../lib/consoles';
import { beforeEach, describe, expect, it } from 'vitest';
import { inspectPage, scanRoster } from '../../../lib/scan';
import { html, recordingHooks, URL_HERE } from './hooks';

const people = Array.from({ length: 12 }, (_, i) => ({ name: `山田 ${i + 1}郎`, email: `yamada${i + 1}@example.co.jp`, dept: `営業${(i % 3) + 1}課` }));

async function read() {
  const recorder = recordingHooks();
  const result = await scanRoster(document, URL_HERE, profileFor(document, URL_HERE), { mode: 'roster' }, recorder.hooks);
  return { result, rows: recorder.rows };
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('rows whatever the markup', () => {
  it('merges the pinned and centre fragments of one grid row by aria-rowindex', async () => {
    const header = (from: number, texts: string[]) =>
      `<div role="row" aria-rowindex="1">${texts.map((text, i) => `<div role="columnheader" aria-colindex="${from + i}">${text}</div>`).join('')}</div>`;
    const left = people.map((p, i) => `<div role="row" aria-rowindex="${i + 2}"><div role="gridcell" aria-colindex="1">${p.name}</div></div>`).join('');
    const centre = people
      .map(
        (p, i) =>
          `<div role="row" aria-rowindex="${i + 2}"><div role="gridcell" aria-colindex="2">${p.email}</div><div role="gridcell" aria-colindex="3">${p.dept}</div></div>`,
      )
      .join('');
    html(`<div role="treegrid" aria-rowcount="${people.length + 1}" aria-colcount="3">
      <div class="header"><div class="pinned-left">${header(1, ['名前'])}</div><div class="centre">${header(2, ['メールアドレス', '部署'])}</div></div>
      <div class="body"><div class="pinned-left" role="rowgroup">${left}</div><div class="centre" role="rowgroup">${centre}</div></div></div>`);
    const { result, rows } = await read();
    expect(result.reachedEnd).toBe(true);
    expect(rows.map((row) => [row.name, row.identifier, row.fields?.organisation])).toEqual(people.map((p) => [p.name, p.email, p.dept]));
  });

  it('takes no empty row for a record (SlickGrid: a hidden pane keeps a row with no cells before the rows)', async () => {
    const cells = (p: (typeof people)[number]) =>
      `<div class="slick-cell l0 r0">${p.name}</div><div class="slick-cell l1 r1">${p.email}</div><div class="slick-cell l2 r2">${p.dept}</div>`;
    html(`<div class="slickgrid-container" role="grid">
      <div class="slick-pane slick-pane-header slick-pane-left"><div class="slick-header-columns slick-header-columns-left" role="row">
        <div role="columnheader" class="slick-header-column">名前</div><div role="columnheader" class="slick-header-column">メールアドレス</div><div role="columnheader" class="slick-header-column">部署</div></div></div>
      <div class="slick-pane slick-pane-header slick-pane-right" style="display:none"><div class="slick-header-columns slick-header-columns-right" role="row"></div></div>
      <div class="slick-pane slick-pane-top slick-pane-left"><div class="slick-viewport"><div class="grid-canvas">
        ${people.map((p, i) => `<div class="slick-row" role="row" data-row="${i}">${cells(p).replaceAll('class="slick-cell', 'role="gridcell" class="slick-cell')}</div>`).join('')}
      </div></div></div></div>`);
    expect(inspectPage(document, URL_HERE, profileFor(document, URL_HERE)).candidates[0]?.rows).toBe(people.length);
    const { result, rows } = await read();
    expect(result.reachedEnd).toBe(true);
    expect(rows.map((row) => [row.name, row.identifier, row.fields?.organisation])).toEqual(people.map((p) => [p.name, p.email, p.dept]));
  });

  it('reads a web component that projects light-DOM cells through slots, one member per row', async () => {
    html(
      `<roster-table>${people.map((p, i) => `<span slot="r${i}-name">${p.name}</span><span slot="r${i}-email">${p.email}</span><span slot="r${i}-dept">${p.dept}</span>`).join('')}</roster-table>`,
    );
    const shadowRows = people
      .map(
        (_, i) =>
          `<div class="row"><div class="cell"><slot name="r${i}-name"></slot></div><div class="cell"><slot name="r${i}-email"></slot></div><div class="cell"><slot name="r${i}-dept"></slot></div></div>`,
      )
      .join('');
    document.querySelector('roster-table')!.attachShadow({ mode: 'open' }).innerHTML =
      `<div class="head"><div>名前</div><div>メール</div><div>部署</div></div><div class="rows">${shadowRows}</div>`;
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

  it('takes a fixed header from a table before wrappers around the body, and not one that does not line up', async () => {
    // Element Plus: the body table sits in a custom scrollbar's viewport inside the body wrapper;
    // a toolbar table above the list has other columns.
    html(`<table class="toolbar"><thead><tr><th>検索</th><th>絞り込み</th></tr></thead></table>
      <div class="el-table"><div class="el-table__inner-wrapper">
      <div class="el-table__header-wrapper"><table><thead><tr><th><div class="cell">氏名</div></th><th><div class="cell">メールアドレス</div></th><th><div class="cell">部署</div></th><th><div class="cell">状態</div></th></tr></thead></table></div>
      <div class="el-table__body-wrapper"><div class="el-scrollbar"><div class="el-scrollbar__wrap"><div class="el-scrollbar__view"><table><tbody>
      ${people.map((p, i) => `<tr><td><div class="cell">${p.name}</div></td><td><div class="cell">${p.email}</div></td><td><div class="cell">${p.dept}</div></td><td><div class="cell"><span class="el-tag"><span>${i % 2 ? '使用中' : '一時停止'}</span></span></div></td></tr>`).join('')}
      </tbody></table></div></div></div></div></div></div>`);
    const { rows } = await read();
    expect(rows.map((row) => [row.name, row.identifier, row.fields?.organisation, row.fields?.status])).toEqual(
      people.map((p, i) => [p.name, p.email, p.dept, i % 2 ? '使用中' : '一時停止']),
    );
    // The same body with only the toolbar's table before it: no header is borrowed from it.
    document.querySelector('.el-table__header-wrapper')!.remove();
    const { rows: headerless } = await read();
    expect(headerless.every((row) => row.fields?.organisation === undefined)).toBe(true);
    expect(headerless.map((row) => row.identifier)).toEqual(people.map((p) => p.email));
  });

  it('takes the header table of a virtual table whose rows are divs (antd virtual)', async () => {
    html(`<div class="ant-table"><div class="ant-table-title">メンバー</div><div class="ant-table-container">
      <div class="ant-table-header"><table><colgroup><col><col><col><col></colgroup><thead><tr><th>氏名</th><th>メールアドレス</th><th>部署</th><th>ステータス</th></tr></thead></table></div>
      <div class="ant-table-tbody-virtual"><div class="ant-table-tbody-virtual-holder"><div style="height:5000px"><div class="ant-table-tbody-virtual-holder-inner">
      ${people.map((p, i) => `<div class="ant-table-row" data-row-key="k${i}"><div class="ant-table-cell">${p.name}</div><div class="ant-table-cell">${p.email}</div><div class="ant-table-cell">${p.dept}</div><div class="ant-table-cell">${i % 2 ? '使用中' : '一時停止'}</div></div>`).join('')}
      </div></div></div><div class="ant-table-tbody-virtual-scrollbar"></div></div></div></div>`);
    const { rows } = await read();
    expect(rows.map((row) => [row.name, row.identifier, row.fields?.organisation, row.fields?.status])).toEqual(
      people.map((p, i) => [p.name, p.email, p.dept, i % 2 ? '使用中' : '一時停止']),
    );
  });

  it('does not take an avatar initial for the name, and keeps an address only in a trailing mailto link', async () => {
    html(
      `<ul class="people">${people
        .map(
          (p) =>
            `<li class="card"><span class="avatar">${p.name[0]}</span><span>${p.name}</span><span>${p.dept}</span><a href="mailto:${p.email}">メールを送る</a></li>`,
        )
        .join('')}</ul>`,
    );
    const { rows } = await read();
    expect(rows.map((row) => [row.name, row.identifier])).toEqual(people.map((p) => [p.name, p.email]));
  });
});

describe('pagers and tabs people use', () => {
  const page = (n: number) => people.slice((n - 1) * 4, n * 4);
  /** A client-side pager whose controls say "next" only by a title on the item, an icon, or page numbers. */
  function pager(kind: 'title-on-item' | 'icon' | 'numbers', startPage = 1) {
    let current = startPage;
    const render = () => {
      const items = [1, 2, 3].map((n) => `<li class="page-item${n === current ? ' active' : ''}"><a href="#" data-page="${n}">${n}</a></li>`).join('');
      const next =
        kind === 'title-on-item'
          ? `<li title="Next Page" class="ant-pagination-next${current === 3 ? ' ant-pagination-disabled' : ''}"><button type="button" ${current === 3 ? 'disabled' : ''}><span role="img" aria-label="right" class="anticon anticon-right"><svg></svg></span></button></li>`
          : kind === 'icon'
            ? `<li><button type="button" ${current === 3 ? 'disabled' : ''}><svg data-testid="KeyboardArrowRightIcon"></svg></button></li>`
            : '';
      document.body.innerHTML = `<table><thead><tr><th>氏名</th><th>メール</th></tr></thead><tbody>${page(current)
        .map((p) => `<tr><td>${p.name}</td><td>${p.email}</td></tr>`)
        .join('')}</tbody></table>
        <ul class="pagination">${items}${next}</ul>`;
      document.querySelector('.pagination')!.addEventListener('click', (event) => {
        const target = event.target as Element;
        const number = target.closest('[data-page]')?.getAttribute('data-page');
        if (number) current = Number(number);
        else if (target.closest('button') && current < 3) current++;
        render();
      });
    };
    render();
  }

  it.each(['title-on-item', 'icon', 'numbers'] as const)('pages by a pager whose "next" is %s', async (kind) => {
    pager(kind);
    const { result, rows } = await read();
    expect(result.reachedEnd).toBe(true);
    expect(rows.map((row) => row.identifier)).toEqual(people.map((p) => p.email));
  });

  it('reads a list left on its last page from the first page', async () => {
    pager('title-on-item', 3);
    const { rows } = await read();
    expect(rows.map((row) => row.identifier)).toEqual(people.map((p) => p.email));
  });

  it('reads every console tab, whose labels carry a suffix', async () => {
    const tabs = ['利用中ユーザー', '初回ログイン前ユーザー', '未登録ユーザー'];
    let shown = 0;
    const render = () => {
      document.body.innerHTML = `<h1>ユーザー管理</h1><div role="tablist">${tabs.map((tab, i) => `<button role="tab" aria-selected="${i === shown}" data-i="${i}">${tab}</button>`).join('')}</div>
        <table><thead><tr><th>名前</th><th>ログインメールアドレス</th></tr></thead><tbody>${people
          .slice(shown * 4, shown * 4 + 4)
          .map((p) => `<tr><td>${p.name}</td><td>${p.email}</td></tr>`)
          .join('')}</tbody></table>`;
      document.querySelectorAll('[role=tab]').forEach((tab) =>
        tab.addEventListener('click', () => {
          shown = Number(tab.getAttribute('data-i'));
          render();
        }),
      );
    };
    render();
    const recorder = recordingHooks();
    await scanRoster(
      document,
      'https://www.chatwork.com/admin/users',
      profileFor(document, 'https://www.chatwork.com/admin/users'),
      { mode: 'roster' },
      recorder.hooks,
    );
    expect(recorder.rows.map((row) => [row.identifier, row.fields?.tab])).toEqual(
      people.map((p, i) => [p.email, ['利用中', '初回ログイン前', '未登録'][Math.floor(i / 4)]]),
    );
  });
});
