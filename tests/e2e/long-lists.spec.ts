import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createWorkspaceOnHome, openSection } from './helpers';

// Ten years of an association's grant applications: the list renders only the rows near the viewport,
// yet stays a table that a screen reader counts in full, sorts, and walks from the keyboard.

const COUNT = 400;

test('a long list of applications is drawn in part, sorted, and walked from the keyboard', async ({ page }) => {
  test.slow(); // axe over a long table takes a while on a busy machine
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  // Written straight into the espace's database, as ten years of typing would have left it.
  await page.evaluate(async (count) => {
    const name = (await indexedDB.databases()).map((d) => d.name).find((n) => n?.startsWith('passerelle-ws-'));
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name!);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const stamps = { createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z', deletedAt: null };
    await new Promise((resolve, reject) => {
      const tx = db.transaction(['funders', 'grantApplications'], 'readwrite');
      tx.objectStore('funders').put({
        ...stamps,
        id: 'funder-city',
        name: 'Ville de Saint-Denis',
        kind: 'municipality',
        portal: 'funder-portal',
      });
      for (let i = 0; i < count; i++) {
        const year = 2016 + (i % 10);
        tx.objectStore('grantApplications').put({
          ...stamps,
          id: `app-${String(i).padStart(4, '0')}`,
          funderId: 'funder-city',
          title: `Action n° ${String(i).padStart(4, '0')}`,
          status: 'submitted',
          requestedCents: 100_000 + i * 100,
          periodStart: `${year}-01-01`,
          periodEnd: `${year}-12-31`,
          renewal: false,
          multiYear: false,
          reportDelayMonths: 6,
        });
      }
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, COUNT);
  await page.reload();
  await openSection(page, 'Financements');

  const table = page.getByRole('table', { name: 'Demandes de subvention' });
  await expect(table).toHaveAttribute('aria-rowcount', String(COUNT + 1));
  await expect(table.getByRole('link', { name: /^Action n° / }).first()).toBeVisible();
  const drawn = await table.locator('tbody tr[data-index]').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(100);

  // Sorting by Dispositif puts « Action n° 0000 » first, then descending « Action n° 0399 ».
  await table.getByRole('button', { name: /Dispositif/ }).click();
  await expect(table.locator('tbody tr[data-index="0"]')).toContainText('Action n° 0000');
  await expect(table.locator('tbody tr[data-index="0"]')).toHaveAttribute('aria-rowindex', '2');
  await table.getByRole('button', { name: /Dispositif/ }).click();
  await expect(table.locator('tbody tr[data-index="0"]')).toContainText('Action n° 0399');

  // Tab walks the row links past the first screenful: each focused row is scrolled into view and the
  // next rows are drawn.
  await table.getByRole('link', { name: 'Action n° 0399' }).focus();
  for (let i = 0; i < 60; i++) await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText('Action n° 0339');
  await expect(page.locator(':focus')).toBeInViewport();

  // The last row is reachable by scrolling, with its position among all rows.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(table.getByRole('link', { name: 'Action n° 0000' })).toBeVisible();
  await expect(table.locator(`tbody tr[data-index="${COUNT - 1}"]`)).toHaveAttribute('aria-rowindex', String(COUNT + 1));

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});
