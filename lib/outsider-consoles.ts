/**
 * Consoles whose rows are other tenants' people (contacts): their domains never tell whose tenant
 * it is. Kept apart from the tenant-cue schema so the page's reader can use it without a validator.
 */
export const ROWS_ARE_OUTSIDERS: readonly string[] = ['lineworks-contacts'];
