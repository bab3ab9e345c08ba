import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createFirstWorkspace, openSection } from './helpers';

const NBSP = '\u00a0';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function addLine(page: Page, account: string, label: string, euros: string) {
  const form = page.getByRole('form', { name: 'Ajouter une ligne au budget' });
  await form.getByLabel('Compte').selectOption({ label: account });
  await form.getByLabel('Précision').fill(label);
  await form.getByLabel('Montant en euros').fill(euros);
  await form.getByRole('button', { name: 'Ajouter la ligne' }).click();
}

test('describe an action, staff it, and balance its budget', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-11-24T10:00:00+01:00'));
  await createFirstWorkspace(page, 'Les Amis du Quartier');

  await openSection(page, 'Équipe');
  await page.getByRole('button', { name: 'Ajouter une personne' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle personne' });
  await dialog.getByRole('textbox', { name: 'Nom', exact: true }).fill('Diop');
  await dialog.getByLabel('Prénom').fill('Awa');
  await dialog.getByLabel('Fonction').fill('Animatrice périscolaire');
  await dialog.getByRole('button', { name: 'Ajouter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Awa Diop' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Dossiers' }).click();
  await page.getByRole('navigation', { name: 'Dossiers' }).getByRole('link', { name: 'Actions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Actions' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Aucune action' })).toBeVisible();
  expect(await seriousViolations(page), 'empty actions list').toEqual([]);

  await page.getByRole('button', { name: 'Nouvelle action' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle action' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Nouvelle action' });
  await form.getByLabel('Intitulé de l’action').fill('Accompagnement à la scolarité');
  await form.getByRole('button', { name: 'Ajouter un objectif' }).click();
  await form.getByRole('textbox', { name: 'Objectif 1' }).fill('Améliorer l’autonomie des collégiens');
  await form.getByRole('button', { name: 'Ajouter un indicateur à l’objectif 1' }).click();
  await form.getByRole('textbox', { name: 'Indicateur', exact: true }).fill('Collégiens suivis toute l’année');
  await form.getByLabel('Valeur visée').fill('24');
  await form.getByLabel('Public bénéficiaire').fill('Collégiens et leurs parents');
  await form.getByLabel('Nombre de bénéficiaires').fill('24');
  await form.getByLabel('Codes des quartiers prioritaires').fill('QP093028');
  await form.getByLabel('Date de début').fill('2027-01-04');
  await form.getByLabel('Date de fin').fill('2026-12-17');
  await form.getByRole('button', { name: 'Affecter une personne' }).click();
  await form.getByLabel('Personne', { exact: true }).selectOption({ label: 'Awa Diop — Animatrice périscolaire' });
  await form.getByLabel('Part du temps (%)').fill('60');
  await form.getByLabel('Rôle dans l’action').fill('Animatrice');

  // An end before the start is refused, in French, and nothing is saved.
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByText(`Date de fin${NBSP}: doit être après la date de début.`)).toBeVisible();
  await expect(form.getByLabel('Date de fin')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert').first()).toContainText('rien n’a été enregistré');

  await form.getByLabel('Date de fin').fill('2027-12-17');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Action créée.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Accompagnement à la scolarité' })).toBeVisible();
  await expect(page.getByText('Du 4 janvier 2027 au 17 décembre 2027')).toContainText(`11${NBSP}mois et 14${NBSP}jours`);
  const saved = page.getByRole('form', { name: 'Modifier l’action' });
  await expect(saved.getByRole('textbox', { name: 'Indicateur', exact: true })).toHaveValue('Collégiens suivis toute l’année');
  await expect(saved.getByLabel('Part du temps (%)')).toHaveValue('60');
  expect(await seriousViolations(page), 'action page').toEqual([]);

  // The budget of 2027, the action's first year.
  await expect(page.getByLabel('Année du budget')).toHaveValue('2027');
  await expect(page.getByRole('heading', { name: 'Budget 2027 vide' })).toBeVisible();
  const amountField = page.getByRole('form', { name: 'Ajouter une ligne au budget' }).getByLabel('Montant en euros');
  await addLine(page, 'Achats matières et fournitures', 'Fournitures scolaires', '-1 200');
  await expect(page.getByText(`Montant${NBSP}: les montants ne peuvent pas être négatifs.`)).toBeVisible();
  await expect(amountField).toBeFocused();

  await addLine(page, 'Achats matières et fournitures', 'Fournitures scolaires', '1 200');
  await addLine(page, 'Rémunération des personnels', 'Awa Diop', '15 840');
  await addLine(
    page,
    'État (préciser le ou les ministères, directions ou services sollicités)',
    'Préfecture — politique de la ville',
    '10 000',
  );
  const totals = page.getByRole('definition').filter({ hasText: 'Écart' });
  await expect(totals).toHaveText(`Écart${NBSP}: 7${NBSP}040${NBSP}€ — le budget doit être équilibré (charges supérieures aux produits)`);
  await expect(page.getByRole('table', { name: 'Charges' })).toContainText(`17${NBSP}040${NBSP}€`);

  await addLine(page, 'Ressources propres affectées à l’action', 'Fonds propres', '7 040');
  await expect(page.getByText('Budget équilibré')).toBeVisible();
  await expect(page.getByText(`La subvention représente 58,7${NBSP}% du total des produits de l’action.`)).toBeVisible();
  expect(await seriousViolations(page), 'action budget').toEqual([]);

  // Editing a line in place unbalances it again.
  await page.getByLabel('Montant en euros — Achats matières et fournitures (Fournitures scolaires)').fill('1 500');
  await page.getByLabel('Précision — Achats matières et fournitures').click();
  await expect(page.getByRole('definition').filter({ hasText: 'Écart' })).toContainText(`300${NBSP}€`);

  await page.getByRole('navigation', { name: 'Dossiers' }).getByRole('link', { name: 'Actions' }).click();
  const row = page.getByRole('row', { name: /Accompagnement à la scolarité/ });
  await expect(row).toContainText('24 — Collégiens et leurs parents');
  await expect(row).toContainText(`Écart de 300,00${NBSP}€`);
  expect(await seriousViolations(page), 'actions list').toEqual([]);

  // Deleting asks once, goes to the bin, and the toast's « Annuler » brings the action back.
  await row.getByRole('link', { name: 'Accompagnement à la scolarité' }).click();
  await page.getByRole('button', { name: 'Mettre à la corbeille' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Mettre à la corbeille' }).click();
  await expect(page.getByText('Action « Accompagnement à la scolarité » mise à la corbeille.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Aucune action' })).toBeVisible();
  await page.getByRole('button', { name: 'Annuler' }).click();
  await expect(page.getByRole('row', { name: /Accompagnement à la scolarité/ })).toBeVisible();
});
