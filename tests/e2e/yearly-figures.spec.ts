import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createFirstWorkspace, openSection } from './helpers';

// Réglages « Chiffres datés »: the shipped SMIC and aid amounts with their sources, a new value added (a
// wrong one refused in French first), then removed and brought back with « Annuler ».

const onJune20th2026 = (page: Page) => page.clock.setFixedTime(new Date('2026-06-20T10:00:00'));

test('a new SMIC is added to the dated figures, a wrong one is refused, and a removal can be undone', async ({ page }) => {
  await onJune20th2026(page);
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  await openSection(page, 'Réglages');
  const smic = page.getByRole('table', { name: 'SMIC horaire brut' });
  await expect(smic.getByRole('row', { name: /1er janv\. 2026/ })).toContainText('12,02\u00a0€');
  await expect(smic.getByRole('row', { name: /1er janv\. 2026/ })).toContainText('valeur fournie par Passerelle');
  await expect(page.getByRole('table', { name: 'Poste FONJEP (montant annuel)' })).toContainText('7\u00a0164,00\u00a0€');

  await page.getByRole('button', { name: 'Ajouter une valeur' }).click();
  const form = page.getByRole('form', { name: 'Nouvelle valeur datée' });
  await form.getByLabel('En vigueur à partir du').fill('2027-01-01');
  await form.getByLabel('Montant').fill('douze');
  await form.getByRole('button', { name: 'Enregistrer la valeur' }).click();
  await expect(form.getByText('Montant : seuls des chiffres, des espaces et une virgule sont acceptés (ex. 1 234,56).')).toBeVisible();
  await expect(form.getByText('Source : champ obligatoire.')).toBeVisible();
  await expect(smic.getByRole('row')).toHaveCount(3);

  await form.getByLabel('Montant').fill('12,30');
  await form.getByLabel('Source').fill('Décret de revalorisation au 1er janvier 2027');
  await form.getByRole('button', { name: 'Enregistrer la valeur' }).click();
  await expect(page.getByText('SMIC horaire brut du 1er janv. 2027 enregistré.')).toBeVisible();
  const added = smic.getByRole('row', { name: /1er janv\. 2027/ });
  await expect(added).toContainText('12,30\u00a0€');
  await expect(added).toContainText('Décret de revalorisation au 1er janvier 2027');

  await added.getByRole('button', { name: /Retirer la valeur du 1er janv\. 2027/ }).click();
  await expect(smic.getByRole('row', { name: /1er janv\. 2027/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Annuler' }).click();
  await expect(smic.getByRole('row', { name: /1er janv\. 2027/ })).toContainText('12,30\u00a0€');
});

test('no serious or critical accessibility violation on the dated figures and their form', async ({ page }) => {
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  await openSection(page, 'Réglages');
  await page.getByRole('button', { name: 'Ajouter une valeur' }).click();
  const results = await new AxeBuilder({ page }).include('[aria-labelledby="yearly-figures-title"]').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
