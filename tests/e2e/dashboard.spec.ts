import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createWorkspaceOnHome, openSection, seedWorkspace } from './helpers';

// The dashboard tells the truth (issue 17): « Fait » on a late tranche records the payment, a contract that
// ended last month shows the documents of its last day rather than « en retard », and ten overdue items do
// not push « Cette semaine » below the fold. Today is fixed on 24 November 2026.

test.beforeEach(async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-11-24T10:00:00+01:00'));
});

const stamps = { createdAt: '2026-05-01T09:00:00.000Z', updatedAt: '2026-05-01T09:00:00.000Z', deletedAt: null };
const funder = { id: 'funder-caf', name: 'CAF de la Seine-Saint-Denis', kind: 'social-bodies', portal: 'funder-portal', ...stamps };
const application = {
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
};

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function dashboard(page: Page) {
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
}

test('« Fait » on a late tranche records the payment: the application is no longer late', async ({ page }) => {
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await seedWorkspace(page, {
    funders: [funder],
    grantApplications: [application],
    payments: [
      { id: 'pay-1', applicationId: 'app-caf', label: 'Avance', expectedDate: '2026-09-30', expectedCents: 250_000, ...stamps },
      { id: 'pay-2', applicationId: 'app-caf', label: 'Solde', expectedDate: '2026-12-10', expectedCents: 250_000, ...stamps },
    ],
  });
  await dashboard(page);

  const overdue = page.getByRole('region', { name: /En retard/ });
  await expect(overdue).toContainText('Versements en retard\u00a0: 2\u00a0500,00\u00a0€');
  await expect(page.getByRole('region', { name: /Dans les 30 jours/ })).toContainText('Attendu\u00a0: 2\u00a0500,00\u00a0€');
  expect(await seriousViolations(page), 'dashboard').toEqual([]);
  await overdue.getByRole('button', { name: /Marquer comme fait\s: Versement attendu \(Avance\)/ }).click();

  const dialog = page.getByRole('dialog', { name: 'Enregistrer la réception' });
  await expect(dialog.getByLabel('Date de réception')).toHaveValue('2026-11-24');
  expect(await seriousViolations(page), 'reception dialog').toEqual([]);
  await expect(dialog.getByLabel('Montant reçu')).toHaveValue('2 500,00');
  // A date after today is refused, in French, under the field.
  await dialog.getByLabel('Date de réception').fill('2026-11-30');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog.getByText('Date de réception\u00a0: la date ne peut pas être après aujourd’hui.')).toBeVisible();
  await dialog.getByLabel('Date de réception').fill('2026-11-20');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  await expect(overdue).toContainText('Rien en retard.');

  // The application, the list and the yearly summary say the same.
  await openSection(page, 'Financements');
  await expect(page.getByText('Tranche en retard')).toHaveCount(0);
  await page.getByRole('link', { name: 'Fonds publics et territoires 2026' }).click();
  await expect(page.getByLabel('Montants')).toContainText('Versé2\u00a0500,00\u00a0€');
  await expect(page.getByRole('row', { name: /Avance/ }).getByText('En retard')).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Financements' }).getByRole('link', { name: 'Bilan annuel' }).click();
  await expect(
    page
      .getByRole('row', { name: /^Total/ })
      .getByRole('cell')
      .nth(4),
  ).toHaveText('2\u00a0500,00\u00a0€');

  // After a reload too: the payment is recorded, not hidden.
  await openSection(page, 'Tableau de bord');
  await dashboard(page);
  await expect(page.getByRole('region', { name: /En retard/ })).toContainText('Rien en retard.');
  await expect(page.getByText(/^Faites/)).toHaveCount(0);
});

