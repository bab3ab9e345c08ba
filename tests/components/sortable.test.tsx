import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SortableTable, type Column } from '../../src/renderer/src/ui/sortable-table';
import { nextSort } from '../../src/renderer/src/ui/sortable';

interface Row {
  id: string;
  name: string;
  amount: number;
  note: string;
}

// French order puts « Élan » between « Aube » and « Zèbre » (a byte order would put it last), and 9
// before 10 (a text order would not).
const ROWS: Row[] = [
  { id: 'z', name: 'Zèbre', amount: 10, note: 'c' },
  { id: 'e', name: 'Élan', amount: 9, note: 'a' },
  { id: 'a', name: 'aube', amount: 250, note: 'b' },
];

const COLUMNS: Column<Row>[] = [
  { key: 'name', label: 'Nom', sortValue: (r) => r.name, render: (r) => r.name },
  { key: 'amount', label: 'Montant', sortValue: (r) => r.amount, render: (r) => String(r.amount) },
  { key: 'note', label: 'Note', render: (r) => r.note },
];

function names() {
  const body = screen.getAllByRole('rowgroup')[1]!;
  return within(body)
    .getAllByRole('row')
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent);
}

describe('SortableTable', () => {
  it('starts on the first column, ascending in French order, and says so with aria-sort', () => {
    render(<SortableTable caption="Essai" rows={ROWS} columns={COLUMNS} rowKey={(r) => r.id} />);
    expect(names()).toEqual(['aube', 'Élan', 'Zèbre']);
    expect(screen.getByRole('columnheader', { name: 'Nom' }).getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByRole('columnheader', { name: 'Montant' }).getAttribute('aria-sort')).toBeNull();
  });

  it('sorts numbers as numbers, and a second click reverses', async () => {
    render(<SortableTable caption="Essai" rows={ROWS} columns={COLUMNS} rowKey={(r) => r.id} />);
    await userEvent.click(screen.getByRole('button', { name: 'Montant' }));
    expect(names()).toEqual(['Élan', 'Zèbre', 'aube']);
    await userEvent.click(screen.getByRole('button', { name: 'Montant' }));
    expect(names()).toEqual(['aube', 'Zèbre', 'Élan']);
    expect(screen.getByRole('columnheader', { name: 'Montant' }).getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByRole('columnheader', { name: 'Nom' }).getAttribute('aria-sort')).toBeNull();
  });

  it('offers no button on a column without a sort value, and keeps the given order when it is the initial one', () => {
    render(<SortableTable caption="Essai" rows={ROWS} columns={COLUMNS} rowKey={(r) => r.id} initialSort="note" />);
    expect(screen.queryByRole('button', { name: 'Note' })).toBeNull();
    expect(names()).toEqual(['Zèbre', 'Élan', 'aube']);
  });

  it('shows an empty body for no rows rather than failing', () => {
    render(<SortableTable caption="Essai" rows={[]} columns={COLUMNS} rowKey={(r) => r.id} />);
    expect(within(screen.getAllByRole('rowgroup')[1]!).queryAllByRole('row')).toHaveLength(0);
  });
});

describe('nextSort', () => {
  it('reverses the same column and starts another ascending', () => {
    expect(nextSort({ key: 'a', direction: 'ascending' }, 'a')).toEqual({ key: 'a', direction: 'descending' });
    expect(nextSort({ key: 'a', direction: 'descending' }, 'a')).toEqual({ key: 'a', direction: 'ascending' });
    expect(nextSort({ key: 'a', direction: 'descending' }, 'b')).toEqual({ key: 'b', direction: 'ascending' });
  });
});
