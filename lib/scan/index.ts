export { NoRosterError, type IncompleteReason, type ScanHooks, type ScanResult } from './contract';
export { inspectPage, tenantOf } from './inspect';
export { scanRoster } from './roster-scan';
