import { expect, test } from '@playwright/test';
import { createWorkspaceOnHome, seedWorkspace } from './helpers';

// An application names the actions it finances on its form (no title matching): unlinking makes it an
// operating grant of the association's budget, linking again names the action; the dossier page then brings
// the action along with the request.

const stamps = { createdAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-01T09:00:00.000Z', deletedAt: null };

test('the actions financed are picked on the application and follow it into the dossier', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-11-24T10:00:00+01:00'));
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await seedWorkspace(page, {
    funders: [{ id: 'e2e-city', ...stamps, name: 'Ville de Saint-Denis', kind: 'municipality', portal: 'funder-portal' }],
    projects: [
      {
        id: 'e2e-festival',
        ...stamps,
        title: 'Fête de quartier 2027',
        objectives: [],
        qpvCodes: [],
        startDate: '2027-04-01',
        endDate: '2027-07-15',
        agreementIds: [],
      },
    ],
    grantApplications: [
      {
        id: 'e2e-request',
        ...stamps,
        funderId: 'e2e-city',
        title: 'Appel à projets 2027',
        purpose: 'project',
        renewal: true,
        multiYear: false,
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
        status: 'to-prepare',
        requestedCents: 300_000,
        reportDelayMonths: 6,
      },
    ],
  });
  await page.reload();
  await page.goto('./#/financements/demandes/e2e-request');
  await expect(page.getByText('Le budget de l’association (fonctionnement)')).toBeVisible();
  await page.getByRole('button', { name: 'Modifier' }).click();
  await page.getByRole('group', { name: 'Actions financées' }).getByRole('checkbox', { name: 'Fête de quartier 2027' }).check();
  await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
  await expect(page.getByRole('definition').filter({ hasText: /^Fête de quartier 2027$/ })).toBeVisible();

  await page.goto('./#/dossiers');
  await page.getByRole('combobox', { name: 'Exercice', exact: true }).selectOption('2027');
  await page.getByRole('checkbox', { name: /Appel à projets 2027 — Ville de Saint-Denis/ }).check();
  await expect(page.getByRole('checkbox', { name: 'Fête de quartier 2027', exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Ville de Saint-Denis', exact: true })).toBeChecked();
});
