import { useMemo, useState, type ReactNode } from 'react';

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

/** A table whose headers sort it (click again to reverse); aria-sort tells screen readers the order. */
export function SortableTable<Row>({ caption, rows, columns, rowKey, initialSort }: SortableTableProps<Row>) {
  const [sort, setSort] = useState<{ key: string; descending: boolean }>({
    key: initialSort ?? columns[0]?.key ?? '',
    descending: false,
  });
  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort.key);
    if (column?.sortValue === undefined) return rows;
    const value = column.sortValue;
    const copy = [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'fr');
      return sort.descending ? -order : order;
    });
    return copy;
  }, [rows, columns, sort]);

  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const active = sort.key === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
                >
                  {column.sortValue ? (
                    <button
                      type="button"
                      className="data-table__sort"
                      onClick={() => setSort({ key: column.key, descending: active ? !sort.descending : false })}
                    >
                      {column.label}
                      <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                    </button>
                  ) : (
                    column.label
                  )}
                </th>
              );
            })}
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
