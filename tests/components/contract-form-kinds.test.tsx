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

// What the contract form shows follows the contract-kind table (contract-kinds.ts): the OPCO filing date
// for both kinds that have one (apprenticeship D6224-1, professionalisation D6325-1), none for a CDI; and
// the R4624-18 box is saved as ticked.
describe('contract form fields derived from the kind table', () => {
  it.each([
    ['apprenticeship', true],
    ['professionalisation', true],
    ['cdi', false],
    ['cdd', false],
  ] as const)('%s → OPCO filing date offered: %s', async (kind, offered) => {
    const user = userEvent.setup();
    renderForm(TEAM_IDS.lucas);
    await user.selectOptions(screen.getByLabelText('Type de contrat'), kind);
    expect(screen.queryByLabelText('Date de dépôt auprès de l’OPCO') !== null).toBe(offered);
  });

  it('saves the visit before the post when ticked', async () => {
    const user = userEvent.setup();
    const onSaved = renderForm(TEAM_IDS.karim);
    await user.type(screen.getByLabelText(/Date de début/), '2026-09-07');
    await user.type(screen.getByLabelText(/Durée hebdomadaire/), '35');
    await user.type(screen.getByLabelText(/Salaire brut mensuel/), '1 900');
    await user.type(screen.getByLabelText(/Taux de charges patronales/), '40');
    await user.clear(screen.getByLabelText(/Intitulé du poste/));
    await user.type(screen.getByLabelText(/Intitulé du poste/), 'Animateur de nuit');
    await user.click(screen.getByLabelText(/Mineur·e ou travail de nuit/));
    await user.click(screen.getByRole('button', { name: 'Enregistrer le contrat' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(onSaved.mock.calls[0]?.[0]).toMatchObject({ kind: 'cdi', visitBeforePost: true });
  });
});
