import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createFirstWorkspace, openSection } from './helpers';

/**
 * Signs the journal with a name, as the person-at-the-keyboard screen would: written straight into the
 * registry (the device database), then the page reloads to pick it up.
 */
async function setPersonAtKeyboard(page: Page, name: string): Promise<void> {
  await page.evaluate(async (person) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('passerelle');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const ids = await new Promise<string[]>((resolve, reject) => {
      const request = db.transaction('workspaces').objectStore('workspaces').getAll();
      request.onsuccess = () => resolve((request.result as { id: string }[]).map((w) => w.id));
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('settings', 'readwrite');
      for (const id of ids) tx.objectStore('settings').put({ key: `currentPerson:${id}`, value: person });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, name);
  await page.reload();
}

// These walk through several screens and run axe twice: more than the default budget on a loaded machine.
test.describe.configure({ timeout: 90_000 });

async function addPartnerWithContacts(page: Page, name: string, contacts: string[]): Promise<void> {
  await openSection(page, 'Partenaires');
  await page.getByRole('link', { name: 'Nouveau partenaire' }).click();
  await page.getByLabel('Nom du partenaire').fill(name);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const form = page.getByRole('form', { name: 'Nouveau contact' });
  for (const lastName of contacts) {
    await page.getByRole('button', { name: 'Ajouter un contact' }).click();
    await form.getByRole('textbox', { name: 'Nom', exact: true }).fill(lastName);
    await form.getByRole('button', { name: 'Ajouter le contact' }).click();
    await expect(page.getByText(lastName, { exact: false }).first()).toBeVisible();
  }
}

async function deleteCurrentPartner(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Supprimer ce partenaire' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Supprimer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Partenaires' })).toBeVisible();
}

test('a deleted partner is found in the bin with its contacts, restored, then destroyed after confirmation', async ({ page }) => {
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  await setPersonAtKeyboard(page, 'Awa Diop');
  await expect(page.getByRole('heading', { level: 1, name: 'Association' })).toBeVisible();

  await openSection(page, 'Corbeille');
  await expect(page.getByText('La corbeille est vide.')).toBeVisible();

  await addPartnerWithContacts(page, 'Mission locale', ['Moreau', 'Petit']);
  await deleteCurrentPartner(page);

  await openSection(page, 'Corbeille');
  const row = page.getByRole('row', { name: /Partenaire « Mission locale » et 2 contacts/ });
  await expect(row).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  await row.getByRole('button', { name: 'Restaurer' }).click();
  await expect(page.getByText('Restauré\u00a0: Partenaire « Mission locale » et 2 contacts.')).toBeVisible();
  await expect(page.getByText('La corbeille est vide.')).toBeVisible();
  await openSection(page, 'Partenaires');
  await page.getByRole('link', { name: 'Mission locale' }).click();
  await expect(page.getByText('Moreau')).toBeVisible();
  await expect(page.getByText('Petit')).toBeVisible();

  await deleteCurrentPartner(page);
  await openSection(page, 'Corbeille');
  await page
    .getByRole('row', { name: /Mission locale/ })
    .getByRole('button', { name: 'Supprimer définitivement' })
    .click();
  const dialog = page.getByRole('alertdialog', { name: 'Supprimer définitivement ?' });
  await expect(dialog).toContainText('Partenaire « Mission locale » et 2 contacts seront effacés');
  await dialog.getByRole('button', { name: 'Supprimer définitivement' }).click();
  await expect(page.getByText('La corbeille est vide.')).toBeVisible();
  await openSection(page, 'Partenaires');
  await expect(page.getByRole('link', { name: 'Mission locale' })).toHaveCount(0);
});

test('the journal lists changes with the person’s name, filters them and exports a CSV for Excel', async ({ page }) => {
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  await setPersonAtKeyboard(page, 'Awa Diop');
  await expect(page.getByRole('heading', { level: 1, name: 'Association' })).toBeVisible();
  await addPartnerWithContacts(page, 'Centre social Floréal', ['Benali']);
  await deleteCurrentPartner(page);

  await openSection(page, 'Corbeille');
  await page.getByRole('link', { name: 'Journal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Journal des modifications' })).toBeVisible();
  const table = page.getByRole('table', { name: /Journal des modifications/ });
  await expect(table.getByRole('row', { name: /Awa Diop.*Création\s: Partenaire « Centre social Floréal »/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Awa Diop.*Mise à la corbeille\s: Contact « Benali »/ })).toBeVisible();

  await page.getByLabel('Type de fiche').selectOption({ label: 'Contacts' });
  await expect(table.getByRole('row')).toHaveCount(3); // header, creation, bin
  await page.getByLabel('Personne', { exact: true }).selectOption({ label: 'Awa Diop' });
  await page.getByLabel('Rechercher').fill('corbeille');
  await expect(table.getByRole('row')).toHaveCount(2);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter en CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^journal-les-amis-du-quartier-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile(await file.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  expect(lines[0]).toBe('Date;Personne;Type de fiche;Action;Détail;Annulé');
  expect(lines[1]).toMatch(
    /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2};Awa Diop;Contacts;Mise à la corbeille;Mise à la corbeille\u00a0: Contact « Benali »;non$/,
  );
});

test('Ctrl+Z outside a text field undoes the last change of the association profile', async ({ page }) => {
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  await setPersonAtKeyboard(page, 'Awa Diop');
  const acronym = page.getByLabel('Sigle');
  await acronym.fill('ADQ');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Profil enregistré.')).toBeVisible();
  await acronym.fill('AQN');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Profil enregistré.').last()).toBeVisible();

  // In a text field, Ctrl+Z belongs to the field: nothing stored is undone.
  await acronym.focus();
  await page.keyboard.press('Control+z');
  await page.getByRole('heading', { level: 1, name: 'Association' }).focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Annulé\u00a0: Modification\u00a0: Profil de l’association « Les Amis du Quartier ».')).toBeVisible();
  await expect(acronym).toHaveValue('ADQ');
  await page.reload();
  await expect(page.getByLabel('Sigle')).toHaveValue('ADQ');

  // A new session (the reload) cannot undo the previous session's changes.
  await page.getByRole('heading', { level: 1, name: 'Association' }).focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByText(/Rien à annuler/)).toBeVisible();
  await expect(page.getByLabel('Sigle')).toHaveValue('ADQ');
});
