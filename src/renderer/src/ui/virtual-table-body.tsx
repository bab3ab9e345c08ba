import { useLayoutEffect, useRef, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { LongTableBodyProps } from './long-table-body';

// The rows of a long table near the viewport (see long-table-body.tsx), in a chunk of its own: the first
// screen never needs it.

function Spacer({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" className="virtual-spacer">
      <td colSpan={columns} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

export default function VirtualTableBody({ count, columns, estimateSize = 44, renderRow }: LongTableBodyProps) {
  const tbodyRef = useRef<HTMLTableSectionElement | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);

  // Where the rows start in the document: filters, a summary or a message above the table move it, so it
  // is read after every render; the state changes only when it moved, which ends the loop.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const tbody = tbodyRef.current;
    if (!tbody) return;
    const top = tbody.getBoundingClientRect().top + window.scrollY;
    if (Math.abs(top - scrollMargin) > 1) setScrollMargin(top);
  });

  const virtualizer = useWindowVirtualizer({ count, estimateSize: () => estimateSize, overscan: 12, scrollMargin });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const before = first ? first.start - scrollMargin : 0;
  const after = last ? virtualizer.getTotalSize() - (last.end - scrollMargin) : 0;
  return (
    <tbody ref={tbodyRef}>
      <Spacer height={before} columns={columns} />
      {items.map((item) =>
        renderRow(item.index, { 'data-index': item.index, 'aria-rowindex': item.index + 2, ref: virtualizer.measureElement }),
      )}
      <Spacer height={after} columns={columns} />
    </tbody>
  );
}
