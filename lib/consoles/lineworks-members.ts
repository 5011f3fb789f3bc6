import { badgeIn, pageShows, withFields, type ConsoleProfile } from './profile';

/** LINE WORKS Admin ▸ メンバー: ID, name, organisation, position and status of every member. */
export const lineworksMembers: ConsoleProfile = {
  id: 'lineworks-members',
  console: 'lineworks-members',
  hosts: /(^|\.)worksmobile\.com$/,
  cue: (doc) => pageShows(doc, ['メンバー', 'Members', '구성원']),
  tenantSelector: '[class*="tenant"], [class*="Tenant"], [data-tenant]',
  synonyms: [
    { role: 'identifier', headers: ['id', 'ログインid', 'メンバーid', 'lineworksid'], exact: true },
    { role: 'status', headers: ['ステータス', '状態', '利用状態'] },
    { role: 'organisation', headers: ['組織', '所属組織', '所属'] },
  ],
  identifier: 'id',
  // The states the admin guide and API name; 利用停止 and 削除予定 are tolerated variants no source shows.
  statusValues: ['使用中', '登録待ち', '一時停止', '待機中', '休職中', '削除', '削除済み', '利用停止', '削除予定'],
  finish(row, raw) {
    const admin = badgeIn(raw.element, ['管理者', '副管理者', 'Admin']);
    return admin ? withFields(row, { role: admin }) : row;
  },
};
