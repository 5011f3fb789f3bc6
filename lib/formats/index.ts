import { auditReport } from './audit-report';
import { linkInvitations } from './link-invitations';
import { lineworksBulkAddAdmin, lineworksBulkAddAuto, lineworksBulkAddMember } from './lineworks-bulk-add';
import { lineworksBulkModify } from './lineworks-bulk-modify';
import { receptionistEmployees } from './receptionist-employees';
import { FORMAT_IDS, type ExportFormat, type FormatId } from './types';

export * from './types';

export const FORMATS: Readonly<Record<FormatId, ExportFormat>> = {
  'audit-report': auditReport,
  'lineworks-bulk-add-auto': lineworksBulkAddAuto,
  'lineworks-bulk-add-admin': lineworksBulkAddAdmin,
  'lineworks-bulk-add-member': lineworksBulkAddMember,
  'lineworks-bulk-modify': lineworksBulkModify,
  'receptionist-employees': receptionistEmployees,
  'link-invitations': linkInvitations,
};

export function formatById(id: string): ExportFormat | undefined {
  return (FORMAT_IDS as readonly string[]).includes(id) ? FORMATS[id as FormatId] : undefined;
}
