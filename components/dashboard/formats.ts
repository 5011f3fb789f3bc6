import { auditReport } from '@/lib/formats/audit-report';
import { linkInvitations } from '@/lib/formats/link-invitations';
import type { ExportFormat } from '@/lib/formats/types';

/** The export formats the view offers. Temporary: the registry (lib/formats/index.ts) replaces this list when it lands. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [auditReport, linkInvitations];
