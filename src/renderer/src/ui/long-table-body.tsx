import { lazy, Suspense, type ReactNode } from 'react';

// Long tables (hundreds to thousands of rows) render only the rows near the viewport. The table stays a
// real <table>: its caption, column headers and sortable header buttons keep their native semantics for
// screen readers, which a grid of divs with ARIA roles would have to imitate. Rows out of view are replaced
// by two hidden spacer rows that keep the scroll height, and aria-rowcount / aria-rowindex tell assistive
// technologies how many rows there are and where each rendered one stands. Tabbing to a row's link scrolls
// it into view, which brings the next rows in. Short tables (most espaces) render whole, so that the
// browser's find-in-page sees every row; the virtualiser's code is only loaded for a long one.

/** From this many rows a table renders only what is near the viewport; below, it draws in a few ms anyway. */
export const VIRTUAL_ROWS_FROM = 120;

export interface RowProps {
  'data-index': number;
  'aria-rowindex'?: number;
  ref?: (element: HTMLTableRowElement | null) => void;
}

export interface LongTableBodyProps {
  count: number;
  /** Columns of a row, for the spacer rows' cells. */
  columns: number;
  /** A row's likely height in pixels, before it is measured. */
  estimateSize?: number;
  /** Renders row `index` as a <tr> carrying `props` (and a key). */
  renderRow: (index: number, props: RowProps) => ReactNode;
}

const VirtualTableBody = lazy(() => import('./virtual-table-body'));

/** How many rows a long table shows while the virtualiser's code loads. */
const FIRST_ROWS = 40;

/** aria-rowcount for the <table> and aria-rowindex for its header row, when the table is long. */
export function longTableProps(count: number): { table: { 'aria-rowcount'?: number }; headerRow: { 'aria-rowindex'?: number } } {
  return count >= VIRTUAL_ROWS_FROM
    ? { table: { 'aria-rowcount': count + 1 }, headerRow: { 'aria-rowindex': 1 } }
    : { table: {}, headerRow: {} };
}

export function LongTableBody(props: LongTableBodyProps) {
  const { count, renderRow } = props;
  if (count < VIRTUAL_ROWS_FROM) {
    return <tbody>{Array.from({ length: count }, (_, index) => renderRow(index, { 'data-index': index }))}</tbody>;
  }
  const first = (
    <tbody>
      {Array.from({ length: Math.min(count, FIRST_ROWS) }, (_, index) =>
        renderRow(index, { 'data-index': index, 'aria-rowindex': index + 2 }),
      )}
    </tbody>
  );
  return (
    <Suspense fallback={first}>
      <VirtualTableBody {...props} />
    </Suspense>
  );
}
