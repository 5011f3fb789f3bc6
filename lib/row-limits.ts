/**
 * How much of a row is kept. Plain numbers without the schemas that enforce them (`model.ts`), so
 * the reader injected into the admin's page can clip as it reads without carrying a validator.
 */

/** Longest text kept from one cell: enough for any real value, small enough that a hostile page cannot bloat the cache. */
export const MAX_CELL_LENGTH = 2000;
/** Cells kept per row as read, for the member's detail view. */
export const MAX_CELLS_PER_ROW = 100;
/** A cell may list several addresses; more than this many are not one person's. */
export const MAX_OTHER_EMAILS = 10;
