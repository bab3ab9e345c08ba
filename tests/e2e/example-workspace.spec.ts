import { expect, test } from '@playwright/test';
import { answerKeyboardPerson, openSection } from './helpers';

// « Découvrir avec une association exemple » at first run: a separate espace, badged as an example, filled
// with the fixture association; deleted in one step from Réglages, leaving the real espace as it was.

test('the example espace is created at first run, shows its badge, and is deleted from Réglages', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-11-24T10:00:00+01:00'));
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Passerelle' })).toBeVisible();
  await page.getByRole('button', { name: 'Découvrir avec une association exemple' }).click();
  await answerKeyboardPerson(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: 'Exemple — données fictives' })).toBeVisible();
  await expect(page.getByLabel('Espace ouvert')).toHaveText('Exemple — Les Amis du Quartier');

  await openSection(page, 'Équipe');
  await expect(page.getByRole('row', { name: /Benali Karim/ })).toBeVisible();
  await openSection(page, 'Financements');
  await expect(page.getByRole('link', { name: 'Contrat de ville 2026 — Accompagnement à la scolarité' })).toBeVisible();

  // A real espace beside it: no example record in it, no badge.
  await page.getByRole('button', { name: 'Nouvel espace…' }).click();
  await page.getByRole('dialog').getByLabel('Nom de l’association').fill('Mon association');
  await page.getByRole('dialog').getByRole('button', { name: 'Créer l’espace' }).click();
  await answerKeyboardPerson(page);
  await expect(page.getByLabel('Espace ouvert')).toHaveText('Mon association');
  await expect(page.getByText('Exemple — données fictives')).toHaveCount(0);
  await openSection(page, 'Équipe');
  await expect(page.getByRole('row', { name: /Benali Karim/ })).toHaveCount(0);

  await openSection(page, 'Réglages');
  const section = page.getByRole('region', { name: 'Association exemple' });
  await section.getByRole('button', { name: 'Supprimer l’espace exemple…' }).click();
  await page
    .getByRole('alertdialog', { name: 'Supprimer l’espace exemple ?' })
    .getByRole('button', { name: 'Supprimer l’espace exemple' })
    .click();
  await expect(page.getByText('Espace exemple supprimé.')).toBeVisible();
  await expect(section.getByRole('button', { name: 'Découvrir avec une association exemple' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Espace', exact: true }).getByRole('option')).toHaveText(['Mon association']);
});
