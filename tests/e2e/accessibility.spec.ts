import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createFirstWorkspace, openSection } from './helpers';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('no serious or critical accessibility violation on any screen', async ({ page }) => {
  // Five axe scans, plus « Qui utilise Passerelle ? » on the way: more than the default on a loaded machine.
  test.setTimeout(120_000);
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Passerelle' })).toBeVisible();
  expect(await seriousViolations(page), 'welcome screen').toEqual([]);

  await createFirstWorkspace(page, 'Les Amis du Quartier');
  expect(await seriousViolations(page), 'association profile').toEqual([]);

  await page.getByLabel('SIRET').fill('123');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByLabel('SIRET')).toHaveAttribute('aria-invalid', 'true');
  expect(await seriousViolations(page), 'association profile with errors').toEqual([]);

  await page.getByRole('button', { name: 'Nouvel espace…' }).click();
  await expect(page.getByRole('dialog', { name: 'Nouvel espace' })).toBeVisible();
  expect(await seriousViolations(page), 'new espace dialog').toEqual([]);
  await page.keyboard.press('Escape');

  await openSection(page, 'Réglages');
  expect(await seriousViolations(page), 'settings').toEqual([]);

  await page.getByRole('button', { name: 'Supprimer…' }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  expect(await seriousViolations(page), 'delete espace dialog').toEqual([]);
});

test('the navigation works from the keyboard with a visible focus', async ({ page }) => {
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  // A fresh load, as when the app opens: the first Tab must reach the skip link.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Association' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
  const settingsLink = page.getByRole('link', { name: 'Réglages' });
  for (let i = 0; i < 30 && !(await settingsLink.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(settingsLink).toBeFocused();
  const outline = await settingsLink.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Réglages' })).toBeFocused();
});
