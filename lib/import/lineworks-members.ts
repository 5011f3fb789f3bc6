import { joinName, type ImportProfile } from './profile';

/** LINE WORKS admin member download (bulk modify file): ID, 姓, 名, 組織 … */
export const lineworksMembers: ImportProfile = {
  id: 'lineworks-members',
  label: { ja: 'LINE WORKS メンバー一覧', en: 'LINE WORKS member download' },
  console: 'lineworks-members',
  signature: [['ID'], ['姓', 'Last Name'], ['名', '名前', 'First Name']],
  row: (get) => ({
    name: joinName(get('姓', 'Last Name'), get('名', '名前', 'First Name')),
    identifier: get('ID'),
    fields: {
      organisation: get('組織', 'Organization'),
      position: get('役職', 'Position'),
      status: get('ステータス', '状態', 'Status'),
      employeeNumber: get('社員番号', 'Employee Number'),
      phone: get('電話番号', 'Phone'),
    },
  }),
};
