import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { importRoster } from '../../../lib/import';
import { buildMembers } from '../../../lib/roster';

const PAGE = join(__dirname, '../../fixtures/consoles/app.immedio.io/users');

interface User {
  lastName: string;
  firstName: string;
  email: string;
  role: 'OWNER' | 'MANAGER' | 'MEMBER' | 'RESTRICTED';
  calendar: { provider: string; email: string } | null;
  meetingTool: 'ZOOM' | 'GOOGLE_MEET' | 'TEAMS';
  zoomConnected: boolean;
  zoomPersonalMeetingUrl: string;
  slackMemberId: string;
}
const ROLE = { OWNER: 'オーナー', MANAGER: 'マネージャー', MEMBER: 'メンバー', RESTRICTED: '制限付きユーザー' };
const TOOL = { ZOOM: 'Zoom', GOOGLE_MEET: 'Google Meet', TEAMS: 'Teams' };

/** The users the sample users page draws, as 「ユーザー一覧のCSVダウンロード」 would list them (seed 003's words). */
function userListCsv(headers: readonly string[]): Uint8Array {
  const html = readFileSync(join(PAGE, 'index.html'), 'utf8');
  const json = /<script id="__NEXT_DATA__" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!;
  const users = (JSON.parse(json) as { props: { pageProps: { users: User[] } } }).props.pageProps.users;
  const rows = users.map((u) => [
    u.lastName,
    u.firstName,
    u.email,
    ROLE[u.role],
    u.calendar?.provider ?? '',
    u.calendar?.email ?? '',
    TOOL[u.meetingTool],
    u.zoomConnected ? '連携済み' : '',
    u.zoomPersonalMeetingUrl,
    u.slackMemberId,
    '09:00-18:00',
  ]);
  return new TextEncoder().encode(`\uFEFF${Papa.unparse([headers, ...rows], { newline: '\r\n' })}\r\n`);
}

const expected = JSON.parse(readFileSync(join(PAGE, 'index.expected.json'), 'utf8')) as {
  policy: Parameters<typeof buildMembers>[1]['policy'];
  members: { name: string; identifier: string; classification: string; findings: string[] }[];
};

describe('immedio user list download', () => {
  it.each([
    [
      'the settings words',
      [
        'ユーザーの姓',
        'ユーザーの名前',
        'メールアドレス',
        'ロール',
        'カレンダー連携',
        '連携中のメールアドレス',
        '会議手段',
        'Zoom連携',
        'ZoomパーソナルミーティングURL',
        'SlackメンバーID',
        '業務時間',
      ],
    ],
    [
      'the users page words',
      [
        '姓',
        '名',
        'メールアドレス',
        'ロール',
        'カレンダー',
        'カレンダーのメールアドレス',
        '会議ツール',
        'Zoom',
        'パーソナルミーティングURL',
        'Slack メンバーID',
        '業務時間',
      ],
    ],
    [
      'English headers',
      [
        'Last Name',
        'First Name',
        'Email',
        'Role',
        'Calendar',
        'Calendar Email',
        'Meeting Tool',
        'Zoom',
        'Personal Meeting URL',
        'Slack Member ID',
        'Working hours',
      ],
    ],
  ])('with %s gives the same members and findings as auditing the users page', (_, headers) => {
    const imported = importRoster(userListCsv(headers));
    if (!imported.ok) throw new Error(JSON.stringify(imported.error));
    expect(imported).toMatchObject({ profile: 'immedio-users', console: 'immedio-users' });
    const { members } = buildMembers(imported.rows, { snapshotId: 's', console: imported.console, policy: expected.policy });
    const view = (m: { name: string; identifier: string; classification: string; findings: readonly (string | { id: string })[] }) => ({
      name: m.name,
      identifier: m.identifier,
      classification: m.classification,
      findings: m.findings.map((f) => (typeof f === 'string' ? f : f.id)).sort(),
    });
    expect(members.map(view)).toEqual(expected.members.map(view));
    // Working hours are no field of the product: they stay in the raw cells.
    expect(members[0]!.cells.at(-1)).toBe('09:00-18:00');
  });
});
