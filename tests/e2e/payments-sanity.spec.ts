import { expect, test } from '@playwright/test';
import { createWorkspaceOnHome, openSection, seedWorkspace } from './helpers';

// Payments are sanity-checked (issue 19): 9 000 € received on a 7 500 € grant shows a trop-perçu instead of
// « reste à percevoir : 0 », planned tranches above the granted amount are flagged as they are typed, a
// reception dated tomorrow is refused, and a refused grant offers no payment. Today is 24 November 2026.

const NBSP = '\u00a0';
const stamps = { createdAt: '2026-05-01T09:00:00.000Z', updatedAt: '2026-05-01T09:00:00.000Z', deletedAt: null };
const funder = { id: 'funder-city', name: 'Ville de Saint-Denis', kind: 'municipality', portal: 'funder-portal', ...stamps };
const base = {
  funderId: 'funder-city',
  purpose: 'project',
  renewal: false,
  multiYear: false,
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  filedOn: '2026-02-01',
  reportDelayMonths: 6,
  ...stamps,
};

test.beforeEach(async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-11-24T10:00:00+01:00'));
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await seedWorkspace(page, {
    funders: [funder],
    grantApplications: [
      {
        ...base,
        id: 'app-festival',
        title: 'Fête de quartier 2026',
        status: 'granted',
        decidedOn: '2026-03-20',
        requestedCents: 750_000,
        grantedCents: 750_000,
      },
      { ...base, id: 'app-refused', title: 'Jardins partagés 2026', status: 'refused', decidedOn: '2026-04-14', requestedCents: 400_000 },
    ],
    payments: [
      {
        id: 'pay-festival',
        applicationId: 'app-festival',
        label: 'Versement unique',
        expectedDate: '2026-05-01',
        expectedCents: 750_000,
        receivedDate: '2026-05-04',
        receivedCents: 900_000,
        ...stamps,
      },
    ],
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
});

test('an overpayment shows as trop-perçu in the list, on the grant and in the yearly summary, never as a rest of 0', async ({ page }) => {
  await openSection(page, 'Financements');
  await expect(page.getByRole('row', { name: /Fête de quartier 2026/ })).toContainText(
    `9${NBSP}000,00${NBSP}€trop-perçu de${NBSP}1${NBSP}500,00${NBSP}€`,
  );
  await page.getByRole('link', { name: 'Fête de quartier 2026' }).click();
  const amounts = page.getByLabel('Montants');
  await expect(amounts).toContainText(`Versé9${NBSP}000,00${NBSP}€`);
  await expect(amounts).toContainText(`Trop-perçu1${NBSP}500,00${NBSP}€`);
  await expect(amounts).not.toContainText('Reste à percevoir');
  await expect(page.getByRole('note').filter({ hasText: 'Trop-perçu de' })).toHaveText(
    `Trop-perçu de 1${NBSP}500,00${NBSP}€${NBSP}: les versements reçus dépassent le montant accordé.`,
  );

  await page.getByRole('navigation', { name: 'Financements' }).getByRole('link', { name: 'Bilan annuel' }).click();
  const row = page.getByRole('row', { name: /Ville de Saint-Denis/ });
  // Reste à percevoir: 0, and under it the overpayment.
  await expect(row.getByRole('cell').nth(5)).toHaveText(`0,00${NBSP}€trop-perçu de${NBSP}1${NBSP}500,00${NBSP}€`);
  await expect(
    page
      .getByRole('row', { name: /^Total/ })
      .getByRole('cell')
      .nth(5),
  ).toContainText(`trop-perçu de${NBSP}1${NBSP}500,00${NBSP}€`);
});

test('the payment form warns of tranches above the grant and of a trop-perçu as they are typed, and refuses a reception dated tomorrow', async ({
  page,
}) => {
  await openSection(page, 'Financements');
  await page.getByRole('link', { name: 'Fête de quartier 2026' }).click();
  await page.getByRole('button', { name: 'Ajouter un versement' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouveau versement' });
  await dialog.getByLabel('Libellé').fill('Complément');
  await dialog.getByLabel('Date prévue').fill('2026-11-30');
  await dialog.getByLabel('Montant prévu').fill('9 000');
  // 7 500 already planned + 9 000 = 16 500 € on 7 500 € accordés.
  await expect(dialog.getByText(/les tranches prévues totalisent/)).toHaveText(
    `Montant prévu${NBSP}: les tranches prévues totalisent 16${NBSP}500,00${NBSP}€ pour 7${NBSP}500,00${NBSP}€ accordés (9${NBSP}000,00${NBSP}€ de trop).`,
  );
  await dialog.getByLabel('Montant reçu').fill('100');
  await expect(dialog.getByText(/trop-perçu de/)).toContainText(
    `9${NBSP}100,00${NBSP}€ reçus pour 7${NBSP}500,00${NBSP}€ accordés — trop-perçu de 1${NBSP}600,00${NBSP}€`,
  );

  await dialog.getByLabel('Date de réception').fill('2026-11-25');
  await expect(dialog.getByText(/dans le futur/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Enregistrer le versement' }).click();
  // Refused under its field, with the form's summary above (the shared form wiring).
  await expect(dialog.getByRole('alert')).toHaveText([
    `Un champ est à corriger avant d’enregistrer${NBSP}: rien n’a été enregistré.`,
    `Date de réception${NBSP}: dans le futur — laissez la réception vide tant que le versement n’est pas arrivé.`,
  ]);
  // Nothing was written: the grant still has its one payment.
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(page.getByRole('table', { name: 'Versements de la demande' }).getByRole('row')).toHaveCount(2);

  // Today is accepted; the warnings do not stop the save.
  await page.getByRole('button', { name: 'Ajouter un versement' }).click();
  await dialog.getByLabel('Date prévue').fill('2026-11-24');
  await dialog.getByLabel('Montant prévu').fill('100');
  await dialog.getByLabel('Date de réception').fill('2026-11-24');
  await dialog.getByLabel('Montant reçu').fill('100');
  await dialog.getByRole('button', { name: 'Enregistrer le versement' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Montants')).toContainText(`Trop-perçu1${NBSP}600,00${NBSP}€`);
  await expect(page.getByRole('note').filter({ hasText: 'tranches prévues dépassent' })).toContainText(`100,00${NBSP}€`);
});

test('a refused grant offers no payment', async ({ page }) => {
  await openSection(page, 'Financements');
  await page.getByRole('link', { name: 'Jardins partagés 2026' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jardins partagés 2026' })).toBeVisible();
  await expect(page.getByText('Demande refusée : aucun versement n’est attendu.'.replace(' :', `${NBSP}:`))).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ajouter un versement' })).toHaveCount(0);
});
