import { beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readRemembered, useRememberedState } from '../../src/renderer/src/ui/remembered-state';

function Search({ espace }: { espace: string }) {
  const [search, setSearch] = useRememberedState(`${espace}:search`, '');
  return <input aria-label="Rechercher" value={search} onChange={(e) => setSearch(e.target.value)} />;
}

function Filters() {
  const [filters, setFilters] = useRememberedState('e1:filters', { status: 'all', sort: 'name' });
  return (
    <>
      <p>{`${filters.status} ${filters.sort}`}</p>
      <button
        type="button"
        onClick={() => {
          setFilters((f) => ({ ...f, status: 'ended' }));
          setFilters((f) => ({ ...f, sort: 'end' }));
        }}
      >
        Deux changements
      </button>
    </>
  );
}

beforeEach(() => sessionStorage.clear());

describe('useRememberedState', () => {
  it('gives back what was typed when the screen is left and opened again', async () => {
    const first = render(<Search espace="e1" />);
    await userEvent.type(screen.getByLabelText('Rechercher'), 'Dupont');
    first.unmount();
    render(<Search espace="e1" />);
    expect((screen.getByLabelText('Rechercher') as HTMLInputElement).value).toBe('Dupont');
  });

  it('keeps another espace apart: switching espace shows its own value, not the last one', async () => {
    const view = render(<Search espace="e1" />);
    await userEvent.type(screen.getByLabelText('Rechercher'), 'Dupont');
    view.rerender(<Search espace="e2" />);
    expect((screen.getByLabelText('Rechercher') as HTMLInputElement).value).toBe('');
    view.rerender(<Search espace="e1" />);
    expect((screen.getByLabelText('Rechercher') as HTMLInputElement).value).toBe('Dupont');
  });

  it('applies two updates made in the same click, each on top of the other', async () => {
    render(<Filters />);
    await userEvent.click(screen.getByRole('button', { name: 'Deux changements' }));
    expect(screen.getByText('ended end')).toBeTruthy();
    expect(JSON.parse(sessionStorage.getItem('e1:filters')!)).toEqual({ status: 'ended', sort: 'end' });
  });

  it('still works for the screen when the session refuses to store', async () => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      render(<Search espace="e1" />);
      await act(async () => {
        await userEvent.type(screen.getByLabelText('Rechercher'), 'ab');
      });
      expect((screen.getByLabelText('Rechercher') as HTMLInputElement).value).toBe('ab');
    } finally {
      Storage.prototype.setItem = original;
    }
  });
});

describe('readRemembered', () => {
  it('lays a stored object over the defaults, so a field added since keeps its default', () => {
    sessionStorage.setItem('k', JSON.stringify({ status: 'ended' }));
    expect(readRemembered('k', { status: 'all', sort: 'name' })).toEqual({ status: 'ended', sort: 'name' });
  });

  it('ignores a truncated or tampered value and one of another type', () => {
    sessionStorage.setItem('k', '{"status":');
    expect(readRemembered('k', { status: 'all' })).toEqual({ status: 'all' });
    sessionStorage.setItem('k', '"abc"');
    expect(readRemembered('k', { status: 'all' })).toEqual({ status: 'all' });
    sessionStorage.setItem('k', '42');
    expect(readRemembered('k', '')).toBe('');
    sessionStorage.setItem('k', '"Dupont"');
    expect(readRemembered('k', '')).toBe('Dupont');
  });
});
