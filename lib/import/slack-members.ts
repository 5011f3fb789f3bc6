import type { ImportProfile } from './profile';

/** Slack's member list export (username, email, status, userid, fullname, displayname …). */
export const slackMembers: ImportProfile = {
  id: 'slack-members',
  label: { ja: 'Slack メンバー一覧', en: 'Slack member export' },
  console: 'csv-import',
  signature: [['username'], ['email'], ['fullname', 'displayname', 'userid']],
  row: (get) => {
    const email = get('email');
    return {
      name: get('fullname', 'displayname', 'username'),
      identifier: email || get('username'),
      fields: { status: get('status'), slackMemberId: get('userid') },
    };
  },
};
