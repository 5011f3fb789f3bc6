import { FORMATS, type ExportFormat } from '@/lib/formats';

/** Every export format, in the registry's order (the audit report first). */
export const EXPORT_FORMATS: readonly ExportFormat[] = Object.values(FORMATS);
