import { normalizeKey } from '../csv/patch';
import type { Member } from '../model';
import { lineworksColumns, lineworksIdOf } from './lineworks-columns';
import { columnNames, dateStamp, fileNamePart } from './table';
import { buildTemplatePatch, type RowChange } from './template-patch';
import type { ExportFormat } from './types';

const columns = lineworksColumns('modify');

/** Members by every spelling of their ID a downloaded file may hold: `taro@examplecorp` or `taro`. */
function membersById(members: readonly Member[]): Map<string, Member> {
  const byId = new Map<string, Member>();
  for (const member of members) {
    byId.set(normalizeKey(member.identifier), member);
    const local = normalizeKey(lineworksIdOf(member));
    if (!byId.has(local)) byId.set(local, member);
  }
  return byId;
}

/**
 * The admin's bulk-modify download with the edits they made to the selected members. The ID column
 * never changes, and a blank never replaces a value unless the admin allowed it for that column.
 */
export const lineworksBulkModify: ExportFormat = {
  id: 'lineworks-bulk-modify',
  label: { ja: 'LINE WORKS 一括修正', en: 'LINE WORKS bulk modify' },
  options: { template: 'required', outputs: [], encodings: [], bulkValues: true, sso: false, chatworkRoster: false, chatworkIdKinds: [], validRowsOnly: true },
  columns,
  build: (input) =>
    buildTemplatePatch({
      template: input.template,
      keyColumn: columnNames(columns.find((column) => column.header === 'ID')!),
      columns,
      lockedColumns: ['ID'],
      allowClear: input.allowClear,
      validRowsOnly: input.validRowsOnly,
      sheet: input.sheet,
      baseName: `lineworks-bulk-modify-${fileNamePart(input.snapshot.tenant)}-${dateStamp(input.snapshot.finishedAt)}`,
      changesFor: (file, keyIndex, issues) => {
        const byId = membersById(input.members);
        const changes = new Map<string, RowChange>();
        for (const row of file.rows) {
          const key = normalizeKey(row[keyIndex] ?? '');
          const member = byId.get(key);
          const cells = member && input.values?.get(member.key);
          if (member && cells) changes.set(key, { member: member.key, name: member.name, cells: { ...cells } });
        }
        if (changes.size === 0) {
          issues.push({ severity: 'warning', problem: { code: 'no-changes' } });
        }
        return changes;
      },
    }),
};
