import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { createWorkspaceOnHome, openSection, seedWorkspace } from './helpers';

// "Today" is fixed so that deadlines land in the same groups on every run.
test.beforeEach(async ({ page }) => {
  // Long user journeys on a shared, slow machine.
  test.setTimeout(180_000);
  await page.clock.setFixedTime(new Date('2026-11-24T10:00:00+01:00'));
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('a funder, an application and its payments: the summary and the dashboard follow, and « fait » survives a reload', async ({
  page,
}) => {
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await expect(page.getByRole('heading', { name: 'Aucune échéance pour l’instant' })).toBeVisible();

  // A funder, from the directory.
  await openSection(page, 'Financements');
  await page.getByRole('navigation', { name: 'Financements' }).getByRole('link', { name: 'Financeurs' }).click();
  await page.getByRole('button', { name: 'Nouveau financeur' }).first().click();
  const funderDialog = page.getByRole('dialog', { name: 'Nouveau financeur' });
  await funderDialog.getByLabel('Nom du financeur').fill('CAF de la Seine-Saint-Denis');
  await funderDialog.getByLabel('Type de financeur').selectOption({ label: 'Organismes sociaux (CAF…)' });
  await funderDialog.getByLabel('Portail de dépôt').selectOption({ label: 'Portail propre au financeur' });
  await funderDialog.getByRole('button', { name: 'Enregistrer le financeur' }).click();
  await expect(page.getByRole('cell', { name: 'CAF de la Seine-Saint-Denis', exact: true })).toBeVisible();
  expect(await seriousViolations(page), 'funders directory').toEqual([]);

  // An application, granted.
  await page.getByRole('navigation', { name: 'Financements' }).getByRole('link', { name: 'Demandes' }).click();
  await page.getByRole('button', { name: 'Nouvelle demande' }).first().click();
  await page.getByRole('combobox', { name: 'Financeur', exact: true }).selectOption({ label: 'CAF de la Seine-Saint-Denis' });
  await page.getByLabel('Appel à projets ou dispositif').fill('Fonds publics et territoires 2026');
  await page.getByLabel('Début de la période').fill('2026-01-01');
  await page.getByLabel('Fin de la période').fill('2026-12-31');
  await page.getByLabel('Statut', { exact: true }).selectOption({ label: 'Déposée' });
  await page.getByLabel('Date de dépôt').fill('2026-03-01');
  await page.getByLabel('Statut', { exact: true }).selectOption({ label: 'Accordée' });
  // The step's date is asked, not assumed to be today (it was not, for a grant decided in May).
  await expect(page.getByLabel('Date de décision')).toHaveValue('');
  await expect(page.getByLabel('Date de décision')).toBeFocused();
  await page.getByLabel('Date de décision').fill('2026-05-12');
  await page.getByLabel('Montant demandé').fill('5 000');
  await page.getByLabel('Montant accordé').fill('5 000');
  expect(await seriousViolations(page), 'application form').toEqual([]);
  await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fonds publics et territoires 2026' })).toBeVisible();

  // Two tranches: an advance already late, a balance due in December.
  for (const [label, date] of [
    ['Avance', '2026-09-30'],
    ['Solde', '2026-12-10'],
  ]) {
    await page.getByRole('button', { name: 'Ajouter un versement' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouveau versement' });
    await dialog.getByLabel('Libellé').fill(label!);
    await dialog.getByLabel('Date prévue').fill(date!);
    await dialog.getByLabel('Montant prévu').fill('2 500');
    await dialog.getByRole('button', { name: 'Enregistrer le versement' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByRole('row', { name: /Avance/ }).getByText('En retard')).toBeVisible();

  await openSection(page, 'Tableau de bord');
  const overdue = page.getByRole('region', { name: /En retard/ });
  await expect(overdue.getByRole('link', { name: /Versement attendu \(Avance\)/ })).toBeVisible();
  const next30 = page.getByRole('region', { name: /Dans les 30 jours/ });
  await expect(next30.getByRole('link', { name: /Versement attendu \(Solde\)/ })).toBeVisible();
  expect(await seriousViolations(page), 'dashboard').toEqual([]);

  await openSection(page, 'Financements');
  await page.getByRole('navigation', { name: 'Financements' }).getByRole('link', { name: 'Bilan annuel' }).click();
  const totals = page.getByRole('row', { name: /^Total/ });
  await expect(totals).toContainText('5\u00a0000,00\u00a0€');
  await expect(totals.getByRole('cell').nth(4)).toHaveText('0,00\u00a0€'); // versé
  await expect(totals).toContainText('1 en retard (2\u00a0500,00\u00a0€)');

  // The advance arrives.
  await page.getByRole('navigation', { name: 'Financements' }).getByRole('link', { name: 'Demandes' }).click();
  await expect(page.getByRole('button', { name: /1 Accordée/ })).toBeVisible();
  expect(await seriousViolations(page), 'pipeline').toEqual([]);
  await page.getByRole('link', { name: 'Fonds publics et territoires 2026' }).click();
  await page
    .getByRole('row', { name: /Avance/ })
    .getByRole('button', { name: 'Enregistrer la réception' })
    .click();
  const reception = page.getByRole('dialog', { name: 'Modifier le versement' });
  await reception.getByLabel('Date de réception').fill('2026-11-20');
  await reception.getByLabel('Montant reçu').fill('2 500');
  await reception.getByRole('button', { name: 'Enregistrer le versement' }).click();
  await expect(page.getByLabel('Montants')).toContainText('Versé2\u00a0500,00\u00a0€');
  expect(await seriousViolations(page), 'application page').toEqual([]);

  await page.getByRole('navigation', { name: 'Financements' }).getByRole('link', { name: 'Bilan annuel' }).click();
  await expect(totals.getByRole('cell').nth(4)).toHaveText('2\u00a0500,00\u00a0€'); // versé
  await expect(totals.getByRole('cell').nth(5)).toHaveText('2\u00a0500,00\u00a0€'); // reste à percevoir
  await expect(totals.getByRole('cell').nth(6)).toHaveText('—');
  expect(await seriousViolations(page), 'yearly summary').toEqual([]);

  await openSection(page, 'Tableau de bord');
  await expect(overdue).toContainText('Rien en retard.');
  // « Fait » on an expected payment records its reception (dashboard.spec.ts goes further).
  await next30.getByRole('button', { name: /Marquer comme fait\s: Versement attendu \(Solde\)/ }).click();
  await page.getByRole('dialog', { name: 'Enregistrer la réception' }).getByRole('button', { name: 'Enregistrer' }).click();
  await expect(next30).toContainText('Rien entre 8 et 30 jours.');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await expect(page.getByRole('region', { name: /Dans les 30 jours/ })).toContainText('Rien entre 8 et 30 jours.');
});

test('on opening, the catch-up panel lists what fell due since the last opening, months ago', async ({ page }) => {
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  const stamps = { createdAt: '2026-05-01T09:00:00.000Z', updatedAt: '2026-05-01T09:00:00.000Z', deletedAt: null };
  await seedWorkspace(page, {
    funders: [{ id: 'funder-caf', name: 'CAF de la Seine-Saint-Denis', kind: 'social-bodies', portal: 'funder-portal', ...stamps }],
    grantApplications: [
      {
        id: 'app-caf',
        funderId: 'funder-caf',
        title: 'Fonds publics et territoires 2026',
        purpose: 'project',
        renewal: false,
        multiYear: false,
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        status: 'granted',
        filedOn: '2026-03-01',
        decidedOn: '2026-05-12',
        requestedCents: 500_000,
        grantedCents: 500_000,
        reportDelayMonths: 6,
        ...stamps,
      },
    ],
    payments: [
      { id: 'pay-1', applicationId: 'app-caf', label: 'Avance', expectedDate: '2026-09-30', expectedCents: 250_000, ...stamps },
      { id: 'pay-2', applicationId: 'app-caf', label: 'Solde', expectedDate: '2026-12-10', expectedCents: 250_000, ...stamps },
    ],
    // The laptop was last opened on 1 September.
    meta: [{ key: 'lastOpenedAt', value: '2026-09-01T08:00:00.000Z' }],
  });

  await page.reload();
  const catchUp = page.getByRole('region', { name: /Depuis votre dernière visite, le 1er sept\. 2026/ });
  await expect(catchUp).toBeVisible();
  await expect(catchUp.getByRole('link', { name: /Versement attendu \(Avance\)/ })).toBeVisible();
  await expect(catchUp.getByRole('link', { name: /Solde/ })).toHaveCount(0);
  expect(await seriousViolations(page), 'dashboard with catch-up').toEqual([]);

  // The échéancier as a calendar file, read back by an independent parser.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter le calendrier (.ics)' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('Passerelle-echeances-2026-11-24.ics');
  const { readFile } = await import('node:fs/promises');
  const calendar = new ICAL.Component(ICAL.parse(await readFile(await download.path(), 'utf8')));
  const summaries = calendar
    .getAllSubcomponents('vevent')
    .map((e) => new ICAL.Event(e).summary)
    .sort();
  expect(summaries).toEqual([
    'Compte-rendu financier — CAF de la Seine-Saint-Denis — Fonds publics et territoires 2026',
    'Versement attendu (Avance) — CAF de la Seine-Saint-Denis — Fonds publics et territoires 2026',
    'Versement attendu (Solde) — CAF de la Seine-Saint-Denis — Fonds publics et territoires 2026',
  ]);

  // This opening is now the last one: nothing more fell due since.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await expect(page.getByRole('region', { name: /En retard/ })).toContainText('Versement attendu (Avance)');
  await expect(page.getByRole('region', { name: /Depuis votre dernière visite/ })).toHaveCount(0);
});
