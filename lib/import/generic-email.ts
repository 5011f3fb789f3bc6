import { EMAIL_HEADERS, joinName, type ImportProfile } from './profile';

/** Any file with an email column. */
export const genericEmail: ImportProfile = {
  id: 'generic-email',
  label: { ja: 'メールアドレス列のある CSV', en: 'Any CSV with an email column' },
  console: 'csv-import',
  signature: [EMAIL_HEADERS],
  row: (get) => ({
    name:
      get('名前', '氏名', 'name', 'full name', 'display name', 'displayName') ||
      joinName(get('姓'), get('名')) ||
      joinName(get('first name'), get('last name')),
    identifier: get(...EMAIL_HEADERS),
    fields: {
      organisation: get('部署', '組織', 'department', 'organization'),
      position: get('役職', 'title', 'job title'),
      status: get('ステータス', 'status'),
      employeeNumber: get('社員番号', 'employee id', 'employee number'),
    },
  }),
};