test('a contract that ended last month shows its end-of-contract documents, not « en retard »', async ({ page }) => {
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await seedWorkspace(page, {
    people: [
      {
        id: 'person-awa',
        lastName: 'Diop',
        firstName: 'Awa',
        role: 'employee',
        jobTitle: 'Animatrice',
        arrivalDate: '2026-05-04',
        ...stamps,
      },
    ],
    contracts: [
      {
        id: 'contract-awa',
        personId: 'person-awa',
        kind: 'cdd',
        cddReason: 'Accroissement temporaire d’activité',
        jobTitle: 'Animatrice',
        category: 'employee',
        startDate: '2026-05-04',
        plannedEndDate: '2026-10-30',
        weeklyHours: 28,
        grossMonthlyCents: 175_000,
        employerChargesRate: 42,
        dpaeDate: '2026-04-30',
        firstMedicalVisitDate: '2026-06-10',
        ...stamps,
      },
    ],
  });
  await dashboard(page);

  const overdue = page.getByRole('region', { name: /En retard/ });
  for (const title of [
    'Certificat de travail à remettre',
    'Attestation France Travail à remettre',
    'Reçu pour solde de tout compte à établir',
  ]) {
    await expect(overdue.getByRole('link', { name: `${title} — Awa Diop` })).toBeVisible();
  }
  await expect(overdue).toContainText('L1234-19');
  // Neither the end of the CDD nor its trial period is « en retard »: they are moments past, off the lists.
  await expect(page.getByRole('link', { name: /Fin du CDD/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /période d’essai/ })).toHaveCount(0);

  // « Ne plus rappeler » asks why; the item leaves the list and waits under « Plus rappelées ».
  await overdue.getByRole('button', { name: /Ne plus rappeler\s: Reçu pour solde/ }).click();
  await overdue.getByRole('button', { name: 'Ne plus rappeler', exact: true }).click();
  await expect(
    overdue.getByText('Raison\u00a0: dites pourquoi ne plus rappeler cette échéance (elle est gardée dans le journal).'),
  ).toBeVisible();
  await overdue.getByLabel('Pourquoi ne plus rappeler ?').fill('Établi par le cabinet comptable');
  await overdue.getByRole('button', { name: 'Ne plus rappeler', exact: true }).click();
  await expect(overdue.getByRole('link', { name: /Reçu pour solde/ })).toHaveCount(0);
  await expect(page.getByText('Plus rappelées (1)')).toBeVisible();
  expect(await seriousViolations(page), 'dashboard with end-of-contract documents').toEqual([]);

  // The person's page lists the same two documents, in the same words.
  await overdue.getByRole('link', { name: 'Certificat de travail à remettre — Awa Diop' }).click();
  const personDeadlines = page.getByRole('region', { name: 'Échéances' });
  await expect(personDeadlines.getByText('Certificat de travail à remettre')).toBeVisible();
  await expect(personDeadlines.getByText('Attestation France Travail à remettre')).toBeVisible();
  await expect(personDeadlines.getByText('Reçu pour solde')).toHaveCount(0);
  await expect(personDeadlines.getByText('Fin du CDD')).toHaveCount(0);
});

test('ten overdue items at 1366 × 768: five shown, the rest counted, « Cette semaine » on the first screen', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  const payments = Array.from({ length: 10 }, (_, i) => ({
    id: `pay-late-${i}`,
    applicationId: 'app-caf',
    label: `Tranche ${i + 1}`,
    expectedDate: `2026-0${(i % 9) + 1}-15`,
    expectedCents: 10_000,
    ...stamps,
  }));
  payments.push({ id: 'pay-week', applicationId: 'app-caf', label: 'Solde', expectedDate: '2026-11-27', expectedCents: 90_000, ...stamps });
  await seedWorkspace(page, { funders: [funder], grantApplications: [application], payments });
  await dashboard(page);

  const overdue = page.getByRole('region', { name: /En retard/ });
  await expect(overdue.getByRole('heading')).toContainText('(10)');
  await expect(overdue.getByRole('listitem')).toHaveCount(5);
  await expect(overdue.getByRole('button', { name: 'Afficher les 5 autres échéances « En retard »' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Cette semaine/ })).toBeInViewport();
  // The date column does not wrap: « en retard de N jours » stays on one line.
  const relative = overdue.locator('.deadline__relative').first();
  const box = await relative.boundingBox();
  const lineHeight = await relative.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect(box!.height).toBeLessThan(lineHeight * 1.5);
  // « Plus tard » is there, collapsed and counted (the compte-rendu is due on 30 June 2027).
  await expect(page.getByText(/^Plus tard \(1\)/)).toBeVisible();
});

