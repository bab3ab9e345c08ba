import { expect, test, type Page } from '@playwright/test';
import { fixtureApplications, fixtureFunders, fixturePayments } from '../fixtures/funding';
import { createWorkspaceOnHome, openSection, seedWorkspace } from './helpers';

// Figures that fit and print (issue 19): the yearly summary shows every column at 1366 px and, at 1280 px,
// fits or scrolls with the funder's column kept in view; printed, it goes on A4 landscape with the
// association's name and the date, every column on the sheet, and no button or navigation.

const stamps = { createdAt: '2026-05-01T09:00:00.000Z', updatedAt: '2026-05-01T09:00:00.000Z', deletedAt: null };
const HEADERS = [
  'Financeur',
  'Demandes',
  'Demandé',
  'Accordé',
  'Conventionné',
  'Versé',
  'Reste à percevoir',
  'Retards',
  'Part de l’exercice',
];
// A4 landscape less the 10 mm margins of `@page landscape`, in CSS pixels (96 per inch): 277 × 190 mm.
const A4_LANDSCAPE_PRINTABLE = { width: Math.floor((277 / 25.4) * 96), height: Math.floor((190 / 25.4) * 96) };

test.beforeEach(async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-11-24T10:00:00+01:00'));
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await seedWorkspace(page, {
    funders: fixtureFunders.map((f) => ({ ...f, ...stamps })),
    grantApplications: fixtureApplications.map((a) => ({ ...a, ...stamps })),
    payments: fixturePayments.map((p) => ({ ...p, ...stamps })),
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
});

async function openSummary(page: Page) {
  await openSection(page, 'Financements');
  await page.getByRole('navigation', { name: 'Financements' }).getByRole('link', { name: 'Bilan annuel' }).click();
  await expect(page.getByRole('row', { name: /^Total/ })).toBeVisible();
}

function funderTable(page: Page) {
  return page.getByRole('table', { name: 'Subventions 2026 par financeur' });
}

test('at 1366 px every column of the yearly summary is on screen; at 1280 px the funder stays in view as it scrolls', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openSummary(page);
  for (const header of HEADERS) {
    const box = await funderTable(page).getByRole('columnheader', { name: header, exact: true }).boundingBox();
    expect(box, header).not.toBeNull();
    expect(box!.x + box!.width, header).toBeLessThanOrEqual(1366);
  }
  // The page itself never scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

  await page.setViewportSize({ width: 1280, height: 768 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  const region = page.getByRole('region', { name: /Subventions 2026 par financeur, tableau défilant/ });
  await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  const regionBox = (await region.boundingBox())!;
  const last = (await funderTable(page).getByRole('columnheader', { name: 'Part de l’exercice' }).boundingBox())!;
  expect(last.x + last.width).toBeLessThanOrEqual(regionBox.x + regionBox.width + 1);
  const funderCell = (await funderTable(page).getByRole('rowheader', { name: 'Ville de Saint-Denis' }).boundingBox())!;
  expect(Math.abs(funderCell.x - regionBox.x)).toBeLessThanOrEqual(2);
});

test('printed, the yearly summary is one A4 landscape sheet wide with every column, the association and the date, and no control', async ({
  page,
}) => {
  await openSummary(page);
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize(A4_LANDSCAPE_PRINTABLE);

  await expect(page.getByText('Les Amis du Quartier — imprimé le 24 novembre 2026')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Imprimer le bilan' })).toBeHidden();
  const visibleButtons = await page.locator('main button:visible').count();
  expect(visibleButtons).toBe(0);
  for (const header of HEADERS) {
    const box = await funderTable(page).getByRole('columnheader', { name: header, exact: true }).boundingBox();
    expect(box, header).not.toBeNull();
    expect(box!.x, header).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, header).toBeLessThanOrEqual(A4_LANDSCAPE_PRINTABLE.width);
  }

  // The real print: the sheet is landscape, and its first page carries the name, the date and every header.
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const first = await document.getPage(1);
  const [, , width, height] = first.view as [number, number, number, number];
  // A4 landscape in PDF points: 842 × 595.
  expect(Math.round(width)).toBe(842);
  expect(Math.round(height)).toBe(595);
  const items = (await first.getTextContent()).items.flatMap((item) =>
    'str' in item ? [{ text: item.str, x: item.transform[4] as number, w: item.width }] : [],
  );
  const text = items.map((i) => i.text).join(' ');
  expect(text).toContain('Les Amis du Quartier — imprimé le 24 novembre 2026');
  for (const word of ['Financeur', 'Demandes', 'Conventionné', 'Versé', 'percevoir', 'Retards', 'l’exercice']) {
    const item = items.find((i) => i.text.includes(word));
    expect(item, word).toBeDefined();
    expect(item!.x + item!.w, word).toBeLessThanOrEqual(width);
  }
  expect(text).not.toContain('Imprimer le bilan');
  expect(text).not.toContain('Tableau de bord');
  await document.destroy();
});

test('printed, the dashboard, the team list and the pipeline carry the association and the date, and no button', async ({ page }) => {
  for (const section of ['Tableau de bord', 'Équipe', 'Financements']) {
    await page.emulateMedia({ media: 'screen' });
    await openSection(page, section);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByText('Les Amis du Quartier — imprimé le 24 novembre 2026'), section).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Navigation principale' }), section).toBeHidden();
    // Sortable headers are buttons: their labels stay printed as plain text.
    const buttons = await page
      .locator('main button:visible')
      .evaluateAll((els) => els.filter((el) => !el.closest('th')).map((el) => el.textContent));
    expect(buttons, section).toEqual([]);
  }
  await expect(page.getByRole('columnheader', { name: 'Demandé' })).toBeVisible();
});
