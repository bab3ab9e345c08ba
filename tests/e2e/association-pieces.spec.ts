import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CITY_FESTIVAL_2027, createWorkspaceOnHome, SEEDED_STAMPS, seedWorkspace } from './helpers';

// The association's own pièces live in its section (issue 19), no longer under Partenaires: a RIB added
// there, with its file, is the one the dossier's pièces list (page and PDF) reads; the dossier's « à
// fournir » leads there; an old bookmark of the Partenaires page lands there too. Today is 24 November 2026.

const stamps = SEEDED_STAMPS;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

test.beforeEach(async ({ page }) => {
  test.setTimeout(180_000);
  await page.clock.setFixedTime(new Date('2026-11-24T10:00:00+01:00'));
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
});

test('an old bookmark of the pièces page lands on the Association’s pièces', async ({ page }) => {
  await page.goto('./#/partenaires/documents');
  await expect(page.getByRole('heading', { level: 1, name: 'Pièces de l’association' })).toBeVisible();
  await expect(page).toHaveURL(/#\/association\/pieces$/);
  await expect(
    page.getByRole('navigation', { name: 'Rubriques de l’association' }).getByRole('link', { name: 'Pièces de l’association' }),
  ).toHaveAttribute('aria-current', 'page');
  // Back goes to where the user was, not to the old address (it was replaced, not pushed).
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
});

test('a RIB added under Association appears in the dossier’s pièces, on the page and in the PDF', async ({ page }) => {
  await seedWorkspace(page, {
    ...CITY_FESTIVAL_2027,
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const dossiers = page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Dossiers' });
  await dossiers.click();
  await page.getByRole('combobox', { name: 'Exercice', exact: true }).selectOption('2027');
  await page.getByRole('checkbox', { name: /Fête de quartier 2027 — Ville de Saint-Denis/ }).check();
  const pieces = page.getByRole('region', { name: 'Pièces de l’association' });
  await expect(pieces.getByRole('listitem').filter({ hasText: 'RIB' })).toHaveText(/RIB\s*à fournir/);

  // « Pièce à fournir : RIB. » leads to the Association's pièces.
  await page.getByRole('link', { name: 'Pièce à fournir : RIB.' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pièces de l’association' })).toBeVisible();
  await page.getByRole('button', { name: 'Ajouter une première pièce' }).click();
  await page.getByLabel('Type de pièce').selectOption({ label: 'RIB' });
  await page.getByLabel('Précision').fill('Crédit coopératif');
  await page.getByLabel('Date du document').fill('2026-11-02');
  await page.getByLabel('Valable jusqu’au').fill('2027-01-31');
  await page.getByRole('button', { name: 'Enregistrer la pièce' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'RIB — Crédit coopératif', exact: true })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Joindre un fichier' }).click();
  await (await chooser).setFiles({ name: 'rib-credit-cooperatif.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(page.getByRole('button', { name: 'Ouvrir rib-credit-cooperatif.pdf' })).toBeVisible();

  await dossiers.click();
  // The selection survived the trip; the RIB is now joined, and no longer asked for.
  await expect(page.getByRole('checkbox', { name: /Fête de quartier 2027 — Ville de Saint-Denis/ })).toBeChecked();
  await expect(pieces.getByRole('listitem').filter({ hasText: 'RIB' })).toHaveText(/RIB\s*jointe · valable jusqu’au 31 janv\. 2027/);
  await expect(page.getByRole('link', { name: 'Pièce à fournir : RIB.' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Pièce à fournir : Statuts.' })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Produire (un brouillon|le dossier) \(PDF\)/ }).click();
  const bytes = new Uint8Array(readFileSync((await (await download).path())!));
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: bytes, isEvalSupported: false }).promise;
  let text = '';
  for (let p = 1; p <= document.numPages; p++) {
    const content = await (await document.getPage(p)).getTextContent();
    text += ` ${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}`;
  }
  await document.destroy();
  text = text.replace(/\s+/g, ' ');
  expect(text).toContain('RIB 2 novembre 2026 Jointe, valable jusqu’au 31 janvier 2027');
  expect(text).toContain('(RIB joint du 2 novembre 2026)');

  // Its end of validity is on the dashboard, as the Association's, and opens the Association's pièces.
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Tableau de bord' }).click();
  const expiry = page
    .getByRole('region', { name: /Dans les 90 jours/ })
    .getByRole('listitem')
    .filter({ hasText: 'Fin de validité — RIB — Crédit coopératif' });
  await expect(expiry).toContainText('Association');
  await expiry.getByRole('link', { name: 'Fin de validité — RIB — Crédit coopératif' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pièces de l’association' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'RIB — Crédit coopératif', exact: true })).toBeVisible();
});

test('a pièce is corrected in place: a wrong date is refused in French, a new validity date is kept', async ({ page }) => {
  await seedWorkspace(page, {
    documents: [{ id: 'e2e-insurance', ...stamps, kind: 'insurance', title: '2026', issuedOn: '2026-01-05', validUntil: '2026-06-30' }],
  });
  await page.goto('./#/association/pieces');
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: 'Attestation d’assurance — 2026' }) });
  await expect(item.getByText('Expirée', { exact: true })).toBeVisible();

  await item.getByRole('button', { name: 'Modifier Attestation d’assurance — 2026' }).click();
  const form = page.getByRole('form', { name: 'Modifier Attestation d’assurance — 2026' });
  await expect(form.getByLabel('Valable jusqu’au')).toHaveValue('2026-06-30');
  await form.getByLabel('Valable jusqu’au').fill('2025-12-31');
  await form.getByRole('button', { name: 'Enregistrer la pièce' }).click();
  await expect(form.getByText('Valable jusqu’au : doit être après la date du document.')).toBeVisible();
  await expect(item).toContainText('valable jusqu’au 30 juin 2026');

  await form.getByLabel('Valable jusqu’au').fill('2026-12-31');
  await form.getByRole('button', { name: 'Enregistrer la pièce' }).click();
  await expect(page.getByText('Attestation d’assurance — 2026 enregistrée.')).toBeVisible();
  await expect(form).toHaveCount(0);
  await expect(item).toContainText('valable jusqu’au 31 déc. 2026');
  await expect(item.getByText('Expirée', { exact: true })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('valable jusqu’au 31 déc. 2026')).toBeVisible();
});
