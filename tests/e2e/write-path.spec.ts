import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { answerKeyboardPerson, createWorkspaceOnHome, openSection } from './helpers';

// Never lose a keystroke (issue 12), as a coordinator meets it: two tabs on one espace, a form left with
// changes, an impossible date, a full disk.

const FIXTURES = join(__dirname, '../fixtures/spreadsheets');

/** Adds a person through Équipe and returns the path of their page. */
async function addPerson(page: Page, lastName: string, firstName: string): Promise<string> {
  await openSection(page, 'Équipe');
  await page.getByRole('button', { name: 'Ajouter une personne' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle personne' });
  await dialog.getByRole('textbox', { name: 'Nom', exact: true }).fill(lastName);
  await dialog.getByLabel('Prénom').fill(firstName);
  await dialog.getByRole('button', { name: 'Ajouter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${firstName} ${lastName}` })).toBeVisible();
  return new URL(page.url()).hash;
}

/** A second tab of the same browser on the same espace, open on `hash`. */
async function secondTab(page: Page, hash: string): Promise<Page> {
  const other = await page.context().newPage();
  await other.goto('./');
  await answerKeyboardPerson(other, 'Awa Diallo');
  await other.goto(`./${hash}`);
  return other;
}

/** After a reload: the espace opens again, asking who is at the keyboard only if it does. */
async function reopen(page: Page) {
  await page.reload();
  const asked = page.getByRole('heading', { level: 1, name: /Qui utilise Passerelle/ });
  await expect(asked.or(page.getByRole('navigation', { name: 'Navigation principale' }))).toBeVisible();
  if (await asked.isVisible()) await answerKeyboardPerson(page);
}

async function openCoordinates(page: Page) {
  await page.getByRole('button', { name: 'Modifier les coordonnées' }).click();
  return page.getByRole('form', { name: 'Coordonnées' });
}

test('two tabs: the older form is refused, never overwrites the phone saved in the other tab', async ({ page }) => {
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  const personPath = await addPerson(page, 'Haddad', 'Sofiane');
  const formA = await openCoordinates(page);

  const tabB = await secondTab(page, personPath);
  const formB = await openCoordinates(tabB);
  await formB.getByLabel('Téléphone').fill('06 12 34 56 78');
  await formB.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(tabB.getByText('Coordonnées enregistrées.')).toBeVisible();

  // Tab A says so before the user types further…
  await expect(formA.getByText(/Cette fiche vient d’être modifiée ailleurs/)).toBeVisible();
  // … and its save of another phone, from the older form, is refused.
  await formA.getByLabel('Téléphone').fill('07 00 00 00 00');
  await formA.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(formA.getByText(/Cette fiche a été modifiée ailleurs \(par Awa Diallo, à \d+ h \d\d\)/)).toBeVisible();

  await tabB.reload();
  await expect(tabB.getByText('06 12 34 56 78')).toBeVisible();
  await expect(tabB.getByText('07 00 00 00 00')).toHaveCount(0);
});

test('two tabs: a change on another field is merged, and both are kept', async ({ page }) => {
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  const personPath = await addPerson(page, 'Haddad', 'Sofiane');
  const formA = await openCoordinates(page);

  const tabB = await secondTab(page, personPath);
  const formB = await openCoordinates(tabB);
  await formB.getByLabel('Téléphone').fill('06 12 34 56 78');
  await formB.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(tabB.getByText('Coordonnées enregistrées.')).toBeVisible();

  await formA.getByLabel('Fonction').fill('Agent d’accueil');
  await formA.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Coordonnées enregistrées.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('06 12 34 56 78')).toBeVisible();
  await expect(page.getByText('Agent d’accueil').first()).toBeVisible();
});

test('two tabs: a person sent to the bin in one tab stays there; the other tab’s open form cannot bring it back', async ({ page }) => {
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  const personPath = await addPerson(page, 'Haddad', 'Sofiane');
  const formA = await openCoordinates(page);
  await formA.getByLabel('Fonction').fill('Agent d’accueil');

  const tabB = await secondTab(page, personPath);
  await tabB
    .getByRole('button', { name: /corbeille/i })
    .first()
    .click();
  await tabB.getByRole('alertdialog').getByRole('button', { name: 'Mettre à la corbeille' }).click();
  await expect(tabB.getByText(/à la corbeille/i).first()).toBeVisible();

  // Tab A learns it at once: its page says the person is in the bin, and offers no save that would
  // take them out (the write path refuses such a save anyway: tests/unit/data/write-path.test.ts).
  await expect(page.getByRole('heading', { level: 1, name: 'Personne introuvable' })).toBeVisible();
  await expect(page.getByText('Cette personne n’existe pas ou a été mise à la corbeille.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enregistrer' })).toHaveCount(0);

  await openSection(page, 'Équipe');
  await expect(page.getByRole('link', { name: 'Haddad Sofiane' })).toHaveCount(0);
  await openSection(tabB, 'Corbeille');
  await expect(tabB.getByText('Sofiane Haddad').first()).toBeVisible();
});

test('leaving a form with changes asks « Quitter sans enregistrer ? »; the long association form keeps a draft', async ({ page }) => {
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await addPerson(page, 'Haddad', 'Sofiane');
  const form = await openCoordinates(page);
  await form.getByLabel('Téléphone').fill('06 12 34 56 78');

  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Financements' }).click();
  const question = page.getByRole('alertdialog', { name: 'Quitter sans enregistrer\u00a0?' });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Annuler' }).click();
  await expect(form.getByLabel('Téléphone')).toHaveValue('06 12 34 56 78');

  await nav.getByRole('link', { name: 'Financements' }).click();
  await question.getByRole('button', { name: 'Quitter sans enregistrer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Financements' })).toBeVisible();

  // The association profile: no question, the draft comes back, nothing saved until « Enregistrer ».
  await openSection(page, 'Association');
  await page.getByRole('textbox', { name: 'Sigle' }).fill('ADQ');
  await nav.getByRole('link', { name: 'Équipe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Équipe' })).toBeVisible();
  await openSection(page, 'Association');
  await expect(page.getByRole('textbox', { name: 'Sigle' })).toHaveValue('ADQ');
  await expect(page.getByText(/Brouillon non enregistré rétabli/)).toBeVisible();
  await reopen(page);
  await openSection(page, 'Association');
  await expect(page.getByRole('textbox', { name: 'Sigle' })).toHaveValue('');
});

