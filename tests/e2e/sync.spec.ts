import { expect, test, type Browser, type Page } from '@playwright/test';
import { startTestServer, type TestServer } from '../sync-server/couch-server';
import { answerKeyboardPerson, createWorkspaceOnHome, openSection, seedWorkspace } from './helpers';

// Two laptops of one association (two browser contexts, each its own IndexedDB) share an espace through
// one CouchDB stand-in (express-pouchdb in memory, CORS on) that this spec starts on 127.0.0.1 and stops.

const stamps = { createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z', deletedAt: null };
const DATABASE = 'passerelle-e2e-amis';
let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer();
  const created = await fetch(`${server.url}/${DATABASE}`, { method: 'PUT' });
  expect(created.status).toBe(201);
});
test.afterAll(async () => {
  await server.stop();
});

async function laptop(browser: Browser, person: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  if (person !== 'Marie Dupont') {
    await page.getByRole('button', { name: 'Changer la personne au clavier' }).click();
    await answerKeyboardPerson(page, person);
  }
  return page;
}

async function startSync(page: Page): Promise<void> {
  await openSection(page, 'Réglages');
  const form = page.getByRole('form', { name: 'Réglages de la synchronisation' });
  await form.getByLabel('Adresse du serveur').fill(server.url);
  await form.getByLabel('Base de données de l’espace').fill(DATABASE);
  await form.getByRole('button', { name: 'Tester la connexion' }).click();
  await expect(form.getByRole('status').filter({ hasText: 'Connexion réussie' })).toBeVisible();
  await form.getByRole('button', { name: 'Démarrer la synchronisation' }).click();
  await expect(page.getByTestId('sync-phase')).toHaveText('À jour', { timeout: 20_000 });
}

async function setRequested(page: Page, euros: string): Promise<void> {
  await page.goto('./#/financements/demandes/e2e-request');
  await page.getByRole('button', { name: 'Modifier' }).click();
  await page.getByLabel('Montant demandé').fill(euros);
  await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
  await expect(page.getByRole('button', { name: 'Modifier' })).toBeVisible();
}

test('an edit on one laptop appears on the other; both offline edit the same amount, back online the conflict is shown with both amounts and who', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const awa = await laptop(browser, 'Marie Dupont');
  await seedWorkspace(awa, {
    funders: [{ id: 'e2e-city', ...stamps, name: 'Ville de Saint-Denis', kind: 'municipality', portal: 'funder-portal' }],
    grantApplications: [
      {
        id: 'e2e-request',
        ...stamps,
        funderId: 'e2e-city',
        title: 'Appel à projets 2027',
        purpose: 'project',
        renewal: true,
        multiYear: false,
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
        status: 'to-prepare',
        requestedCents: 300_000,
        reportDelayMonths: 6,
        projectIds: [],
      },
    ],
  });
  await awa.reload();
  await startSync(awa);

  const karim = await laptop(browser, 'Karim Benali');
  await startSync(karim);
  // The first laptop's espace arrives on the second. This first exchange carries the whole espace both ways
  // (the first laptop's initial push, then the second's pull): it took over 20 s once in a fresh-clone CI run.
  await karim.goto('./#/financements/demandes/e2e-request');
  await expect(karim.getByRole('heading', { level: 1, name: 'Appel à projets 2027' })).toBeVisible({ timeout: 60_000 });

  // Live: an edit on one laptop appears on the other without anything done there.
  await setRequested(awa, '3 100');
  await expect(karim.getByText('3 100,00 €').first()).toBeVisible({ timeout: 20_000 });

  // Both offline, the same amount edited on each.
  await awa.context().setOffline(true);
  await karim.context().setOffline(true);
  await setRequested(awa, '3 200');
  await setRequested(karim, '3 250');
  await openSection(karim, 'Réglages');
  await expect(karim.getByTestId('sync-pending')).toHaveText('1');

  // Back online: both laptops end on the same amount, and the conflict is listed with both values and who.
  await awa.context().setOffline(false);
  await karim.context().setOffline(false);
  await openSection(awa, 'Réglages');
  const heading = (page: Page) => page.getByRole('heading', { name: /Conflits à vérifier/ });
  await expect.poll(async () => (await heading(awa).count()) + (await heading(karim).count()), { timeout: 40_000 }).toBeGreaterThan(0);
  const withConflict = (await heading(awa).count()) > 0 ? awa : karim;
  const item = withConflict.getByRole('listitem', { name: /Appel à projets 2027.*Montant demandé/ });
  await expect(item).toContainText('Marie Dupont');
  await expect(item).toContainText('Karim Benali');
  await expect(item).toContainText('3 200,00 €');
  await expect(item).toContainText('3 250,00 €');
  await item.scrollIntoViewIfNeeded();
  await withConflict.screenshot({ path: process.env.SYNC_SCREENSHOT ?? 'test-results/sync-conflicts.png', fullPage: false });
  for (const page of [awa, karim]) {
    await expect(page.getByTestId('sync-pending')).toHaveText('0', { timeout: 20_000 });
  }
  // Both laptops show the amount the merge kept.
  const kept = ((await item.locator('strong').nth(1).textContent()) ?? '').trim();
  expect(kept).toMatch(/^3\s2[05]0,00\s€$/);
  for (const page of [awa, karim]) {
    await page.goto('./#/financements/demandes/e2e-request');
    await expect(page.getByText(kept).first()).toBeVisible({ timeout: 20_000 });
  }
});
