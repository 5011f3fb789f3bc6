/** Names of the extension's long-lived ports. Apart from the message schemas, so the reader injected into a page can connect without carrying a validator. */
export const SCAN_PORT = 'roster-audit/scan';
export const AUDIT_PORT = 'roster-audit/audit';
