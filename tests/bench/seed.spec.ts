import path from 'node:path';
import { chromium, test } from '@playwright/test';
import type { WorkspaceSize } from '../fixtures/generator/generate';
import { executablePath } from './playwright.bench.config';
import { buildBenchBundle, prepareContext, ROOT, seedWorkspace } from './measure';

// `npm run seed -- --size L` (scripts/seed.mjs): fills a new espace of the browser host with a generated
// association, in a Chromium profile kept in .seed-profile/ (IndexedDB is per profile and per origin: the
// data is there for http://127.0.0.1:<port>/ in that profile; « Qui utilise Passerelle ? » is asked once
// per browser session as usual). With a display the window stays open on the
// app until it is closed; `npm run seed -- --open` opens it again later.

test('seed', async ({ baseURL }) => {
  const size = (process.env.SEED_SIZE ?? 'L').toUpperCase() as WorkspaceSize;
  const profile = path.resolve(ROOT, process.env.SEED_PROFILE ?? '.seed-profile');
  const headed = process.env.SEED_HEADED === '1';
  const openOnly = process.env.SEED_OPEN === '1';
  const log = (line: string) => console.log(`[seed] ${line}`);

  if (!openOnly) buildBenchBundle();
  const context = await chromium.launchPersistentContext(profile, {
    headless: !headed,
    baseURL: baseURL!,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: null,
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  if (openOnly) {
    await page.goto('./');
  } else {
    await prepareContext(context);
    log(`espace ${size} : génération et écriture…`);
    const seed = process.env.SEED_SEED ? Number(process.env.SEED_SEED) : undefined;
    const today = process.env.SEED_TODAY || undefined;
    const seeded = await seedWorkspace(page, size, log, { ...(seed !== undefined ? { seed } : {}), ...(today ? { today } : {}) });
    const total = Object.values(seeded.counts).reduce((a, b) => a + b, 0);
    log(
      `espace « ${seeded.name} » créé : ${total.toLocaleString('fr-FR')} enregistrements (génération ${Math.round(seeded.generateMs)} ms, écriture ${Math.round(seeded.writeMs)} ms).`,
    );
  }
  if (headed) {
    log(`Chromium est ouvert sur ${baseURL} (profil ${path.relative(ROOT, profile)}/). Fermez la fenêtre pour arrêter le serveur.`);
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
  } else {
    await context.close();
    log(`Données enregistrées dans le profil ${path.relative(ROOT, profile)}/ pour ${baseURL}.`);
    log('Pour les voir : npm run seed -- --open (sur une machine avec un écran), même port.');
  }
});