test('31/02/2026 typed as a CDD’s end date is refused under the field, and nothing is saved', async ({ page }) => {
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await addPerson(page, 'Diop', 'Awa');
  await page.getByRole('button', { name: 'Nouveau contrat' }).click();
  const form = page.getByRole('form', { name: 'Nouveau contrat' });
  await form.getByLabel('Type de contrat').selectOption({ label: 'CDD' });
  await form.getByLabel('Motif du CDD').fill('Remplacement d’une salariée absente');
  await form.getByLabel('Intitulé du poste').fill('Animatrice');
  await form.getByLabel('Date de début').fill('2026-01-05');
  // Typed key by key, as a user does in the French date field (jj/mm/aaaa).
  await typeImpossibleDate(page, form.getByLabel('Date de fin prévue'));
  await form.getByLabel('Durée hebdomadaire').fill('35');
  await form.getByLabel('Salaire brut mensuel').fill('1 900');
  await form.getByLabel('Taux de charges patronales').fill('42');
  await form.getByRole('button', { name: 'Enregistrer le contrat' }).click();

  await expect(form.getByText('Date de fin prévue\u00a0: cette date n’existe pas dans le calendrier.')).toBeVisible();
  await expect(form.getByLabel('Date de fin prévue')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('article')).toHaveCount(0);
});

/**
 * Types 31/02/2026 key by key into a date field, as a user does. The field's segment order follows the
 * browser's own language (jj/mm/aaaa in a French Chromium, mm/dd/yyyy in an English one): the other
 * order is tried when the first did not leave the field holding an unreadable date.
 */
