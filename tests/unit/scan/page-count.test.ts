// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { countInText, statedCount } from '../../../lib/scan/page-count';

describe('counts a page states', () => {
  it.each([
    ['全2,000件', 2000, undefined],
    ['全 500 件', 500, undefined],
    ['500 件中 1-20 件', 500, [1, 20]],
    ['1-20件 / 全500件', 500, [1, 20]],
    ['1–20 / 500', 500, [1, 20]],
    ['1–25 of 500', 500, [1, 25]],
    ['Showing 1 to 20 of 500 entries', 500, [1, 20]],
    ['Total 500 items', 500, undefined],
    ['合計 1,234 名', 1234, undefined],
    ['全２，０００件', 2000, undefined],
    ['300 members', 300, undefined],
  ])('%s', (text, total, range) => {
    const count = countInText(text);
    expect(count?.total).toBe(total);
    expect(count?.from === undefined ? undefined : [count.from, count.to]).toEqual(range);
  });

  it.each(['Page 1 of 25', '1 / 12 ページ', '1–100 of more than 100', '2026年11月28日', 'ID 12345'])('no member count in %s', (text) => {
    expect(countInText(text)).toBeUndefined();
  });

  it('finds the count in the footer beside the list, read apart from the page-size label', () => {
    document.body.innerHTML = `<main><h1>メンバー</h1><div class="grid"><div role="grid" id="list"></div>
      <div class="footer"><p>Rows per page:</p><div role="combobox">25</div><p class="displayed">1–25 of 500</p></div></div></main>`;
    expect(statedCount(document.getElementById('list')!)).toMatchObject({ total: 500, from: 1, to: 25 });
  });

  it('reads a count split over elements, and says nothing when two counts disagree', () => {
    document.body.innerHTML = `<section><p class="summary">全<strong>2,000</strong>件</p><table id="list"></table></section>`;
    expect(statedCount(document.getElementById('list')!)?.total).toBe(2000);
    document.body.innerHTML = `<section><p>全 300 件</p><table id="list"></table><p>全 200 件</p></section>`;
    expect(statedCount(document.getElementById('list')!)).toBeUndefined();
  });

  it('reads the title of a virtual list past its wrappers, and not a count further out', () => {
    // antd's virtual table: the rows sit in a window inside a sizer inside a holder; the title is
    // five ancestors up but only three levels that hold anything beside the way up.
    const table = (title: string) => `<div class="ant-table"><div class="ant-table-title">${title}</div><div class="ant-table-container">
      <div class="ant-table-header"><table><thead><tr><th>氏名</th></tr></thead></table></div>
      <div class="ant-table-tbody-virtual"><div class="holder"><div class="sizer"><div id="list"><div class="row">a</div></div></div></div><div class="scrollbar"></div></div>
      </div></div>`;
    document.body.innerHTML = `<main><p>未読 全 3 件</p>${table('メンバー 全 1,010 件')}</main>`;
    expect(statedCount(document.getElementById('list')!)).toMatchObject({ total: 1010 });
    // Without a title, the notice three levels further out (past levels that hold other things) is not the list's count.
    document.body.innerHTML = `<main><p>未読 全 3 件</p><div><aside>x</aside><div><aside>y</aside>${table('メンバー')}</div></div></main>`;
    expect(statedCount(document.getElementById('list')!)).toBeUndefined();
  });
});
