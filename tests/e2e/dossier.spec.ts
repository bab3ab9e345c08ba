import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { CITY_FESTIVAL_2027, createWorkspaceOnHome, SEEDED_STAMPS, seedWorkspace as writeRecords } from './helpers';

// The grant dossier from a user's side: the checklist sends them to the screen that fixes a gap, the
// completion rises, and the PDF they download is a real PDF with the association and the balanced budget.
// The action and its budget are built through the Actions screens; the funder, its application and the
// association's budget (screens tested elsewhere) are written straight into the espace's IndexedDB.

test.beforeEach(async ({ page }) => {
  test.setTimeout(180_000);
  await page.clock.setFixedTime(new Date('2026-11-24T10:00:00+01:00'));
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function seedWorkspace(page: Page, tables: Record<string, unknown[]>) {
  await writeRecords(page, tables);
  // Records written behind Dexie's back are not in its query cache: start the app again, as after a restart.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

const stamps = SEEDED_STAMPS;
let n = 0;
const line = (budgetId: string, account: string, euros: number, extra: object = {}) => ({
  id: `e2e-line-${++n}`,
  ...stamps,
  budgetId,
  account,
  amountCents: euros * 100,
  position: n,
  ...extra,
});

const seed = {
  ...CITY_FESTIVAL_2027,
  projects: [
    {
      id: 'e2e-festival',
      ...stamps,
      title: 'Fête de quartier 2027',
      description: 'Une journée festive préparée avec les habitants.',
      objectives: [{ id: 'o1', label: 'Renforcer le lien social', indicators: [{ id: 'i1', label: 'Participants', target: '800' }] }],
      beneficiaryType: 'Habitants du quartier',
      beneficiaryCount: 800,
      territory: 'Saint-Denis',
      qpvCodes: ['QP093028'],
      startDate: '2027-04-01',
      endDate: '2027-07-15',
      humanResources: 'La coordinatrice et 40 bénévoles.',
      agreementIds: [],
    },
  ],
  budgets: [
    { id: 'e2e-budget-asso', ...stamps, scope: 'association', year: 2027 },
    { id: 'e2e-budget-festival', ...stamps, scope: 'project', projectId: 'e2e-festival', year: 2027 },
  ],
  budgetLines: [
    line('e2e-budget-asso', '60.services', 20_000),
    line('e2e-budget-asso', '64.salaries', 100_500),
    line('e2e-budget-asso', '70', 20_500),
    line('e2e-budget-asso', '74.municipality', 100_000, { funderId: 'e2e-city' }),
    line('e2e-budget-festival', '60.services', 7_000),
    line('e2e-budget-festival', '64.salaries', 3_000),
    line('e2e-budget-festival', '74.municipality', 3_000, { funderId: 'e2e-city', grantApplicationId: 'e2e-festival-2027' }),
    line('e2e-budget-festival', '70', 7_000),
  ],
};

async function completion(page: Page): Promise<number> {
  const text = await page.getByText(/^Dossier complet à \d+ %$/).textContent();
  return Number(/(\d+) %/.exec(text ?? '')![1]);
}

test('the checklist sends to the fix, the percentage rises, and the downloaded PDF carries the association and its balanced budget', async ({
  page,
}) => {
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await seedWorkspace(page, {
    funders: seed.funders,
    grantApplications: seed.grantApplications,
    budgets: seed.budgets.filter((b) => b.scope === 'association'),
    budgetLines: seed.budgetLines.filter((l) => l.budgetId === 'e2e-budget-asso'),
  });

  // The action and its budget, as a coordinator enters them.
  await page.goto('./#/dossiers/actions/nouvelle');
  const actionForm = page.getByRole('form', { name: 'Nouvelle action' });
  await actionForm.getByLabel('Intitulé de l’action').fill('Fête de quartier 2027');
  await actionForm.getByLabel('Description').fill('Une journée festive préparée avec les habitants.');
  await actionForm.getByRole('button', { name: 'Ajouter un objectif' }).click();
  await actionForm.getByRole('textbox', { name: 'Objectif 1' }).fill('Renforcer le lien social');
  await actionForm.getByLabel('Public bénéficiaire').fill('Habitants du quartier');
  await actionForm.getByLabel('Nombre de bénéficiaires').fill('800');
  await actionForm.getByLabel('Date de début').fill('2027-04-01');
  await actionForm.getByLabel('Date de fin').fill('2027-07-15');
  await actionForm.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fête de quartier 2027' })).toBeVisible();
  const addLine = page.getByRole('form', { name: 'Ajouter une ligne au budget' });
  for (const [account, euros] of [
    ['Prestations de services', '7 000'],
    ['Rémunération des personnels', '3 000'],
  ] as const) {
    await addLine.getByLabel('Compte').selectOption({ label: account });
    await addLine.getByLabel('Montant en euros').fill(euros);
    await addLine.getByRole('button', { name: 'Ajouter la ligne' }).click();
    await expect(addLine.getByLabel('Montant en euros')).toHaveValue('');
  }
  // The city's line follows its application (3 000 € requested).
  await addLine.getByLabel('Compte').selectOption({ label: 'Commune(s)' });
  await addLine.getByLabel('Demande de subvention liée').selectOption({ label: 'Ville de Saint-Denis — Fête de quartier 2027' });
  await addLine.getByRole('button', { name: 'Ajouter la ligne' }).click();
  await addLine.getByLabel('Compte').selectOption({ label: 'Ventes de produits finis, de marchandises, prestations de services' });
  await addLine.getByLabel('Montant en euros').fill('7 000');
  await addLine.getByRole('button', { name: 'Ajouter la ligne' }).click();
  await expect(page.getByText('Budget équilibré')).toBeVisible();

  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Dossiers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Préparer un dossier de demande' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Exercice', exact: true }).selectOption('2027');
  await page.getByRole('checkbox', { name: /Fête de quartier 2027 — Ville de Saint-Denis/ }).check();
  await expect(page.getByRole('checkbox', { name: 'Ville de Saint-Denis', exact: true })).toBeChecked();
  await page.getByRole('checkbox', { name: 'Fête de quartier 2027', exact: true }).check();
  await expect(page.getByRole('progressbar')).toBeVisible();
  expect(await seriousViolations(page), '/dossiers').toEqual([]);

  const before = await completion(page);
  const siretItem = page.getByRole('link', { name: 'SIRET manquant (§1 Identification).' });
  await siretItem.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Association' })).toBeVisible();
  await page.getByLabel('SIRET').fill('842 139 750 00017');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Profil enregistré.')).toBeVisible();

  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Dossiers' }).click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByRole('link', { name: 'SIRET manquant (§1 Identification).' })).toHaveCount(0);
  expect(await completion(page)).toBeGreaterThan(before);
  // The selection survived the trip to the Association page.
  await expect(page.getByRole('checkbox', { name: 'Fête de quartier 2027', exact: true })).toBeChecked();

  // Pièces and the legal representative are still missing: a draft, said so.
  await expect(page.getByText(/le PDF sera un brouillon, marqué « BROUILLON »/)).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Produire un brouillon (PDF)' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('Demande-subvention-2027-Ville-de-Saint-Denis.pdf');
  const bytes = new Uint8Array(readFileSync((await download.path())!));
  expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
  await expect(page.getByText(/PDF produit en/)).toBeVisible();

  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: bytes, isEvalSupported: false }).promise;
  let text = '';
  for (let p = 1; p <= document.numPages; p++) {
    const content = await (await document.getPage(p)).getTextContent();
    text += ` ${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}`;
  }
  text = text.replace(/\s+/g, ' ');
  expect(text).toContain('Les Amis du Quartier');
  expect(text).toContain('842 139 750 00017');
  expect(text).toContain('Total des charges 120 500 € Total des produits 120 500 €');
  expect(text).toContain('Total des charges 10 000 € Total des produits 10 000 €');
  expect(text).toContain('BROUILLON');
});

