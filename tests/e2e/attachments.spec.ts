import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CITY_FESTIVAL_2027, createWorkspaceOnHome, seedWorkspace } from './helpers';

// Papers where they belong (issue 19): a grant's convention is attached on the grant itself, with its kind
// and its validity date, and the dossier's pièces list reads it from there — on the page and in the PDF.
// A file that is not what its name says is refused there as everywhere. Today is 24 November 2026.

const NBSP = '\u00a0';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

test.beforeEach(async ({ page }) => {
  test.setTimeout(180_000);
  await page.clock.setFixedTime(new Date('2026-11-24T10:00:00+01:00'));
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await seedWorkspace(page, {
    ...CITY_FESTIVAL_2027,
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('a convention attached to a grant shows in the dossier’s pièces, on the page and in the PDF', async ({ page }) => {
  await page.goto('./#/financements/demandes/e2e-festival-2027');
  const panel = page.getByRole('region', { name: /Pièces de la demande/ });
  await expect(panel.getByText('Aucun fichier joint.')).toBeVisible();

  // A program renamed « convention.pdf » is refused, and nothing is attached.
  let chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Joindre un fichier' }).click();
  await (await chooser).setFiles({ name: 'convention.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00 not a pdf') });
  await expect(panel.getByRole('alert')).toHaveText(
    `« convention.pdf »${NBSP}: le contenu n’est pas celui d’un fichier PDF, malgré son nom. Il n’a pas été joint.`,
  );
  await expect(panel.getByText('Aucun fichier joint.')).toBeVisible();

  await panel.getByLabel('Type de pièce').selectOption({ label: 'Convention' });
  await panel.getByLabel('Valable jusqu’au (facultatif)').fill('2027-12-31');
  chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Joindre un fichier' }).click();
  await (await chooser).setFiles({ name: 'convention-fete-2027.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(panel.getByRole('listitem')).toContainText('Convention — convention-fete-2027.pdf');
  await expect(panel.getByRole('listitem')).toContainText('valable jusqu’au 31 déc. 2027');

  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Dossiers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Préparer un dossier de demande' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Exercice', exact: true }).selectOption('2027');
  await page.getByRole('checkbox', { name: /Fête de quartier 2027 — Ville de Saint-Denis/ }).check();
  const papers = page.getByRole('region', { name: 'Pièces des demandes' });
  await expect(papers.getByRole('listitem')).toHaveText(
    /Convention — Fête de quartier 2027\s*convention-fete-2027\.pdf · valable jusqu’au 31 déc\. 2027/,
  );

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
  expect(text).toContain('Convention — Fête de quartier 2027');
  expect(text).toContain('Jointe, valable jusqu’au 31 décembre 2027');
});