async function typeImpossibleDate(page: Page, input: Locator) {
  for (const keys of ['31022026', '02312026']) {
    await input.fill('');
    await input.focus();
    await page.keyboard.type(keys);
    const state = await input.evaluate((el: HTMLInputElement) => ({ bad: el.validity.badInput, value: el.value }));
    if (state.bad && state.value === '') return;
  }
  throw new Error('this browser made a real date of 31/02/2026');
}

/** The disk is full: every IndexedDB write throws the browser's own QuotaExceededError from now on. */
async function fillTheDisk(page: Page) {
  await page.evaluate(() => {
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = full;
    IDBObjectStore.prototype.add = full;
  });
}

test('a full disk during a save says so in French and saves nothing', async ({ page }) => {
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await addPerson(page, 'Haddad', 'Sofiane');
  const form = await openCoordinates(page);
  await form.getByLabel('Téléphone').fill('06 12 34 56 78');
  await fillTheDisk(page);
  await form.getByRole('button', { name: 'Enregistrer' }).click();

  await expect(page.getByText(/Le disque de cet ordinateur est plein\u00a0: rien n’a été enregistré/).first()).toBeVisible();
  await expect(page.getByText(/quota/i)).toHaveCount(0);
  await reopen(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Sofiane Haddad' })).toBeVisible();
  await expect(page.getByText('06 12 34 56 78')).toHaveCount(0);
});

test('a full disk during an import says so in French and imports nobody', async ({ page }) => {
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Importer' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /Choisir (un|un autre) fichier/ }).click();
  await (await chooser).setFiles(join(FIXTURES, 'personnes-utf8-bom.csv'));
  await expect(page.getByRole('button', { name: 'Importer 4 lignes' })).toBeVisible();
  await fillTheDisk(page);
  await page.getByRole('button', { name: 'Importer 4 lignes' }).click();

  await expect(page.getByText(/Le disque de cet ordinateur est plein\u00a0: rien n’a été enregistré/).first()).toBeVisible();
  await expect(page.getByText(/quota|BulkError/i)).toHaveCount(0);
  await reopen(page);
  await openSection(page, 'Équipe');
  await expect(page.getByText('Votre équipe, ses contrats et ses postes aidés')).toBeVisible();
});

test('« Moyens matériels » typed on an action and left comes back as a draft; saving it updates that action', async ({ page }) => {
  await createWorkspaceOnHome(page, 'Les Amis du Quartier');
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Dossiers' }).click();
  await page.getByRole('navigation', { name: 'Dossiers' }).getByRole('link', { name: 'Actions' }).click();
  await page.getByRole('button', { name: 'Nouvelle action' }).first().click();
  const creating = page.getByRole('form', { name: 'Nouvelle action' });
  await creating.getByLabel('Intitulé de l’action').fill('Accompagnement à la scolarité');
  await creating.getByLabel('Date de début').fill('2027-01-04');
  await creating.getByLabel('Date de fin').fill('2027-12-17');
  await creating.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Action créée.')).toBeVisible();
  const actionPath = new URL(page.url()).hash;

  const form = page.getByRole('form', { name: 'Modifier l’action' });
  await form.getByLabel('Moyens matériels').fill('Une salle, deux ordinateurs');
  await nav.getByRole('link', { name: 'Équipe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Équipe' })).toBeVisible();
  await page.goto(`./${actionPath}`);
  await expect(form.getByLabel('Moyens matériels')).toHaveValue('Une salle, deux ordinateurs');
  await expect(page.getByText(/Brouillon non enregistré rétabli/)).toBeVisible();

  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Action enregistrée.')).toBeVisible();
  await page.getByRole('navigation', { name: 'Dossiers' }).getByRole('link', { name: 'Actions' }).click();
  // The same action, updated — not a second one.
  await expect(page.getByRole('link', { name: 'Accompagnement à la scolarité' })).toHaveCount(1);
});
