import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { GrantApplicationForm } from '../../src/renderer/src/features/funding/grant-application-form';
import { WorkspaceDb } from '../../src/renderer/src/data/workspace-db';
import { RegistryDb } from '../../src/renderer/src/data/registry-db';
import { RegistryProvider, WorkspaceProvider } from '../../src/renderer/src/data/workspace-context';
import { createWorkspace } from '../../src/renderer/src/data/workspace-repository';
import { ToastProvider } from '../../src/renderer/src/ui/toast';
import type { WorkspaceRecord } from '../../src/renderer/src/domain/workspace';
import type { GrantApplicationRecord } from '../../src/renderer/src/domain/funding/grant-application';
import { fixtureApplications, fixtureFunders } from '../fixtures/funding';

let registry: RegistryDb;
let db: WorkspaceDb;
let workspace: WorkspaceRecord;
const stamps = { createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z', deletedAt: null };

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  registry = new RegistryDb();
  const created = await createWorkspace(registry, 'Les Amis du Quartier');
  if (!created.ok) throw new Error('expected an espace');
  workspace = created.value;
  db = new WorkspaceDb(workspace.id);
  await db.funders.bulkAdd(fixtureFunders.map((f) => ({ ...f, ...stamps })));
});

afterEach(() => {
  db.close();
  registry.close();
});

function renderForm(application?: GrantApplicationRecord, onSaved = vi.fn()) {
  render(
    <ToastProvider>
      <RegistryProvider registry={registry}>
        <WorkspaceProvider workspace={{ record: workspace, db }}>
          <GrantApplicationForm {...(application ? { application } : {})} onSaved={onSaved} onCancel={() => {}} />
        </WorkspaceProvider>
      </RegistryProvider>
    </ToastProvider>,
  );
  return onSaved;
}

describe('grant application form', () => {
  it('opens an existing application with its funder selected and saves it unchanged', async () => {
    const user = userEvent.setup();
    const app = { ...fixtureApplications.find((a) => a.id === 'app-caf-territories')!, ...stamps };
    await db.grantApplications.add(app);
    const onSaved = renderForm(app);
    const funder = await screen.findByRole('combobox', { name: 'Financeur' });
    expect((funder as HTMLSelectElement).value).toBe('funder-caf');
    expect((screen.getByRole('textbox', { name: 'Montant accordé' }) as HTMLInputElement).value).toBe('5 000,00');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la demande' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect((await db.grantApplications.get(app.id))?.grantedCents).toBe(500_000);
  });

  it('refuses a decision dated before the filing, under the field, and saves nothing', async () => {
    const user = userEvent.setup();
    const onSaved = renderForm();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Financeur' }), 'funder-caf');
    await user.type(screen.getByRole('textbox', { name: 'Appel à projets ou dispositif' }), 'Fonds publics et territoires');
    await user.type(screen.getByLabelText(/Début de la période/), '2026-01-01');
    await user.type(screen.getByLabelText(/Fin de la période/), '2026-12-31');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Statut' }), 'filed');
    const filed = screen.getByLabelText('Date de dépôt');
    await user.clear(filed);
    await user.type(filed, '2026-03-01');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Statut' }), 'granted');
    const decided = screen.getByLabelText('Date de décision');
    await user.clear(decided);
    await user.type(decided, '2026-02-01');
    await user.type(screen.getByRole('textbox', { name: 'Montant demandé' }), '5 000');
    await user.type(screen.getByRole('textbox', { name: 'Montant accordé' }), '5 000');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la demande' }));
    await waitFor(() =>
      expect(screen.queryAllByRole('alert').map((a) => a.textContent)).toContain(
        'Date de décision\u00a0: doit être après la date de dépôt.',
      ),
    );
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.grantApplications.count()).toBe(0);
  });
});
