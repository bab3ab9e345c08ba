import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createWorkspaceOnHome, openSection } from './helpers';

const FIXTURES = join(__dirname, '../fixtures/spreadsheets');
const NBSP = '\u00a0';

async function openImport(page: Page) {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Importer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importer depuis un tableur' })).toBeVisible();
}

async function chooseFile(page: Page, name: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /Choisir (un|un autre) fichier/ }).click();
  await (await chooser).setFiles(join(FIXTURES, name));
  await expect(page.getByText(name)).toBeVisible();
}

test('a people CSV saved by Excel on Windows imports through mapping and preview, then shows in Équipe', async ({ page }) => {
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await openImport(page);
  await chooseFile(page, 'personnes-excel-windows.csv');
  await expect(page.getByText('CSV, Windows-1252 (Excel sous Windows), 4 lignes de données')).toBeVisible();

  // Mapping pre-filled from the French headers.
  await expect(page.getByLabel('Colonne pour « Prénom »')).toHaveValue('1');
  await expect(page.getByLabel('Colonne pour « Date d’arrivée »')).toHaveValue('6');
  // Preview as it will be saved: accents decoded, dates in French.
  const preview = page.getByRole('table', { name: /premières lignes/ });
  await expect(preview.getByRole('row', { name: /Lefèvre Hélène/ })).toContainText('15 mars 2023');
  await expect(page.getByText('4 lignes prêtes à importer, aucune erreur.')).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  await page.getByRole('button', { name: 'Importer 4 lignes' }).click();
  await expect(page.getByText('4 personnes importées.').first()).toBeVisible();

  await openSection(page, 'Équipe');
  for (const name of ['Diop Awa', 'Lefèvre Hélène', 'Garçon François', 'Benali Inès']) {
    await expect(page.getByRole('link', { name })).toBeVisible();
  }

  // The list exports to CSV with a BOM, `;` and the French headers.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter la liste de l’équipe en CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^equipe-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile(await file.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header] = bytes.subarray(3).toString('utf8').split('\r\n');
  expect(header).toBe(
    'Nom;Prénom;Statut;Fonction;Type de contrat;Date de début;Date de fin;Durée hebdomadaire;Salaire brut mensuel;Poste aidé;Situation;Courriel;Téléphone;Date d’arrivée',
  );
});

test('a contracts file with bad rows shows the row report and imports nothing unless they are skipped', async ({ page }) => {
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await openImport(page);
  await chooseFile(page, 'personnes-utf8-bom.csv');
  await page.getByRole('button', { name: 'Importer 4 lignes' }).click();
  await expect(page.getByText('4 personnes importées.').first()).toBeVisible();

  await chooseFile(page, 'contrats-avec-erreurs.csv');
  await page.getByLabel('Le fichier contient').selectOption('contracts');
  const report = page.getByRole('region', { name: '2 lignes en erreur sur 5' });
  await expect(report.getByRole('listitem')).toHaveText([
    `Ligne 3 — Date de fin prévue${NBSP}: ne peut pas être avant la date de début.`,
    `Ligne 5 — Salaire brut mensuel${NBSP}: les montants ne peuvent pas être négatifs.`,
  ]);
  // The button counts only what will be imported: nothing, while rows in error are not skipped.
  await expect(page.getByRole('button', { name: 'Importer', exact: true })).toBeDisabled();
  await expect(page.getByText(`Rien ne sera importé tant que 2 lignes sont en erreur${NBSP}: corrigez le fichier`)).toBeVisible();

  await openSection(page, 'Équipe');
  await expect(page.getByRole('row', { name: /Diop Awa/ })).toContainText('—');

  await openImport(page);
  await chooseFile(page, 'contrats-avec-erreurs.csv');
  await page.getByLabel('Le fichier contient').selectOption('contracts');
  await page.getByLabel('Ignorer les lignes en erreur').check();
  await page.getByRole('button', { name: 'Importer les 3 lignes correctes' }).click();
  await expect(page.getByText('3 contrats importés ; 2 lignes ignorées.')).toBeVisible();
  await openSection(page, 'Équipe');
  await expect(page.getByRole('row', { name: /Diop Awa/ })).toContainText('CDI');
});

