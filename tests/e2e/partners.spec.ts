import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createFirstWorkspace, openSection } from './helpers';

// A signed agreement as a scanner gives it: a small but real PDF header and trailer.
const SIGNED_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
// A Windows program renamed to look like a PDF.
const RENAMED_PROGRAM = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00]), Buffer.alloc(200)]);

async function attach(page: Page, name: string, buffer: Buffer, mimeType = 'application/pdf') {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Joindre un fichier' }).click();
  await (await chooser).setFiles({ name, mimeType, buffer });
}

test.beforeEach(async ({ page }) => {
  // The deadline depends on today: the fixture date of tests/fixtures/partners.ts.
  await page.clock.setFixedTime(new Date('2026-11-24T10:00:00'));
});

test('two partners, a tacitly renewed agreement with a signed PDF, and its denunciation deadline', async ({ page }) => {
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  await openSection(page, 'Partenaires');

  await page.getByRole('link', { name: 'Ajouter un premier partenaire' }).click();
  await page.getByLabel('Nom du partenaire').fill('Centre social Floréal');
  await page.getByLabel('Type de partenaire').selectOption({ label: 'Acteur public' });
  await page.getByLabel('Catégorie d’acteur public').selectOption({ label: 'Centre social' });
  await page.getByLabel('Étiquettes').fill('locaux, familles');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Centre social Floréal' })).toBeVisible();

  await page.getByRole('link', { name: 'Annuaire' }).click();
  await page.getByRole('link', { name: 'Nouveau partenaire' }).click();
  await page.getByLabel('Nom du partenaire').fill('Femmes Relais Franc-Moisin');
  await page.getByLabel('Signataire de la charte de coopération inter-associative').check();
  await page.getByLabel('SIRET').fill('412 345 670 00036');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  // A SIRET with a wrong key: the message under the field, focus on it, nothing saved.
  await expect(page.getByLabel('SIRET')).toBeFocused();
  await expect(page.getByLabel('SIRET')).toHaveAccessibleDescription(/SIRET\u00a0: la clé de contrôle est fausse/);
  await page.getByLabel('SIRET').fill('412 345 670 00035');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Femmes Relais Franc-Moisin' })).toBeVisible();

  await page.getByRole('link', { name: 'Annuaire' }).click();
  await expect(page.getByRole('table', { name: 'Partenaires' }).getByRole('row')).toHaveCount(3);

  await page.getByRole('link', { name: 'Conventions' }).click();
  await page.getByRole('link', { name: 'Enregistrer une première convention' }).click();
  await page.getByLabel('Intitulé de la convention').fill('Prêt de la salle et accueil des familles');
  await page.getByLabel('Type de convention').selectOption({ label: 'Mise à disposition de locaux ou de matériel' });
  await page.getByLabel('Centre social Floréal').check();
  await page.getByLabel('Femmes Relais Franc-Moisin').check();
  await page.getByLabel('Date de début').fill('2025-03-01');
  await page.getByLabel('Date de fin').fill('2026-02-28');
  await page.getByLabel('Reconduction tacite').check();
  await page.getByLabel('Durée de chaque reconduction (mois)').fill('12');
  // A notice longer than the renewal period is refused first.
  await page.getByLabel('Préavis (mois)').fill('14');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Préavis (mois)\u00a0: le préavis est plus long que la convention elle-même.')).toBeVisible();
  await page.getByLabel('Préavis (mois)').fill('3');
  await page.getByLabel('Contrepartie').selectOption({ label: 'En nature (valorisée)' });
  await page.getByLabel('Valorisation annuelle').fill('4 800');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Prêt de la salle et accueil des familles' })).toBeVisible();

  // A renamed program is refused with a French message; nothing is attached.
  await attach(page, 'convention.pdf', RENAMED_PROGRAM);
  await expect(page.getByRole('alert')).toContainText('« convention.pdf »\u00a0: le contenu n’est pas celui d’un fichier PDF');
  await expect(page.getByText('Aucun fichier joint.')).toBeVisible();

  await attach(page, 'convention-signee.pdf', SIGNED_PDF);
  await expect(page.getByRole('button', { name: 'Ouvrir convention-signee.pdf' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Prêt de la salle et accueil des familles' })).toBeVisible();
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Ouvrir convention-signee.pdf' }).click();
  const viewer = await popup;
  expect(viewer.url()).toMatch(/^blob:/);
  const bytes = await viewer.evaluate(async () => Array.from(new Uint8Array(await (await fetch(location.href)).arrayBuffer())));
  expect(Buffer.from(bytes).equals(SIGNED_PDF)).toBe(true);
  await viewer.close();

  // Terms end 28 Feb 2027: denounce by (1 Mar 2027 − 3 months) − 1 day = 30 Nov 2026.
  const own = page.getByRole('region', { name: 'Échéances de la convention' });
  await expect(own.getByRole('listitem')).toHaveCount(1);
  await expect(own).toContainText('30 nov. 2026');
  await expect(own).toContainText('Dénoncer ou renégocier avant reconduction — Prêt de la salle et accueil des familles');
  await expect(own).toContainText('Préavis de 3\u00a0mois avant le terme du 28 févr. 2027');

  await page.getByRole('link', { name: 'Conventions' }).click();
  const section = page.getByRole('region', { name: 'Échéances' });
  await expect(section.getByRole('link', { name: /Dénoncer ou renégocier avant reconduction — Prêt de la salle/ })).toBeVisible();
  await expect(section).toContainText('30 nov. 2026');

  // The partner still named by the agreement cannot be deleted.
  await page.getByRole('link', { name: 'Annuaire' }).click();
  await page.getByRole('link', { name: 'Centre social Floréal' }).click();
  await page.getByRole('button', { name: 'Supprimer ce partenaire' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Supprimer' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Centre social Floréal ne peut pas être supprimé\u00a0: il est partie à la convention « Prêt de la salle et accueil des familles »',
  );

  // The denunciation deadline is on the dashboard too, due this week (24 → 30 November).
  await page.keyboard.press('Escape');
  await openSection(page, 'Tableau de bord');
  await expect(page.getByRole('region', { name: /Cette semaine/ })).toContainText(
    'Dénoncer ou renégocier avant reconduction — Prêt de la salle et accueil des familles',
  );
});

test('the association’s pièces keep a piece with its validity and its scan', async ({ page }) => {
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  // Issue 19: the association's own pièces live in its section, no longer under Partenaires.
  await openSection(page, 'Partenaires');
  await expect(page.getByRole('navigation', { name: 'Rubriques des partenaires' }).getByRole('link')).toHaveText([
    'Annuaire',
    'Conventions',
  ]);
  await openSection(page, 'Association');
  await page.getByRole('link', { name: 'Pièces de l’association' }).click();
  await page.getByRole('button', { name: 'Ajouter une première pièce' }).click();
  await page.getByLabel('Type de pièce').selectOption({ label: 'Attestation d’assurance' });
  await page.getByLabel('Précision').fill('2026');
  await page.getByLabel('Date du document').fill('2026-01-05');
  await page.getByLabel('Valable jusqu’au').fill('2026-06-30');
  await page.getByRole('button', { name: 'Enregistrer la pièce' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Attestation d’assurance — 2026', exact: true })).toBeVisible();
  await expect(page.getByText('Expirée')).toBeVisible();
  await attach(page, 'assurance-2026.pdf', SIGNED_PDF);
  await expect(page.getByRole('button', { name: 'Ouvrir assurance-2026.pdf' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Ouvrir assurance-2026.pdf' })).toBeVisible();
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('the partner screens have no serious or critical accessibility violation', async ({ page }) => {
  // axe is slow on a loaded machine; the screens themselves are quick.
  test.setTimeout(180_000);
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  await openSection(page, 'Partenaires');
  expect(await seriousViolations(page), 'empty directory').toEqual([]);
  await page.getByRole('link', { name: 'Ajouter un premier partenaire' }).click();
  await page.getByLabel('Nom du partenaire').fill('Collège Elsa-Triolet');
  await page.getByLabel('Type de partenaire').selectOption({ label: 'Acteur public' });
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByLabel('Catégorie d’acteur public')).toHaveAttribute('aria-invalid', 'true');
  expect(await seriousViolations(page), 'partner form with an error').toEqual([]);
  await page.getByLabel('Catégorie d’acteur public').selectOption({ label: 'École / collège / lycée' });
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Collège Elsa-Triolet' })).toBeVisible();
  expect(await seriousViolations(page), 'partner page').toEqual([]);
  await page.getByRole('link', { name: 'Conventions' }).click();
  await page.getByRole('link', { name: 'Enregistrer une première convention' }).click();
  await page.getByLabel('Intitulé de la convention').fill('Accompagnement à la scolarité');
  await page.getByLabel('Collège Elsa-Triolet').check();
  await page.getByLabel('Date de début').fill('2025-03-01');
  await page.getByLabel('Reconduction tacite').check();
  await page.getByLabel('Préavis (mois)').fill('3');
  expect(await seriousViolations(page), 'agreement form').toEqual([]);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accompagnement à la scolarité' })).toBeVisible();
  expect(await seriousViolations(page), 'agreement page').toEqual([]);
  await page.getByRole('link', { name: 'Conventions' }).click();
  await expect(page.getByRole('table', { name: 'Conventions' })).toBeVisible();
  expect(await seriousViolations(page), 'agreements list').toEqual([]);
  await page.getByRole('link', { name: 'Annuaire' }).click();
  await expect(page.getByRole('table', { name: 'Partenaires' })).toBeVisible();
  expect(await seriousViolations(page), 'directory').toEqual([]);
  await openSection(page, 'Association');
  await page.getByRole('link', { name: 'Pièces de l’association' }).click();
  await page.getByRole('button', { name: 'Ajouter une première pièce' }).click();
  expect(await seriousViolations(page), 'association’s pièces').toEqual([]);
});
