import { describe, expect, it } from 'vitest';
import { FindingId, MemberRow, type ConsoleId, type DomainPolicy, type MemberRowInput } from '../../../lib/model';
import { buildMembers } from '../../../lib/roster';

const policy: DomainPolicy = { tenant: '*', internalDomains: ['example.co.jp'], includeSubdomains: true, registrableMatch: false };

interface RuleCase {
  rule: FindingId;
  console: ConsoleId;
  note: string;
  rows: Array<Partial<MemberRowInput>>;
  /** Per row: the finding's detail ('' for a finding without detail), or false when it must not fire. */
  expected: Array<string | false>;
}

const person = (identifier: string, extra: Partial<MemberRowInput> = {}): Partial<MemberRowInput> => ({ name: identifier, identifier, ...extra });
const immedio = (fields: MemberRowInput['fields']) => person('taro@example.co.jp', { fields });

const cases: RuleCase[] = [
  {
    rule: 'external-domain',
    console: 'generic',
    note: 'an address outside the internal domains',
    rows: [person('a@partner.com'), person('b@example.co.jp'), person('1234567'), { identifier: '', isLineUser: true }],
    expected: ['partner.com', false, false, false],
  },
  {
    rule: 'line-user',
    console: 'lineworks-contacts',
    note: 'flag or contact kind',
    rows: [{ identifier: '', isLineUser: true }, { identifier: '', fields: { contactKind: 'line' } }, person('a@partner.com')],
    expected: ['', '', false],
  },
  {
    rule: 'contact-shared-only',
    console: 'lineworks-contacts',
    note: 'link status',
    rows: [person('a@partner.com', { linkStatus: 'shared-only' }), person('b@partner.com', { linkStatus: 'linked' }), person('c@partner.com')],
    expected: ['', false, false],
  },
  {
    rule: 'invalid-lineworks-id',
    console: 'lineworks-members',
    note: 'internal IDs against the seed 004 rules',
    rows: [person('Taro.Yamada@example.co.jp'), person('taro..y@example.co.jp'), person('taro.yamada@example.co.jp'), person('Bad..Id@partner.com')],
    expected: ['uppercase', 'consecutive-dots', false, false],
  },
  {
    rule: 'invalid-lineworks-id',
    console: 'generic',
    note: 'not on other consoles',
    rows: [person('Taro.Yamada@example.co.jp')],
    expected: [false],
  },
  {
    rule: 'duplicate-email',
    console: 'generic',
    note: 'same normalized email on two rows',
    rows: [
      { name: 'Taro', identifier: 'taro@example.co.jp' },
      { name: 'Taro 2', identifier: 'ＴＡＲＯ@Example.co.jp' },
      { name: 'Hanako', identifier: 'hanako@example.co.jp' },
      { name: 'Taro+', identifier: 'taro+x@example.co.jp' },
    ],
    expected: ['Taro 2', 'Taro', false, false],
  },
  {
    rule: 'duplicate-email',
    console: 'generic',
    note: 'three rows name the two others; the email column counts',
    rows: [
      { name: 'A', identifier: '1', email: 'x@example.co.jp' },
      { name: 'B', identifier: 'x@example.co.jp' },
      { name: '', identifier: 'X@EXAMPLE.CO.JP' },
    ],
    expected: ['B, X@EXAMPLE.CO.JP', 'A, X@EXAMPLE.CO.JP', 'A, B'],
  },
  {
    rule: 'alias-address',
    console: 'generic',
    note: 'plus-addressing is flagged with the base address',
    rows: [person('Taro+News@example.co.jp'), person('taro@example.co.jp'), person('taro.yamada@example.co.jp')],
    expected: ['taro@example.co.jp', false, false],
  },
  {
    rule: 'not-activated',
    console: 'lineworks-members',
    note: 'status words for accounts not started',
    rows: [
      person('a@example.co.jp', { fields: { status: '招待中' } }),
      person('b@example.co.jp', { fields: { status: ' Pending ' } }),
      person('c@example.co.jp', { fields: { status: '初回ログイン前' } }),
      person('d@example.co.jp', { fields: { status: '利用中' } }),
      person('e@example.co.jp', { fields: { status: '一時停止' } }),
      person('f@example.co.jp'),
    ],
    expected: ['招待中', 'Pending', '初回ログイン前', false, false, false],
  },
  {
    rule: 'suspended',
    console: 'chatwork-users',
    note: 'status words for suspended accounts',
    rows: [
      person('a@example.co.jp', { fields: { status: '一時停止' } }),
      person('b@example.co.jp', { fields: { status: 'Suspended' } }),
      person('c@example.co.jp', { fields: { status: '利用停止' } }),
      person('d@example.co.jp', { fields: { status: '利用中' } }),
      person('e@example.co.jp', { fields: { status: '招待中' } }),
    ],
    expected: ['一時停止', 'Suspended', '利用停止', false, false],
  },
  {
    rule: 'missing-chatwork-account-id',
    console: 'receptionist-employees',
    note: 'neither Chatwork identifier set, when the page shows them',
    rows: [
      person('a@example.co.jp', { fields: { chatworkAccountId: '' } }),
      person('b@example.co.jp', { fields: { chatworkAccountId: ' ', chatworkId: '' } }),
      person('c@example.co.jp', { fields: { chatworkAccountId: '1234567' } }),
      person('d@example.co.jp', { fields: { chatworkId: 'taro_y' } }),
      person('e@example.co.jp'),
    ],
    expected: ['', '', false, false, false],
  },
  {
    rule: 'missing-chatwork-account-id',
    console: 'generic',
    note: 'only on RECEPTIONIST',
    rows: [person('a@example.co.jp', { fields: { chatworkAccountId: '' } })],
    expected: [false],
  },
  {
    rule: 'chatwork-id-only',
    console: 'receptionist-employees',
    note: 'a changeable Chatwork ID without the fixed account ID',
    rows: [
      person('a@example.co.jp', { fields: { chatworkId: 'taro_y' } }),
      person('b@example.co.jp', { fields: { chatworkId: 'hanako', chatworkAccountId: '1234567' } }),
      person('c@example.co.jp', { fields: { chatworkAccountId: '' } }),
    ],
    expected: ['taro_y', false, false],
  },
  {
    rule: 'no-calendar-link',
    console: 'immedio-users',
    note: 'calendar not linked or no linked address',
    rows: [
      immedio({ calendarLinked: 'no' }),
      immedio({ calendarLinked: '未連携' }),
      immedio({ calendarAddress: '' }),
      immedio({ calendarLinked: 'yes', calendarAddress: 'taro@example.co.jp' }),
      immedio({ calendarAddress: 'taro@example.co.jp' }),
      immedio({}),
    ],
    expected: ['', '', '', false, false, false],
  },
  {
    rule: 'no-calendar-link',
    console: 'lineworks-members',
    note: 'only on immedio',
    rows: [immedio({ calendarLinked: 'no' })],
    expected: [false],
  },
  {
    rule: 'calendar-account-mismatch',
    console: 'immedio-users',
    note: 'the linked calendar account is another address',
    rows: [
      immedio({ calendarAddress: 'taro.private@gmail.com' }),
      immedio({ calendarAddress: 'TARO@Example.co.jp' }),
      immedio({ calendarAddress: '' }),
      { name: 'No email', identifier: '', fields: { calendarAddress: 'x@gmail.com' } },
    ],
    expected: ['taro.private@gmail.com', false, false, false],
  },
  {
    rule: 'zoom-unset',
    console: 'immedio-users',
    note: 'Zoom as meeting tool with neither Zoom link nor personal meeting URL',
    rows: [
      immedio({ meetingTool: 'zoom' }),
      immedio({ meetingTool: 'Zoom', zoomLinked: 'no', personalMeetingUrl: '' }),
      immedio({ meetingTool: 'zoom', zoomLinked: 'yes' }),
      immedio({ meetingTool: 'zoom', personalMeetingUrl: 'https://zoom.us/j/123' }),
      immedio({ meetingTool: 'google-meet' }),
    ],
    expected: ['', '', false, false, false],
  },
  {
    rule: 'not-in-directory',
    console: 'generic',
    note: 'comes from joins only',
    rows: [person('a@partner.com', { linkStatus: 'shared-only', fields: { status: '招待中' } })],
    expected: [false],
  },
];

describe.each(cases)('$rule on $console: $note', ({ rule, console, rows, expected }) => {
  it('fires exactly on the expected rows with the expected detail', () => {
    const parsed = rows.map((row) => MemberRow.parse({ name: '', identifier: '', ...row }));
    const { members } = buildMembers(parsed, { snapshotId: 's1', console, policy });
    const actual = members.map((member) => {
      const finding = member.findings.find((candidate) => candidate.id === rule);
      return finding === undefined ? false : (finding.detail ?? '');
    });
    expect(actual).toEqual(expected);
  });
});

it('covers every finding id with a firing case, except the join-only not-in-directory', () => {
  const firing = new Set(cases.filter((c) => c.expected.some((e) => e !== false)).map((c) => c.rule));
  expect(firing.has('not-in-directory')).toBe(false);
  expect([...firing].sort()).toEqual(FindingId.options.filter((id) => id !== 'not-in-directory').sort());
});
