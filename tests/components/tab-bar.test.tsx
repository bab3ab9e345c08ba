import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { currentTab, TabBar } from '../../src/renderer/src/ui/tab-bar';

const FUNDING = [
  { href: '/financements', label: 'Demandes' },
  { href: '/financements/financeurs', label: 'Financeurs' },
  { href: '/financements/bilan', label: 'Bilan annuel' },
];

function renderAt(path: string) {
  const location = memoryLocation({ path, record: true });
  render(
    <Router hook={location.hook}>
      <TabBar label="Financements" tabs={FUNDING} />
    </Router>,
  );
  return location;
}

function current() {
  return screen
    .getAllByRole('link')
    .filter((link) => link.getAttribute('aria-current') === 'page')
    .map((link) => link.textContent);
}

describe('TabBar', () => {
  it('marks the tab of the section itself, and only that one', () => {
    renderAt('/financements');
    expect(screen.getByRole('navigation', { name: 'Financements' })).toBeTruthy();
    expect(current()).toEqual(['Demandes']);
  });

  it('keeps an application page and the new-application form under « Demandes »', () => {
    renderAt('/financements/demandes/abc');
    expect(current()).toEqual(['Demandes']);
  });

  it('marks the longest address that owns the place: a year of the summary is « Bilan annuel »', () => {
    renderAt('/financements/bilan/2026');
    expect(current()).toEqual(['Bilan annuel']);
  });

  it('does not take a sibling whose name only starts the same for its own tab', () => {
    expect(currentTab(FUNDING, '/financements/bilans-anciens')?.label).toBe('Demandes');
    expect(currentTab(FUNDING, '/equipe')).toBeUndefined();
  });

  it('marks nothing outside the section', () => {
    renderAt('/equipe');
    expect(current()).toEqual([]);
  });

  it('follows a click: the address changes and the tab clicked becomes the current one', async () => {
    const location = renderAt('/financements');
    await userEvent.click(screen.getByRole('link', { name: 'Financeurs' }));
    expect(location.history?.at(-1)).toBe('/financements/financeurs');
    expect(current()).toEqual(['Financeurs']);
  });
});
