import type { Localized } from '../i18n';
import { lineworksColumns, type PasswordMode } from './lineworks-columns';
import { buildTable, dateStamp, fileNamePart, memberRows } from './table';
import { BUILT_IN_FILE, type ExportFormat, type FormatId } from './types';

/** LINE WORKS takes at most this many members per bulk file. */
export const LINEWORKS_MAX_ROWS = 100;

const MODES: Record<PasswordMode, { id: FormatId; label: Localized }> = {
  auto: {
    id: 'lineworks-bulk-add-auto',
    label: { ja: 'LINE WORKS 一括追加 (パスワード自動作成)', en: 'LINE WORKS bulk add (password created automatically)' },
  },
  admin: {
    id: 'lineworks-bulk-add-admin',
    label: { ja: 'LINE WORKS 一括追加 (パスワードを管理者が作成)', en: 'LINE WORKS bulk add (password set by the admin)' },
  },
  member: {
    id: 'lineworks-bulk-add-member',
    label: { ja: 'LINE WORKS 一括追加 (パスワードをメンバーが作成)', en: 'LINE WORKS bulk add (password set by the member)' },
  },
};

/**
 * The bulk add file of one password mode: the selected members, 100 per file, zipped together when
 * there are more; filled into the admin's own sample file when one is given.
 */
function lineworksBulkAdd(mode: PasswordMode): ExportFormat {
  return {
    ...MODES[mode],
    options: { template: 'optional', ...BUILT_IN_FILE, bulkValues: true, sso: true, chatworkRoster: false, chatworkIdKinds: [], validRowsOnly: true },
    columns: lineworksColumns(mode),
    build: (input) => {
      const columns = lineworksColumns(mode, input.sso);
      return buildTable({
        columns,
        rows: memberRows(columns, input.members, mode, input.values),
        baseName: `${MODES[mode].id}-${fileNamePart(input.snapshot.tenant)}-${dateStamp(input.snapshot.finishedAt)}`,
        encoding: input.encoding,
        validRowsOnly: input.validRowsOnly,
        maxRowsPerFile: LINEWORKS_MAX_ROWS,
        template: input.template,
        output: input.output,
        sheet: input.sheet,
      });
    },
  };
}

export const lineworksBulkAddAuto = lineworksBulkAdd('auto');
export const lineworksBulkAddAdmin = lineworksBulkAdd('admin');
export const lineworksBulkAddMember = lineworksBulkAdd('member');