test('at 1280 × 720 and 200 % zoom the navigation folds above the page and the dashboard stays usable', async ({ page }) => {
  // 200 % zoom of a 1280 × 720 screen leaves 640 × 360 CSS pixels.
  await page.setViewportSize({ width: 640, height: 360 });
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await seedWorkspace(page, {
    funders: [funder],
    grantApplications: [application],
    payments: [{ id: 'pay-1', applicationId: 'app-caf', label: 'Avance', expectedDate: '2026-09-30', expectedCents: 250_000, ...stamps }],
  });
  await dashboard(page);
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  const navBox = await nav.boundingBox();
  expect(navBox!.width).toBeGreaterThan(600);
  const fait = page.getByRole('button', { name: /Marquer comme fait\s: Versement attendu \(Avance\)/ });
  await fait.scrollIntoViewIfNeeded();
  await expect(fait).toBeInViewport();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(640);
});

test('« Fait » on a filing deadline asks the filing date; the history follows the dates, not the day of entry', async ({ page }) => {
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  // Entered today, 24 November, for a request to file by the 27th.
  const today = { createdAt: '2026-11-24T09:00:00.000Z', updatedAt: '2026-11-24T09:00:00.000Z', deletedAt: null };
  await seedWorkspace(page, {
    funders: [funder],
    grantApplications: [
      {
        ...application,
        ...today,
        id: 'app-2027',
        title: 'Fonds publics et territoires 2027',
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
        status: 'to-prepare',
        filedOn: undefined,
        decidedOn: undefined,
        grantedCents: undefined,
        filingDeadline: '2026-11-27',
      },
    ],
  });
  await dashboard(page);
  const week = page.getByRole('region', { name: /Cette semaine/ });
  await week.getByRole('button', { name: /Marquer comme fait\s: Dépôt de la demande/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Enregistrer le dépôt' });
  await dialog.getByLabel('Date de dépôt').fill('2026-11-20');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  // Filed, it asks nothing more before a decision: no deadline is left at all.
  await expect(page.getByRole('link', { name: /Dépôt de la demande/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Aucune échéance pour l’instant' })).toBeVisible();

  await openSection(page, 'Financements');
  await page.getByRole('link', { name: 'Fonds publics et territoires 2027' }).click();
  const history = page.getByRole('region', { name: 'Historique' }).getByRole('listitem');
  // Filed on the 20th, entered on the 24th: no « créée le 24 nov. » before a filing of the 20th.
  await expect(history).toHaveText(['À préparer', 'Déposée — 20 nov. 2026']);
});

test('the twelve months ahead, month by month, with the money expected, printable on A4', async ({ page }) => {
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await seedWorkspace(page, {
    funders: [funder],
    grantApplications: [application],
    payments: [
      { id: 'pay-1', applicationId: 'app-caf', label: 'Avance', expectedDate: '2026-09-30', expectedCents: 250_000, ...stamps },
      { id: 'pay-2', applicationId: 'app-caf', label: 'Solde', expectedDate: '2026-12-10', expectedCents: 250_000, ...stamps },
    ],
  });
  await dashboard(page);
  await page.getByRole('button', { name: 'Douze mois' }).click();
  await expect(page.getByRole('button', { name: 'Douze mois' })).toHaveAttribute('aria-pressed', 'true');
  const months = page.locator('.months__month');
  await expect(months).toHaveCount(12);
  await expect(months.first().getByRole('heading')).toContainText('novembre 2026');
  expect(await seriousViolations(page), 'twelve months').toEqual([]);
  await expect(months.last().getByRole('heading')).toContainText('octobre 2027');
  const december = page.getByRole('region', { name: /décembre 2026/ });
  await expect(december).toContainText('Attendu\u00a0: 2\u00a0500,00\u00a0€');
  await expect(december.getByRole('link', { name: /Versement attendu \(Solde\)/ })).toBeVisible();
  // The compte-rendu financier of the 2026 grant, due on 30 June 2027, beyond the 90 days.
  await expect(page.getByRole('region', { name: /juin 2027/ }).getByRole('link', { name: /Compte-rendu financier/ })).toBeVisible();
  // The late advance is not a month ahead.
  await expect(page.getByRole('link', { name: /Versement attendu \(Avance\)/ })).toHaveCount(0);

  // On paper: no navigation, no buttons, A4 pages.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Imprimer' })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(3);
  if (process.env.DASHBOARD_PDF) (await import('node:fs')).writeFileSync(process.env.DASHBOARD_PDF, pdf);
});
