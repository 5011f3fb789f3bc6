import { badgeIn, pageShows, withFields, type ConsoleProfile } from './profile';

/** RECEPTIONIST 社員一覧: name, address, department and the business-chat IDs notifications go to. */
export const receptionistEmployees: ConsoleProfile = {
  id: 'receptionist-employees',
  console: 'receptionist-employees',
  hosts: /(^|\.)receptionist\.jp$/,
  cue: (doc) => pageShows(doc, ['社員', '従業員', 'Employees']),
  synonyms: [
    { role: 'chatworkAccountId', headers: ['chatworkアカウントid', 'アカウントid', 'chatworkaccountid', 'accountid'] },
    { role: 'chatworkId', headers: ['chatworkid', 'チャットワークid'] },
    { role: 'slackMemberId', headers: ['slack', 'slackid', 'slackメンバーid', 'slackmemberid'] },
    { role: 'organisation', headers: ['部署', '所属部署'] },
  ],
  identifier: 'email',
  statusValues: [],
  finish(row, raw) {
    const admin = badgeIn(raw.element, ['管理者', 'Admin']);
    return admin ? withFields(row, { role: admin }) : row;
  },
};
