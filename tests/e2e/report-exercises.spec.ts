import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createWorkspaceOnHome, seedWorkspace } from './helpers';

// A CPO (three years) owes one compte-rendu per exercise. The coordinator opens exercise 2 from the list,
// fills it, produces its PDF: the PDF says « Exercice 2 sur 3 » and carries exercise 2's figures, and the
// compte-rendu of exercise 1, written last year, is exactly as it was. Today is 20 January 2028.

const stamps = { createdAt: '2027-01-10T09:00:00.000Z', updatedAt: '2027-01-10T09:00:00.000Z', deletedAt: null };
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
const budgetOf = (year: number, services: number) => {
  const id = `e2e-budget-${year}`;
  return {
    budget: { id, ...stamps, scope: 'project', projectId: 'e2e-festival', year },
    lines: [
      line(id, '60.services', services),
      line(id, '64.salaries', 3_000),
      line(id, '74.municipality', 3_000, { funderId: 'e2e-city', grantApplicationId: 'e2e-cpo' }),
      line(id, '70', services),
    ],
  };
};
const y2026 = budgetOf(2026, 6_000);
const y2027 = budgetOf(2027, 7_000);
const tranche = (year: number) => ({
  id: `e2e-tranche-${year}`,
  ...stamps,
  applicationId: 'e2e-cpo',
  label: `Tranche ${year}`,
  expectedDate: `${year}-06-01`,
  expectedCents: 300_000,
  receivedDate: `${year}-06-10`,
  receivedCents: 300_000,
});

const EXERCISE_1_TEXT = 'Année 2026 : 800 participants aux ateliers.';

test.beforeEach(async ({ page }) => {
  test.setTimeout(180_000);
  await page.clock.setFixedTime(new Date('2028-01-20T10:00:00+01:00'));
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await seedWorkspace(page, {
    funders: [{ id: 'e2e-city', ...stamps, name: 'Ville de Saint-Denis', kind: 'municipality', portal: 'funder-portal' }],
    grantApplications: [
      {
        id: 'e2e-cpo',
        ...stamps,
        funderId: 'e2e-city',
        title: 'Ateliers du quartier (CPO)',
        purpose: 'project',
        projectIds: ['e2e-festival'],
        renewal: false,
        multiYear: true,
        periodStart: '2026-01-01',
        periodEnd: '2028-12-31',
        status: 'agreement-signed',
        filedOn: '2025-10-15',
        decidedOn: '2025-12-10',
        agreementSignedOn: '2026-01-20',
        requestedCents: 900_000,
        grantedCents: 900_000,
        agreedCents: 900_000,
        reportDelayMonths: 6,
      },
    ],
    projects: [
      {
        id: 'e2e-festival',
        ...stamps,
        title: 'Ateliers du quartier',
        description: 'Des ateliers hebdomadaires avec les habitants.',
        objectives: [],
        beneficiaryType: 'Habitants du quartier',
        territory: 'Saint-Denis',
        qpvCodes: ['QP093028'],
        startDate: '2026-01-01',
        endDate: '2028-12-31',
        agreementIds: [],
      },
    ],
    budgets: [y2026.budget, y2027.budget],
    budgetLines: [...y2026.lines, ...y2027.lines],
    payments: [tranche(2026), tranche(2027)],
    // Exercise 1's compte-rendu, written a year ago.
    financialReports: [
      {
        id: 'e2e-report-1',
        ...stamps,
        grantApplicationId: 'e2e-cpo',
        exercise: 1,
        howItRan: EXERCISE_1_TEXT,
        indicatorsAchieved: [],
        lines: [
          { account: '60.services', forecastCents: 600_000, actualCents: 610_000 },
          { account: '64.salaries', forecastCents: 300_000, actualCents: 300_000 },
          { account: '70', forecastCents: 600_000, actualCents: 610_000 },
          { account: '74.municipality', funderId: 'e2e-city', grantApplicationId: 'e2e-cpo', forecastCents: 300_000, actualCents: 300_000 },
        ],
        signatoryName: 'Aminata Diallo',
      },
    ],
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: bytes, isEvalSupported: false }).promise;
  let text = '';
  for (let p = 1; p <= document.numPages; p++) {
    const content = await (await document.getPage(p)).getTextContent();
    text += ` ${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}`;
  }
  return text.replace(/\s+/g, ' ');
}

const exercise1Stored = (page: Page) =>
  page.evaluate(async () => {
    const registry = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open('passerelle');
      r.onsuccess = () => resolve(r.result);
    });
    const workspaces = await new Promise<{ id: string }[]>((resolve) => {
      const r = registry.transaction('workspaces').objectStore('workspaces').getAll();
      r.onsuccess = () => resolve(r.result as { id: string }[]);
    });
    registry.close();
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open(`passerelle-ws-${workspaces[0]!.id}`);
      r.onsuccess = () => resolve(r.result);
    });
    const record = await new Promise<{ updatedAt: string; howItRan?: string }>((resolve) => {
      const r = db.transaction('financialReports').objectStore('financialReports').get('e2e-report-1');
      r.onsuccess = () => resolve(r.result as { updatedAt: string; howItRan?: string });
    });
    db.close();
    return record;
  });

