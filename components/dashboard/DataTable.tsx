import type { ReactNode } from 'react';

export interface Column<Row> {
  header: string;
  cell(row: Row): ReactNode;
  className?: string;
}

/** A plain data table from column definitions: the markup every list view shares lives here once. */
export function DataTable<Row>({
  rows,
  columns,
  rowKey,
  caption,
  className = 'table-wrap',
  children,
}: {
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey(row: Row, index: number): string;
  /** Names the table for assistive technology only. */
  caption?: string;
  className?: string;
  /** What follows the table inside its scroll box (a "more rows" note). */
  children?: ReactNode;
}) {
  return (
    <div className={className}>
      <table className="data-table">
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.className}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)}>
              {columns.map((column) => (
                <td key={column.header} className={column.className}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {children}
    </div>
  );
}

/** Text read from a page, isolated so a right-to-left override cannot reorder what stands beside it. */
export function PageText({ text }: { text: string | undefined }) {
  return text ? <bdi>{text}</bdi> : <>—</>;
}
