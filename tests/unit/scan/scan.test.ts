// @vitest-environment happy-dom
import { profileFor } from '../../../lib/consoles';
import { beforeEach, describe, expect, it } from 'vitest';
import { scanRoster } from '../../../lib/scan';
import { html, recordingHooks, URL_HERE } from './hooks';

const person = (n: number) => ({ name: `Person ${n}`, email: `p${n}@example.com` });
const tableRows = (people: { name: string; email: string }[]) => people.map((p) => `<tr><td>${p.name}</td><td>${p.email}</td></tr>`).join('');
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => person(from + i));

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('pagination by a next button', () => {
  /** A client-side pager: clicking 次へ renders the next page when the page "settles". */
  function pagedTable(pages: number, perPage: number) {
    let page = 1;
    let pending = false;
    html(`<table><thead><tr><th>名前</th><th>メール</th></tr></thead><tbody></tbody></table>
      <nav class="pagination"><button id="next" aria-label="次のページ">›</button><span>1</span><span>2</span><span>${pages}</span></nav>`);
    const render = () => {
      document.querySelector('tbody')!.innerHTML = tableRows(range((page - 1) * perPage + 1, page * perPage));
      const next = document.getElementById('next')!;
      if (page === pages) next.setAttribute('disabled', '');
    };
    render();
    document.getElementById('next')!.addEventListener('click', () => {
      pending = true;
    });
    return {
      settle: () => {
        if (!pending) return;
        pending = false;
        page++;
        render();
      },
    };
  }

  it('reads every page and stops at the disabled next button', async () => {
    const pager = pagedTable(3, 4);
    const recorder = recordingHooks({ onWait: pager.settle });
    const result = await scanRoster(document, URL_HERE, profileFor(document, URL_HERE), { mode: 'roster' }, recorder.hooks);
    expect(result).toEqual({ reachedEnd: true, reason: undefined, pagesRead: 3 });
    expect(recorder.rows.map((row) => row.identifier)).toEqual(range(1, 12).map((p) => p.email));
    expect(recorder.progress.at(-1)).toEqual({ rows: 12, page: 3, pages: 3 });
  });

  it('stops when "next" on the last page goes round to the first (bootstrap-table)', async () => {
    let page = 1;
    html(
      `<table><thead><tr><th>名前</th><th>メール</th></tr></thead><tbody></tbody></table><nav class="pagination"><a href="#" aria-label="next page">›</a></nav>`,
    );
    const render = () => (document.querySelector('tbody')!.innerHTML = tableRows(range((page - 1) * 4 + 1, page * 4)));
    render();
    document.querySelector('a')!.addEventListener('click', (event) => {
      event.preventDefault();
      page = (page % 3) + 1;
      render();
    });
    const recorder = recordingHooks();
    const result = await scanRoster(document, URL_HERE, profileFor(document, URL_HERE), { mode: 'roster' }, recorder.hooks);
    expect(result).toMatchObject({ reachedEnd: true, pagesRead: 3 });
    expect(recorder.rows.map((row) => row.identifier)).toEqual(range(1, 12).map((p) => p.email));
  });

  it('stops when next brings nothing new', async () => {
    html(`<table><tr><th>Name</th><th>Email</th></tr>${tableRows(range(1, 3))}</table><button>Next</button>`);
    const recorder = recordingHooks();
    const result = await scanRoster(document, URL_HERE, profileFor(document, URL_HERE), { mode: 'roster' }, recorder.hooks);
    expect(result.reachedEnd).toBe(true);
    expect(result.pagesRead).toBe(1);
    expect(recorder.rows).toHaveLength(3);
  });
});

