import { EMAIL_HEADERS, joinName, type ImportProfile } from './profile';

const CALENDAR = ['カレンダー連携', 'カレンダー', 'calendar', 'calendar link'];
const ZOOM = ['Zoom連携', 'Zoom', 'zoom link'];
const CALENDAR_ADDRESS = ['連携中のメールアドレス', 'カレンダー連携中のメールアドレス', 'カレンダーのメールアドレス', 'calendar email', 'calendar account'];
const MEETING_URL = ['ZoomパーソナルミーティングURL', 'パーソナルミーティングURL', 'Zoom パーソナルミーティング URL', 'personal meeting url'];

/**
 * immedio's 「ユーザー一覧のCSVダウンロード」, with the words of its user settings (seed 003): the same
 * fields the users page gives, so that the file gets the same findings (role, calendar link and the
 * linked account's address, meeting tool, Zoom link or personal meeting URL). Other columns (working
 * hours, signature …) stay in the member's raw cells.
 */
export const immedioUsers: ImportProfile = {
  id: 'immedio-users',
  label: { ja: 'immedio ユーザー一覧', en: 'immedio user list' },
  console: 'immedio-users',
  signature: [EMAIL_HEADERS, ['ロール', 'role', '権限'], [...CALENDAR, ...ZOOM, ...MEETING_URL]],
  row: (get, has) => {
    const calendar = get(...CALENDAR);
    // A file may give the linked account's address in the calendar column itself: then it is linked.
    const calendarAddress = get(...CALENDAR_ADDRESS) || (calendar.includes('@') ? calendar : '');
    return {
      name: get('名前', '氏名', 'name', 'ユーザー名') || joinName(get('ユーザーの姓', '姓', 'last name'), get('ユーザーの名前', '名', 'first name')),
      identifier: get(...EMAIL_HEADERS),
      fields: {
        role: get('ロール', 'role', '権限'),
        // A blank calendar cell in a file that has the column is an unlinked calendar, as 「未連携」 on the page.
        calendarLinked: calendarAddress ? 'yes' : calendar || (has(...CALENDAR) ? 'no' : ''),
        calendarAddress,
        meetingTool: get('会議手段', '会議ツール', 'Web会議', 'meeting tool'),
        zoomLinked: get(...ZOOM) || (has(...ZOOM) ? 'no' : ''),
        personalMeetingUrl: get(...MEETING_URL),
        slackMemberId: get('SlackメンバーID', 'Slack member ID', 'slack'),
      },
    };
  },
};
