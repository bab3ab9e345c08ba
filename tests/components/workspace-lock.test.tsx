import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { WorkspaceGate } from '../../src/renderer/src/app/workspace-gate';
import { createVerifier } from '../../src/renderer/src/data/workspace-lock';
import { RegistryDb } from '../../src/renderer/src/data/registry-db';
import { RegistryProvider, useCurrentWorkspace } from '../../src/renderer/src/data/workspace-context';
import { createWorkspace, setCurrentWorkspaceId } from '../../src/renderer/src/data/workspace-repository';
import { ProtectionSettings } from '../../src/renderer/src/features/settings/protection-settings';
import { ToastProvider } from '../../src/renderer/src/ui/toast';

const PASSPHRASE = 'le chat dort au soleil';
let registry: RegistryDb;
let workspaceId: string;
let recordsRead = 0;

/** Stands for any screen of the app: it reads the espace's records as soon as it renders. */
function WorkspaceScreens() {
  const { record } = useCurrentWorkspace();
  recordsRead += 1;
  return (
    <>
      <p>Données de {record.name}</p>
      <ProtectionSettings />
    </>
  );
}

function renderApp() {
  return render(
    <ToastProvider>
      <RegistryProvider registry={registry}>
        <WorkspaceGate>
          <WorkspaceScreens />
        </WorkspaceGate>
      </RegistryProvider>
    </ToastProvider>,
  );
}

/** A French message, exactly, no-break spaces included (Testing Library's text matcher folds them). */
// Checking a passphrase derives a key (PBKDF2), which takes seconds on a loaded 2-core machine: wait longer
// than Testing Library's default second before deciding the message never came.
const findMessage = (text: string) =>
  screen.findAllByText((_, element) => element?.textContent === text && element.tagName === 'P', undefined, { timeout: 8000 });

async function protectWithCheapVerifier() {
  await registry.settings.put({ key: `lockVerifier:${workspaceId}`, value: await createVerifier(PASSPHRASE, 1_000) });
}

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  sessionStorage.clear();
  recordsRead = 0;
  registry = new RegistryDb();
  const created = await createWorkspace(registry, 'Les Amis du Quartier');
  if (!created.ok) throw new Error('expected an espace');
  workspaceId = created.value.id;
  await setCurrentWorkspaceId(registry, workspaceId);
});

afterEach(() => registry.close());

describe('the lock screen', () => {
  it('renders nothing of a locked espace, refuses a wrong passphrase, then opens on the right one', async () => {
    await protectWithCheapVerifier();
    const user = userEvent.setup();
    renderApp();

    await screen.findByRole('heading', { name: 'Espace verrouillé' });
    expect(recordsRead).toBe(0);

    await user.type(screen.getByLabelText(/^Phrase de passe/), 'le chien dort');
    await user.click(screen.getByRole('button', { name: 'Déverrouiller' }));
    await findMessage('Phrase de passe incorrecte\u00a0: l’espace reste verrouillé.');
    expect(recordsRead).toBe(0);

    await user.type(screen.getByLabelText(/^Phrase de passe/), PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Déverrouiller' }));
    await screen.findByRole('heading', { name: /Qui utilise Passerelle/ });
    expect(recordsRead).toBe(0);

    await user.type(screen.getByLabelText(/^Votre nom/), 'Marie{Enter}');
    await screen.findByText('Données de Les Amis du Quartier');
  });
});

describe('an espace protected elsewhere while open here', () => {
  it('locks here too: this window has no key', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.type(await screen.findByLabelText(/^Votre nom/), 'Marie{Enter}');
    await screen.findByText('Données de Les Amis du Quartier');
    await protectWithCheapVerifier();
    await screen.findByRole('heading', { name: 'Espace verrouillé' });
    expect(screen.queryByText('Données de Les Amis du Quartier')).toBeNull();
  });
});

describe('the protection settings refuse, and change nothing', () => {
  async function openApp() {
    const user = userEvent.setup();
    renderApp();
    await user.type(await screen.findByLabelText(/^Votre nom/), 'Marie{Enter}');
    await screen.findByText('Données de Les Amis du Quartier');
    return user;
  }
  const verifierSetting = () => registry.settings.get(`lockVerifier:${workspaceId}`);

  it('a passphrase too short, then two that differ', async () => {
    const user = await openApp();
    const passphrase = screen.getByLabelText(/^Phrase de passe/);
    const confirmation = screen.getByLabelText(/^Confirmation de la phrase de passe/);
    await user.type(passphrase, 'court');
    await user.type(confirmation, 'court');
    await user.click(screen.getByRole('button', { name: 'Protéger l’espace' }));
    await findMessage('Phrase de passe\u00a0: 8 caractères au moins.');
    expect(passphrase).toHaveProperty('ariaInvalid', 'true');
    expect(document.activeElement).toBe(passphrase);
    expect(await verifierSetting()).toBeUndefined();

    await user.clear(passphrase);
    await user.type(passphrase, PASSPHRASE);
    await user.clear(confirmation);
    await user.type(confirmation, 'le chat dort au soleil.');
    await user.click(screen.getByRole('button', { name: 'Protéger l’espace' }));
    await findMessage('Confirmation de la phrase de passe\u00a0: les deux phrases de passe ne sont pas identiques.');
    expect(document.activeElement).toBe(confirmation);
    expect(await verifierSetting()).toBeUndefined();
  });

  it('a wrong current passphrase, to change it or to remove the protection', async () => {
    // Protected while open, from its Réglages: the espace stays open for the person who protected it.
    const user = await openApp();
    await user.type(screen.getByLabelText(/^Phrase de passe/), PASSPHRASE);
    await user.type(screen.getByLabelText(/^Confirmation de la phrase de passe/), PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Protéger l’espace' }));
    await screen.findByText('Cet espace est protégé par une phrase de passe.', undefined, { timeout: 20_000 });
    const before = await verifierSetting();

    await user.type(screen.getByLabelText(/^Phrase de passe actuelle \*?$/), 'pas la bonne');
    await user.type(screen.getByLabelText(/^Nouvelle phrase de passe/), 'une nouvelle phrase');
    await user.type(screen.getByLabelText(/^Confirmation de la nouvelle/), 'une nouvelle phrase');
    await user.click(screen.getByRole('button', { name: 'Changer la phrase de passe' }));
    await findMessage('Phrase de passe actuelle\u00a0: elle ne correspond pas.');
    expect(await verifierSetting()).toEqual(before);

    await user.type(screen.getByLabelText(/pour retirer la protection/), 'pas la bonne non plus');
    await user.click(screen.getByRole('button', { name: 'Retirer la protection…' }));
    // Checking against the espace's own key costs the full 600 000 iterations: wait for the second message.
    await waitFor(async () => expect(await findMessage('Phrase de passe actuelle\u00a0: elle ne correspond pas.')).toHaveLength(2), {
      timeout: 15_000,
    });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await verifierSetting()).toEqual(before);
    expect(screen.getByText('Données de Les Amis du Quartier')).toBeTruthy();
  });
});