describe('page size', () => {
  /** A pager with a custom page-size combobox (no native select): it opens on the pointer's press, in a popup elsewhere in the body. */
  function sizedTable(total: number, sizes: number[]) {
    let perPage = sizes[0]!;
    let page = 1;
    html(`<table><thead><tr><th>名前</th><th>メール</th></tr></thead><tbody></tbody></table>
      <nav class="pagination"><button id="next" aria-label="次のページ">›</button>
      <div role="combobox" aria-label="表示件数" aria-expanded="false" aria-controls="sizes" id="size">${perPage}</div></nav>`);
    const render = () => {
      document.querySelector('tbody')!.innerHTML = tableRows(range((page - 1) * perPage + 1, Math.min(page * perPage, total)));
      document.getElementById('size')!.textContent = String(perPage);
      document.getElementById('next')!.toggleAttribute('disabled', page * perPage >= total);
    };
    render();
    const combobox = document.getElementById('size')!;
    combobox.addEventListener('mousedown', () => {
      combobox.setAttribute('aria-expanded', 'true');
      document.body.insertAdjacentHTML('beforeend', `<ul role="listbox" id="sizes">${sizes.map((size) => `<li role="option">${size}件</li>`).join('')}</ul>`);
      document.querySelectorAll('#sizes li').forEach((option, index) =>
        option.addEventListener('click', () => {
          perPage = sizes[index]!;
          page = 1;
          combobox.setAttribute('aria-expanded', 'false');
          document.getElementById('sizes')!.remove();
          render();
        }),
      );
    });
    document.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      combobox.setAttribute('aria-expanded', 'false');
      document.getElementById('sizes')?.remove();
    });
    document.getElementById('next')!.addEventListener('click', () => {
      page++;
      render();
    });
  }

  it('opens a custom page-size list and chooses its largest size: fewer pages to turn', async () => {
    sizedTable(120, [10, 50, 100]);
    const recorder = recordingHooks();
    const result = await scanRoster(document, URL_HERE, profileFor(document, URL_HERE), { mode: 'roster' }, recorder.hooks);
    expect(result.pagesRead).toBe(2);
    expect(recorder.rows.map((row) => row.identifier)).toEqual(range(1, 120).map((p) => p.email));
    expect(document.getElementById('sizes')).toBeNull();
  });

  it('closes the list again when it offers nothing larger, and turns the pages', async () => {
    sizedTable(25, [10]);
    const recorder = recordingHooks();
    const result = await scanRoster(document, URL_HERE, profileFor(document, URL_HERE), { mode: 'roster' }, recorder.hooks);
    expect(result.pagesRead).toBe(3);
    expect(recorder.rows).toHaveLength(25);
    expect(document.getElementById('size')!.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('a page-size dropdown button (bootstrap-table)', () => {
  it('opens the menu beside the button, chooses its largest size, and stops where "next" goes round to the first page', async () => {
    let perPage = 10;
    let page = 1;
    const total = 230;
    const render = () => {
      const pages = Math.ceil(total / perPage);
      document.getElementById('app')!.innerHTML = `<table><thead><tr><th>氏名</th><th>メールアドレス</th></tr></thead><tbody>${tableRows(
        range((page - 1) * perPage + 1, Math.min(page * perPage, total)),
      )}</tbody></table>
        <div class="fixed-table-pagination"><div class="pagination-detail"><span class="pagination-info">Showing ${(page - 1) * perPage + 1} to ${Math.min(page * perPage, total)} of ${total} rows</span>
        <div class="page-list"><div class="btn-group dropdown"><button class="btn dropdown-toggle" type="button" data-bs-toggle="dropdown"><span class="page-size">${perPage}</span> <span class="caret"></span></button>
        <div class="dropdown-menu" style="display:none">${[10, 25, 50, 100].map((size) => `<a class="dropdown-item${size === perPage ? ' active' : ''}" href="#">${size}</a>`).join('')}</div></div> rows per page</div></div>
        <div class="pagination"><ul class="pagination">${Array.from({ length: pages }, (_, i) => `<li class="page-item${i + 1 === page ? ' active' : ''}"><a class="page-link" aria-label="to page ${i + 1}" href="javascript:void(0)">${i + 1}</a></li>`).join('')}
        <li class="page-item page-next"><a class="page-link" aria-label="next page" href="javascript:void(0)">›</a></li></ul></div></div>`;
      const menu = document.querySelector<HTMLElement>('.dropdown-menu')!;
      document.querySelector('.dropdown-toggle')!.addEventListener('click', () => (menu.style.display = 'block'));
      document.querySelectorAll('.dropdown-item').forEach((item) =>
        item.addEventListener('click', (event) => {
          event.preventDefault();
          perPage = Number(item.textContent);
          page = 1;
          render();
        }),
      );
      // Redrawn during the click itself; on the last page "next" goes back to the first.
      document.querySelector('.page-next a')!.addEventListener('click', () => {
        page = page >= pages ? 1 : page + 1;
        render();
      });
    };
    html('<div id="app"></div>');
    render();
    const recorder = recordingHooks();
    const result = await scanRoster(document, URL_HERE, profileFor(document, URL_HERE), { mode: 'roster' }, recorder.hooks);
    expect(result).toMatchObject({ reachedEnd: true, pagesRead: 3, statedTotal: total });
    expect(recorder.rows.map((row) => row.identifier)).toEqual(range(1, total).map((p) => p.email));
  });
});

describe('a page-size dropdown with a hidden input and a trigger (PrimeReact)', () => {
  /**
   * The focusable input is named "Jump to Page Dropdown" and ignores presses; the trigger beside it
   * opens the options; a one-option native select sits beside them for forms. A second dropdown in
   * the pager jumps to a page: its options 1, 2, 3… are never chosen as a page size.
   */
  function primePager(total: number) {
    let perPage = 10;
    let page = 1;
    html(`<table><thead><tr><th>名前</th><th>メール</th></tr></thead><tbody></tbody></table><div class="p-paginator" id="pager"></div>`);
    const dropdown = (id: string, shown: number, label: string) =>
      `<div class="p-dropdown" id="${id}"><div class="p-hidden-accessible"><input readonly aria-haspopup="listbox" tabindex="0" aria-label="${label}" value="${shown}"></div>
        <div class="p-hidden-accessible"><select tabindex="-1"><option value="${shown}" selected>${shown}</option></select></div>
        <span class="p-dropdown-label">${shown}</span><div class="p-dropdown-trigger" role="button" aria-haspopup="listbox" aria-label="Choose"></div></div>`;
    const open = (id: string, options: number[], choose: (value: number) => void) => {
      document.querySelector(`#${id} .p-dropdown-trigger`)!.addEventListener('click', () => {
        document.body.insertAdjacentHTML(
          'beforeend',
          `<ul class="p-dropdown-items" role="listbox">${options.map((value) => `<li role="option" data-value="${value}">${value}</li>`).join('')}</ul>`,
        );
        document.querySelectorAll<HTMLElement>('.p-dropdown-items li').forEach((option) =>
          option.addEventListener('click', () => {
            document.querySelector('.p-dropdown-items')!.remove();
            choose(Number(option.dataset.value));
          }),
        );
      });
    };
    const render = () => {
      const pages = Math.ceil(total / perPage);
      document.querySelector('tbody')!.innerHTML = tableRows(range((page - 1) * perPage + 1, Math.min(page * perPage, total)));
      document.getElementById('pager')!.innerHTML = `${dropdown('jump', page, 'Jump to Page')}${dropdown('rows', perPage, 'Jump to Page Dropdown')}
        <button class="p-paginator-next" aria-label="Next Page"${page >= pages ? ' disabled' : ''}></button><span class="p-paginator-current">${(page - 1) * perPage + 1} - ${Math.min(page * perPage, total)} / 全 ${total} 件</span>`;
      document.querySelector('.p-paginator-next')!.addEventListener('click', () => {
        page++;
        render();
      });
      open(
        'jump',
        Array.from({ length: pages }, (_, i) => i + 1),
        (value) => {
          page = value;
          render();
        },
      );
      open('rows', [10, 25, 50, 100], (value) => {
        perPage = value;
        page = 1;
        render();
      });
    };
    render();
  }

  it('opens the dropdown by its trigger, chooses the largest page size, and never jumps to the last page', async () => {
    primePager(230);
    const recorder = recordingHooks();
    const result = await scanRoster(document, URL_HERE, profileFor(document, URL_HERE), { mode: 'roster' }, recorder.hooks);
    expect(result).toMatchObject({ reachedEnd: true, pagesRead: 3, statedTotal: 230 });
    expect(recorder.rows.map((row) => row.identifier)).toEqual(range(1, 230).map((p) => p.email));
  });
});

describe('a pager drawn without ARIA (Naive UI)', () => {
  /**
   * Page numbers are divs a script made clickable (the pointer cursor shows it), "next" an unnamed
   * icon, the page-size box a focusable div showing 「20 / ページ」 whose menu of plain divs opens
   * elsewhere in the body, linked to the box by nothing.
   */
  function unmarkedPager(total: number) {
    let perPage = 20;
    let page = 1;
    html(`<table><thead><tr><th>名前</th><th>メール</th></tr></thead><tbody></tbody></table><div class="n-pagination" id="pager"></div>`);
    const render = () => {
      document.querySelector('tbody')!.innerHTML = tableRows(range((page - 1) * perPage + 1, Math.min(page * perPage, total)));
      const pages = Math.ceil(total / perPage);
      const item = (k: number) =>
        `<div class="n-pagination-item${k === page ? ' n-pagination-item--active' : ''}" style="cursor:pointer" data-page="${k}">${k}</div>`;
      document.getElementById('pager')!.innerHTML =
        `<div class="n-pagination-prefix">全 ${total} 件</div>${Array.from({ length: pages }, (_, i) => item(i + 1)).join('')}
        <div class="n-pagination-item n-pagination-item--button" style="cursor:pointer"><svg viewBox="0 0 20 20"><path d="M7 4L13 10"></path></svg></div>
        <div class="n-select"><div class="n-base-selection-label" tabindex="0"><div class="n-base-selection-input__content">${perPage} / ページ</div></div></div>`;
      document.querySelectorAll<HTMLElement>('[data-page]').forEach((element) =>
        element.addEventListener('click', () => {
          page = Number(element.dataset.page);
          render();
        }),
      );
      document.querySelector('.n-base-selection-label')!.addEventListener('click', () => {
        document.body.insertAdjacentHTML(
          'beforeend',
          `<div class="n-base-select-menu">${[20, 50, 100].map((size) => `<div class="n-base-select-option" data-size="${size}"><div class="n-base-select-option__content">${size} / ページ</div></div>`).join('')}</div>`,
        );
        document.querySelectorAll<HTMLElement>('[data-size]').forEach((option) =>
          option.addEventListener('click', () => {
            perPage = Number(option.dataset.size);
            page = 1;
            document.querySelector('.n-base-select-menu')!.remove();
            render();
          }),
        );
      });
    };
    render();
  }

  it('chooses the largest page size from a menu of plain divs, and turns pages by their numbers', async () => {
    unmarkedPager(230);
    const recorder = recordingHooks();
    const result = await scanRoster(document, URL_HERE, profileFor(document, URL_HERE), { mode: 'roster' }, recorder.hooks);
    expect(result).toMatchObject({ reachedEnd: true, pagesRead: 3, statedTotal: 230 });
    expect(recorder.rows.map((row) => row.identifier)).toEqual(range(1, 230).map((p) => p.email));
  });
});

describe('a list that shows an error', () => {
  /** Grid.js after its pipeline failed (grid-js/gridjs#1458): the rows drawn, an error row, both pager buttons disabled, no summary. */
  function brokenGrid(extra = '') {
    const rows = range(1, 15)
      .map((p) => `<tr class="gridjs-tr"><td class="gridjs-td">${p.name}</td><td class="gridjs-td">${p.email}</td><td class="gridjs-td">営業部</td></tr>`)
      .join('');
    html(`<div role="complementary" class="gridjs gridjs-container"><div class="gridjs-wrapper"><table role="grid" class="gridjs-table">
      <thead class="gridjs-thead"><tr class="gridjs-tr"><th class="gridjs-th">氏名</th><th class="gridjs-th">メールアドレス</th><th class="gridjs-th">部署</th></tr></thead>
      <tbody class="gridjs-tbody">${rows}${extra}</tbody></table></div>
      <div class="gridjs-footer"><div class="gridjs-pagination"><div class="gridjs-pages">
      <button disabled title="Previous" aria-label="Previous">Previous</button><button title="Next" aria-label="Next" disabled>Next</button>
      </div></div></div></div>`);
  }

  it('stops early with the message, though its pager says there is no next page and it states no total', async () => {
    brokenGrid(
      '<tr class="gridjs-tr"><td role="alert" colspan="3" class="gridjs-td gridjs-message gridjs-error">An error happened while fetching the data</td></tr>',
    );
    const recorder = recordingHooks();
    const result = await scanRoster(document, URL_HERE, profileFor(document, URL_HERE), { mode: 'roster' }, recorder.hooks);
    expect(result).toMatchObject({ reachedEnd: false, reason: 'page-error: An error happened while fetching the data' });
    expect(recorder.rows.map((row) => row.identifier)).toEqual(range(1, 15).map((p) => p.email));
  });

  it("is not misled by a member's own cell, a hidden or empty alert, or a notice elsewhere on the page", async () => {
    brokenGrid(
      '<tr class="gridjs-tr"><td class="gridjs-td">Person 16</td><td class="gridjs-td">p16@example.com</td><td class="gridjs-td status-error" role="alert">ログイン失敗</td></tr>',
    );
    document
      .querySelector('.gridjs-wrapper')!
      .insertAdjacentHTML('beforeend', '<div role="alert"></div><div class="load-error" hidden>読み込みに失敗しました</div>');
    document.body.insertAdjacentHTML('afterbegin', '<header><nav><div><div><div role="alert">保存しました</div></div></div></nav></header>');
    const recorder = recordingHooks();
    const result = await scanRoster(document, URL_HERE, profileFor(document, URL_HERE), { mode: 'roster' }, recorder.hooks);
    expect(result.reason).toBeUndefined();
    expect(result.reachedEnd).toBe(true);
    expect(recorder.rows).toHaveLength(16);
  });
});

describe('pagination by links', () => {
  const pageDoc = (n: number, last: number) => {
    const next = n < last ? `<a rel="next" href="/people?page=${n + 1}">次へ</a>` : '<span class="disabled">次へ</span>';
    return new DOMParser().parseFromString(
      `<table><tr><th>氏名</th><th>メール</th></tr>${tableRows(range(n * 10 - 9, n * 10))}</table>${next}`,
      'text/html',
    ) as unknown as Document;
  };

  it('loads the next pages without navigating and follows rel=next to the end', async () => {
    html(pageDoc(1, 3).body.innerHTML);
    const recorder = recordingHooks({ loadDocument: async (url) => pageDoc(Number(new URL(url).searchParams.get('page')), 3) });
    const result = await scanRoster(document, URL_HERE, profileFor(document, URL_HERE), { mode: 'roster' }, recorder.hooks);
    expect(result).toEqual({ reachedEnd: true, reason: undefined, pagesRead: 3 });
    expect(recorder.loaded).toEqual(['https://intranet.example.test/people?page=2', 'https://intranet.example.test/people?page=3']);
    expect(recorder.rows).toHaveLength(30);
    expect(new Set(recorder.rows.map((row) => row.identifier)).size).toBe(30);
  });

  it('never follows a link to another origin, and reports a page that fails to load', async () => {
    html(`<table><tr><th>Name</th><th>Email</th></tr>${tableRows(range(1, 2))}</table><a rel="next" href="/people?page=2">Next</a>`);
    const failing = recordingHooks({ loadDocument: async () => Promise.reject(new Error('offline')) });
    expect(await scanRoster(document, URL_HERE, profileFor(document, URL_HERE), { mode: 'roster' }, failing.hooks)).toEqual({
      reachedEnd: false,
      reason: 'page-load-failed',
      pagesRead: 1,
    });
    expect(failing.rows).toHaveLength(2);

    html(`<table><tr><th>Name</th><th>Email</th></tr>${tableRows(range(1, 2))}</table><a rel="next" href="https://elsewhere.example/people?page=2">Next</a>`);
    const clicked: string[] = [];
    document.querySelector('a')!.addEventListener('click', (event) => {
      event.preventDefault();
      clicked.push('click');
    });
    const recorder = recordingHooks();
    const result = await scanRoster(document, URL_HERE, profileFor(document, URL_HERE), { mode: 'roster' }, recorder.hooks);
    expect(recorder.loaded).toEqual([]);
    expect(clicked).toEqual(['click']);
    expect(result.reachedEnd).toBe(true);
  });
});

describe('load more', () => {
  it('presses もっと見る until it is gone, re-rendered rows counted once', async () => {
    let shown = 5;
    const render = () => {
      // Every press re-renders the whole list: the rows already read must not come again.
      document.querySelector('ul')!.innerHTML = range(1, shown)
        .map((p) => `<li><span class="name">${p.name}</span> <span class="email">${p.email}</span></li>`)
        .join('');
      if (shown >= 12) document.querySelector('button')?.remove();
    };
    html('<ul></ul><button type="button">もっと見る</button>');
    render();
    let pressed = false;
    document.querySelector('button')!.addEventListener('click', () => (pressed = true));
    const recorder = recordingHooks({
      onWait: () => {
        if (!pressed) return;
        pressed = false;
        shown = Math.min(shown + 5, 12);
        render();
      },
    });
    const result = await scanRoster(document, URL_HERE, profileFor(document, URL_HERE), { mode: 'roster' }, recorder.hooks);
    expect(result.reachedEnd).toBe(true);
    expect(recorder.rows.map((row) => row.identifier)).toEqual(range(1, 12).map((p) => p.email));
  });
});

describe('virtual scrolling', () => {
  /** A grid that renders only the rows in view of its scroll container, as virtualised grids do. */
  function virtualGrid(total: number, visible: number, rowHeight = 20, people = range(1, total)) {
    html(`<div id="scroller" style="overflow-y: auto"><div role="grid" aria-rowcount="${total + 1}">
      <div role="row" aria-rowindex="1"><div role="columnheader">Name</div><div role="columnheader">Email</div></div><div id="body"></div></div></div>`);
    const scroller = document.getElementById('scroller')!;
    let top = 0;
    const render = () => {
      const first = Math.floor(top / rowHeight);
      document.getElementById('body')!.innerHTML = people
        .slice(first, Math.min(first + visible, total))
        .map((p, i) => `<div role="row" aria-rowindex="${first + i + 2}"><div role="gridcell">${p.name}</div><div role="gridcell">${p.email}</div></div>`)
        .join('');
    };
    Object.defineProperty(scroller, 'clientHeight', { value: visible * rowHeight });
    Object.defineProperty(scroller, 'scrollHeight', { value: total * rowHeight });
    Object.defineProperty(scroller, 'scrollTop', {
      get: () => top,
      set: (value: number) => {
        top = Math.max(0, Math.min(value, total * rowHeight - visible * rowHeight));
      },
    });
    render();
    return { render, scroller };
  }

  it('scrolls the container until every declared row has been read, once each', async () => {
    const grid = virtualGrid(500, 15);
    grid.scroller.scrollTop = 2000;
    grid.render();
    const recorder = recordingHooks({ onWait: grid.render });
    const result = await scanRoster(document, URL_HERE, profileFor(document, URL_HERE), { mode: 'roster' }, recorder.hooks);
    expect(result.reachedEnd).toBe(true);
    expect(recorder.rows.map((row) => row.identifier)).toEqual(range(1, 500).map((p) => p.email));
    expect(recorder.yields()).toBeGreaterThan(1);
  });

  it('hands over the rows of a windowed list as it goes, in item order: a read cut off keeps what came before', async () => {
    const grid = virtualGrid(500, 15);
    const recorder = recordingHooks({ onWait: grid.render });
    await scanRoster(document, URL_HERE, profileFor(document, URL_HERE), { mode: 'roster' }, recorder.hooks);
    expect(recorder.batches.length).toBeGreaterThan(10);
    expect(recorder.rows.map((row) => row.identifier)).toEqual(range(1, 500).map((p) => p.email));
  });

  it('keeps a far row that repeats an early row address: rows are told apart by aria-rowindex', async () => {
    const people = range(1, 300);
    people[289] = { ...people[289]!, email: people[4]!.email };
    const grid = virtualGrid(300, 15, 20, people);
    const recorder = recordingHooks({ onWait: grid.render });
    const result = await scanRoster(document, URL_HERE, profileFor(document, URL_HERE), { mode: 'roster' }, recorder.hooks);
    expect(result.reachedEnd).toBe(true);
    expect(recorder.rows.map((row) => [row.name, row.identifier])).toEqual(people.map((p) => [p.name, p.email]));
  });

  it('stops and says so when scrolling brings no more rows', async () => {
    const grid = virtualGrid(100, 10);
    document.querySelector('[role=grid]')!.setAttribute('aria-rowcount', '200');
    const recorder = recordingHooks({ onWait: grid.render });
    const result = await scanRoster(document, URL_HERE, profileFor(document, URL_HERE), { mode: 'roster' }, recorder.hooks);
    expect(result).toMatchObject({ reachedEnd: false, reason: 'scroll-stalled' });
    expect(recorder.rows).toHaveLength(100);
  });
});

describe('identity and slices', () => {
  it('keeps two rows with one address in one view, and emits in slices of a few hundred', async () => {
    html(`<table><tr><th>Name</th><th>Email</th></tr>${tableRows(range(1, 700))}<tr><td>Shared inbox</td><td>p1@example.com</td></tr></table>`);
    const recorder = recordingHooks();
    await scanRoster(document, URL_HERE, profileFor(document, URL_HERE), { mode: 'roster' }, recorder.hooks);
    expect(recorder.rows).toHaveLength(701);
    expect(recorder.rows.at(-1)!.name).toBe('Shared inbox');
    expect(Math.max(...recorder.batches)).toBeLessThanOrEqual(300);
  });

  it('stops when cancelled and says so', async () => {
    html(`<table><tr><th>Name</th><th>Email</th></tr>${tableRows(range(1, 1000))}</table>`);
    const controller = new AbortController();
    const recorder = recordingHooks({ signal: controller.signal });
    recorder.hooks.onRows = () => controller.abort();
    const result = await scanRoster(document, URL_HERE, profileFor(document, URL_HERE), { mode: 'roster' }, recorder.hooks);
    expect(result).toEqual({ reachedEnd: false, reason: 'cancelled', pagesRead: 0 });
  });
});
