import type { Browser, Page } from '@playwright/test';
import type { WorkspaceSize } from '../fixtures/generator/generate';
import { coldOpen, loadDevApi, median, prepareContext, seedWorkspace, type Row } from './measure';

// The protected-espace row of the bench (issue 14): the same espace's dashboard cold open unprotected,
// then protected, in the same run and the same page; and the time to protect (encrypt in place) it.
// A protected cold open is: reload → lock screen shown, plus unlock click → dashboard shown (the time the
// bench spends typing the passphrase is left out; the key derivation, 600 000 PBKDF2 iterations, is in).

const PASSPHRASE = 'le chat dort au soleil';

declare global {
  interface Window {
    __benchLockShown?: number;
    __benchUnlockClickedAt?: number;
  }
}

async function protectedColdOpen(page: Page, workspaceId: string): Promise<number> {
  // The person at the keyboard stays confirmed for this tab across a reload, as after a first unlock, so
  // that the unlock leads straight to the dashboard.
  await page.evaluate((id) => sessionStorage.setItem('passerelle.personConfirmedFor', id), workspaceId);
  await page.reload({ waitUntil: 'commit' });
  await page.waitForFunction(() => window.__benchLockShown !== undefined, undefined, { timeout: 120_000, polling: 20 });
  await page.getByLabel('Phrase de passe').fill(PASSPHRASE);
  await page.evaluate(() => {
    window.__benchUnlockClickedAt = performance.now();
    document.querySelector<HTMLButtonElement>('form button[type="submit"]')?.click();
  });
  await page.waitForFunction(() => window.__benchDashboardReady !== undefined, undefined, { timeout: 300_000, polling: 50 });
  // The figure only counts if the records were really decrypted: an L espace has deadlines to show.
  const groups = await page.locator('.deadline-group').count();
  if (groups === 0) throw new Error('Espace protégé : le tableau de bord ne montre aucune échéance, la mesure ne vaut rien.');
  return page.evaluate(() => window.__benchLockShown! + (window.__benchDashboardReady! - window.__benchUnlockClickedAt!));
}

export async function measureProtected(
  browser: Browser,
  size: WorkspaceSize,
  options: { runs: number; baseURL: string; progress?: (line: string) => void },
): Promise<Row[]> {
  const progress = options.progress ?? (() => undefined);
  const context = await browser.newContext({
    baseURL: options.baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 800 },
  });
  try {
    await prepareContext(context);
    await context.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (window.__benchLockShown === undefined && /Espace verrouillé/.test(document.querySelector('h1')?.textContent ?? '')) {
          window.__benchLockShown = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    progress(`${size} protégé : création de l’espace…`);
    const seeded = await seedWorkspace(page, size, (line) => progress(`${size} protégé : ${line}`));
    const runs = Math.max(1, options.runs);
    const clear: number[] = [];
    for (let i = 0; i < runs; i++) clear.push((await coldOpen(page, seeded.workspaceId)).dashboardMs);
    progress(`${size} non protégé : ouverture ${Math.round(median(clear))} ms`);

    await loadDevApi(page);
    const protection = await page.evaluate(({ id, passphrase }) => window.passerelleDev!.protectWorkspace(id, passphrase), {
      id: seeded.workspaceId,
      passphrase: PASSPHRASE,
    });
    progress(`${size} : protection en ${Math.round(protection.ms)} ms (${protection.records} éléments, ${protection.steps} étapes)`);

    const locked: number[] = [];
    for (let i = 0; i < runs; i++) {
      locked.push(await protectedColdOpen(page, seeded.workspaceId));
      progress(`${size} protégé : ouverture ${i + 1}/${runs} — ${Math.round(locked[i]!)} ms`);
    }
    return [
      { id: 'cold-open-unprotected', label: `${size} : ouverture à froid, non protégé`, value: median(clear), unit: 'ms', samples: clear },
      {
        id: 'cold-open-protected',
        label: `${size} : ouverture à froid, protégé (dérivation de la clé comprise)`,
        value: median(locked),
        unit: 'ms',
        samples: locked,
      },
      {
        id: 'cold-open-protected-ratio',
        label: `${size} : protégé ÷ non protégé (cible ≤ 1,3)`,
        value: median(locked) / median(clear),
        unit: '×',
      },
      {
        id: 'protect',
        label: `${size} : protéger l’espace (chiffrement sur place, cible ≤ 30 s)`,
        value: protection.ms,
        unit: 'ms',
        note: `${protection.records} éléments, ${protection.steps} étapes de progression`,
      },
    ];
  } finally {
    await context.close();
  }
}

export function formatProtectedRows(rows: readonly Row[]): string {
  return rows
    .map(
      (row) =>
        `${row.label.padEnd(72)} ${row.value === null ? '—' : row.unit === '×' ? row.value.toFixed(2).replace('.', ',') : Math.round(row.value)} ${row.unit}`,
    )
    .join('\n');
}
