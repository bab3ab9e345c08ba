import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { fixtureApplications, fixtureFunders } from '../fixtures/funding';
import { fixturePartners } from '../fixtures/partners';
import { fixtureTeam } from '../fixtures/team';
import { createWorkspaceOnHome, seedWorkspace } from './helpers';

// Ctrl+K on the fixture association: a name typed without accents, keyboard only, grouped results that open
// the record; a person sent to the bin is no longer found.

const stamps = { createdAt: '2026-11-02T09:00:00.000Z', updatedAt: '2026-11-02T09:00:00.000Z', deletedAt: null };

test.beforeEach(async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-11-24T10:00:00+01:00'));
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('Ctrl+K finds « Inès » typed « ines », from the keyboard alone, and opens her page', async ({ page }) => {
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await seedWorkspace(page, {
    people: [...fixtureTeam.people],
    funders: fixtureFunders.map((f) => ({ ...f, ...stamps })),
    grantApplications: fixtureApplications.map((a) => ({ ...a, ...stamps })),
    partners: fixturePartners,
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();

  await page.keyboard.press('Control+K');
  const dialog = page.getByRole('dialog', { name: 'Rechercher' });
  const box = dialog.getByRole('combobox', { name: 'Rechercher dans l’espace' });
  await expect(box).toBeFocused();
  await page.keyboard.type('ines');
  await expect(dialog.getByRole('group', { name: 'Personnes' }).getByRole('option')).toHaveText([
    'Inès Moreau — Volontaire accès aux droits',
  ]);
  expect(await seriousViolations(page), 'search dialog').toEqual([]);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Inès Moreau' })).toBeVisible();

  // Grouped by kind; the arrows move through all of them; Escape closes without moving.
  await page.getByRole('button', { name: 'Rechercher…' }).click();
  await expect(box).toBeFocused();
  await page.keyboard.type('saint denis');
  await expect(dialog.getByRole('group')).toHaveText([/^Financeurs/, /^Demandes de subvention/, /^Partenaires/]);
  await page.setViewportSize({ width: 1366, height: 768 });
  // Funders by name: CAF, Département, Préfecture, Ville — the first is chosen, the arrows move, and wrap.
  const options = dialog.getByRole('option');
  const selected = dialog.getByRole('option', { selected: true });
  await expect(selected).toHaveText(/^CAF de la Seine-Saint-Denis/);
  await page.keyboard.press('ArrowDown');
  await expect(selected).toHaveText(/^Département de la Seine-Saint-Denis/);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(selected).toHaveText((await options.last().textContent())!);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Inès Moreau' })).toBeVisible();

  await page.keyboard.press('Control+K');
  await expect(box).toBeFocused();
  await page.keyboard.type('zzz');
  await expect(dialog.getByText('Aucun résultat pour « zzz ».')).toBeVisible();
  await page.keyboard.press('Escape');

  // Sent to the bin, she is no longer found.
  await page
    .getByRole('button', { name: /Mettre à la corbeille|Supprimer/ })
    .first()
    .click();
  await page
    .getByRole('alertdialog')
    .getByRole('button', { name: /Mettre à la corbeille|Supprimer/ })
    .click();
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Inès Moreau' })).toBeHidden();
  await page.keyboard.press('Control+K');
  await expect(box).toBeFocused();
  await page.keyboard.type('ines');
  await expect(dialog.getByText('Aucun résultat pour « ines ».')).toBeVisible();
});
