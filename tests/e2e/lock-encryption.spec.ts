import { expect, test, type Page } from '@playwright/test';
import { fixturePeople } from '../fixtures/team';
import { answerKeyboardPerson, createWorkspaceOnHome, openSection, seedWorkspace } from './helpers';

// The lock as someone else at a shared laptop would try it: from the page's own JavaScript (the devtools
// console of a browser, or any script), read every database of the origin; remove the registry's record
// of the lock and reload; keep a second tab open on the espace.

const PASSPHRASE = 'le chat dort au soleil';
const karim = fixturePeople.find((person) => person.lastName === 'Benali');
const SECRETS = ['Benali', 'coordination@amis-du-quartier.example', '01 48 20 30 40'];

/** Every record of every IndexedDB database of the origin, as text (bytes shown as their length). */
async function everyDatabaseAsText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump: Record<string, Record<string, unknown[]>> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      dump[name] = {};
      for (const store of Array.from(db.objectStoreNames)) {
        dump[name][store] = await new Promise<unknown[]>((resolve) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
        });
      }
      db.close();
    }
    return JSON.stringify(dump, (_key, value: unknown) =>
      value instanceof ArrayBuffer || ArrayBuffer.isView(value) ? `<${(value as ArrayBuffer).byteLength} octets>` : value,
    );
  });
}

async function protect(page: Page) {
  await openSection(page, 'Réglages');
  const form = page.getByRole('form', { name: 'Protéger cet espace par une phrase de passe' });
  await form.getByRole('textbox', { name: 'Phrase de passe', exact: true }).fill(PASSPHRASE);
  await form.getByLabel('Confirmation de la phrase de passe').fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Protéger l’espace' }).click();
  await expect(page.getByText(/^Espace protégé et chiffré/)).toBeVisible({ timeout: 30_000 });
}

async function unlock(page: Page, passphrase: string = PASSPHRASE) {
  await page.getByLabel('Phrase de passe').fill(passphrase);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
}

const lockHeading = (page: Page) => page.getByRole('heading', { level: 1, name: 'Espace verrouillé' });

test('a protected, locked espace: no name in any database, and removing the registry record does not open it', async ({ page }) => {
  test.setTimeout(120_000);
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await seedWorkspace(page, { people: [karim] });
  // The test can fail: before protection, the name is there for anyone to read.
  const before = await everyDatabaseAsText(page);
  for (const secret of SECRETS) expect(before).toContain(secret);

  await protect(page);
  await page.getByRole('button', { name: 'Verrouiller' }).click();
  await expect(lockHeading(page)).toBeVisible();

  const after = await everyDatabaseAsText(page);
  for (const secret of SECRETS) expect(after, secret).not.toContain(secret);
  expect(after).toContain(karim?.id ?? 'no id');

  // Remove the registry's record of the lock (the verifier), then reload: the espace still asks.
  await page.evaluate(async () => {
    const registry = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('passerelle');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = registry.transaction('settings', 'readwrite');
    const store = tx.objectStore('settings');
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const request = store.getAllKeys();
      request.onsuccess = () => resolve(request.result);
    });
    for (const key of keys) if (String(key).startsWith('lockVerifier:')) store.delete(key);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    registry.close();
  });
  await page.reload();
  await expect(lockHeading(page)).toBeVisible();
  await expect(page.getByText('Benali')).toHaveCount(0);

  // Wrong passphrases keep it shut; after the fifth, the next attempt waits, and the screen says so.
  for (let attempt = 1; attempt <= 5; attempt++) {
    await unlock(page, `pas la bonne phrase ${attempt}`);
    await expect(page.getByText('Phrase de passe incorrecte\u00a0: l’espace reste verrouillé.')).toBeVisible();
    if (attempt < 5) await expect(page.getByRole('button', { name: 'Déverrouiller' })).toBeEnabled();
  }
  await expect(
    page.getByRole('status').filter({ hasText: /^Trop de phrases de passe incorrectes\u00a0: nouvel essai possible dans [12]\u00a0s\.$/ }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Déverrouiller' })).toBeDisabled();
  // The right one, once the 2 s are over, opens it, and the data is all there.
  await expect(page.getByRole('button', { name: 'Déverrouiller' })).toBeEnabled({ timeout: 5_000 });
  await unlock(page);
  await answerKeyboardPerson(page);
  await openSection(page, 'Équipe');
  await expect(page.getByText('Benali').first()).toBeVisible();
});

test('two pages on the same espace: one opened before protection locks when it is protected, and locking one locks the other', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  const other = await context.newPage();
  await other.goto('./');
  await answerKeyboardPerson(other);
  await expect(other.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();

  await protect(page);
  // The other page was open, unprotected, before: it has no key, so it locks at once.
  await expect(lockHeading(other)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Verrouiller' })).toBeVisible();

  await unlock(other);
  await answerKeyboardPerson(other);
  await expect(other.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();

  await page.getByRole('button', { name: 'Verrouiller' }).click();
  await expect(lockHeading(page)).toBeVisible();
  await expect(lockHeading(other)).toBeVisible();
});

test('another espace renames a protected espace only with its passphrase', async ({ page }) => {
  test.setTimeout(120_000);
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await protect(page);
  await page.getByRole('button', { name: 'Nouvel espace…' }).click();
  await page.getByRole('dialog').getByLabel('Nom de l’association').fill('Second');
  await page.getByRole('dialog').getByRole('button', { name: 'Créer l’espace' }).click();
  await answerKeyboardPerson(page);
  await openSection(page, 'Réglages');

  const protectedRow = page.getByRole('listitem').filter({ has: page.getByLabel('Phrase de passe de cet espace') });
  await protectedRow.getByLabel('Nom de l’espace', { exact: true }).fill('Autre nom');
  await protectedRow.getByLabel('Phrase de passe de cet espace').fill('une autre phrase');
  await protectedRow.getByRole('button', { name: 'Renommer' }).click();
  await expect(
    protectedRow.getByText('Phrase de passe de cet espace\u00a0: elle ne correspond pas (cet espace est protégé).'),
  ).toBeVisible();
  const switcher = page.getByLabel('Espace', { exact: true });
  await expect(switcher.locator('option')).toContainText(['Les Amis du Quartier']);

  await protectedRow.getByLabel('Phrase de passe de cet espace').fill(PASSPHRASE);
  await protectedRow.getByRole('button', { name: 'Renommer' }).click();
  await expect(switcher.locator('option')).toContainText(['Autre nom']);
});
