import { EMAIL_HEADERS, type ImportProfile } from './profile';

/** Chatwork's admin user export: 識別ID (accountID) is fixed; チャットワークID is the user's own choice. */
export const chatworkUsers: ImportProfile = {
  id: 'chatwork-users',
  label: { ja: 'Chatwork ユーザー一覧', en: 'Chatwork user export' },
  console: 'chatwork-users',
  signature: [['識別ID', 'accountID', 'account_id', 'アカウントID']],
  row: (get) => {
    const email = get(...EMAIL_HEADERS);
    const accountId = get('識別ID', 'accountID', 'account_id', 'アカウントID');
    return {
      name: get('名前', 'name', '氏名'),
      identifier: email || accountId,
      email: email || undefined,
      fields: {
        chatworkAccountId: accountId,
        chatworkId: get('チャットワークID', 'ChatworkID', 'chatwork_id'),
        organisation: get('組織名', '組織', '部署', 'department', 'organization'),
        position: get('役職', 'title'),
        status: get('ステータス', 'status'),
        role: get('権限', 'role'),
      },
    };
  },
};
