import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ContractForm } from '../../src/renderer/src/features/team/contract-form';
import { type WorkspaceDb } from '../../src/renderer/src/data/workspace-db';
import { type RegistryDb } from '../../src/renderer/src/data/registry-db';
import { RegistryProvider, WorkspaceProvider } from '../../src/renderer/src/data/workspace-context';
import { freshWorkspace } from './fresh-workspace';
import { ToastProvider } from '../../src/renderer/src/ui/toast';
import type { WorkspaceRecord } from '../../src/renderer/src/domain/workspace';
import { fixtureTeam, TEAM_IDS } from '../fixtures/team';

// 31/02/2026 typed in a CDD's end date: Chromium's date input then holds an empty value with
// validity.badInput. It used to save the contract « durée indéterminée »; it is a field error now.
// jsdom has no date widget, so the test gives the input the validity Chromium gives it.

let registry: RegistryDb;
let db: WorkspaceDb;
let workspace: WorkspaceRecord;

beforeEach(async () => {
  ({ registry, db, workspace } = await freshWorkspace());
  await db.people.bulkAdd(fixtureTeam.people);
});

afterEach(() => {
  db.close();
  registry.close();
});

function typeImpossibleDate(input: HTMLElement) {
  Object.defineProperty(input, 'validity', { configurable: true, value: { badInput: true, valid: false } });
  fireEvent.change(input, { target: { value: '' } });
  fireEvent.blur(input);
}

describe('an impossible date', () => {
  it('is a field error under « Date de fin prévue », and nothing is saved', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    const person = fixtureTeam.people.find((p) => p.id === TEAM_IDS.lucas)!;
    render(
      <ToastProvider>
        <RegistryProvider registry={registry}>
          <WorkspaceProvider workspace={{ record: workspace, db }}>
            <ContractForm person={person} trialRules="eclat" onSaved={onSaved} onCancel={() => undefined} />
          </WorkspaceProvider>
        </RegistryProvider>
      </ToastProvider>,
    );
    await user.selectOptions(screen.getByLabelText('Type de contrat'), 'cdd');
    await user.type(screen.getByLabelText(/Motif du CDD/), 'Remplacement');
    await user.type(screen.getByLabelText(/Date de début/), '2026-01-05');
    await user.type(screen.getByLabelText(/Durée hebdomadaire/), '35');
    await user.type(screen.getByLabelText(/Salaire brut mensuel/), '1900');
    await user.type(screen.getByLabelText(/Taux de charges patronales/), '40');
    const end = screen.getByLabelText(/Date de fin prévue/);
    typeImpossibleDate(end);
    expect(await screen.findByText('Date de fin prévue : cette date n’existe pas dans le calendrier.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Enregistrer le contrat' }));
    expect(end.getAttribute('aria-invalid')).toBe('true');
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.contracts.where('personId').equals(TEAM_IDS.lucas).count()).toBe(0);
  });
});
