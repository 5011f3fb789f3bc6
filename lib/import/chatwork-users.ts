import { EMAIL_HEADERS, type ImportProfile } from './profile';

const ACCOUNT_ID = ['識別ID', 'accountID', 'account_id', 'アカウントID', 'Unique ID', 'Unique ID Number'];
/** The login address: the user-information export and the bulk-import file name it in both languages. */
const LOGIN_EMAIL = [
  'ログインメールアドレス',
  'メールアドレス(ログイン用)',
  'ログイン用メールアドレス',
  'login email',
  'login_mail',
  'Login E-mail',
  'E-mail Address (Login credential)',
  'E-mail Address',
];

/**
 * Chatwork's admin user-information export and bulk-import file: 識別ID (accountID) is fixed;
 * チャットワークID is the user's own choice. The bulk-import file's keyword row (row 2) is never a
 * user: the CSV and workbook readers keep it with the titles.
 */
export const chatworkUsers: ImportProfile = {
  id: 'chatwork-users',
  label: { ja: 'Chatwork ユーザー一覧', en: 'Chatwork user export' },
  console: 'chatwork-users',
  signature: [ACCOUNT_ID],
  row: (get) => {
    const email = get(...LOGIN_EMAIL, ...EMAIL_HEADERS);
    const accountId = get(...ACCOUNT_ID);
    return {
      name: get('名前', 'name', '氏名', 'ユーザー名', 'user name'),
      identifier: email || accountId,
      email: email || undefined,
      fields: {
        chatworkAccountId: accountId,
        chatworkId: get('チャットワークID', 'ChatworkID', 'chatwork_id'),
        // The profile: what the user shows of themselves beside the name.
        organisation: get('組織名', '組織', '部署', 'department', 'organization', 'organization name'),
        position: get('役職', 'title', 'position'),
        status: get('ステータス', 'status'),
        role: get('権限', 'role'),
      },
    };
  },
};
