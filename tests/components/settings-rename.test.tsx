import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { WorkspaceGate } from '../../src/renderer/src/app/workspace-gate';
import { RegistryDb } from '../../src/renderer/src/data/registry-db';
import { RegistryProvider } from '../../src/renderer/src/data/workspace-context';
import { createWorkspace, renameWorkspace, setCurrentWorkspaceId } from '../../src/renderer/src/data/workspace-repository';
import { SettingsPage } from '../../src/renderer/src/features/settings/settings-page';
import { ToastProvider } from '../../src/renderer/src/ui/toast';

// Réglages' rename of an espace, on the one form wiring: an empty name is a field error and nothing is
// saved; a rename made elsewhere (another tab) since the form loaded is said before the user types, and
// the stale save is refused « modifiée ailleurs », the other tab's name kept.

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
const findMessage = (text: string) =>
  screen.findAllByText((_, element) => element?.textContent === text && ['P', 'DIV'].includes(element.tagName));

async function openSettings() {
  const user = userEvent.setup();
  render(
    <ToastProvider>
      <RegistryProvider registry={registry}>
        <WorkspaceGate>
          <SettingsPage />
        </WorkspaceGate>
      </RegistryProvider>
    </ToastProvider>,
  );
  await user.type(await screen.findByLabelText(/^Votre nom/), 'Nadia');
  await user.click(screen.getByRole('button', { name: 'Continuer' }));
  const row = within(await screen.findByRole('form', { name: 'Renommer l’espace Les Amis du Quartier' }));
  return { user, row };
}

describe('renaming an espace in Réglages', () => {
  it('refuses an empty name under the field and saves nothing', async () => {
    const { user, row } = await openSettings();
    const name = row.getByLabelText('Nom de l’espace (ouvert)');
    await user.clear(name);
    await user.click(row.getByRole('button', { name: 'Renommer' }));
    await findMessage('Nom de l’espace\u00a0: champ obligatoire.');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect((await registry.workspaces.get(workspaceId))?.name).toBe('Les Amis du Quartier');
  });

  it('says a rename made elsewhere, and refuses the stale save without losing the other name', async () => {
    const { user, row } = await openSettings();
    const loaded = await registry.workspaces.get(workspaceId);
    // Another tab renames the espace from the revision both loaded.
    expect((await renameWorkspace(registry, { id: workspaceId, updatedAt: loaded!.updatedAt }, 'Renommé ailleurs')).ok).toBe(true);
    await screen.findByText(/Cette fiche vient d’être modifiée ailleurs \(autre onglet ou autre fenêtre\)/);
    const name = row.getByLabelText('Nom de l’espace (ouvert)');
    await user.clear(name);
    await user.type(name, 'Renommé ici');
    await user.click(row.getByRole('button', { name: 'Renommer' }));
    await findMessage(
      'Cette fiche vient d’être modifiée ailleurs\u00a0: rien n’a été enregistré. Rechargez-la pour voir la dernière version.',
    );
    expect((await registry.workspaces.get(workspaceId))?.name).toBe('Renommé ailleurs');

    // « Recharger la fiche » takes the other name; a rename from there goes through.
    await user.click(screen.getByRole('button', { name: 'Recharger la fiche' }));
    await waitFor(() => expect((name as HTMLInputElement).value).toBe('Renommé ailleurs'));
    await user.clear(name);
    await user.type(name, 'Renommé ici');
    await user.click(row.getByRole('button', { name: 'Renommer' }));
    await waitFor(async () => expect((await registry.workspaces.get(workspaceId))?.name).toBe('Renommé ici'));
  });
});
