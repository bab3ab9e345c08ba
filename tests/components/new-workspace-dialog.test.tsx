import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { NewWorkspaceDialog } from '../../src/renderer/src/app/workspace-switcher';
import { WorkspaceGate } from '../../src/renderer/src/app/workspace-gate';
import { RegistryDb } from '../../src/renderer/src/data/registry-db';
import { RegistryProvider } from '../../src/renderer/src/data/workspace-context';
import { createWorkspace, setCurrentWorkspaceId } from '../../src/renderer/src/data/workspace-repository';
import { ToastProvider } from '../../src/renderer/src/ui/toast';

// « Nouvel espace » on the one form wiring: an empty or too long name is said under the field, in French,
// and no espace is created; a valid one creates it and opens it.

let registry: RegistryDb;

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  registry = new RegistryDb();
  const created = await createWorkspace(registry, 'Les Amis du Quartier');
  if (!created.ok) throw new Error('expected an espace');
  await setCurrentWorkspaceId(registry, created.value.id);
});

afterEach(() => registry.close());

/** A French message, exactly, no-break spaces included (Testing Library's text matcher folds them). */
const findMessage = (text: string) => screen.findAllByText((_, element) => element?.textContent === text && element.tagName === 'P');

describe('« Nouvel espace »', () => {
  it('refuses an empty name and a too long one, creates nothing, then creates the espace', async () => {
    const user = userEvent.setup();
    render(
      <ToastProvider>
        <RegistryProvider registry={registry}>
          <WorkspaceGate>
            <NewWorkspaceDialog open onOpenChange={() => undefined} />
          </WorkspaceGate>
        </RegistryProvider>
      </ToastProvider>,
    );
    await user.type(await screen.findByLabelText(/^Votre nom/), 'Nadia');
    await user.click(screen.getByRole('button', { name: 'Continuer' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Nouvel espace' }));

    await user.click(dialog.getByRole('button', { name: 'Créer l’espace' }));
    await findMessage('Nom de l’espace\u00a0: champ obligatoire.');
    expect(dialog.getByLabelText(/^Nom de l’association/).getAttribute('aria-invalid')).toBe('true');
    expect(await registry.workspaces.count()).toBe(1);

    await user.type(dialog.getByLabelText(/^Nom de l’association/), 'x'.repeat(121));
    await user.click(dialog.getByRole('button', { name: 'Créer l’espace' }));
    await findMessage('Nom de l’espace\u00a0: 120 caractères au maximum.');
    expect(await registry.workspaces.count()).toBe(1);

    await user.clear(dialog.getByLabelText(/^Nom de l’association/));
    await user.type(dialog.getByLabelText(/^Nom de l’association/), 'Association Beta');
    await user.click(dialog.getByRole('button', { name: 'Créer l’espace' }));
    await waitFor(async () =>
      expect((await registry.workspaces.toArray()).map((w) => w.name).sort()).toEqual(['Association Beta', 'Les Amis du Quartier']),
    );
  });
});
