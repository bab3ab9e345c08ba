import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { answerKeyboardPerson, createFirstWorkspace, KEYBOARD_PERSON, openSection } from './helpers';

const PASSPHRASE = 'le chat dort au soleil';
const SIRET = '84213975000017';
const OBJET = 'Accompagnement scolaire et ateliers de quartier à Saint-Denis';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Everything a person could read on the page: its text and the values of its fields. */
async function readableData(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map((e) => e.value);
    return `${document.body.innerText}\n${values.join('\n')}`;
  });
}

async function fillProfile(page: Page) {
  await page.getByLabel('Objet de l’association').fill(OBJET);
  await page.getByLabel('SIRET').fill('842 139 750 00017');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Profil enregistré.')).toBeVisible();
}

async function protect(page: Page) {
  await openSection(page, 'Réglages');
  const form = page.getByRole('form', { name: 'Protéger cet espace par une phrase de passe' });
  await form.getByRole('textbox', { name: 'Phrase de passe', exact: true }).fill(PASSPHRASE);
  await form.getByLabel('Confirmation de la phrase de passe').fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Protéger l’espace' }).click();
  await expect(page.getByText(/^Espace protégé/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Verrouiller' })).toBeVisible();
}

async function unlock(page: Page, passphrase: string = PASSPHRASE) {
  await page.getByLabel('Phrase de passe').fill(passphrase);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
}

const lockHeading = (page: Page) => page.getByRole('heading', { level: 1, name: 'Espace verrouillé' });
const navigation = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' });

test('the person at the keyboard is asked when the espace opens and shown in the navigation', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('./');
  await page.getByLabel('Nom de votre association').fill('Les Amis du Quartier');
  await page.getByRole('button', { name: 'Créer l’espace' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /Qui utilise Passerelle/ })).toBeVisible();
  expect(await seriousViolations(page), 'person screen').toEqual([]);
  // From the keyboard only: the name field has the focus, Entrée validates.
  await expect(page.getByLabel('Votre nom')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Votre nom\u00a0: champ obligatoire.')).toBeVisible();
  await page.keyboard.type('x'.repeat(61));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Votre nom\u00a0: 60 caractères au maximum.')).toBeVisible();
  await page.getByLabel('Votre nom').fill('');
  await page.keyboard.type(KEYBOARD_PERSON);
  await page.keyboard.press('Enter');

  await expect(navigation(page).getByText(KEYBOARD_PERSON)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();

  // « Changer »: the names already used are offered, the last one chosen.
  await navigation(page).getByRole('button', { name: 'Changer' }).click();
  await expect(page.getByRole('radio', { name: KEYBOARD_PERSON })).toBeChecked();
  await page.getByRole('radio', { name: 'Une autre personne' }).check();
  await page.getByLabel('Votre nom').fill('Karim Benali');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(navigation(page).getByText('Karim Benali')).toBeVisible();

  // A reload is not a new start: the person stays. Another espace asks again.
  await page.reload();
  await expect(navigation(page).getByText('Karim Benali')).toBeVisible();
  await page.getByRole('button', { name: 'Nouvel espace…' }).click();
  await page.getByRole('dialog').getByLabel('Nom de l’association').fill('Association Beta');
  await page.getByRole('dialog').getByRole('button', { name: 'Créer l’espace' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Qui utilise Passerelle/ })).toBeVisible();
  await expect(page.getByRole('radio')).toHaveCount(0);
});

test('a protected espace shows nothing of its data until its passphrase is given', async ({ page }) => {
  test.setTimeout(120_000);
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  await fillProfile(page);

  await openSection(page, 'Réglages');
  const form = page.getByRole('form', { name: 'Protéger cet espace par une phrase de passe' });
  const passphrase = form.getByRole('textbox', { name: 'Phrase de passe', exact: true });
  const confirmation = form.getByLabel('Confirmation de la phrase de passe');
  await passphrase.fill('court');
  await confirmation.fill('court');
  await form.getByRole('button', { name: 'Protéger l’espace' }).click();
  await expect(form.getByText('Phrase de passe\u00a0: 8 caractères au moins.')).toBeVisible();
  await passphrase.fill(PASSPHRASE);
  await confirmation.fill('le chat dort au soleil.');
  await form.getByRole('button', { name: 'Protéger l’espace' }).click();
  await expect(form.getByText('Confirmation de la phrase de passe\u00a0: les deux phrases de passe ne sont pas identiques.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Verrouiller' })).toHaveCount(0);
  await confirmation.fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Protéger l’espace' }).click();
  await expect(page.getByText('Cet espace est protégé par une phrase de passe.')).toBeVisible();
  expect(await seriousViolations(page), 'settings, protected').toEqual([]);

  await openSection(page, 'Association');
  expect(await readableData(page)).toContain(SIRET);

  // A new start: the espace is locked, and nothing of its records is on the page.
  await page.reload();
  await expect(lockHeading(page)).toBeVisible();
  const locked = await readableData(page);
  expect(locked).not.toContain(SIRET);
  expect(locked).not.toContain(OBJET);
  expect(locked).not.toContain(KEYBOARD_PERSON);
  await expect(navigation(page)).toHaveCount(0);

  await unlock(page, 'le chien dort au soleil');
  await expect(page.getByText('Phrase de passe incorrecte\u00a0: l’espace reste verrouillé.')).toBeVisible();
  await expect(lockHeading(page)).toBeVisible();
  expect(await readableData(page)).not.toContain(SIRET);
  expect(await seriousViolations(page), 'lock screen with an error').toEqual([]);

  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Association' })).toBeVisible();
  await expect(page.getByLabel('SIRET')).toHaveValue(SIRET);
});

