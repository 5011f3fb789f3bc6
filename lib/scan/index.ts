export { NoRosterError, type IncompleteReason, type ScanHooks, type ScanResult } from './contract';
export { inspectPage } from './inspect';
export { chooseTenant, readTenantCues } from './tenant-cues';
export { scanRoster } from './roster-scan';
