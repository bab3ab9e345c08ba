import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ContractForm } from '../../src/renderer/src/features/team/contract-form';
import { type WorkspaceDb } from '../../src/renderer/src/data/workspace-db';
import { type RegistryDb } from '../../src/renderer/src/data/registry-db';
import { RegistryProvider, WorkspaceProvider } from '../../src/renderer/src/data/workspace-context';
import { freshWorkspace } from './fresh-workspace';
import { ToastProvider } from '../../src/renderer/src/ui/toast';
import type { WorkspaceRecord } from '../../src/renderer/src/domain/workspace';
import { fixtureTeam, TEAM_IDS } from '../fixtures/team';

let registry: RegistryDb;
let db: WorkspaceDb;
let workspace: WorkspaceRecord;

beforeEach(async () => {
  ({ registry, db, workspace } = await freshWorkspace());
  await db.people.bulkAdd(fixtureTeam.people);
  await db.contracts.bulkAdd(fixtureTeam.contracts);
});

afterEach(() => {
  db.close();
  registry.close();
});

function renderForm(personId: string, onSaved = vi.fn()) {
  const person = fixtureTeam.people.find((p) => p.id === personId)!;
  render(
    <ToastProvider>
      <RegistryProvider registry={registry}>
        <WorkspaceProvider workspace={{ record: workspace, db }}>
          <ContractForm person={person} trialRules="eclat" onSaved={onSaved} onCancel={() => undefined} />
        </WorkspaceProvider>
      </RegistryProvider>
    </ToastProvider>,
  );
  return onSaved;
}

describe('contract form', () => {
  it('puts each French message under its field, focuses the first, and saves nothing', async () => {
    const user = userEvent.setup();
    const onSaved = renderForm(TEAM_IDS.lucas);
    await user.type(screen.getByLabelText(/Date de début/), '2026-09-07');
    await user.type(screen.getByLabelText(/Durée hebdomadaire/), '0');
    await user.type(screen.getByLabelText(/Salaire brut mensuel/), '-900');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le contrat' }));

    const hours = screen.getByLabelText(/Durée hebdomadaire/);
    expect(await screen.findByText('Durée hebdomadaire : doit être supérieure à 0 heure.')).toBeTruthy();
    expect(hours.getAttribute('aria-invalid')).toBe('true');
    expect(hours.getAttribute('aria-describedby')).toContain('error');
    expect(screen.getByText('Salaire brut mensuel : les montants ne peuvent pas être négatifs.')).toBeTruthy();
    expect(screen.getByText('Taux de charges patronales : champ obligatoire.')).toBeTruthy();
    expect(screen.getByText('3 champs sont à corriger avant d’enregistrer : rien n’a été enregistré.')).toBeTruthy();
    expect(document.activeElement).toBe(hours);
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.contracts.where('personId').equals(TEAM_IDS.lucas).count()).toBe(1);
  });

  it('shows the three errors in one round: negative salary, empty charges rate, end before start', async () => {
    const user = userEvent.setup();
    const onSaved = renderForm(TEAM_IDS.lucas);
    await user.selectOptions(screen.getByLabelText('Type de contrat'), 'cdd');
    await user.type(screen.getByLabelText(/Motif du CDD/), 'Accroissement temporaire d’activité');
    await user.type(screen.getByLabelText(/Date de début/), '2026-09-07');
    // The day before the start: refused (the start day itself is allowed, see the schema's test).
    await user.type(screen.getByLabelText(/Date de fin prévue/), '2026-09-06');
    await user.type(screen.getByLabelText(/Durée hebdomadaire/), '35');
    await user.type(screen.getByLabelText(/Salaire brut mensuel/), '-1850');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le contrat' }));

    expect(await screen.findByText('Salaire brut mensuel : les montants ne peuvent pas être négatifs.')).toBeTruthy();
    expect(screen.getByText('Taux de charges patronales : champ obligatoire.')).toBeTruthy();
    expect(screen.getByText('Date de fin prévue : ne peut pas être avant la date de début.')).toBeTruthy();
    expect(screen.getByText('3 champs sont à corriger avant d’enregistrer : rien n’a été enregistré.')).toBeTruthy();
    // The first field in error, in the form's order, has the focus.
    expect(document.activeElement).toBe(screen.getByLabelText(/Date de fin prévue/));
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.contracts.where('personId').equals(TEAM_IDS.lucas).count()).toBe(1);
  }, 20_000); // many fields typed: slow on a loaded machine

  it('shows the default trial period from the ÉCLAT rules and leaves it editable', async () => {
    const user = userEvent.setup();
    renderForm(TEAM_IDS.karim);
    await user.selectOptions(screen.getByLabelText('Catégorie'), 'technician');
    await user.type(screen.getByLabelText(/Date de début/), '2026-09-01');
    expect(screen.getByText('Vide : 2 mois (convention ÉCLAT), jusqu’au 31 oct. 2026.')).toBeTruthy();
  });

  it('refuses a contract overlapping the same job, under the start date', async () => {
    const user = userEvent.setup();
    const onSaved = renderForm(TEAM_IDS.awa);
    await user.selectOptions(screen.getByLabelText('Type de contrat'), 'cdd');
    await user.type(screen.getByLabelText(/Motif du CDD/), 'Accroissement temporaire d’activité');
    await user.type(screen.getByLabelText(/Date de début/), '2026-06-01');
    await user.type(screen.getByLabelText(/Date de fin prévue/), '2026-11-30');
    await user.type(screen.getByLabelText(/Durée hebdomadaire/), '28');
    await user.type(screen.getByLabelText(/Salaire brut mensuel/), '1 750');
    await user.type(screen.getByLabelText(/Taux de charges patronales/), '42');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le contrat' }));
    expect(
      await screen.findByText('Date de début : cette personne a déjà un contrat pour ce poste sur ces dates (CDI depuis le 2 mars 2026).'),
    ).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('saves a valid PEC and hands the record back', async () => {
    const user = userEvent.setup();
    const onSaved = renderForm(TEAM_IDS.lucas);
    await user.selectOptions(screen.getByLabelText('Type de contrat'), 'pec');
    await user.clear(screen.getByLabelText(/Intitulé du poste/));
    await user.type(screen.getByLabelText(/Intitulé du poste/), 'Agent d’entretien');
    await user.type(screen.getByLabelText(/Date de début/), '2026-09-07');
    await user.type(screen.getByLabelText(/Date de fin prévue/), '2027-06-06');
    await user.type(screen.getByLabelText(/Durée hebdomadaire/), '20');
    await user.type(screen.getByLabelText(/Salaire brut mensuel/), '1 030,40');
    await user.type(screen.getByLabelText(/Taux de charges patronales/), '12,5');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le contrat' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(onSaved.mock.calls[0]?.[0]).toMatchObject({
      kind: 'pec',
      grossMonthlyCents: 103_040,
      employerChargesRate: 12.5,
      weeklyHours: 20,
    });
  });
});
