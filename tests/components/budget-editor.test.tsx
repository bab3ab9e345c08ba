import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { BudgetEditor } from '../../src/renderer/src/features/actions/budget-editor';
import { addBudgetLine, findBudget, listBudgetLines } from '../../src/renderer/src/data/budgets-repository';
import { RegistryProvider, WorkspaceProvider } from '../../src/renderer/src/data/workspace-context';
import { ToastProvider } from '../../src/renderer/src/ui/toast';
import { fixtureTeam, TEAM_IDS } from '../fixtures/team';
import { freshWorkspace, type FreshWorkspace } from './fresh-workspace';

// The budget editor as a coordinator uses it: a line added with wrong input is refused with every error at
// once under its field and nothing saved; a cell edited in place is checked with its row; a suggestion
// accepted writes what the records say.

// Testing Library reads texts with their no-break spaces as spaces.
const NBSP = '\u00a0';
const target = { scope: 'association', year: 2027 } as const;
let espace: FreshWorkspace;

beforeEach(async () => {
  espace = await freshWorkspace();
});

afterEach(() => {
  espace.db.close();
  espace.registry.close();
});

function renderEditor() {
  const location = memoryLocation({ path: '/' });
  render(
    <ToastProvider>
      <RegistryProvider registry={espace.registry}>
        <WorkspaceProvider workspace={{ record: espace.workspace, db: espace.db }}>
          <Router hook={location.hook}>
            <BudgetEditor target={target} />
          </Router>
        </WorkspaceProvider>
      </RegistryProvider>
    </ToastProvider>,
  );
}

// Typing through several fields takes seconds on a loaded machine: more than the default five.
describe('budget editor', { timeout: 20_000 }, () => {
  it('refuses a line with every error at once, under its field, and saves nothing', async () => {
    const user = userEvent.setup();
    renderEditor();
    const form = await screen.findByRole('form', { name: 'Ajouter une ligne au budget' });
    await user.click(within(form).getByLabelText('Précision'));
    await user.paste('x'.repeat(201));
    await user.type(within(form).getByLabelText('Montant en euros'), '-1 200');
    await user.click(within(form).getByRole('button', { name: 'Ajouter la ligne' }));

    expect(await within(form).findByText(`Compte : choisissez une ligne du budget.`)).toBeTruthy();
    expect(within(form).getByText(`Précision : 200 caractères au maximum (201 saisis).`)).toBeTruthy();
    expect(within(form).getByText(`Montant : les montants ne peuvent pas être négatifs.`)).toBeTruthy();
    expect(within(form).getByText(/^3 champs sont à corriger avant d’enregistrer : rien n’a été enregistré\.$/)).toBeTruthy();
    expect(within(form).getByLabelText('Compte').getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText('Compte')));
    expect(await espace.db.budgets.count()).toBe(0);
    expect(await espace.db.budgetLines.count()).toBe(0);

    // Corrected, it is added; the account stays chosen for the next line.
    await user.selectOptions(within(form).getByLabelText('Compte'), 'Locations');
    await user.clear(within(form).getByLabelText('Précision'));
    await user.type(within(form).getByLabelText('Précision'), 'Local associatif');
    await user.clear(within(form).getByLabelText('Montant en euros'));
    await user.type(within(form).getByLabelText('Montant en euros'), '9 600');
    await user.click(within(form).getByRole('button', { name: 'Ajouter la ligne' }));
    expect(await screen.findByRole('table', { name: 'Charges' })).toBeTruthy();
    const budget = await findBudget(espace.db, target);
    expect((await listBudgetLines(espace.db, budget!.id)).map((l) => [l.account, l.label, l.amountCents])).toEqual([
      ['61.rent', 'Local associatif', 960_000],
    ]);
    expect((within(form).getByLabelText('Compte') as HTMLSelectElement).value).toBe('61.rent');
    expect((within(form).getByLabelText('Montant en euros') as HTMLInputElement).value).toBe('');
  });

  it('checks a row edited in place with both its cells, shows each error under its cell and keeps the stored line', async () => {
    const user = userEvent.setup();
    const added = await addBudgetLine(espace.db, target, { account: '61.rent', label: 'Local', amountCents: '9 600' });
    if (!added.ok) throw new Error('expected a line');
    renderEditor();
    const amount = await screen.findByLabelText('Montant en euros — Locations (Local)');
    const label = screen.getByLabelText('Précision — Locations');
    await user.clear(label);
    await user.paste('y'.repeat(201));
    await user.clear(amount);
    await user.type(amount, '9 600,50');
    await user.tab();

    expect(await screen.findByText(`Montant : montant en euros entiers attendu, sans centimes (ex. 1 234).`)).toBeTruthy();
    expect(screen.getByText(`Précision : 200 caractères au maximum (201 saisis).`)).toBeTruthy();
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(label.getAttribute('aria-invalid')).toBe('true');
    expect(await espace.db.budgetLines.get(added.value.id)).toMatchObject({ label: 'Local', amountCents: 960_000 });

    await user.clear(label);
    await user.type(label, 'Local associatif');
    await user.clear(amount);
    await user.type(amount, '10 200');
    await user.tab();
    await waitFor(async () => expect((await espace.db.budgetLines.get(added.value.id))?.amountCents).toBe(1_020_000));
    expect((await espace.db.budgetLines.get(added.value.id))?.label).toBe('Local associatif');
  });

  it('accepts a suggestion as the records are when it is clicked', async () => {
    const user = userEvent.setup();
    await espace.db.people.bulkAdd(fixtureTeam.people);
    await espace.db.contracts.bulkAdd(fixtureTeam.contracts.filter((c) => c.personId === TEAM_IDS.karim));
    renderEditor();
    // Karim Benali's CDI, 2 600 €/month: 31 200 € gross in 2027.
    const accept = await screen.findByRole('button', {
      name: `Accepter 31${NBSP}200${NBSP}€ — Salaires bruts de l’équipe, Rémunération des personnels`,
    });
    await user.click(accept);
    expect(await screen.findByText('Suggestion acceptée.')).toBeTruthy();
    const budget = await findBudget(espace.db, target);
    expect((await listBudgetLines(espace.db, budget!.id)).map((l) => [l.account, l.amountCents, l.source])).toEqual([
      ['64.salaries', 3_120_000, 'staff'],
    ]);
  });
});
