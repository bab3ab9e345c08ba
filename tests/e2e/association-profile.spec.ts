import { expect, test } from '@playwright/test';
import { createFirstWorkspace } from './helpers';

test('the profile is filled in, saved, and found again after a reload', async ({ page }) => {
  await createFirstWorkspace(page, 'Les Amis du Quartier');

  await page.getByLabel('Sigle').fill('ADQ');
  await page.getByLabel('Objet de l’association').fill('Soutien scolaire et accès aux droits');
  await page.getByLabel('SIRET').fill('732 829 320 00074');
  await page.getByLabel('Numéro RNA').fill('w931234567');
  await page.getByLabel('Adresse du siège').fill('12 rue de la République');
  await page.getByLabel('Code postal du siège').fill('93200');
  await page.getByLabel('Commune du siège', { exact: true }).fill('Saint-Denis');
  const representative = page.getByRole('group', { name: 'Représentant·e légal·e' });
  await representative.getByLabel('Nom', { exact: true }).fill('Diallo');
  await representative.getByLabel('Prénom').fill('Aminata');
  await representative.getByLabel('Fonction').fill('Présidente');
  await representative.getByLabel('Téléphone').fill('0612345678');
  await representative.getByLabel('Courriel').fill('presidence@amis-quartier.fr');
  await page.getByRole('button', { name: 'Ajouter un agrément' }).click();
  await page.getByRole('group', { name: 'Agrément 1' }).getByLabel('Type d’agrément').fill('Jeunesse et éducation populaire');
  await page.getByLabel('Affiliée à un réseau, une union ou une fédération').check();
  await page.getByLabel('Réseau, union ou fédération').fill('Fédération des centres sociaux');
  await page.getByLabel('Adhérents personnes physiques').fill('120');
  await page.getByLabel('Début de l’exercice').fill('2026-01-01');
  await page.getByLabel('Fin de l’exercice').fill('2026-12-31');
  await page.getByLabel('Convention collective').selectOption({ label: 'ÉCLAT (IDCC 1518) — animation' });
  await page.getByRole('button', { name: 'Ajouter un quartier' }).click();
  await page.getByRole('group', { name: 'Quartier 1' }).getByLabel('Code du quartier prioritaire').fill('qp093028');
  await page.getByRole('group', { name: 'Quartier 1' }).getByLabel('Nom du quartier prioritaire').fill('Franc-Moisin');

  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Profil enregistré.')).toBeVisible();

  await page.reload();
  // Stored in their normalised forms.
  await expect(page.getByLabel('SIRET')).toHaveValue('73282932000074');
  await expect(page.getByLabel('Numéro RNA')).toHaveValue('W931234567');
  await expect(page.getByLabel('Sigle')).toHaveValue('ADQ');
  await expect(page.getByLabel('Commune du siège', { exact: true })).toHaveValue('Saint-Denis');
  await expect(page.getByRole('group', { name: 'Représentant·e légal·e' }).getByLabel('Téléphone')).toHaveValue('06 12 34 56 78');
  await expect(page.getByRole('group', { name: 'Agrément 1' }).getByLabel('Type d’agrément')).toHaveValue(
    'Jeunesse et éducation populaire',
  );
  await expect(page.getByLabel('Réseau, union ou fédération')).toHaveValue('Fédération des centres sociaux');
  await expect(page.getByLabel('Adhérents personnes physiques')).toHaveValue('120');
  await expect(page.getByLabel('Fin de l’exercice')).toHaveValue('2026-12-31');
  await expect(page.getByLabel('Convention collective')).toHaveValue('1518');
  await expect(page.getByRole('group', { name: 'Quartier 1' }).getByLabel('Code du quartier prioritaire')).toHaveValue('QP093028');
});

test('a SIRET with a wrong key shows its message under the field and saves nothing', async ({ page }) => {
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  await page.getByLabel('Sigle').fill('ADQ');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Profil enregistré.')).toBeVisible();

  await page.getByLabel('Sigle').fill('NOUVEAU');
  await page.getByLabel('SIRET').fill('732 829 320 00075');
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  const siret = page.getByLabel('SIRET');
  await expect(siret).toBeFocused();
  await expect(siret).toHaveAttribute('aria-invalid', 'true');
  await expect(siret).toHaveAccessibleDescription(/SIRET\u00a0: la clé de contrôle est fausse/);
  await expect(page.getByText('Un champ est à corriger avant d’enregistrer : rien n’a été enregistré.')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Sigle')).toHaveValue('ADQ');
  await expect(page.getByLabel('SIRET')).toHaveValue('');
});

test('a field is checked when leaving it, before any save', async ({ page }) => {
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  await page.getByLabel('Code postal du siège').fill('9320');
  await page.getByLabel('Commune du siège', { exact: true }).focus();
  await expect(page.getByText('Code postal du siège\u00a0: 5 chiffres attendus (ex. 93200).')).toBeVisible();
});