test('« Verrouiller » locks at once, and inactivity locks again', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  await fillProfile(page);
  await protect(page);

  await page.getByRole('button', { name: 'Verrouiller' }).click();
  await expect(lockHeading(page)).toBeVisible();
  expect(await readableData(page)).not.toContain(SIRET);
  await unlock(page);
  // Whoever unlocks says who they are; the last name is offered.
  await expect(page.getByRole('radio', { name: KEYBOARD_PERSON })).toBeChecked();
  await answerKeyboardPerson(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Réglages' })).toBeVisible();

  // Default delay: 10 minutes without keyboard or mouse.
  await page.clock.fastForward('09:00');
  await expect(navigation(page)).toBeVisible();
  await expect(lockHeading(page)).toHaveCount(0);
  await page.clock.fastForward('01:30');
  await expect(lockHeading(page)).toBeVisible();
  expect(await readableData(page)).not.toContain(SIRET);

  // Activity keeps it open: a shorter delay, a key pressed halfway.
  await unlock(page);
  await answerKeyboardPerson(page);
  const delay = page.getByLabel('Verrouillage après inactivité (minutes)');
  // The Réglages screen is drawn again after unlocking: wait for the stored delay before typing.
  await expect(delay).toHaveValue('10');
  await delay.fill('0');
  await expect(delay).toHaveValue('0');
  await page.getByRole('button', { name: 'Enregistrer le délai' }).click();
  await expect(page.getByText('Verrouillage après inactivité (minutes)\u00a0: un nombre entier de minutes entre 1 et 240.')).toBeVisible();
  await delay.fill('2');
  await page.getByRole('button', { name: 'Enregistrer le délai' }).click();
  await expect(page.getByText('L’espace se verrouillera après 2 minutes sans activité.')).toBeVisible();
  await page.clock.fastForward('01:30');
  await page.keyboard.press('Shift');
  await page.clock.fastForward('01:30');
  await expect(navigation(page)).toBeVisible();
  await page.clock.fastForward('01:00');
  await expect(lockHeading(page)).toBeVisible();
});

test('a backup of a protected espace is encrypted, and reopens with the espace’s passphrase', async ({ page }) => {
  test.setTimeout(120_000);
  await createFirstWorkspace(page, 'Les Amis du Quartier');
  await fillProfile(page);
  await protect(page);

  await openSection(page, 'Sauvegardes');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
  const download = await downloading;
  const path = await download.path();
  const { strFromU8, unzipSync } = await import('fflate');
  const entries = unzipSync(new Uint8Array(await readFile(path)));
  const manifest = JSON.parse(strFromU8(entries['manifest.json']!));
  expect(manifest.encryption).toMatchObject({ algorithm: 'AES-GCM', kdf: 'PBKDF2-SHA256', iterations: 600_000 });
  // Only the manifest is readable; every table entry is ciphertext.
  for (const [name, content] of Object.entries(entries)) {
    if (name.startsWith('manifest.')) continue;
    const text = new TextDecoder('latin1').decode(content);
    for (const secret of [SIRET, OBJET, KEYBOARD_PERSON, 'Les Amis du Quartier', 'Saint-Denis']) expect(text).not.toContain(secret);
  }

  // Restoring it while the espace is unlocked does not ask for the passphrase again.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choisir un fichier de sauvegarde…' }).click();
  await (await chooser).setFiles(path);
  const preview = page.getByRole('alertdialog', { name: 'Contenu de la sauvegarde' });
  await expect(preview.getByText(/chiffrée/)).toBeVisible();
  await expect(preview.getByRole('row', { name: 'Profil de l’association 1' })).toBeVisible();
});
