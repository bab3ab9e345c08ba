import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WorkspaceSessionProvider, type WorkspaceSession } from '../../src/renderer/src/data/workspace-session';
import { type RegistryDb } from '../../src/renderer/src/data/registry-db';
import { RegistryProvider, WorkspaceProvider } from '../../src/renderer/src/data/workspace-context';
import { type WorkspaceDb } from '../../src/renderer/src/data/workspace-db';
import type { WorkspaceRecord } from '../../src/renderer/src/domain/workspace';
import { ProtectionSettings } from '../../src/renderer/src/features/settings/protection-settings';
import { ToastProvider } from '../../src/renderer/src/ui/toast';
import { freshWorkspace } from './fresh-workspace';

// Réglages › Protection of a protected espace, on the one form wiring: the inactivity delay and the
// passphrase change say their errors in one round, under their fields, and change nothing.

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

const session: WorkspaceSession = {
  person: 'Nadia',
  isProtected: true,
  passphrase: 'le chat dort au soleil',
  lock: () => undefined,
  changePerson: () => undefined,
  rememberPassphrase: () => undefined,
};

/** A French message, exactly, no-break spaces included (Testing Library's text matcher folds them). */
const findMessage = (text: string) => screen.findAllByText((_, element) => element?.textContent === text && element.tagName === 'P');

function renderSettings() {
  render(
    <ToastProvider>
      <RegistryProvider registry={registry}>
        <WorkspaceProvider workspace={{ record: workspace, db }}>
          <WorkspaceSessionProvider session={session}>
            <ProtectionSettings />
          </WorkspaceSessionProvider>
        </WorkspaceProvider>
      </RegistryProvider>
    </ToastProvider>,
  );
}

describe('the protection forms of a protected espace', () => {
  it('refuses a delay out of range, keeps the stored one, then saves a valid one', async () => {
    const user = userEvent.setup();
    renderSettings();
    const delay = await screen.findByLabelText('Verrouillage après inactivité (minutes)');
    await waitFor(() => expect((delay as HTMLInputElement).value).toBe('10'));
    await user.clear(delay);
    await user.type(delay, '0');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le délai' }));
    await findMessage('Verrouillage après inactivité (minutes)\u00a0: un nombre entier de minutes entre 1 et 240.');
    expect(await registry.settings.get(`lockDelayMinutes:${workspace.id}`)).toBeUndefined();

    await user.clear(delay);
    await user.type(delay, '2');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le délai' }));
    expect(await screen.findByText('L’espace se verrouillera après 2 minutes sans activité.')).toBeTruthy();
  });

  it('says an empty current passphrase, a short new one and a different confirmation in one round', async () => {
    const user = userEvent.setup();
    renderSettings();
    await user.type(await screen.findByLabelText(/^Nouvelle phrase de passe/), 'court');
    await user.type(screen.getByLabelText(/^Confirmation de la nouvelle/), 'autre');
    await user.click(screen.getByRole('button', { name: 'Changer la phrase de passe' }));
    await findMessage('Phrase de passe actuelle\u00a0: champ obligatoire.');
    await findMessage('Phrase de passe\u00a0: 8 caractères au moins.');
    await findMessage('Confirmation de la phrase de passe\u00a0: les deux phrases de passe ne sont pas identiques.');
    expect(screen.getByText('3 champs sont à corriger avant d’enregistrer : rien n’a été enregistré.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText(/^Phrase de passe actuelle \*?$/));
  });
});
