import { pageShows, type ConsoleProfile } from './profile';

/**
 * immedio ユーザー管理 (seed 003): role, calendar link and its account's address (mandatory), meeting
 * tool, Zoom link or personal meeting URL (a Zoom user with neither gets no meetings), Slack member ID.
 */
export const immedioUsers: ConsoleProfile = {
  id: 'immedio-users',
  console: 'immedio-users',
  hosts: /(^|\.)immedio\.io$/,
  cue: (doc) => pageShows(doc, ['ユーザー管理', 'ユーザー', 'Users']),
  synonyms: [
    { role: 'calendarLinked', headers: ['カレンダー連携', 'カレンダー', 'calendar'] },
    { role: 'meetingTool', headers: ['会議ツール', '会議手段', 'web会議'] },
    { role: 'zoomLinked', headers: ['zoom連携', 'zoom'] },
    { role: 'personalMeetingUrl', headers: ['パーソナルミーティングurl', 'zoomパーソナルミーティングurl'] },
    { role: 'slackMemberId', headers: ['slackメンバーid', 'slackmemberid', 'slack'] },
    { role: 'role', headers: ['ロール', '権限'] },
  ],
  identifier: 'email',
  statusValues: [],
};
