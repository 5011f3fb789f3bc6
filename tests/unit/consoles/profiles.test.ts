// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { profileFor } from '../../../lib/consoles';
import { inspectPage, scanRoster } from '../../../lib/scan';
import { recordingHooks } from '../scan/hooks';

function page(title: string, body: string): Document {
  document.title = title;
  document.body.innerHTML = body;
  return document;
}

async function scan(url: string, mode: 'roster' | 'link-status' = 'roster', onWait?: () => void) {
  const recorder = recordingHooks({ onWait });
  const result = await scanRoster(document, url, profileFor(document, url), { mode }, recorder.hooks);
  return { rows: recorder.rows, result, progress: recorder.progress };
}

beforeEach(() => {
  document.title = '';
  document.body.innerHTML = '';
});

const MEMBERS = `<h1>メンバー</h1><span class="Header_tenant__x1">株式会社エグザンプル</span><table><thead><tr><th></th><th>名前</th><th>ID</th><th>組織</th><th>役職</th><th>ステータス</th></tr></thead><tbody>
  <tr><td><input type="checkbox"></td><td><a href="#">山田 太郎</a><span>管理者</span></td><td>taro.yamada@examplecorp</td><td><ol><li>本社</li><li>営業部</li></ol></td><td>課長</td><td><span>使用中</span></td></tr>
  <tr><td><input type="checkbox"></td><td><a href="#">佐藤 花子</a></td><td>hanako@examplecorp.co.jp</td><td>本社</td><td></td><td><span>一時停止</span></td></tr></tbody></table>`;

describe('recognition by host and content', () => {
  it('needs both the console host and its page content, else reads generically', () => {
    page('メンバー - LINE WORKS Admin', MEMBERS);
    expect(profileFor(document, 'https://admin.worksmobile.com/members').id).toBe('lineworks-members');
    expect(profileFor(document, 'https://intranet.example.test/members').id).toBe('generic');
    expect(profileFor(document, 'not a url').id).toBe('generic');
    page('Dashboard', '<h1>ホーム</h1>');
    expect(profileFor(document, 'https://admin.worksmobile.com/home').id).toBe('generic');
    page('顧客/取引先', '<h2>顧客/取引先</h2>');
    expect(profileFor(document, 'https://contact.worksmobile.com/').id).toBe('lineworks-contacts');
    page('ユーザー管理', '<h1>ユーザー管理</h1>');
    expect(profileFor(document, 'https://www.chatwork.com/admin').id).toBe('chatwork-users');
    expect(profileFor(document, 'https://app.immedio.io/users').id).toBe('immedio-users');
    expect(profileFor(document, 'https://chatwork.com.evil.example/admin').id).toBe('generic');
    page('社員一覧', '<h1>社員一覧</h1>');
    expect(profileFor(document, 'https://app.receptionist.jp/employees').id).toBe('receptionist-employees');
  });
});

describe('LINE WORKS members', () => {
  it('reads ID, name, organisation path, position, status and the admin badge; the tenant from the header', async () => {
    page('メンバー - LINE WORKS Admin', MEMBERS);
    const info = inspectPage(document, 'https://admin.worksmobile.com/members', profileFor(document, 'https://admin.worksmobile.com/members'));
    expect(info.page).toMatchObject({ console: 'lineworks-members', profile: 'lineworks-members', linkStatusWalk: false });
    expect(info.tenant).toBe('株式会社エグザンプル');
    const { rows } = await scan('https://admin.worksmobile.com/members');
    expect(rows).toMatchObject([
      { name: '山田 太郎', identifier: 'taro.yamada@examplecorp', fields: { organisation: '本社|営業部', position: '課長', status: '使用中', role: '管理者' } },
      { name: '佐藤 花子', identifier: 'hanako@examplecorp.co.jp', fields: { organisation: '本社', status: '一時停止' } },
    ]);
    expect(rows[1]!.fields.role).toBeUndefined();
  });
});

