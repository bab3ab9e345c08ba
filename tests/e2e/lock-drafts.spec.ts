import { expect, test, type Page } from '@playwright/test';
import { answerKeyboardPerson, createFirstWorkspace, openSection } from './helpers';

// The inactivity lock closes a protected espace while its user is away: nobody can answer « Quitter sans
// enregistrer ? ». What a short form held comes back after unlocking — from memory only: while locked, it
// is neither on the screen nor in the browser's storage.

const PASSPHRASE = 'le chat dort au soleil';
const SOURCE = 'Décret de revalorisation au 1er janvier 2027';

const lockHeading = (page: Page) => page.getByRole('heading', { level: 1, name: 'Espace verrouillé' });

async function protect(page: Page) {
  await openSection(page, 'Réglages');
  const form = page.getByRole('form', { name: 'Protéger cet espace par une phrase de passe' });
  await form.getByRole('textbox', { name: 'Phrase de passe', exact: true }).fill(PASSPHRASE);
  await form.getByLabel('Confirmation de la phrase de passe').fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Protéger l’espace' }).click();
  await expect(page.getByText(/^Espace protégé/)).toBeVisible();
}

/** What the page shows and what the window could keep: its text, its fields, its web storage. */
async function readable(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map((e) => e.value);
    const stored = [localStorage, sessionStorage].flatMap((s) => Object.keys(s).map((k) => `${k}=${s.getItem(k) ?? ''}`));
    return [document.body.innerText, ...values, ...stored].join('\n');
  });
}

test('a short form’s unsaved edits come back after the inactivity lock, and are kept nowhere on disk meanwhile', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: new Date('2026-06-20T10:00:00') });
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  await protect(page);
  await expect(page.getByRole('button', { name: 'Verrouiller' })).toBeVisible();

  await page.getByRole('button', { name: 'Ajouter une valeur' }).click();
  const form = page.getByRole('form', { name: 'Nouvelle valeur datée' });
  await form.getByLabel('En vigueur à partir du').fill('2027-01-01');
  await form.getByLabel('Montant').fill('12,30');
  await form.getByLabel('Source').fill(SOURCE);

  // Ten minutes away (the default delay): locked, the edits out of sight.
  await page.clock.fastForward('10:30');
  await expect(lockHeading(page)).toBeVisible();
  expect(await readable(page)).not.toContain(SOURCE);
  const onDisk = await page.evaluate(async (text) => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '');
    const found: string[] = [];
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of [...db.objectStoreNames]) {
        const all = await new Promise<unknown[]>((resolve) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
        });
        if (JSON.stringify(all).includes(text)) found.push(`${name}/${store}`);
      }
      db.close();
    }
    return found;
  }, SOURCE);
  expect(onDisk).toEqual([]);

  await page.getByLabel('Phrase de passe').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await answerKeyboardPerson(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Réglages' })).toBeVisible();
  await expect(
    page.getByText(
      'Votre saisie non enregistrée a été gardée pendant le verrouillage : rouvrez « Nouvelle valeur datée » pour la retrouver.',
    ),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Ajouter une valeur' }).click();
  await expect(form.getByText(/Brouillon non enregistré rétabli/)).toBeVisible();
  await expect(form.getByLabel('En vigueur à partir du')).toHaveValue('2027-01-01');
  await expect(form.getByLabel('Montant')).toHaveValue('12,30');
  await expect(form.getByLabel('Source')).toHaveValue(SOURCE);
  await form.getByRole('button', { name: 'Enregistrer la valeur' }).click();
  await expect(page.getByText('SMIC horaire brut du 1er janv. 2027 enregistré.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'SMIC horaire brut' }).getByRole('row', { name: /1er janv\. 2027/ })).toContainText(SOURCE);

  // Taken once: the form opened again starts empty.
  await page.getByRole('button', { name: 'Ajouter une valeur' }).click();
  await expect(form.getByLabel('Source')).toHaveValue('');
});

test('a form always on its page (Trésorerie’s new line) holds its edits again right after unlocking', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: new Date('2026-11-24T10:00:00') });
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  await protect(page);
  await openSection(page, 'Trésorerie');
  const lines = page.getByRole('form', { name: 'Ajouter une ligne récurrente' });
  await lines.getByLabel('Libellé').fill('Loyer du local');
  await lines.getByLabel('Montant').fill('850,00');

  await page.clock.fastForward('10:30');
  await expect(lockHeading(page)).toBeVisible();
  expect(await readable(page)).not.toContain('Loyer du local');
  await page.getByLabel('Phrase de passe').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await answerKeyboardPerson(page);

  await expect(lines.getByLabel('Libellé')).toHaveValue('Loyer du local');
  await expect(lines.getByLabel('Montant')).toHaveValue('850,00');
  await lines.getByLabel('Première échéance').fill('2026-12-05');
  await lines.getByRole('button', { name: 'Ajouter la ligne' }).click();
  await expect(page.getByText('Ligne récurrente ajoutée.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Lignes récurrentes' })).toContainText('Loyer du local — sortie de 850,00');
  await expect(lines.getByLabel('Libellé')).toHaveValue('');
});
