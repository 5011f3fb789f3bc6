import { z } from 'zod';
import type { MemberSortField } from '../roster-query/engine';

/**
 * The member table's columns and their layout (which are shown, how wide): pure state the dashboard
 * renders and keeps per console, so a layout set on one LINE WORKS roster holds on the next audit.
 */

export const MEMBER_COLUMN_IDS = ['index', 'name', 'identifier', 'domain', 'classification', 'link', 'findings'] as const;
export const MemberColumnId = z.enum(MEMBER_COLUMN_IDS);
export type MemberColumnId = z.infer<typeof MemberColumnId>;

/** The column that says who a row is: it can be neither hidden nor missing. */
export const KEY_COLUMN: MemberColumnId = 'name';

export interface MemberColumnSpec {
  id: MemberColumnId;
  sort?: MemberSortField;
  /** The width a column takes until the admin sets one: a fixed width, or a minimum and a share of the room left. */
  natural: { px: number } | { min: number; share: number };
}

export const MEMBER_COLUMNS: readonly MemberColumnSpec[] = [
  { id: 'index', sort: 'index', natural: { px: 64 } },
  { id: 'name', sort: 'name', natural: { min: 120, share: 1.3 } },
  { id: 'identifier', sort: 'key', natural: { min: 140, share: 1.5 } },
  { id: 'domain', sort: 'domain', natural: { min: 100, share: 1 } },
  { id: 'classification', sort: 'classification', natural: { px: 110 } },
  { id: 'link', natural: { px: 120 } },
  { id: 'findings', natural: { min: 120, share: 1.2 } },
];

/** Bounds of a width the admin sets, in CSS pixels; one arrow key moves it by a step, Shift+arrow by a big step. */
export const COLUMN_WIDTH = { min: 48, max: 800, step: 16, bigStep: 64 } as const;

/** The columns a roster has: link status exists on rosters where it means something (contacts) only. */
export function availableColumns(withLinkStatus: boolean): MemberColumnSpec[] {
  return MEMBER_COLUMNS.filter((column) => column.id !== 'link' || withLinkStatus);
}

const Width = z.number().int().min(COLUMN_WIDTH.min).max(COLUMN_WIDTH.max);

/** What the admin changed: columns hidden and widths set. Everything else is the natural layout. */
export const ColumnLayout = z.object({
  hidden: z.array(MemberColumnId).max(MEMBER_COLUMN_IDS.length),
  widths: z.partialRecord(MemberColumnId, Width),
});
export type ColumnLayout = z.infer<typeof ColumnLayout>;

export const NATURAL_LAYOUT: ColumnLayout = { hidden: [], widths: {} };

export function clampWidth(px: number): number {
  return Math.min(COLUMN_WIDTH.max, Math.max(COLUMN_WIDTH.min, Math.round(px)));
}

export function resizeColumn(layout: ColumnLayout, id: MemberColumnId, px: number): ColumnLayout {
  return { ...layout, widths: { ...layout.widths, [id]: clampWidth(px) } };
}

/** The width after a key press on a column's resize handle; undefined for a key that does not resize. */
export function widthAfterKey(current: number, key: string, shift: boolean): number | undefined {
  const step = shift ? COLUMN_WIDTH.bigStep : COLUMN_WIDTH.step;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return clampWidth(current + step);
    case 'ArrowLeft':
    case 'ArrowDown':
      return clampWidth(current - step);
    case 'Home':
      return COLUMN_WIDTH.min;
    case 'End':
      return COLUMN_WIDTH.max;
    default:
      return undefined;
  }
}

/** Shows or hides a column; the key column stays shown whatever is asked. */
export function setColumnShown(layout: ColumnLayout, id: MemberColumnId, shown: boolean): ColumnLayout {
  if (id === KEY_COLUMN) return layout;
  const hidden = layout.hidden.filter((h) => h !== id);
  return { ...layout, hidden: shown ? hidden : [...hidden, id] };
}

export function visibleColumns(available: readonly MemberColumnSpec[], layout: ColumnLayout): MemberColumnSpec[] {
  return available.filter((column) => column.id === KEY_COLUMN || !layout.hidden.includes(column.id));
}

/** The CSS grid tracks of the shown columns, and the width below which the table scrolls sideways rather than squeeze them. */
export function gridTracks(columns: readonly MemberColumnSpec[], layout: ColumnLayout): { template: string; minWidth: number } {
  let minWidth = 0;
  const tracks = columns.map(({ id, natural }) => {
    const set = layout.widths[id];
    const px = set ?? ('px' in natural ? natural.px : undefined);
    if (px !== undefined) {
      minWidth += px;
      return `${px}px`;
    }
    const flexible = natural as { min: number; share: number };
    minWidth += flexible.min;
    return `minmax(${flexible.min}px, ${flexible.share}fr)`;
  });
  return { template: tracks.join(' '), minWidth };
}