describe('LINE WORKS contacts', () => {
  const CONTACTS = `<h2>顧客/取引先</h2><div class="head"><span>名前</span><span>会社名</span><span>ID・メールアドレス</span></div><ul>
    <li class="item" role="button" tabindex="0" data-no="1"><div class="nameCol"><span class="name">田中 一郎</span></div><div>アルファ</div><div>ichiro@alpha.co.jp</div></li>
    <li class="item" role="button" tabindex="0" data-no="2"><div class="nameCol"><span class="name">ゆうき</span><span class="badge" title="LINE">LINE</span></div><div></div><div></div></li>
    <li class="item" role="button" tabindex="0" data-no="3"><div class="nameCol"><span class="name">鈴木 次郎</span></div><div>ベータ</div><div>jiro@beta.jp</div></li>
  </ul>`;
  /** Contact 1 and 2 are only shared (pale buttons, the notice); 3 is linked. */
  const LINKED: Record<string, boolean> = { '1': false, '2': false, '3': true };
  const NAMES: Record<string, string> = { '1': '田中 一郎', '2': 'ゆうき', '3': '鈴木 次郎' };

  function openDetailsOnClick() {
    let opened: string | undefined;
    for (const item of Array.from(document.querySelectorAll('li.item'))) {
      item.addEventListener('click', () => (opened = item.getAttribute('data-no')!));
    }
    document.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape') document.querySelector('[role=dialog]')?.remove();
    });
    return () => {
      if (!opened) return;
      const linked = LINKED[opened]!;
      document.querySelector('[role=dialog]')?.remove();
      const dialog = document.createElement('aside');
      dialog.setAttribute('role', 'dialog');
      dialog.innerHTML = `<button aria-label="閉じる">×</button><strong>${NAMES[opened]}</strong>
        <button class="${linked ? '' : 'pale'}" ${linked ? '' : 'disabled'}>1:1 トーク</button><button ${linked ? '' : 'aria-disabled="true"'}>無料通話</button>
        ${linked || opened === '2' ? '' : '<p>他のメンバーがトークできる連絡先です</p>'}`;
      dialog.querySelector('button')!.addEventListener('click', () => dialog.remove());
      document.body.appendChild(dialog);
      opened = undefined;
    };
  }

  it('tells LINE users from LINE WORKS users, and leaves link status unknown when the list does not show it', async () => {
    page('顧客/取引先 - LINE WORKS', CONTACTS);
    expect(inspectPage(document, 'https://contact.worksmobile.com/', profileFor(document, 'https://contact.worksmobile.com/')).page.linkStatusWalk).toBe(true);
    const { rows } = await scan('https://contact.worksmobile.com/');
    expect(rows.map((row) => [row.name, row.identifier, row.isLineUser, row.fields.contactKind, row.linkStatus])).toEqual([
      ['田中 一郎', 'ichiro@alpha.co.jp', false, 'lineworks', undefined],
      ['ゆうき', '', true, 'line', undefined],
      ['鈴木 次郎', 'jiro@beta.jp', false, 'lineworks', undefined],
    ]);
  });

  it('opens each contact in link-status mode, reads pale or enabled talk buttons, and closes it', async () => {
    page('顧客/取引先 - LINE WORKS', CONTACTS);
    const { rows, result, progress } = await scan('https://contact.worksmobile.com/', 'link-status', openDetailsOnClick());
    expect(result.reachedEnd).toBe(true);
    expect(rows.map((row) => [row.name, row.linkStatus])).toEqual([
      ['田中 一郎', 'shared-only'],
      ['ゆうき', 'shared-only'],
      ['鈴木 次郎', 'linked'],
    ]);
    expect(document.querySelector('[role=dialog]')).toBeNull();
    expect(progress.map((p) => p.rows)).toContain(2);
  });

  it('waits for the detail to show the contact clicked, not the one before, in a panel that stays open', async () => {
    page('顧客/取引先 - LINE WORKS', CONTACTS);
    const panel = document.createElement('aside');
    panel.setAttribute('role', 'dialog');
    document.body.appendChild(panel);
    let opened: string | undefined;
    let waits = 0;
    for (const item of Array.from(document.querySelectorAll('li.item'))) {
      item.addEventListener('click', () => {
        opened = item.getAttribute('data-no')!;
        waits = 0;
      });
    }
    // The panel keeps the last contact while loading (busy on the first wait), then shows the new one;
    // closing it does nothing.
    const render = () => {
      if (!opened) return;
      if (waits++ === 0) {
        panel.setAttribute('aria-busy', 'true');
        return;
      }
      const linked = LINKED[opened]!;
      panel.removeAttribute('aria-busy');
      panel.innerHTML = `<button aria-label="閉じる">×</button><strong>${NAMES[opened]}</strong><button ${linked ? '' : 'disabled'}>1:1 トーク</button>`;
      opened = undefined;
    };
    const { rows } = await scan('https://contact.worksmobile.com/', 'link-status', render);
    expect(rows.map((row) => [row.name, row.linkStatus])).toEqual([
      ['田中 一郎', 'shared-only'],
      ['ゆうき', 'shared-only'],
      ['鈴木 次郎', 'linked'],
    ]);
  });

  it('reads the shared-only notice when the list itself shows it', async () => {
    page(
      '顧客/取引先',
      `<h2>顧客/取引先</h2><ul><li><span>Ann</span> <span>ann@alpha.co.jp</span> <small>他のメンバーがトークできる連絡先です</small></li>
      <li><span>Bo</span> <span>bo@beta.jp</span> <button>トーク</button></li></ul>`,
    );
    const { rows } = await scan('https://contact.worksmobile.com/');
    expect(rows.map((row) => row.linkStatus)).toEqual(['shared-only', 'linked']);
  });
});

