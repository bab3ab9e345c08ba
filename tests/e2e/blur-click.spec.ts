import { expect, test, type Page } from '@playwright/test';
import { createFirstWorkspace, openSection } from './helpers';

// Forms validate on blur. Pressing « Enregistrer » blurs the field being typed in: its error, drawn between
// the press and the release, used to push the button away from the mouse, and the click — the save — was
// lost. Here the mouse goes straight from the field to the button, without Tab, as a person clicks.

const onJune20th2026 = (page: Page) => page.clock.setFixedTime(new Date('2026-06-20T10:00:00'));

async function openNewFigure(page: Page) {
  await onJune20th2026(page);
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  await openSection(page, 'Réglages');
  await page.getByRole('button', { name: 'Ajouter une valeur' }).click();
  return page.getByRole('form', { name: 'Nouvelle valeur datée' });
}

const AMOUNT_ERROR = 'Montant : seuls des chiffres, des espaces et une virgule sont acceptés (ex. 1 234,56).';

test('a wrong amount typed then « Enregistrer » clicked at once: the click lands, every error shows in one round, nothing is saved', async ({
  page,
}) => {
  const form = await openNewFigure(page);
  const smic = page.getByRole('table', { name: 'SMIC horaire brut' });
  const save = form.getByRole('button', { name: 'Enregistrer la valeur' });
  await expect(smic.getByRole('row')).toHaveCount(3);

  await form.getByLabel('En vigueur à partir du').fill('2027-01-01');
  await form.getByLabel('Montant').fill('douze');
  const before = await save.boundingBox();
  await save.click();
  // The submit ran: the summary only a save shows, and the error of a field never left (Source).
  await expect(form.getByText('2 champs sont à corriger avant d’enregistrer : rien n’a été enregistré.')).toBeVisible();
  await expect(form.getByText(AMOUNT_ERROR)).toBeVisible();
  await expect(form.getByText('Source : champ obligatoire.')).toBeVisible();
  await expect(form.getByLabel('Montant')).toBeFocused();
  await expect(smic.getByRole('row')).toHaveCount(3);
  // The errors did move the button, but only after the click.
  expect((await save.boundingBox())?.y).toBeGreaterThan(before?.y ?? Number.POSITIVE_INFINITY);
});

test('an error shown on blur, corrected, then « Enregistrer » clicked at once: saved in one click', async ({ page }) => {
  const form = await openNewFigure(page);
  const smic = page.getByRole('table', { name: 'SMIC horaire brut' });

  await form.getByLabel('Source').fill('Décret de revalorisation au 1er janvier 2027');
  await form.getByLabel('En vigueur à partir du').fill('2027-01-01');
  await form.getByLabel('Montant').fill('douze');
  // A click elsewhere leaves the field: its error shows once the mouse is released.
  await form.getByRole('heading', { name: 'Nouvelle valeur datée' }).click();
  await expect(form.getByText(AMOUNT_ERROR)).toBeVisible();

  // Corrected, and the mouse goes straight to the button: the blur clears the error (the button would move
  // up under the mouse), yet the one click saves.
  await form.getByLabel('Montant').fill('12,30');
  await form.getByRole('button', { name: 'Enregistrer la valeur' }).click();
  await expect(page.getByText('SMIC horaire brut du 1er janv. 2027 enregistré.')).toBeVisible();
  await expect(smic.getByRole('row', { name: /1er janv\. 2027/ })).toContainText('12,30\u00a0€');
});

test('the absence form too: an impossible period clicked at once is refused in one click, its correction saved in one click', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date('2026-03-02T10:00:00'));
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  await openSection(page, 'Équipe');
  await page.getByRole('button', { name: 'Ajouter une personne' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle personne' });
  await dialog.getByRole('textbox', { name: 'Nom', exact: true }).fill('Benali');
  await dialog.getByLabel('Prénom').fill('Karim');
  await dialog.getByRole('button', { name: 'Ajouter' }).click();
  await page.getByRole('button', { name: 'Nouveau contrat' }).click();
  const contractForm = page.getByRole('form', { name: 'Nouveau contrat' });
  await contractForm.getByLabel('Intitulé du poste').fill('Coordinateur');
  await contractForm.getByLabel('Date de début').fill('2025-01-01');
  await contractForm.getByLabel('Durée hebdomadaire').fill('35');
  await contractForm.getByLabel('Salaire brut mensuel').fill('2 000,00');
  await contractForm.getByLabel('Taux de charges patronales').fill('40');
  await contractForm.getByRole('button', { name: 'Enregistrer le contrat' }).click();
  await expect(page.getByText('Contrat enregistré.')).toBeVisible();
  const contract = page.getByRole('article', { name: 'CDI — Coordinateur' });

  await contract.getByRole('button', { name: 'Déclarer une absence' }).click();
  const form = contract.getByRole('form', { name: 'Nouvelle absence' });
  await form.getByLabel('Premier jour d’absence').fill('2026-01-05');
  await form.getByLabel('Dernier jour d’absence').fill('2025-12-31');
  await form.getByRole('button', { name: 'Enregistrer l’absence' }).click();
  await expect(form.getByText('Un champ est à corriger avant d’enregistrer : rien n’a été enregistré.')).toBeVisible();
  await expect(form.getByText('Dernier jour d’absence : ne peut pas être avant le premier jour.')).toBeVisible();
  await expect(contract.getByRole('list', { name: 'Absences' })).toHaveCount(0);

  await form.getByLabel('Dernier jour d’absence').fill('2026-01-09');
  await form.getByRole('button', { name: 'Enregistrer l’absence' }).click();
  await expect(page.getByText('Absence enregistrée.')).toBeVisible();
  await expect(contract.getByRole('list', { name: 'Absences' })).toContainText('5 janv. 2026 au 9 janv. 2026');
});
