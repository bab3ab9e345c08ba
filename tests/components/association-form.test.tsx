import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AssociationForm } from '../../src/renderer/src/features/association/association-form';
import { type WorkspaceDb } from '../../src/renderer/src/data/workspace-db';
import { type RegistryDb } from '../../src/renderer/src/data/registry-db';
import { WorkspaceProvider, RegistryProvider } from '../../src/renderer/src/data/workspace-context';
import { freshWorkspace } from './fresh-workspace';
import { getAssociationProfile } from '../../src/renderer/src/data/association-repository';
import { ToastProvider } from '../../src/renderer/src/ui/toast';
import type { WorkspaceRecord } from '../../src/renderer/src/domain/workspace';

let registry: RegistryDb;
let db: WorkspaceDb;
let workspace: WorkspaceRecord;

beforeEach(async () => {
  ({ registry, db, workspace } = await freshWorkspace());
});

afterEach(() => {
  db.close();
  registry.close();
});

async function renderForm() {
  const profile = await getAssociationProfile(db);
  if (!profile) throw new Error('expected a profile');
  return render(
    <ToastProvider>
      <RegistryProvider registry={registry}>
        <WorkspaceProvider workspace={{ record: workspace, db }}>
          <AssociationForm profile={profile} />
        </WorkspaceProvider>
      </RegistryProvider>
    </ToastProvider>,
  );
}

describe('association form', () => {
  it('keeps a draft of what was typed when the user goes elsewhere, saves nothing, and brings it back', async () => {
    const user = userEvent.setup();
    const first = await renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Sigle' }), 'ADQ');
    first.unmount(); // another section of the app

    await renderForm();
    expect((screen.getByRole('textbox', { name: 'Sigle' }) as HTMLInputElement).value).toBe('ADQ');
    expect(screen.getByText(/Brouillon non enregistré rétabli/).textContent).toMatch(
      /^Brouillon non enregistré rétabli \(saisi à \d+ h \d\d\)/,
    );
    expect((await getAssociationProfile(db))?.acronym).toBeUndefined();

    await user.click(screen.getByRole('button', { name: 'Abandonner le brouillon' }));
    expect((screen.getByRole('textbox', { name: 'Sigle' }) as HTMLInputElement).value).toBe('');
    expect(screen.queryByText(/Brouillon non enregistré/)).toBeNull();
  }, 20_000); // two renders of the longest form: slow on a loaded machine

  it('keeps no draft once the profile is saved', async () => {
    const user = userEvent.setup();
    const first = await renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Sigle' }), 'ADQ');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Profil enregistré.', {}, { timeout: 10_000 })).toBeTruthy();
    first.unmount();

    await renderForm();
    expect(screen.queryByText(/Brouillon non enregistré/)).toBeNull();
    expect((screen.getByRole('textbox', { name: 'Sigle' }) as HTMLInputElement).value).toBe('ADQ');
    expect((await getAssociationProfile(db))?.acronym).toBe('ADQ');
  }, 20_000); // two renders of the longest form: slow on a loaded machine

  it('checks a field when the user leaves it and says what is wrong under it', async () => {
    const user = userEvent.setup();
    await renderForm();
    await user.type(screen.getByRole('textbox', { name: 'SIRET' }), '73282932000075');
    await user.tab();
    const siret = screen.getByRole('textbox', { name: 'SIRET' });
    expect(siret.getAttribute('aria-invalid')).toBe('true');
    expect((await screen.findByText(/la clé de contrôle est fausse/)).textContent).toBe(
      'SIRET\u00a0: la clé de contrôle est fausse — vérifiez les 14 chiffres.',
    );
  });

  it('saves nothing while a field is wrong, and focuses it', async () => {
    const user = userEvent.setup();
    await renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Sigle' }), 'ADQ');
    await user.type(screen.getByRole('textbox', { name: 'Code postal du siège' }), '9320');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    expect(await screen.findByText('Un champ est à corriger avant d’enregistrer : rien n’a été enregistré.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Code postal du siège' }));
    expect((await getAssociationProfile(db))?.acronym).toBeUndefined();
  });

  it('saves a valid profile and offers to undo it', async () => {
    const user = userEvent.setup();
    await renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Sigle' }), 'ADQ');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Profil enregistré.')).toBeTruthy();
    expect((await getAssociationProfile(db))?.acronym).toBe('ADQ');

    await user.click(screen.getByRole('button', { name: 'Annuler' }));
    await expect.poll(async () => (await getAssociationProfile(db))?.acronym).toBeUndefined();
  });
});
