import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { WorkspaceGate } from '../../src/renderer/src/app/workspace-gate';
import { RegistryDb } from '../../src/renderer/src/data/registry-db';
import { RegistryProvider } from '../../src/renderer/src/data/workspace-context';
import { WorkspaceDb } from '../../src/renderer/src/data/workspace-db';
import { createWorkspace, setCurrentWorkspaceId } from '../../src/renderer/src/data/workspace-repository';
import { SYNC_SETTINGS_KEY } from '../../src/renderer/src/data/sync/sync-settings';
import { SyncSettingsSection } from '../../src/renderer/src/features/settings/sync-settings';
import { ToastProvider } from '../../src/renderer/src/ui/toast';

// Réglages › Synchronisation on the one form wiring: the server's address must be an http(s) URL and the
// espace's database is required — both said in one round, under their fields, before anything is sent or
// saved (no settings written, no connection tried).

let registry: RegistryDb;
let workspaceId: string;

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  registry = new RegistryDb();
  const created = await createWorkspace(registry, 'Les Amis du Quartier');
  if (!created.ok) throw new Error('expected an espace');
  workspaceId = created.value.id;
  await setCurrentWorkspaceId(registry, workspaceId);
});

afterEach(() => registry.close());

/** A French message, exactly, no-break spaces included (Testing Library's text matcher folds them). */
const findMessage = (text: string) => screen.findAllByText((_, element) => element?.textContent === text && element.tagName === 'P');

describe('the sync settings form', () => {
  it('refuses an address that is no http(s) URL and an empty database in one round, and saves nothing', async () => {
    const user = userEvent.setup();
    render(
      <ToastProvider>
        <RegistryProvider registry={registry}>
          <WorkspaceGate>
            <SyncSettingsSection />
          </WorkspaceGate>
        </RegistryProvider>
      </ToastProvider>,
    );
    await user.type(await screen.findByLabelText(/^Votre nom/), 'Nadia');
    await user.click(screen.getByRole('button', { name: 'Continuer' }));
    const form = within(await screen.findByRole('form', { name: 'Réglages de la synchronisation' }));

    await user.type(form.getByLabelText(/^Adresse du serveur/), 'ftp://serveur.exemple.org');
    await user.clear(form.getByLabelText(/^Base de données de l’espace/));
    await user.type(form.getByLabelText('Mot de passe'), 'secret');
    await user.click(form.getByRole('button', { name: 'Démarrer la synchronisation' }));

    await findMessage('Adresse du serveur : elle doit commencer par https:// (ou http:// sur le réseau local).');
    await findMessage('Base de données de l’espace\u00a0: champ obligatoire.');
    expect(form.getByLabelText(/^Adresse du serveur/).getAttribute('aria-invalid')).toBe('true');
    expect(form.getByLabelText(/^Base de données de l’espace/).getAttribute('aria-invalid')).toBe('true');
    await screen.findByText('2 champs sont à corriger avant d’enregistrer : rien n’a été enregistré.');

    // « Tester la connexion » checks the same fields first: nothing is tried with a wrong address.
    await user.clear(form.getByLabelText(/^Adresse du serveur/));
    await user.type(form.getByLabelText(/^Adresse du serveur/), 'serveur.exemple.org');
    await user.click(form.getByRole('button', { name: 'Tester la connexion' }));
    await findMessage('Adresse du serveur : saisissez une adresse complète, par exemple https://serveur.exemple.org:6984.');
    expect(form.queryByText(/Connexion réussie/)).toBeNull();

    const db = new WorkspaceDb(workspaceId);
    expect(await db.meta.get(SYNC_SETTINGS_KEY)).toBeUndefined();
    db.close();
  });
});
