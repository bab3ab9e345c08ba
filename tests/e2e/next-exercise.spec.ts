import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { fixtureApplications, fixtureFunders, fixturePayments } from '../fixtures/funding';
import { fixtureAgreementParties, fixtureAgreements, fixturePartners } from '../fixtures/partners';
import { fixtureBudgetLines, fixtureBudgets, fixtureProjects, fixtureProjectStaff } from '../fixtures/projects';
import { fixtureTeam } from '../fixtures/team';
import { createWorkspaceOnHome, seedWorkspace } from './helpers';

// « Préparer l'exercice 2028 » on the fixture association, a year on (15 November 2027): its two 2027
// actions, the CLAS 2026-2027 and the 2027 contrat de ville request, its 2027 budgets. What the screen
// previews is what it creates, in one go, and « Annuler » takes it all back.

const NBSP = '\u00a0';
const stamps = { createdAt: '2026-11-02T09:00:00.000Z', updatedAt: '2026-11-02T09:00:00.000Z', deletedAt: null };

test.beforeEach(async ({ page }) => {
  test.setTimeout(180_000);
  await page.clock.setFixedTime(new Date('2027-11-15T10:00:00+01:00'));
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function seedFixture(page: Page) {
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await seedWorkspace(page, {
    people: [...fixtureTeam.people],
    contracts: [...fixtureTeam.contracts],
    amendments: [...fixtureTeam.amendments],
    funders: fixtureFunders.map((f) => ({ ...f, ...stamps })),
    grantApplications: fixtureApplications.map((a) => ({ ...a, ...stamps })),
    payments: fixturePayments.map((p) => ({ ...p, ...stamps })),
    projects: fixtureProjects,
    projectStaff: fixtureProjectStaff,
    budgets: fixtureBudgets,
    budgetLines: fixtureBudgetLines,
    partners: fixturePartners,
    agreements: fixtureAgreements,
    agreementParties: fixtureAgreementParties,
  });
  // Records written behind Dexie's back: start the app again, as after a restart.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test('prepare 2028 from the fixture: preview, create in one go, undo, create again, and find the records', async ({ page }) => {
  await seedFixture(page);
  await page.goto('./#/dossiers/exercice-suivant');
  await expect(page.getByRole('heading', { level: 1, name: 'Préparer l’exercice 2028' })).toBeVisible();
  await expect(page.getByText(/Ce qui s’est terminé pendant l’exercice 2027 \(du 1er janv\. 2027 au 31 déc\. 2027\)/)).toBeVisible();

  const actions = page.getByRole('group', { name: 'Actions terminées' });
  const requests = page.getByRole('group', { name: 'Demandes de subvention arrivées à terme' });
  const budgets = page.getByRole('group', { name: 'Budgets' });
  await expect(actions.getByRole('checkbox', { name: /Accompagnement à la scolarité/ })).toBeChecked();
  await expect(actions.getByRole('checkbox', { name: /Café des parents/ })).toBeChecked();
  await expect(requests.getByRole('checkbox', { name: /CLAS 2026-2027/ })).toBeChecked();
  // Still « à préparer »: listed, not suggested. The CPO (to 2028) goes on and is not listed.
  const contrat = requests.getByRole('checkbox', { name: /Contrat de ville 2027/ });
  await expect(contrat).not.toBeChecked();
  await expect(requests.getByText(/Convention pluriannuelle/)).toHaveCount(0);
  await expect(budgets.getByRole('checkbox', { name: /Budget de l’association/ })).toBeChecked();
  await contrat.check();

  const preview = page.getByRole('region', { name: 'Ce qui sera créé' });
  await expect(preview).toContainText('Action « Accompagnement à la scolarité » du 4 janv. 2028 au 17 déc. 2028');
  await expect(preview).toContainText(`équipe${NBSP}: Awa Diop (60${NBSP}%), Karim Benali (20${NBSP}%)`);
  // Fatou's adulte-relais contract ends on 1 September 2027: said, not copied.
  await expect(preview).toContainText(`Sans contrat sur la période, non repris${NBSP}: Fatou Camara`);
  await expect(preview).toContainText(
    `Demande « CLAS 2027-2028 (accompagnement à la scolarité) » (CAF de la Seine-Saint-Denis), à préparer, du 1er sept. 2027 au 30 juin 2028, demandé 12${NBSP}000,00${NBSP}€${NBSP}; tranches prévues${NBSP}: 7${NBSP}200,00${NBSP}€ le 15 oct. 2027, 4${NBSP}800,00${NBSP}€ le 31 juil. 2028`,
  );
  await expect(preview).toContainText('Demande « Contrat de ville 2028 — Accompagnement à la scolarité »');
  await expect(preview).toContainText('Budget de l’association 2028');
  expect(await seriousViolations(page), 'prepare next exercise').toEqual([]);
  await page.setViewportSize({ width: 1366, height: 768 });

  await page.getByRole('button', { name: 'Créer ces 5 éléments' }).click();
  await expect(
    page.getByText(`Exercice 2028 préparé${NBSP}: 2${NBSP}actions, 2${NBSP}demandes de subvention et 2${NBSP}budgets créés.`),
  ).toBeVisible();
  // Prepared: the same screen cannot create them twice.
  await expect(actions.getByRole('checkbox', { name: /Café des parents/ })).toBeDisabled();
  await expect(actions.getByText('déjà préparé pour 2028')).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Rien à créer' })).toBeDisabled();

  await page.getByRole('button', { name: 'Annuler' }).click();
  await expect(page.getByText('Préparation de l’exercice 2028 annulée.')).toBeVisible();
  await expect(actions.getByRole('checkbox', { name: /Café des parents/ })).toBeEnabled();
  await expect(actions.getByText('déjà préparé pour 2028')).toHaveCount(0);

  await requests.getByRole('checkbox', { name: /Contrat de ville 2027/ }).check();
  await page.getByRole('button', { name: 'Créer ces 5 éléments' }).click();
  await expect(page.getByText(/Exercice 2028 préparé/)).toBeVisible();

  // The records, where a user looks for them.
  await page.goto('./#/financements');
  await expect(page.getByRole('link', { name: 'CLAS 2027-2028 (accompagnement à la scolarité)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Contrat de ville 2028 — Accompagnement à la scolarité' })).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Contrat de ville 2027 — Accompagnement à la scolarité' })).toHaveCount(1);
  await page.getByRole('link', { name: 'CLAS 2027-2028 (accompagnement à la scolarité)' }).click();
  await expect(page.getByRole('row', { name: /Avance 60 %/ })).toContainText(`7${NBSP}200,00${NBSP}€`);
  await expect(page.getByRole('row', { name: /Solde/ })).toContainText(`4${NBSP}800,00${NBSP}€`);
  // Nothing received is copied: versé is zero.
  await expect(page.getByLabel('Montants')).toContainText(`Versé0,00${NBSP}€`);

  await page.goto('./#/dossiers/actions');
  await expect(page.getByRole('link', { name: 'Café des parents' })).toHaveCount(2);
  // The 2028 budget carries 2027's charges line for line; its linked 74 lines follow their requests' share
  // of 2028 (the CPO's 366 days of a leap year), so the produits move by a few euros and the screen says so.
  await page.goto('./#/dossiers/budgets/2027');
  const charges2027 = await page.getByRole('row', { name: /^Total des charges/ }).textContent();
  await page.goto('./#/dossiers/budgets/2028');
  await expect(page.getByRole('heading', { level: 1, name: 'Budget de l’association 2028' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^Total des charges/ })).toHaveText(charges2027!);
});

test('« Reconduire pour l’exercice suivant » on an application moves the year in its title, once', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-24T10:00:00+01:00'));
  await seedFixture(page);
  await page.goto('./#/financements/demandes/app-city-festival');
  await expect(page.getByRole('heading', { level: 1, name: 'Fête de quartier 2026' })).toBeVisible();
  await page.getByRole('button', { name: 'Reconduire pour l’exercice suivant' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fête de quartier 2027' })).toBeVisible();
  // Demandé = last demandé (3 000 €), not the 2 500 € granted; the received payment became a planned one.
  await expect(page.getByLabel('Montants')).toContainText(`Demandé3${NBSP}000,00${NBSP}€`);
  await expect(page.getByRole('row', { name: /15 juin 2027/ })).toContainText(`3${NBSP}000,00${NBSP}€`);
  await page.goto('./#/financements/demandes/app-city-festival');
  await page.getByRole('button', { name: 'Reconduire pour l’exercice suivant' }).click();
  await expect(page.getByText(`Déjà reconduit pour l’exercice 2027. Rien n’a été créé.`)).toBeVisible();
});
