import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createFirstWorkspace, openSection } from './helpers';

const euros = (text: string) => text.replace(/ /g, '\u00a0');

// A fixed « today », so that the year shown and the deadlines kept are those of the story. (Not for axe,
// which measures time as it works and never finishes under a frozen clock.)
const onMarch2nd2026 = (page: Page) => page.clock.setFixedTime(new Date('2026-03-02T10:00:00'));

test('hire on a PEC, renew it by avenant, and read the year’s ETPT, cost and renewal deadline', async ({ page }) => {
  await onMarch2nd2026(page);
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  await openSection(page, 'Équipe');
  await expect(page.getByText('Votre équipe, ses contrats et ses postes aidés')).toBeVisible();

  await page.getByRole('button', { name: 'Ajouter une personne' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle personne' });
  await dialog.getByRole('textbox', { name: 'Nom', exact: true }).fill('Haddad');
  await dialog.getByLabel('Prénom').fill('Sofiane');
  await dialog.getByLabel('Fonction').fill('Agent d’accueil');
  await dialog.getByRole('button', { name: 'Ajouter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sofiane Haddad' })).toBeVisible();

  // The contract: a 6-month PEC at 20 h a week.
  await page.getByRole('button', { name: 'Nouveau contrat' }).click();
  const contractForm = page.getByRole('form', { name: 'Nouveau contrat' });
  await contractForm.getByLabel('Type de contrat').selectOption({ label: 'PEC (CUI-CAE)' });
  await expect(contractForm.getByLabel('Intitulé du poste')).toHaveValue('Agent d’accueil');
  await contractForm.getByLabel('Date de début').fill('2026-01-01');
  await contractForm.getByLabel('Date de fin prévue').fill('2026-06-30');
  await contractForm.getByLabel('Durée hebdomadaire').fill('20');
  await contractForm.getByLabel('Salaire brut mensuel').fill('1 050,00');
  await contractForm.getByLabel('Taux de charges patronales').fill('15');
  await contractForm.getByRole('button', { name: 'Enregistrer le contrat' }).click();
  await expect(page.getByText('Contrat enregistré.')).toBeVisible();

  const contract = page.getByRole('article', { name: 'PEC (CUI-CAE) — Agent d’accueil' });
  await expect(contract).toContainText('Du 1er janv. 2026 au 30 juin 2026');

  // Its aided post: 60 % of an hourly SMIC of 11,88 € on 20 h, over the contract's dates.
  await contract.getByRole('button', { name: 'Déclarer un poste aidé' }).click();
  const postForm = contract.getByRole('form', { name: 'Poste aidé' });
  await expect(postForm.getByLabel('Fin de l’aide')).toHaveValue('2026-06-30');
  await postForm.getByLabel('Numéro de convention').fill('093 26 01 00042');
  await postForm.getByLabel('Taux de prise en charge').fill('60');
  await postForm.getByLabel('SMIC horaire brut retenu').fill('11,88');
  await postForm.getByRole('button', { name: 'Enregistrer le poste aidé' }).click();
  await expect(page.getByText('Poste aidé enregistré.')).toBeVisible();

  const deadlines = page.getByRole('region', { name: 'Échéances' });
  await expect(deadlines.getByRole('listitem').filter({ hasText: 'Demande de renouvellement de l’aide (PEC)' })).toContainText(
    '30 avr. 2026',
  );

  // The renewal avenant: 6 more months, and the aid follows.
  await contract.getByRole('button', { name: 'Ajouter un avenant' }).click();
  const amendmentForm = contract.getByRole('form', { name: 'Nouvel avenant' });
  await expect(amendmentForm.getByLabel('Date d’effet')).toHaveValue('2026-07-01');
  await amendmentForm.getByLabel('Nouvelle date de fin').fill('2026-12-31');
  await expect(amendmentForm.getByLabel('Prolonger aussi l’aide du poste aidé jusqu’au terme du renouvellement')).toBeChecked();
  await amendmentForm.getByRole('button', { name: 'Enregistrer l’avenant' }).click();
  await expect(page.getByText('Avenant enregistré.')).toBeVisible();
  await expect(contract).toContainText('Du 1er janv. 2026 au 31 déc. 2026');
  await expect(contract.getByRole('listitem').filter({ hasText: 'Renouvellement' })).toContainText('fin au 31 déc. 2026');

  // The renewal request now falls 2 months before the new end of the aid.
  const renewal = deadlines.getByRole('listitem').filter({ hasText: 'Demande de renouvellement de l’aide (PEC)' });
  await expect(renewal).toContainText('31 oct. 2026');
  await expect(deadlines.getByRole('listitem').filter({ hasText: 'Fin du contrat PEC' })).toContainText('31 déc. 2026');

  // 2026 on the person's page: 20/35 = 0,57 ETPT; 12 × 1 050 € gross; × 1,15 = 14 490 €; aid 12 × 617,76 €.
  const year = page.getByRole('table', { name: 'Chiffres de Sofiane Haddad en 2026' });
  const row = year.getByRole('row', { name: /PEC \(CUI-CAE\) du 1er janv\. 2026/ });
  await expect(row).toContainText('365');
  await expect(row).toContainText('0,57');
  await expect(row).toContainText(euros('12 600,00 €'));
  await expect(row).toContainText(euros('14 490,00 €'));
  await expect(row).toContainText(euros('7 413,12 €'));
  await expect(row).toContainText(euros('7 076,88 €'));

  // … and in the Équipe list.
  await page.getByRole('link', { name: 'Équipe' }).first().click();
  const summary = page.getByRole('region', { name: 'Moyens humains en 2026' });
  await expect(summary.getByText('ETPT', { exact: true }).locator('xpath=..')).toContainText('0,57');
  await expect(summary.getByText('Coût employeur', { exact: true }).locator('xpath=..')).toContainText(euros('14 490,00 €'));
  await expect(summary.getByText('Emplois aidés', { exact: true }).locator('xpath=..')).toContainText('1');
  await expect(page.getByRole('row', { name: /Haddad Sofiane/ })).toContainText('PEC (CUI-CAE)');

  // The staff deadlines reach the dashboard, beside the grants': on 2 March, the first medical visit
  // (1 January + 3 months = 1 April) is within 30 days, and the DPAE never recorded is overdue.
  await openSection(page, 'Tableau de bord');
  await expect(page.getByRole('region', { name: /Dans les 30 jours/ })).toContainText(
    'Visite d’information et de prévention — Sofiane Haddad',
  );
  await expect(page.getByRole('region', { name: /En retard/ })).toContainText('DPAE à déclarer avant l’embauche — Sofiane Haddad');
});

test('the contract form says what is wrong under the field and saves nothing', async ({ page }) => {
  await onMarch2nd2026(page);
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  await openSection(page, 'Équipe');
  await page.getByRole('button', { name: 'Ajouter une personne' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle personne' });
  await dialog.getByRole('textbox', { name: 'Nom', exact: true }).fill('Diop');
  await dialog.getByLabel('Prénom').fill('Awa');
  await dialog.getByRole('button', { name: 'Ajouter' }).click();
  await page.getByRole('button', { name: 'Nouveau contrat' }).click();
  const form = page.getByRole('form', { name: 'Nouveau contrat' });
  await form.getByLabel('Type de contrat').selectOption({ label: 'CDD' });
  await form.getByLabel('Intitulé du poste').fill('Animatrice');
  await form.getByLabel('Date de début').fill('2026-03-02');
  await form.getByLabel('Date de fin prévue').fill('2026-02-01');
  await form.getByLabel('Durée hebdomadaire').fill('52');
  await form.getByLabel('Salaire brut mensuel').fill('-1 200');
  await form.getByLabel('Taux de charges patronales').fill('42');
  await form.getByRole('button', { name: 'Enregistrer le contrat' }).click();
  // Every error in one round, the cross-field ones included; the first in the form's order has the focus.
  await expect(form.getByLabel('Durée hebdomadaire')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Durée hebdomadaire : 48 heures par semaine au plus (durée maximale légale).')).toBeVisible();
  await expect(form.getByText('Salaire brut mensuel : les montants ne peuvent pas être négatifs.')).toBeVisible();
  await expect(form.getByText('Date de fin prévue : ne peut pas être avant la date de début.')).toBeVisible();
  await expect(form.getByText('Motif du CDD : un CDD doit indiquer son motif (remplacement, accroissement d’activité…).')).toBeVisible();
  await expect(form.getByText('4 champs sont à corriger avant d’enregistrer : rien n’a été enregistré.')).toBeVisible();
  await expect(form.getByLabel('Motif du CDD')).toBeFocused();

  await form.getByLabel('Durée hebdomadaire').fill('28');
  await form.getByLabel('Salaire brut mensuel').fill('1 750');
  await form.getByLabel('Motif du CDD').fill('Accroissement temporaire d’activité');
  await form.getByRole('button', { name: 'Enregistrer le contrat' }).click();
  await expect(form.getByText('Date de fin prévue : ne peut pas être avant la date de début.')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(0);
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('no serious or critical accessibility violation on the Équipe screens', async ({ page }) => {
  // Four axe passes over full pages: on a busy 2-core machine they take longer than the default 30 s.
  test.slow();
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  await openSection(page, 'Équipe');
  expect(await seriousViolations(page), 'empty list').toEqual([]);
  await page.getByRole('button', { name: 'Ajouter une personne' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle personne' });
  expect(await seriousViolations(page), 'new person dialog').toEqual([]);
  await dialog.getByRole('textbox', { name: 'Nom', exact: true }).fill('Moreau');
  await dialog.getByLabel('Prénom').fill('Inès');
  await dialog.getByLabel('Statut').selectOption({ label: 'Volontaire en service civique' });
  await dialog.getByRole('button', { name: 'Ajouter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inès Moreau' })).toBeVisible();
  expect(await seriousViolations(page), 'person page').toEqual([]);
  await page.getByRole('button', { name: 'Nouvel engagement' }).click();
  const form = page.getByRole('form', { name: 'Nouvel engagement de service civique' });
  await expect(form.getByLabel('Type de contrat')).toHaveValue('civic-service');
  await form.getByRole('button', { name: 'Enregistrer le contrat' }).click();
  await expect(form.getByLabel('Date de début')).toHaveAttribute('aria-invalid', 'true');
  expect(await seriousViolations(page), 'engagement form with errors').toEqual([]);
  await form.getByLabel('Intitulé du poste').fill('Volontaire accès aux droits');
  const year = new Date().getFullYear();
  await form.getByLabel('Date de début').fill(`${year}-02-02`);
  await form.getByLabel('Date de fin prévue').fill(`${year}-09-30`);
  await form.getByLabel('Durée hebdomadaire').fill('24');
  await form.getByLabel('Indemnité mensuelle versée par l’association').fill('111,45');
  await form.getByRole('button', { name: 'Enregistrer le contrat' }).click();
  await expect(page.getByText('Contrat enregistré.')).toBeVisible();
  await page.getByRole('link', { name: 'Équipe' }).first().click();
  // A volunteer is counted as such, never in the salaried headcount or the ETPT.
  const summary = page.getByRole('region', { name: `Moyens humains en ${year}` });
  await expect(summary.getByText('Volontaires', { exact: true }).locator('xpath=..')).toContainText('1');
  await expect(summary.getByText('Salarié·es', { exact: true }).locator('xpath=..')).toContainText('0');
  await expect(summary.getByText('ETPT', { exact: true }).locator('xpath=..')).toContainText('0,00');
  expect(await seriousViolations(page), 'list').toEqual([]);
});