test('the compte-rendu financier of a granted action: gaps beyond 15 % ask for an explanation, then the PDF', async ({ page }) => {
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await seedWorkspace(page, {
    ...seed,
    grantApplications: [
      {
        ...seed.grantApplications[0],
        id: 'e2e-festival-2026',
        title: 'Fête de quartier 2026',
        periodStart: '2026-01-01',
        periodEnd: '2026-07-31',
        status: 'granted',
        filedOn: '2026-01-10',
        decidedOn: '2026-03-01',
        grantedCents: 300_000,
      },
    ],
    // The city paid the 3 000 € it granted: the compte-rendu sets its line 74 against it.
    payments: [
      {
        id: 'e2e-payment',
        ...stamps,
        applicationId: 'e2e-festival-2026',
        expectedDate: '2026-06-15',
        expectedCents: 300_000,
        receivedDate: '2026-06-20',
        receivedCents: 300_000,
      },
    ],
    budgets: [{ id: 'e2e-budget-festival', ...stamps, scope: 'project', projectId: 'e2e-festival', year: 2026 }],
    budgetLines: seed.budgetLines
      .filter((l) => l.budgetId === 'e2e-budget-festival')
      .map((l) => ('grantApplicationId' in l ? { ...l, grantApplicationId: 'e2e-festival-2026' } : l)),
  });
  await page.goto('./#/dossiers/comptes-rendus');
  await page.getByRole('link', { name: 'Fête de quartier 2026' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Compte-rendu financier — Fête de quartier 2026/ })).toBeVisible();
  await expect(page.getByText(/la prévision est le budget actuel de l’action/)).toBeVisible();

  await page.getByLabel('Déroulement de l’action').fill('La fête a réuni 950 habitants le 4 juillet.');
  await page.getByLabel('Valeur atteinte — Participants').fill('950');
  await page.getByLabel('Réalisation — Prestations de services').fill('8 500');
  await page.getByLabel('Réalisation — Rémunération des personnels').fill('3 000');
  // Line 74 is named after its funder, and « réalisé » comes pre-filled with the payment received.
  await expect(page.getByLabel('Réalisation — Commune : Ville de Saint-Denis')).toHaveValue('3 000');
  await page.getByLabel(/Réalisation — Ventes de produits finis/).fill('7 000');
  await expect(page.getByRole('row', { name: /Prestations de services/ })).toContainText('121 %');
  await page.getByLabel('Nom du signataire').fill('Aminata Diallo');
  expect(await seriousViolations(page), 'compte-rendu form').toEqual([]);

  await page.getByRole('button', { name: 'Produire le compte-rendu (PDF)' }).click();
  await expect(page.getByRole('alert')).toContainText('l’écart dépasse 15 % (Prestations de services)');
  // Charges 11 500 € against produits 10 000 €: no final compte-rendu, a draft is offered instead.
  await expect(page.getByRole('alert')).toContainText('Réalisation déséquilibrée : charges 11 500 €, produits 10 000 €');
  await expect(page.getByRole('alert').getByRole('button', { name: 'Produire un brouillon (PDF)' })).toBeVisible();
  await page.getByLabel(/Écart de plus de 15 % sur « Prestations de services »/).fill('Sonorisation renforcée.');
  await page.getByLabel(/Réalisation — Ventes de produits finis/).fill('8 500');
  await page.getByLabel(/Écart de plus de 15 % sur « Ventes de produits finis/).fill('Plus de repas vendus que prévu.');

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Produire le compte-rendu (PDF)' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('Compte-rendu-financier-2026-Ville-de-Saint-Denis.pdf');
  await page.goto('./#/dossiers/comptes-rendus');
  await expect(page.getByRole('cell', { name: /Prêt à envoyer/ })).toBeVisible();
});