test('the same people imported twice: the second time they are « déjà dans l’équipe », nobody is duplicated, and « update » rewrites their record', async ({
  page,
}) => {
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await openImport(page);
  await chooseFile(page, 'personnes-utf8-bom.csv');
  await page.getByRole('button', { name: 'Importer 4 lignes' }).click();
  await expect(page.getByText('4 personnes importées.').first()).toBeVisible();

  await chooseFile(page, 'personnes-excel-windows.csv');
  const preview = page.getByRole('table', { name: /premières lignes/ });
  await expect(preview.getByRole('row', { name: /Diop/ })).toContainText('Déjà dans l’équipe (Awa Diop) — laissée telle quelle');
  await expect(page.getByText('4 lignes lues sans erreur, dont 4 déjà dans l’équipe.')).toBeVisible();
  await expect(page.getByRole('group', { name: /4 personnes du fichier sont déjà dans l’équipe/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rien à importer' })).toBeDisabled();

  await page.getByLabel('Mettre à jour leur fiche avec les colonnes du fichier').check();
  await expect(preview.getByRole('row', { name: /Diop/ })).toContainText('sera mise à jour');
  await page.getByRole('button', { name: 'Importer 4 lignes' }).click();
  await expect(page.locator('.import__result')).toHaveText('4 fiches mises à jour.');

  await openSection(page, 'Équipe');
  for (const name of ['Diop Awa', 'Lefèvre Hélène', 'Garçon François', 'Benali Inès']) {
    await expect(page.getByRole('link', { name })).toHaveCount(1);
  }
});

test('a one-line-per-employee contracts file imports in one pass: the people not yet in the team are created with their contracts', async ({
  page,
}) => {
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await openImport(page);
  await chooseFile(page, 'contrats-un-passage.csv');
  await page.getByLabel('Le fichier contient').selectOption('contracts');
  // « Nom du salarié », « Heures/semaine » and « Date d’entrée » are recognised; « CAE » is a PEC.
  await expect(page.getByLabel('Colonne pour « Nom »')).toHaveValue('0');
  await expect(page.getByLabel('Colonne pour « Durée hebdomadaire »')).toHaveValue('6');
  const preview = page.getByRole('table', { name: /premières lignes/ });
  await expect(preview.getByRole('row', { name: /Haddad/ })).toContainText('PEC (CUI-CAE)');
  await expect(preview.getByRole('row', { name: /Haddad/ })).toContainText('Prête — ajoute Sofiane Haddad à l’équipe');
  await expect(
    page.getByText('3 personnes ne sont pas encore dans l’équipe : elles y seront ajoutées avec leurs contrats.'.replace(' :', `${NBSP}:`)),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Importer 3 lignes' }).click();
  await expect(page.getByText('3 contrats importés ; 3 personnes ajoutées à l’équipe.')).toBeVisible();

  await openSection(page, 'Équipe');
  await expect(page.getByRole('row', { name: /Haddad Sofiane/ })).toContainText('PEC (CUI-CAE)');
  await expect(page.getByRole('row', { name: /Camara Fatou/ })).toContainText('Adulte-relais');
  await expect(page.getByRole('row', { name: /Diop Awa/ })).toContainText('CDI');
});

test('Excel’s « Texte Unicode » is read as UTF-16, and a file of two encodings is shown in both readings to choose from', async ({
  page,
}) => {
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await openImport(page);
  await chooseFile(page, 'personnes-texte-unicode.txt');
  await expect(page.getByText('Texte Unicode (UTF-16), 2 lignes de données')).toBeVisible();
  await expect(page.getByRole('table', { name: /premières lignes/ }).getByRole('row', { name: /Lefèvre Hélène/ })).toBeVisible();

  await chooseFile(page, 'personnes-deux-encodages.csv');
  const choice = page.getByRole('group', { name: /Ce fichier mêle deux encodages/ });
  await expect(choice).toContainText('LefÃ¨vre;HÃ©lÃ¨ne;Animatrice');
  await expect(choice).toContainText('Lefèvre;Hélène;Animatrice');
  // Nothing can be imported before a reading is chosen.
  await expect(page.getByText('Choisissez d’abord la lecture du fichier où les accents sont justes.')).toBeVisible();
  await expect(page.locator('.import__actions').getByRole('button')).toBeDisabled();
  await choice.getByRole('radio', { name: /Chaque caractère lu en UTF-8/ }).check();
  const preview = page.getByRole('table', { name: /premières lignes/ });
  await expect(preview.getByRole('row', { name: /Lefèvre Hélène/ })).toBeVisible();
  await expect(preview.getByRole('row', { name: /Garçon François/ })).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await page.getByRole('button', { name: 'Importer 2 lignes' }).click();
  await expect(page.getByText('2 personnes importées.').first()).toBeVisible();
});
