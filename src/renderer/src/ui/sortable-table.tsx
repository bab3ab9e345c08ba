import { useCallback, type ReactNode } from 'react';
import { SortableHeader, useSort } from './sortable';

export interface Column<Row> {
  key: string;
  label: string;
  /** The value sorted on; omit for a column that does not sort. */
  sortValue?: (row: Row) => string | number;
  render: (row: Row) => ReactNode;
}

interface SortableTableProps<Row> {
  caption: string;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey: (row: Row) => string;
  initialSort?: string;
}

/** A table whose headers sort it (click again to reverse), on the one sort hook of `sortable.tsx`. */
export function SortableTable<Row>({ caption, rows, columns, rowKey, initialSort }: SortableTableProps<Row>) {
  // A column without a sort value gives every row the same value: the sort is stable, the order stays.
  const valueOf = useCallback((row: Row, key: string) => columns.find((c) => c.key === key)?.sortValue?.(row) ?? '', [columns]);
  const { sorted, sort, toggle } = useSort<Row, string>(
    rows,
    { key: initialSort ?? columns[0]?.key ?? '', direction: 'ascending' },
    valueOf,
  );

  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) =>
              column.sortValue ? (
                <SortableHeader key={column.key} label={column.label} column={column.key} sort={sort} onSort={toggle} />
              ) : (
                <th key={column.key} scope="col">
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.key}>{column.render(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
