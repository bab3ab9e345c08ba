import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { Route, Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { BudgetsPage } from '../../src/renderer/src/features/actions/budgets-page';
import { saveAssociationProfile } from '../../src/renderer/src/data/association-repository';
import { RegistryProvider, WorkspaceProvider } from '../../src/renderer/src/data/workspace-context';
import { ToastProvider } from '../../src/renderer/src/ui/toast';
import { pathTo, ROUTES } from '../../src/renderer/src/ui/paths';
import { fixtureAssociationProfile } from '../fixtures/association';
import { freshWorkspace, type FreshWorkspace } from './fresh-workspace';

// The association's budget opens on the exercise the association is preparing — the one a new dossier is
// for — on its own exercise dates, not on « next calendar year ».

let espace: FreshWorkspace;

beforeEach(async () => {
  espace = await freshWorkspace();
});

afterEach(() => {
  vi.useRealTimers();
  espace.db.close();
  espace.registry.close();
});

async function openBudgets(today: string, exercise?: { exerciseStart: string; exerciseEnd: string }) {
  if (exercise) {
    const saved = await saveAssociationProfile(espace.db, { ...fixtureAssociationProfile, ...exercise });
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  }
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${today}T10:00:00`));
  const location = memoryLocation({ path: pathTo({ screen: 'budgets' }) });
  render(
    <ToastProvider>
      <RegistryProvider registry={espace.registry}>
        <WorkspaceProvider workspace={{ record: espace.workspace, db: espace.db }}>
          <Router hook={location.hook}>
            <Route path={ROUTES.budgets.pattern} component={BudgetsPage} />
          </Router>
        </WorkspaceProvider>
      </RegistryProvider>
    </ToastProvider>,
  );
  return (await screen.findByRole('heading', { level: 1, name: /^Budget de l’association \d{4}$/ })).textContent;
}

describe('the budgets page’s default exercise', () => {
  it.each([
    // A calendar-year association prepares next year's calls from September on, this year's before.
    ['2026-12-02', undefined, 2027],
    ['2027-02-10', undefined, 2027],
    ['2027-08-31', undefined, 2027],
    ['2027-09-01', undefined, 2028],
    // A September–August association: in December 2026 it is still in the 2026-2027 exercise, and prepares
    // 2027-2028 from 1 May 2027 on.
    ['2026-12-02', { exerciseStart: '2025-09-01', exerciseEnd: '2026-08-31' }, 2026],
    ['2027-05-01', { exerciseStart: '2025-09-01', exerciseEnd: '2026-08-31' }, 2027],
  ])('on %s (%j) opens the budget %i', async (today, exercise, year) => {
    expect(await openBudgets(today, exercise)).toBe(`Budget de l’association ${year}`);
    expect((screen.getByRole('combobox', { name: 'Exercice' }) as HTMLSelectElement).value).toBe(String(year));
  });
});