test('a CPO: exercise 2 is filled and produced with its own figures, exercise 1 stays as it was', async ({ page }) => {
  const before = await exercise1Stored(page);
  await page.goto('./#/dossiers/comptes-rendus');
  // One row per exercise that has ended; exercise 3 (2028) is not due yet.
  await expect(page.getByRole('link', { name: 'Ateliers du quartier (CPO) — exercice 1' })).toBeVisible();
  await expect(page.getByRole('link', { name: /exercice 3/ })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /exercice 1/ })).toContainText('En cours de rédaction');
  await page.getByRole('link', { name: 'Ateliers du quartier (CPO) — exercice 2' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /Compte-rendu financier — Ateliers du quartier \(CPO\)/ })).toBeVisible();
  const picker = page.getByLabel('Exercice du compte-rendu');
  await expect(picker).toHaveValue('2');
  await expect(page.getByText(/l’exercice 2 \(sur 3\), du 1er janvier 2027 au 31 décembre 2027/)).toBeVisible();
  // Exercise 2 starts empty, with its own year's budget and its own tranche: not exercise 1's text.
  await expect(page.getByLabel('Déroulement de l’action')).toHaveValue('');
  await expect(page.getByRole('row', { name: /Prestations de services/ })).toContainText('7 000 €');
  await expect(page.getByLabel('Réalisation — Commune : Ville de Saint-Denis')).toHaveValue('3 000');

  const axe = await new AxeBuilder({ page }).analyze();
  expect(
    axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    'exercise picker and form',
  ).toEqual([]);

  await page.getByLabel('Déroulement de l’action').fill('Année 2027 : 950 participants, deux ateliers de plus.');
  await page.getByLabel('Réalisation — Prestations de services').fill('7 400');
  await page.getByLabel('Réalisation — Rémunération des personnels').fill('3 000');
  await page.getByLabel(/Réalisation — Ventes de produits finis/).fill('12,345');
  await page.getByLabel('Nom du signataire').fill('Aminata Diallo');
  await page.getByRole('button', { name: 'Produire le compte-rendu (PDF)' }).click();
  // An impossible amount is refused under its line, and nothing is produced or saved.
  await expect(page.getByText('Réalisation\u00a0: 2 chiffres au plus après la virgule (les centimes).')).toBeVisible();
  await expect(page.getByLabel(/Réalisation — Ventes de produits finis/)).toBeFocused();
  await page.getByLabel(/Réalisation — Ventes de produits finis/).fill('7 400');

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Produire le compte-rendu (PDF)' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('Compte-rendu-financier-2027-Ville-de-Saint-Denis.pdf');
  const text = await pdfText(new Uint8Array(readFileSync((await download.path())!)));
  expect(text).toContain('Exercice 2 sur 3, du 1er janvier 2027 au 31 décembre 2027');
  expect(text).toContain('Année 2027 : 950 participants, deux ateliers de plus.');
  expect(text).toContain('7 400 €');
  expect(text).toContain('Prestations de services 7 000 € 7 400 € 106 %');
  expect(text).toContain('Total des charges 10 000 € 10 400 € 104 %');
  expect(text).toContain('Total des produits 10 000 € 10 400 € 104 %');
  // The grant's share of exercise 2 (9 000 € over three years) and exercise 2's tranche only.
  expect(text).toContain('Subvention accordée pour l’exercice 3 000 €');
  expect(text).toContain('Versements reçus à ce jour 3 000 €');
  expect(text).not.toContain(EXERCISE_1_TEXT);
  expect(text).not.toContain('6 100 €');

  // Exercise 1, picked again, is exactly as it was written; the list says which one is ready.
  await picker.selectOption('1');
  await expect(page.getByLabel('Déroulement de l’action')).toHaveValue(EXERCISE_1_TEXT);
  await expect(page.getByLabel('Réalisation — Prestations de services')).toHaveValue('6 100');
  expect(await exercise1Stored(page)).toEqual(before);
  await page.goto('./#/dossiers/comptes-rendus');
  await expect(page.getByRole('row', { name: /exercice 2/ })).toContainText('Prêt à envoyer');
  await expect(page.getByRole('row', { name: /exercice 1/ })).toContainText('En cours de rédaction');
});
