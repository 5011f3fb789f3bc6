import { describe, expect, it } from 'vitest';
import {
  availableColumns,
  COLUMN_WIDTH,
  ColumnLayout,
  gridTracks,
  NATURAL_LAYOUT,
  resizeColumn,
  setColumnShown,
  visibleColumns,
  widthAfterKey,
} from '../../../lib/member-table/columns';

const ids = (columns: { id: string }[]) => columns.map((c) => c.id);

describe('member table columns', () => {
  it('offers link status only on a roster where it means something', () => {
    expect(ids(availableColumns(false))).toEqual(['index', 'name', 'identifier', 'domain', 'classification', 'findings']);
    expect(ids(availableColumns(true))).toContain('link');
  });

  it('hides and shows a column, but never the name column', () => {
    const hidden = setColumnShown(setColumnShown(NATURAL_LAYOUT, 'domain', false), 'name', false);
    expect(hidden.hidden).toEqual(['domain']);
    expect(ids(visibleColumns(availableColumns(false), hidden))).toEqual(['index', 'name', 'identifier', 'classification', 'findings']);
    // A layout stored with the name hidden (by hand, or an older version) still shows it.
    expect(ids(visibleColumns(availableColumns(false), { hidden: ['name'], widths: {} }))).toContain('name');
    expect(setColumnShown(hidden, 'domain', true).hidden).toEqual([]);
  });

  it('resizes within bounds, by pointer width or by key', () => {
    expect(resizeColumn(NATURAL_LAYOUT, 'name', 10.4).widths.name).toBe(COLUMN_WIDTH.min);
    expect(resizeColumn(NATURAL_LAYOUT, 'name', 5000).widths.name).toBe(COLUMN_WIDTH.max);
    expect(resizeColumn(NATURAL_LAYOUT, 'name', 233.6).widths.name).toBe(234);
    expect(widthAfterKey(200, 'ArrowRight', false)).toBe(200 + COLUMN_WIDTH.step);
    expect(widthAfterKey(200, 'ArrowLeft', true)).toBe(200 - COLUMN_WIDTH.bigStep);
    expect(widthAfterKey(200, 'Home', false)).toBe(COLUMN_WIDTH.min);
    expect(widthAfterKey(200, 'End', false)).toBe(COLUMN_WIDTH.max);
    expect(widthAfterKey(200, 'Enter', false)).toBeUndefined();
  });

  it('lays the shown columns out as grid tracks: set widths fixed, the rest sharing the room', () => {
    const columns = visibleColumns(availableColumns(false), { hidden: ['findings', 'domain'], widths: { name: 300 } });
    expect(gridTracks(columns, { hidden: [], widths: { name: 300 } })).toEqual({
      template: '64px 300px minmax(140px, 1.5fr) 110px',
      minWidth: 64 + 300 + 140 + 110,
    });
  });

  it('reads a stored layout only when it is one', () => {
    expect(ColumnLayout.safeParse({ hidden: ['domain'], widths: { name: 200 } }).success).toBe(true);
    expect(ColumnLayout.safeParse({ hidden: ['nope'], widths: {} }).success).toBe(false);
    expect(ColumnLayout.safeParse({ hidden: [], widths: { name: 1 } }).success).toBe(false);
  });
});