describe('Chatwork users', () => {
  it('walks every state tab and records the tab, account ID and Chatwork ID', async () => {
    const users: Record<string, string> = {
      利用中:
        '<tr><td>山田 太郎</td><td>1234567</td><td>yamada</td><td>taro@example.co.jp</td></tr><tr><td>Ann</td><td></td><td>ann-cw</td><td>ann@example.co.jp</td></tr>',
      初回ログイン前: '<tr><td>佐藤 花子</td><td>7654321</td><td></td><td>hanako@example.co.jp</td></tr>',
      未登録: '<tr><td>TARO</td><td></td><td></td><td>TARO@EXAMPLE.CO.JP</td></tr>',
    };
    page(
      'ユーザー管理 | Chatwork',
      `<h1>ユーザー管理</h1><div role="tablist">${Object.keys(users)
        .map((tab, i) => `<button role="tab" aria-selected="${i === 0}">${tab}<span>(${i + 1})</span></button>`)
        .join('')}</div><div id="panel"></div>`,
    );
    let pending: string | undefined;
    const show = (tab: string) =>
      (document.getElementById('panel')!.innerHTML =
        `<table><thead><tr><th>名前</th><th>識別ID</th><th>チャットワークID</th><th>ログインメールアドレス</th></tr></thead><tbody>${users[tab]}</tbody></table>`);
    show('利用中');
    document.querySelectorAll('[role=tab]').forEach((tab) => tab.addEventListener('click', () => (pending = tab.firstChild!.textContent!)));
    const { rows, result } = await scan('https://www.chatwork.com/admin/users', 'roster', () => {
      if (pending) show(pending);
      pending = undefined;
    });
    expect(result).toEqual({ reachedEnd: true, reason: undefined, pagesRead: 3 });
    expect(rows.map((row) => [row.name, row.identifier, row.fields.tab, row.fields.status, row.fields.chatworkAccountId, row.fields.chatworkId])).toEqual([
      ['山田 太郎', 'taro@example.co.jp', '利用中', '利用中', '1234567', 'yamada'],
      // Blank ID cells are read as blank: the columns are there, so an empty account ID is a finding.
      ['Ann', 'ann@example.co.jp', '利用中', '利用中', '', 'ann-cw'],
      ['佐藤 花子', 'hanako@example.co.jp', '初回ログイン前', '初回ログイン前', '7654321', ''],
      // The same address in another tab is another row of the roster.
      ['TARO', 'TARO@EXAMPLE.CO.JP', '未登録', '未登録', '', ''],
    ]);
  });
});

