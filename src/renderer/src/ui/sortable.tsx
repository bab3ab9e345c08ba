import { useMemo, useState, type ReactNode } from 'react';

// Sortable tables (DESIGN.md, The screens): a column header is a button, and aria-sort tells screen
// readers which column orders the rows.

// One collator for every sort: localeCompare(…, 'fr') builds one per comparison, thousands per click.
const FRENCH = new Intl.Collator('fr');

export type SortDirection = 'ascending' | 'descending';

export interface SortState<K extends string> {
  key: K;
  direction: SortDirection;
}

export function useSort<Row, K extends string>(
  rows: readonly Row[],
  initial: SortState<K>,
  valueOf: (row: Row, key: K) => string | number,
) {
  const [sort, setSort] = useState<SortState<K>>(initial);
  const sorted = useMemo(() => {
    const factor = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const va = valueOf(a, sort.key);
      const vb = valueOf(b, sort.key);
      const order = typeof va === 'number' && typeof vb === 'number' ? va - vb : FRENCH.compare(String(va), String(vb));
      return order * factor;
    });
  }, [rows, sort, valueOf]);
  const toggle = (key: K) => setSort((s) => nextSort(s, key));
  return { sorted, sort, toggle };
}

/** A click on a column: the same column again reverses the order, another one starts ascending. */
export function nextSort<K extends string>(current: SortState<K>, key: K): SortState<K> {
  return { key, direction: current.key === key && current.direction === 'ascending' ? 'descending' : 'ascending' };
}

export function SortableHeader<K extends string>({
  label,
  column,
  sort,
  onSort,
  numeric,
}: {
  label: ReactNode;
  column: K;
  sort: SortState<K>;
  onSort: (key: K) => void;
  numeric?: boolean;
}) {
  const active = sort.key === column;
  return (
    <th scope="col" aria-sort={active ? sort.direction : undefined} className={numeric ? 'num' : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true" className="sort-button__arrow">
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
