import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createFirstWorkspace, openSection } from './helpers';

// Absences on a contract, as the coordinator records them on the person's page: a refusal said in French
// under its field with nothing saved, a work accident that calls for the examen de reprise (R4624-31) and
// an unpaid leave that takes its days off the year's ETPT.

const onMarch2nd2026 = (page: Page) => page.clock.setFixedTime(new Date('2026-03-02T10:00:00'));

async function hireKarim(page: Page) {
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
  await contractForm.getByLabel('Date de la DPAE').fill('2024-12-27');
  await contractForm.getByLabel('Date de la visite d’information et de prévention').fill('2025-02-10');
  await contractForm.getByRole('button', { name: 'Enregistrer le contrat' }).click();
  await expect(page.getByText('Contrat enregistré.')).toBeVisible();
  return page.getByRole('article', { name: 'CDI — Coordinateur' });
}

test('a work accident brings the examen de reprise; an unpaid leave takes its days off the ETPT; a wrong absence saves nothing', async ({
  page,
}) => {
  await onMarch2nd2026(page);
  const contract = await hireKarim(page);

  // Before the contract: refused under the field, in French, nothing saved.
  await contract.getByRole('button', { name: 'Déclarer une absence' }).click();
  let form = contract.getByRole('form', { name: 'Nouvelle absence' });
  await form.getByLabel('Motif de l’absence').selectOption({ label: 'Accident du travail' });
  await form.getByLabel('Premier jour d’absence').fill('2024-12-20');
  await form.getByLabel('Dernier jour d’absence').fill('2025-01-10');
  await form.getByRole('button', { name: 'Enregistrer l’absence' }).click();
  await expect(form.getByText('Premier jour d’absence : le contrat ne commence que le 1er janv. 2025.')).toBeVisible();
  await expect(contract.getByRole('list', { name: 'Absences' })).toHaveCount(0);

  // A 37-day work accident: back on 11 February, the examen by 19 February — the form says it before saving.
  await form.getByLabel('Premier jour d’absence').fill('2026-01-05');
  await form.getByLabel('Dernier jour d’absence').fill('2026-02-10');
  await expect(form.getByText(/Ici : au plus tard le 19 févr\. 2026\./)).toBeVisible();
  await form.getByRole('button', { name: 'Enregistrer l’absence' }).click();
  await expect(page.getByText('Absence enregistrée.')).toBeVisible();
  const absences = contract.getByRole('list', { name: 'Absences' });
  await expect(absences).toContainText(
    'Accident du travail du 5 janv. 2026 au 10 févr. 2026 (37 jours) — examen de reprise au plus tard le 19 févr. 2026',
  );
  const deadlines = page.getByRole('region', { name: 'Échéances' });
  await expect(deadlines.getByRole('listitem').filter({ hasText: 'Examen de reprise' })).toContainText('19 févr. 2026');

  // An unpaid leave of March: 2026's ETPT goes from 1,00 to 334/365 = 0,92.
  const year = page.getByRole('table', { name: 'Chiffres de Karim Benali en 2026' });
  await expect(year.getByRole('row', { name: /CDI du 1er janv\. 2025/ })).toContainText('1,00');
  await contract.getByRole('button', { name: 'Déclarer une absence' }).click();
  form = contract.getByRole('form', { name: 'Nouvelle absence' });
  await form.getByLabel('Motif de l’absence').selectOption({ label: 'Congé sans solde' });
  await expect(form.getByText('Ne compte ni dans l’ETPT ni dans les salaires.')).toBeVisible();
  // Over the accident first: refused, naming it.
  await form.getByLabel('Premier jour d’absence').fill('2026-02-10');
  await form.getByLabel('Dernier jour d’absence').fill('2026-03-31');
  await form.getByRole('button', { name: 'Enregistrer l’absence' }).click();
  await expect(
    form.getByText(/une autre absence couvre déjà ces jours \(Accident du travail du 5 janv\. 2026 au 10 févr\. 2026\)/),
  ).toBeVisible();
  await form.getByLabel('Premier jour d’absence').fill('2026-03-01');
  await form.getByRole('button', { name: 'Enregistrer l’absence' }).click();
  // (The first save's toast may still be up: the list says it.)
  await expect(absences).toContainText('Congé sans solde du 1er mars 2026 au 31 mars 2026 (31 jours)');
  await expect(year.getByRole('row', { name: /CDI du 1er janv\. 2025/ })).toContainText('0,92');
  // 11 months of 2 000 € gross.
  await expect(year.getByRole('row', { name: /CDI du 1er janv\. 2025/ })).toContainText('22\u00a0000,00\u00a0€');

  // The examen done: its date on the absence, and the deadline goes.
  await contract.getByRole('button', { name: 'Modifier l’absence du 5 janv. 2026' }).click();
  form = contract.getByRole('form', { name: 'Modifier l’absence' });
  await form.getByLabel('Date de l’examen de reprise').fill('2026-02-12');
  await form.getByRole('button', { name: 'Enregistrer l’absence' }).click();
  await expect(absences).toContainText('examen de reprise le 12 févr. 2026');
  await expect(deadlines.getByRole('listitem').filter({ hasText: 'Examen de reprise' })).toHaveCount(0);
});

test('no serious or critical accessibility violation on a contract with its absences and the absence form', async ({ page }) => {
  const contract = await hireKarim(page);
  await contract.getByRole('button', { name: 'Déclarer une absence' }).click();
  const form = contract.getByRole('form', { name: 'Nouvelle absence' });
  await form.getByLabel('Motif de l’absence').selectOption({ label: 'Arrêt maladie' });
  await form.getByLabel('Premier jour d’absence').fill('2025-03-01');
  await form.getByLabel('Dernier jour d’absence').fill('2025-04-30');
  await form.getByRole('button', { name: 'Enregistrer l’absence' }).click();
  await expect(page.getByText('Absence enregistrée.')).toBeVisible();
  await contract.getByRole('button', { name: 'Déclarer une absence' }).click();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
  expect(serious).toEqual([]);
});
