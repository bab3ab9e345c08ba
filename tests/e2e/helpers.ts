import { expect, type Page } from '@playwright/test';

export const KEYBOARD_PERSON = 'Marie Dupont';

/**
 * A fresh browser context has an empty IndexedDB: the app starts on its welcome screen. The new espace
 * opens on the home screen (the dashboard); the helper then goes to the association profile, where the
 * tests written before the dashboard existed expect to start.
 */
export async function createFirstWorkspace(page: Page, name: string): Promise<void> {
  await createWorkspaceOnHome(page, name);
  await openSection(page, 'Association');
}

/** Same, staying on the home screen. */
export async function createWorkspaceOnHome(page: Page, name: string): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Passerelle' })).toBeVisible();
  await page.getByLabel('Nom de votre association').fill(name);
  await page.getByRole('button', { name: 'Créer l’espace' }).click();
  await answerKeyboardPerson(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
}

/**
 * Answers « Qui utilise Passerelle ? », asked whenever an espace is opened: picks `name` when the espace
 * already knows it, types it otherwise.
 */
export async function answerKeyboardPerson(page: Page, name: string = KEYBOARD_PERSON): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: /Qui utilise Passerelle/ })).toBeVisible();
  const known = page.getByRole('radio', { name, exact: true });
  if ((await known.count()) > 0) {
    await known.check();
  } else {
    const another = page.getByRole('radio', { name: 'Une autre personne' });
    if ((await another.count()) > 0) await another.check();
    await page.getByLabel('Votre nom').fill(name);
  }
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
}

export async function openSection(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: label }).click();
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
}

/** Writes records straight into the open espace's IndexedDB, as a laptop that has been used for months holds them. */
export async function seedWorkspace(page: Page, tables: Record<string, unknown[]>) {
  await page.evaluate(async (tables) => {
    const open = (name: string) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const registry = await open('passerelle');
    const workspaces = await new Promise<{ id: string }[]>((resolve) => {
      const request = registry.transaction('workspaces').objectStore('workspaces').getAll();
      request.onsuccess = () => resolve(request.result as { id: string }[]);
    });
    registry.close();
    const db = await open(`passerelle-ws-${workspaces[0]!.id}`);
    const tx = db.transaction(Object.keys(tables), 'readwrite');
    for (const [table, records] of Object.entries(tables)) for (const r of records) tx.objectStore(table).put(r);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, tables);
}

/** The stamps of records a laptop has held since November 2026 (seeded specs). */
export const SEEDED_STAMPS = { createdAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-01T09:00:00.000Z', deletedAt: null };

/** A grant being prepared that several specs start from: « Fête de quartier 2027 », asked of the city. */
export const CITY_FESTIVAL_2027 = {
  funders: [{ id: 'e2e-city', ...SEEDED_STAMPS, name: 'Ville de Saint-Denis', kind: 'municipality', portal: 'funder-portal' }],
  grantApplications: [
    {
      id: 'e2e-festival-2027',
      ...SEEDED_STAMPS,
      funderId: 'e2e-city',
      title: 'Fête de quartier 2027',
      purpose: 'project',
      renewal: true,
      multiYear: false,
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
      filingDeadline: '2026-12-15',
      status: 'to-prepare',
      requestedCents: 300_000,
      reportDelayMonths: 6,
    },
  ],
};