describe('RECEPTIONIST employees', () => {
  it('reads address, department and chat tool IDs', async () => {
    page(
      '社員一覧 | RECEPTIONIST',
      `<h1>社員一覧</h1><table><thead><tr><th>名前</th><th>メールアドレス</th><th>部署</th><th>Chatwork アカウントID</th><th>Chatwork ID</th><th>Slack</th></tr></thead>
      <tbody><tr><td><a href="/e/1">受付 代表</a> <span class="tag">管理者</span></td><td>reception@example.co.jp</td><td>総務部</td><td>1234567</td><td></td><td>U0ABC</td></tr></tbody></table>`,
    );
    const { rows } = await scan('https://app.receptionist.jp/employees');
    expect(rows).toMatchObject([
      {
        name: '受付 代表',
        identifier: 'reception@example.co.jp',
        fields: { organisation: '総務部', chatworkAccountId: '1234567', slackMemberId: 'U0ABC', role: '管理者' },
      },
    ]);
    // The Chatwork ID column is there but blank.
    expect(rows[0]!.fields.chatworkId).toBe('');
  });
});

describe('immedio users', () => {
  it('reads role, calendar link and its address, meeting tool, Zoom link, personal meeting URL and Slack ID', async () => {
    page(
      'ユーザー管理 | immedio',
      `<h1>ユーザー管理</h1><table><thead><tr><th>名前</th><th>メールアドレス</th><th>ロール</th><th>カレンダー連携</th><th>会議ツール</th><th>Zoom連携</th><th>パーソナルミーティングURL</th><th>SlackメンバーID</th></tr></thead><tbody>
      <tr><td><div>中</div><a href="/u/1">中島 愛</a></td><td>ai@example.co.jp</td><td><span>オーナー</span></td><td><span>連携中</span><p>ai.private@gmail.com</p></td><td>Zoom</td><td><span>未連携</span></td><td><a href="https://zoom.us/my/ai">https://zoom.us/my/ai</a></td><td>U01X</td></tr>
      <tr><td><a href="/u/2">小川 隆</a></td><td>takashi@example.co.jp</td><td>メンバー</td><td><span>未連携</span></td><td>Google Meet</td><td><span>連携済み</span></td><td></td><td></td></tr></tbody></table>`,
    );
    const { rows } = await scan('https://app.immedio.io/users');
    expect(rows.map((row) => [row.name, row.identifier, row.fields])).toEqual([
      [
        '中島 愛',
        'ai@example.co.jp',
        {
          role: 'オーナー',
          calendarLinked: 'yes',
          calendarAddress: 'ai.private@gmail.com',
          meetingTool: 'zoom',
          zoomLinked: 'no',
          personalMeetingUrl: 'https://zoom.us/my/ai',
          slackMemberId: 'U01X',
        },
      ],
      // A blank Slack ID cell is blank; a blank meeting URL is no URL; the page has no Chatwork columns.
      ['小川 隆', 'takashi@example.co.jp', { role: 'メンバー', calendarLinked: 'no', meetingTool: 'google-meet', zoomLinked: 'yes', slackMemberId: '' }],
    ]);
    expect(rows[1]!.fields).not.toHaveProperty('chatworkAccountId');
  });
});
