import { expect, test } from '@playwright/test';
import { answerKeyboardPerson, createFirstWorkspace, openSection } from './helpers';

test('the first start asks for the association and creates its espace', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Créer l’espace' }).click();
  await expect(page.getByText('Nom de l’espace\u00a0: champ obligatoire.')).toBeVisible();

  await page.getByLabel('Nom de votre association').fill('Les Amis du Quartier');
  await page.getByRole('button', { name: 'Créer l’espace' }).click();
  await answerKeyboardPerson(page);

  // The new espace opens on the home screen, the dashboard.
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await openSection(page, 'Association');
  await expect(page.getByLabel('Espace', { exact: true })).toHaveValue(/.+/);
  await expect(page.getByRole('textbox', { name: 'Nom de l’association', exact: true })).toHaveValue('Les Amis du Quartier');

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Nom de l’association', exact: true })).toHaveValue('Les Amis du Quartier');
});

test('a second espace sees none of the first one’s records, and the switcher shows both', async ({ page }) => {
  await createFirstWorkspace(page, 'Association Alpha');
  await page.getByLabel('Objet de l’association').fill('Accompagnement scolaire à Saint-Denis');
  await page.getByLabel('SIRET').fill('732 829 320 00074');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Profil enregistré.')).toBeVisible();

  await page.getByRole('button', { name: 'Nouvel espace…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvel espace' });
  await dialog.getByLabel('Nom de l’association').fill('Association Beta');
  await dialog.getByRole('button', { name: 'Créer l’espace' }).click();
  await answerKeyboardPerson(page);

  const switcher = page.getByLabel('Espace', { exact: true });
  await expect(switcher.locator('option')).toHaveText(['Association Alpha', 'Association Beta']);
  await expect(page.getByRole('textbox', { name: 'Nom de l’association', exact: true })).toHaveValue('Association Beta');
  await expect(page.getByLabel('Objet de l’association')).toHaveValue('');
  await expect(page.getByLabel('SIRET')).toHaveValue('');

  await switcher.selectOption({ label: 'Association Alpha' });
  await answerKeyboardPerson(page);
  await expect(page.getByRole('textbox', { name: 'Nom de l’association', exact: true })).toHaveValue('Association Alpha');
  await expect(page.getByLabel('Objet de l’association')).toHaveValue('Accompagnement scolaire à Saint-Denis');
});

test('renaming an espace, then deleting it after typing its name, with an undo', async ({ page }) => {
  await createFirstWorkspace(page, 'Premier');
  await page.getByRole('button', { name: 'Nouvel espace…' }).click();
  await page.getByRole('dialog').getByLabel('Nom de l’association').fill('Second');
  await page.getByRole('dialog').getByRole('button', { name: 'Créer l’espace' }).click();
  await answerKeyboardPerson(page);
  await openSection(page, 'Réglages');

  const second = page.getByRole('listitem').filter({ has: page.getByLabel('Nom de l’espace (ouvert)') });
  await second.getByLabel('Nom de l’espace (ouvert)').fill('Second renommé');
  await second.getByRole('button', { name: 'Renommer' }).click();
  await expect(page.getByLabel('Espace', { exact: true }).locator('option')).toHaveText(['Premier', 'Second renommé']);

  await second.getByRole('button', { name: 'Supprimer…' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm.getByRole('button', { name: 'Enregistrer une sauvegarde…' })).toBeVisible();
  const deleteButton = confirm.getByRole('button', { name: 'Supprimer l’espace' });
  await expect(deleteButton).toBeDisabled();
  await confirm.getByLabel(/Pour confirmer/).fill('Second');
  await expect(deleteButton).toBeDisabled();
  await confirm.getByLabel(/Pour confirmer/).fill('second renommé');
  await deleteButton.click();

  await expect(page.getByLabel('Espace', { exact: true }).locator('option')).toHaveText(['Premier']);
  await page.getByRole('status').getByRole('button', { name: 'Annuler' }).click();
  await expect(page.getByLabel('Espace', { exact: true }).locator('option')).toHaveText(['Premier', 'Second renommé']);
});

test('the backup offered before deleting is a complete file of the espace', async ({ page }) => {
  await createFirstWorkspace(page, 'Sauvegardée');
  await openSection(page, 'Réglages');
  await page.getByRole('button', { name: 'Supprimer…' }).click();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Enregistrer une sauvegarde…' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^Passerelle-Sauvegardee-\d{4}-\d{2}-\d{2}\.zip$/);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  const { inflateSync, strFromU8, unzipSync } = await import('fflate');
  const entries = unzipSync(new Uint8Array(await readFile(path)));
  const manifest = JSON.parse(strFromU8(entries['manifest.json']!));
  expect(manifest).toMatchObject({ format: 'passerelle-backup', formatVersion: 2, workspace: { name: 'Sauvegardée' } });
  const association = manifest.tables.find((t: { table: string }) => t.table === 'association');
  expect(association).toMatchObject({ count: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  // One frame: 4 bytes of length, then the deflated NDJSON line of the profile.
  const frame = entries[association.entry]!;
  expect(JSON.parse(strFromU8(inflateSync(frame.subarray(4)))).name).toBe('Sauvegardée');
});
