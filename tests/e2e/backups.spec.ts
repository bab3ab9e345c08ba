import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { answerKeyboardPerson, createFirstWorkspace, openSection } from './helpers';

async function fillProfile(page: Page) {
  await page.getByLabel('Sigle').fill('ADQ');
  await page.getByLabel('SIRET').fill('842 139 750 00017');
  await page.getByLabel('Commune du siège', { exact: true }).fill('Saint-Denis');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Profil enregistré.')).toBeVisible();
}

async function backUp(page: Page): Promise<string> {
  await openSection(page, 'Sauvegardes');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Passerelle-Les-Amis-du-Quartier-\d{4}-\d{2}-\d{2}\.zip$/);
  await expect(page.getByText(/« Passerelle-Les-Amis-du-Quartier-.*\.zip »/)).toBeVisible();
  return file.path();
}

async function chooseBackup(page: Page, buttonName: string, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: buttonName }).click();
  await (await chooser).setFiles(path);
}

test('back up, change, restore over the espace, then undo the restore', async ({ page }) => {
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  await fillProfile(page);
  const path = await backUp(page);

  await openSection(page, 'Association');
  await page.getByLabel('Sigle').fill('CHANGÉ');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Profil enregistré.').last()).toBeVisible();

  await openSection(page, 'Sauvegardes');
  await chooseBackup(page, 'Choisir un fichier de sauvegarde…', path);
  const preview = page.getByRole('alertdialog', { name: 'Contenu de la sauvegarde' });
  await expect(preview.getByText('Les Amis du Quartier', { exact: true })).toBeVisible();
  await expect(preview.getByRole('row', { name: 'Profil de l’association 1' })).toBeVisible();
  await preview.getByRole('button', { name: 'Remplacer « Les Amis du Quartier »…' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remplacer les données' }).click();
  await expect(page.getByText('Sauvegarde restaurée.')).toBeVisible();

  await openSection(page, 'Association');
  await expect(page.getByLabel('Sigle')).toHaveValue('ADQ');

  // One change after the restore: the undo names it before taking it away.
  await page.getByLabel('Commune du siège', { exact: true }).fill('Aubervilliers');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Profil enregistré.').last()).toBeVisible();

  await openSection(page, 'Sauvegardes');
  await expect(page.getByText(/^Possible jusqu’au .+ \d{4} à \d{2}:\d{2} \(7 jours après la restauration\)\.$/)).toBeVisible();
  const undoButton = page.getByRole('button', { name: /^Annuler la restauration du .+ \d{4} à \d{2}:\d{2}$/ });
  await undoButton.click();
  const confirm = page.getByRole('alertdialog', { name: /^Annuler la restauration du .*\s\?$/ });
  await expect(confirm).toContainText('1 modification faite depuis sera retirée de l’espace.');
  await expect(confirm).toContainText('Une copie de l’état actuel est gardée : vous pourrez annuler cette annulation.');
  // Changing one's mind changes nothing.
  await confirm.getByRole('button', { name: 'Annuler', exact: true }).click();
  await expect(confirm).toHaveCount(0);
  await openSection(page, 'Association');
  await expect(page.getByLabel('Commune du siège', { exact: true })).toHaveValue('Aubervilliers');

  await openSection(page, 'Sauvegardes');
  await undoButton.click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Revenir à l’état d’avant' }).click();
  await expect(page.getByText(/^Restauration annulée : les données d’avant sont revenues\./)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Annuler l’annulation du / })).toBeVisible();
  await openSection(page, 'Association');
  await expect(page.getByLabel('Sigle')).toHaveValue('CHANGÉ');
  await expect(page.getByLabel('Commune du siège', { exact: true })).toHaveValue('Saint-Denis');

  // The undo of the undo brings the restored data back, with the change made after it.
  await openSection(page, 'Sauvegardes');
  await page.getByRole('button', { name: /^Annuler l’annulation du / }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Revenir à l’état d’avant' }).click();
  await openSection(page, 'Association');
  await expect(page.getByLabel('Sigle')).toHaveValue('ADQ');
  await expect(page.getByLabel('Commune du siège', { exact: true })).toHaveValue('Aubervilliers');
});

test('everything deleted, then restored from the welcome screen as on a new laptop', async ({ page }) => {
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  await fillProfile(page);
  const path = await backUp(page);

  await openSection(page, 'Réglages');
  await page.getByRole('button', { name: 'Supprimer…' }).click();
  await page.getByLabel(/Pour confirmer/).fill('Les Amis du Quartier');
  await page.getByRole('button', { name: 'Supprimer l’espace' }).click();
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Passerelle' })).toBeVisible();

  await chooseBackup(page, 'Restaurer une sauvegarde…', path);
  await page.getByRole('alertdialog').getByRole('button', { name: 'Restaurer dans un nouvel espace' }).click();
  await answerKeyboardPerson(page);
  await expect(page.getByLabel('Espace', { exact: true }).locator('option')).toHaveText(['Les Amis du Quartier']);
  await openSection(page, 'Association');
  await expect(page.getByLabel('SIRET')).toHaveValue('84213975000017');
  await expect(page.getByLabel('Commune du siège', { exact: true })).toHaveValue('Saint-Denis');
});

test('a damaged backup is refused with its reason, and nothing changes', async ({ page }, testInfo) => {
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  await fillProfile(page);
  const path = await backUp(page);
  const damaged = testInfo.outputPath('abimee.zip');
  const bytes = await readFile(path);
  await writeFile(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));

  await chooseBackup(page, 'Choisir un fichier de sauvegarde…', damaged);
  await expect(page.getByRole('alert')).toHaveText(
    '« abimee.zip » : La sauvegarde est abîmée ou incomplète : le fichier a été tronqué ou modifié (copie interrompue ?). Rien n’a été modifié.',
  );
  await openSection(page, 'Association');
  await expect(page.getByLabel('Sigle')).toHaveValue('ADQ');
});

test('a week without a backup brings a reminder that offers the download', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-02T09:00:00') });
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  const reminder = page.getByRole('region', { name: 'Rappel de sauvegarde' });
  await expect(reminder).toHaveCount(0);

  await page.clock.setSystemTime(new Date('2026-11-10T09:00:00'));
  await page.reload();
  await expect(reminder).toContainText('Cet espace n’a jamais été sauvegardé depuis sa création, il y a plus de 7 jours.');
  const download = page.waitForEvent('download');
  await reminder.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
  expect((await download).suggestedFilename()).toBe('Passerelle-Les-Amis-du-Quartier-2026-11-10.zip');
  await expect(reminder).toHaveCount(0);
});
