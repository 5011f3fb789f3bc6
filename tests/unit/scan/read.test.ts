// @vitest-environment happy-dom
import { profileFor } from '../../../lib/consoles';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_CELL_LENGTH } from '../../../lib/row-limits';
import { inspectPage, NoRosterError, scanRoster } from '../../../lib/scan';
import { html, recordingHooks, URL_HERE } from './hooks';

async function readAll(doc: Document, candidate?: number) {
  const recorder = recordingHooks();
  const result = await scanRoster(doc, URL_HERE, profileFor(doc, URL_HERE), { mode: 'roster', candidate }, recorder.hooks);
  return { ...recorder, result };
}

beforeEach(() => {
  document.title = '';
  document.body.innerHTML = '';
});

describe('HTML tables', () => {
  it('reads a table with a Japanese header into names, identifiers and fields', async () => {
    const doc = html(`<table><thead><tr><th>氏名</th><th>ログインメールアドレス</th><th>部署</th><th>ステータス</th><th>ロール</th><th>役職</th></tr></thead>
      <tbody><tr><td>山田 太郎</td><td>taro@example.co.jp</td><td>営業部</td><td>利用中</td><td>管理者</td><td>課長</td></tr>
      <tr><td>佐藤 花子</td><td>hanako@partner.jp</td><td>総務部</td><td>招待中</td><td>メンバー</td><td></td></tr></tbody></table>`);
    const { rows, result } = await readAll(doc);
    expect(result).toEqual({ reachedEnd: true, reason: undefined, pagesRead: 1 });
    expect(rows.map((row) => [row.name, row.identifier])).toEqual([
      ['山田 太郎', 'taro@example.co.jp'],
      ['佐藤 花子', 'hanako@partner.jp'],
    ]);
    expect(rows[0]!.fields).toEqual({ organisation: '営業部', status: '利用中', role: '管理者', position: '課長' });
    // A blank cell of a column the table has is blank; a column it lacks is absent.
    expect(rows[1]!.fields.position).toBe('');
    expect(rows[1]!.fields).not.toHaveProperty('phone');
    expect(rows[0]!.cells).toEqual(['山田 太郎', 'taro@example.co.jp', '営業部', '利用中', '管理者', '課長']);
  });

  it('takes a first row of English header words as the header when there is no th', async () => {
    const doc = html(`<table><tr><td>Full name</td><td>E-mail</td><td>Department</td></tr>
      <tr><td>Ann Lee</td><td>ann@example.com</td><td>Sales</td></tr><tr><td>Bo Kim</td><td>bo@example.com</td><td>Ops</td></tr></table>`);
    const { rows } = await readAll(doc);
    expect(rows.map((row) => row.name)).toEqual(['Ann Lee', 'Bo Kim']);
    expect(rows[1]!.fields.organisation).toBe('Ops');
    expect(inspectPage(doc, URL_HERE, profileFor(doc, URL_HERE)).headers).toEqual(['Full name', 'E-mail', 'Department']);
  });

  it('gives columns their meaning from content when the table has no header', async () => {
    const doc = html(
      `<table><tr><td>1</td><td>Ann Lee</td><td>ann@example.com</td></tr><tr><td>2</td><td>Bo Kim</td><td>bo@example.com</td></tr><tr><td>3</td><td>Cy Oh</td><td>cy@example.com</td></tr></table>`,
    );
    const { rows } = await readAll(doc);
    expect(rows.map((row) => [row.name, row.identifier])).toEqual([
      ['Ann Lee', 'ann@example.com'],
      ['Bo Kim', 'bo@example.com'],
      ['Cy Oh', 'cy@example.com'],
    ]);
  });

  it('places grouped two-row headers (rowspan / colspan) over the right columns', async () => {
    const doc = html(`<table><thead><tr><th rowspan="2">名前</th><th rowspan="2">メールアドレス</th><th colspan="3">ビジネスチャット</th></tr>
      <tr><th>Chatwork アカウントID</th><th>Chatwork ID</th><th>Slack</th></tr></thead>
      <tbody><tr><td>山田 太郎</td><td>taro@example.co.jp</td><td>1234567</td><td>yamada</td><td>U012AB</td></tr></tbody></table>`);
    expect(inspectPage(doc, URL_HERE, profileFor(doc, URL_HERE)).headers).toEqual(['名前', 'メールアドレス', 'Chatwork アカウントID', 'Chatwork ID', 'Slack']);
    const { rows } = await readAll(doc);
    expect(rows[0]!.fields).toEqual({ chatworkAccountId: '1234567', chatworkId: 'yamada', slackMemberId: 'U012AB' });
  });

  it('skips layout tables and reads the data table inside one', async () => {
    const doc = html(`<table role="presentation"><tr><td><a href="mailto:webmaster@example.com">contact</a></td><td>menu</td></tr></table>
      <table><tr><td><table><tr><th>名前</th><th>メール</th></tr><tr><td>Ann</td><td>ann@example.com</td></tr><tr><td>Bo</td><td>bo@example.com</td></tr></table></td><td>side</td></tr></table>`);
    const info = inspectPage(doc, URL_HERE, profileFor(doc, URL_HERE));
    expect(info.candidates).toHaveLength(1);
    expect(info.headers).toEqual(['名前', 'メール']);
  });

  it('takes addresses from mailto links and title attributes, and names out of linked cells', async () => {
    const doc = html(`<table><thead><tr><th>名前</th><th>メール</th></tr></thead><tbody>
      <tr><td><a href="mailto:ann%2Bhr@example.com?subject=hi">Ann Lee</a></td><td></td></tr>
      <tr><td>Bo Kim</td><td><span title="bo.kim.with.a.long.address@example.com">bo.kim.with…</span></td></tr></tbody></table>`);
    const { rows } = await readAll(doc);
    expect(rows.map((row) => [row.name, row.identifier])).toEqual([
      ['Ann Lee', 'ann+hr@example.com'],
      ['Bo Kim', 'bo.kim.with.a.long.address@example.com'],
    ]);
  });

  it('reads a name beside badges and an avatar initial, and an organisation path drawn as list items', async () => {
    const doc = html(`<table><thead><tr><th>名前</th><th>ID</th><th>組織</th></tr></thead><tbody>
      <tr><td><span aria-hidden="true">山</span><span>山田 太郎</span><span>管理者</span></td><td>taro@examplecorp</td><td><ol><li>本社</li><li>営業部</li></ol></td></tr>
      <tr><td><span class="x-avatar">佐</span><a href="/u/2">佐藤 花子</a></td><td>hanako@examplecorp</td><td>本社</td></tr></tbody></table>`);
    const { rows } = await readAll(doc);
    expect(rows.map((row) => row.name)).toEqual(['山田 太郎', '佐藤 花子']);
    expect(rows[0]!.identifier).toBe('taro@examplecorp');
    expect(rows[0]!.fields.organisation).toBe('本社|営業部');
  });

  it('treats hostile cells as capped plain text, stored as read less control characters', async () => {
    const huge = 'x'.repeat(MAX_CELL_LENGTH * 3);
    const doc = html(`<table><thead><tr><th>名前</th><th>メール</th><th>メモ</th></tr></thead><tbody>
      <tr><td>&lt;img src=x onerror=alert(1)&gt;</td><td>evil\u202Emoc.liame@example.com</td><td>${huge}</td></tr>
      <tr><td>\u202Eexe.書類.txt</td><td>a.\u200Bb@example.com</td><td>x\u0007y\u009F \u0001 z</td></tr>
      <tr><td>Ann</td><td>ann@example.com</td><td><b>bold</b></td></tr>
      <tr><td>中川 湊</td><td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td></td></tr></tbody></table>`);
    const { rows } = await readAll(doc);
    expect(rows[0]!.name).toBe('<img src=x onerror=alert(1)>');
    // No address in the address column: its text as shown is the identifier, and no email is made up.
    expect(rows[3]).toMatchObject({ name: '中川 湊', identifier: '<script>alert(1)</script>' });
    expect(rows[3]!.email).toBeUndefined();
    // Bidi and zero-width characters stay (shown isolated, normalized apart); control characters go.
    expect(rows[0]!.identifier).toBe('evil\u202Emoc.liame@example.com');
    expect(rows[1]!.name).toBe('\u202Eexe.書類.txt');
    expect(rows[1]!.identifier).toBe('a.\u200Bb@example.com');
    expect(rows[1]!.cells[2]).toBe('xy z');
    expect(rows[0]!.cells[2]).toHaveLength(MAX_CELL_LENGTH);
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('stored limits', () => {
  it('caps texts joined from pieces (name parts, organisation paths) within the stored length', async () => {
    const long = 'あ'.repeat(MAX_CELL_LENGTH);
    const doc = html(`<table><thead><tr><th>姓</th><th>名</th><th>メール</th><th>組織</th></tr></thead><tbody>
      <tr><td>${long}</td><td>${long}</td><td>ann@example.com</td><td><ol><li>${long}</li><li>${long}</li></ol></td></tr></tbody></table>`);
    // recordingHooks parses every row with the MemberRow schema.
    const { rows } = await readAll(doc);
    expect(rows[0]!.name).toHaveLength(MAX_CELL_LENGTH);
    expect(rows[0]!.fields.organisation).toHaveLength(MAX_CELL_LENGTH);
  });
});

describe('ARIA grids', () => {
  it('places cells by aria-colindex and skips header rows', async () => {
    const doc = html(`<div role="grid" aria-rowcount="3" aria-colcount="3">
      <div role="row" aria-rowindex="1"><div role="columnheader" aria-colindex="1">Name</div><div role="columnheader" aria-colindex="2">Email</div><div role="columnheader" aria-colindex="3">Status</div></div>
      <div role="row" aria-rowindex="2"><div role="gridcell" aria-colindex="3">Active</div><div role="gridcell" aria-colindex="1">Ann Lee</div><div role="gridcell" aria-colindex="2">ann@example.com</div></div>
      <div role="row" aria-rowindex="3"><div role="gridcell" aria-colindex="1">Bo Kim</div><div role="gridcell" aria-colindex="2">bo@example.com</div></div>
    </div>`);
    const { rows, result } = await readAll(doc);
    expect(result.reachedEnd).toBe(true);
    expect(rows.map((row) => [row.name, row.identifier, row.fields.status])).toEqual([
      ['Ann Lee', 'ann@example.com', 'Active'],
      // No cell in the Status column: the grid has the column, so the row shows it blank.
      ['Bo Kim', 'bo@example.com', ''],
    ]);
  });
});

describe('card and list layouts', () => {
  it('reads repeated cards with labels, class words and unlabeled values', async () => {
    const doc = html(`<h2>メンバー一覧</h2><div class="grid">
      <article class="card"><h3 class="member-name">Ann Lee</h3><dl><dt>メール</dt><dd>ann@example.com</dd><dt>部署</dt><dd>Sales</dd></dl></article>
      <article class="card is-active"><h3 class="member-name">Bo Kim</h3><dl><dt>メール</dt><dd>bo@example.com</dd><dt>部署</dt><dd>Ops</dd></dl></article>
      <article class="card"><h3 class="member-name">Cy Oh</h3><dl><dt>部署</dt><dd>Legal</dd></dl></article>
    </div>`);
    const { rows } = await readAll(doc);
    expect(rows.map((row) => [row.name, row.identifier, row.fields.organisation])).toEqual([
      ['Ann Lee', 'ann@example.com', 'Sales'],
      ['Bo Kim', 'bo@example.com', 'Ops'],
      ['Cy Oh', '', 'Legal'],
    ]);
    expect(inspectPage(doc, URL_HERE, profileFor(doc, URL_HERE)).candidates[0]!.label).toContain('メンバー一覧');
  });

  it('reads list rows drawn as cells under a sibling header row, empty cells keeping their place', async () => {
    const doc = html(`<div class="head"><span>名前</span><span>部署</span><span>役職</span><span>メールアドレス</span></div>
      <ul><li class="row"><span>Ann</span><span>Sales</span><span></span><span>ann@example.com</span></li>
      <li class="row"><span>Bo</span><span></span><span>Lead</span><span>bo@example.com</span></li></ul>`);
    const { rows } = await readAll(doc);
    expect(rows.map((row) => [row.name, row.identifier, row.fields.organisation, row.fields.position])).toEqual([
      ['Ann', 'ann@example.com', 'Sales', ''],
      ['Bo', 'bo@example.com', '', 'Lead'],
    ]);
  });

  it('keeps every address of a cell that lists several: the first is the member, the rest are kept beside it', async () => {
    const doc = html(`<table><thead><tr><th>名前</th><th>メールアドレス</th></tr></thead><tbody>
      <tr><td>山田 太郎</td><td>taro@examplecorp.co.jp、taro.yamada@gmail.com（個人）</td></tr>
      <tr><td>佐藤 花子</td><td>hanako@examplecorp.co.jp</td></tr>
      <tr><td>Bo Kim</td><td>bo@partner.jp, bo@partner.jp; kim@other.example</td></tr></tbody></table>`);
    const { rows } = await readAll(doc);
    expect(rows.map((row) => [row.identifier, row.otherEmails])).toEqual([
      ['taro@examplecorp.co.jp', ['taro.yamada@gmail.com']],
      ['hanako@examplecorp.co.jp', undefined],
      ['bo@partner.jp', ['kim@other.example']],
    ]);
  });
  it('reads a list whose addresses are only in mailto links', async () => {
    const doc = html(`<ul><li><a href="mailto:ann@example.com">Ann Lee</a></li><li><a href="mailto:bo@example.com">Bo Kim</a></li></ul>`);
    const { rows } = await readAll(doc);
    expect(rows.map((row) => [row.name, row.identifier])).toEqual([
      ['Ann Lee', 'ann@example.com'],
      ['Bo Kim', 'bo@example.com'],
    ]);
  });
});

describe('frames and shadow roots', () => {
  it('reads a roster in an open shadow root', async () => {
    const host = html('<member-list></member-list>').querySelector('member-list')!;
    host.attachShadow({ mode: 'open' }).innerHTML = `<table><tr><th>Name</th><th>Email</th></tr><tr><td>Ann</td><td>ann@example.com</td></tr></table>`;
    const { rows } = await readAll(document);
    expect(rows.map((row) => row.identifier)).toEqual(['ann@example.com']);
  });

  it('reads a roster in a same-origin frame and ignores a frame it may not read', async () => {
    const doc = html('<iframe id="same"></iframe><iframe id="other"></iframe>');
    const inner = document.implementation.createHTMLDocument('frame');
    inner.body.innerHTML = `<table><tr><th>氏名</th><th>メールアドレス</th></tr><tr><td>山田</td><td>yamada@example.jp</td></tr></table>`;
    Object.defineProperty(doc.getElementById('same')!, 'contentDocument', { value: inner });
    Object.defineProperty(doc.getElementById('other')!, 'contentDocument', {
      get() {
        throw new Error('cross-origin');
      },
    });
    const { rows } = await readAll(doc);
    expect(rows.map((row) => row.name)).toEqual(['山田']);
  });
});

describe('candidates', () => {
  it('ranks the people list first, offers the other lists of people, and leaves out lists of things', async () => {
    const doc =
      html(`<table><tr><th>Product</th><th>Price</th></tr><tr><td>A</td><td>1</td></tr><tr><td>B</td><td>2</td></tr><tr><td>C</td><td>3</td></tr></table>
      <table aria-label="Guests"><tr><th>Name</th><th>Company</th></tr><tr><td>A</td><td>X</td></tr><tr><td>B</td><td>Y</td></tr><tr><td>C</td><td>Z</td></tr></table>
      <table aria-label="Staff"><tr><th>Name</th><th>Email</th></tr><tr><td>Ann</td><td>ann@example.com</td></tr><tr><td>Bo</td><td>bo@example.com</td></tr></table>`);
    const info = inspectPage(doc, URL_HERE, profileFor(doc, URL_HERE));
    expect(info.candidates.map((candidate) => [candidate.label, candidate.rows])).toEqual([
      ['表 / Table: Staff', 2],
      ['表 / Table: Guests', 3],
    ]);
    expect(info.page).toMatchObject({ console: 'generic', profile: 'generic', linkStatusWalk: false });
    expect(info.tenant).toBe('example.com');
    const second = await readAll(doc, 1);
    expect(second.rows.map((row) => row.name)).toEqual(['A', 'B', 'C']);
  });
});

describe('no roster', () => {
  it('takes no table of dates and notes for a roster, however name-like its cells', async () => {
    const doc = html(`<h1>年末年始休業のお知らせ</h1><table class="data"><thead><tr><th>日付</th><th>内容</th></tr></thead><tbody>
      <tr><td>12月27日（金）</td><td>通常営業（17時まで）</td></tr><tr><td>12月28日（土）〜1月5日（日）</td><td>休業</td></tr><tr><td>1月6日（月）</td><td>通常営業</td></tr></tbody></table>`);
    expect(() => inspectPage(doc, URL_HERE, profileFor(doc, URL_HERE))).toThrow(NoRosterError);
  });

  it('takes a table for a roster when its header names people, or its cells hold IDs, without any address', async () => {
    const named = html(
      `<table><thead><tr><th>氏名</th><th>部署</th></tr></thead><tbody><tr><td>山田 太郎</td><td>営業部</td></tr><tr><td>佐藤 花子</td><td>総務部</td></tr></tbody></table>`,
    );
    expect(inspectPage(named, URL_HERE, profileFor(named, URL_HERE)).candidates).toHaveLength(1);
    const ids = html(`<table><tr><td>Ann Lee</td><td>u1001</td></tr><tr><td>Bo Kim</td><td>u1002</td></tr><tr><td>Cy Oh</td><td>u1003</td></tr></table>`);
    const { rows } = await readAll(ids);
    expect(rows.map((row) => [row.name, row.identifier])).toEqual([
      ['Ann Lee', 'u1001'],
      ['Bo Kim', 'u1002'],
      ['Cy Oh', 'u1003'],
    ]);
  });

  it('says what it looked for, in Japanese and English', async () => {
    const doc = html('<p>Welcome</p><table role="presentation"><tr><td>menu</td></tr></table>');
    expect(() => inspectPage(doc, URL_HERE, profileFor(doc, URL_HERE))).toThrow(NoRosterError);
    await expect(scanRoster(doc, URL_HERE, profileFor(doc, URL_HERE), { mode: 'roster' }, recordingHooks().hooks)).rejects.toBeInstanceOf(NoRosterError);
    try {
      inspectPage(doc, URL_HERE, profileFor(doc, URL_HERE));
    } catch (error) {
      const { text, message } = error as NoRosterError;
      expect(message).toMatch(/tables, grids and lists of people/);
      expect(text.ja).toContain('表・グリッド・一覧');
    }
  });
});
