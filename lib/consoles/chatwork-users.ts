import { badgeIn, pageShows, withFields, type ConsoleProfile } from './profile';

/**
 * Chatwork 管理者設定 ▸ ユーザー管理. 識別ID (account ID) is fixed and exportable; チャットワークID is
 * the user's own choice (seed 000). The login address is the identifier; every state tab is read.
 */
export const chatworkUsers: ConsoleProfile = {
  id: 'chatwork-users',
  console: 'chatwork-users',
  hosts: /(^|\.)chatwork\.com$/,
  cue: (doc) => pageShows(doc, ['ユーザー管理', 'ユーザー一覧', 'User management', 'Users']),
  synonyms: [
    { role: 'chatworkAccountId', headers: ['識別id', 'アカウントid', 'accountid', 'account_id'] },
    { role: 'chatworkId', headers: ['チャットワークid', 'chatworkid', 'chatwork_id'] },
    { role: 'email', headers: ['ログインメールアドレス', 'メールアドレス', 'loginemail', 'loginmail', 'email'] },
  ],
  identifier: 'email',
  statusValues: ['利用中', '初回ログイン前', '未登録'],
  tabs: ['利用中', '初回ログイン前', '未登録'],
  finish(row, raw) {
    const admin = badgeIn(raw.element, ['管理者', 'Admin', '組織管理者']);
    return admin ? withFields(row, { role: admin }) : row;
  },
};
