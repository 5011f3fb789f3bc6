import { joinName, type ImportProfile } from './profile';

/** Google Workspace admin user list download. */
export const googleWorkspaceUsers: ImportProfile = {
  id: 'google-workspace-users',
  label: { ja: 'Google Workspace ユーザー一覧', en: 'Google Workspace user list' },
  console: 'csv-import',
  signature: [['Email Address [Required]'], ['First Name [Required]', 'Last Name [Required]']],
  row: (get) => ({
    name: joinName(get('First Name [Required]'), get('Last Name [Required]')),
    identifier: get('Email Address [Required]'),
    fields: {
      status: get('Status [READ ONLY]', 'Status'),
      organisation: get('Department', 'Org Unit Path [Required]'),
      position: get('Employee Title'),
      employeeNumber: get('Employee ID'),
      phone: get('Work Phone', 'Mobile Phone'),
    },
  }),
};
