import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import type { WorkspaceSize } from '../fixtures/generator/generate';
import type { BackupRestoreMeasure, PasserelleDev, SeedResult } from './page-entry';

// The measures of `npm run bench` (issue « Scale and speed », part 2), each a function of a Playwright page
// on the built browser host. The bench (tests/bench/bench.spec.ts) runs them for S, L and XL; a smoke test
// (tests/e2e/bench-smoke.spec.ts) runs them once on S so that they cannot rot. They never fail on a figure:
// they report it.

export const BENCH_TODAY = '2026-11-24';

export const ROOT = path.resolve(__dirname, '../..');
/** Where scripts/bench/bundle.mjs writes the in-page bundle, and where the page finds it. */
const BENCH_BUNDLE_DIR = path.join(ROOT, 'out/bench');
const BENCH_BUNDLE_PATH = '/__passerelle-dev__/';

/** Builds out/bench/ (tests/bench/page-entry.ts and its lazy pdfmake chunk). */
export function buildBenchBundle(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/bench/bundle.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

export type Unit = 'ms' | 'Mo' | 'octets' | '×';

export interface Row {
  id: string;
  label: string;
  /** The median (or the single figure); null when the measure is not wired yet, with a note saying why. */
  value: number | null;
  unit: Unit;
  samples?: number[];
  note?: string;
}

export interface SizeResult {
  size: WorkspaceSize;
  counts: Record<string, number>;
  seed: { generateMs: number; writeMs: number };
  rows: Row[];
  /** Raw read of each table alone (last cold open), slowest first. */
  rawReadByTable: { table: string; ms: number; records: number }[];
}

export interface BundleResult {
  initialJs: { files: { file: string; bytes: number; gzip: number }[]; bytes: number; gzip: number };
  lazyChunks: { file: string; bytes: number; gzip: number }[];
}

export interface BenchResult {
  date: string;
  machine: { cores: number; cpu: string; memoryGb: number; platform: string; node: string; chromium: string };
  runs: number;
  bundle: BundleResult;
  sizes: SizeResult[];
}

// ——— statistics ———

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

// ——— the page side ———

declare global {
  interface Window {
    passerelleDev?: PasserelleDev;
    __benchDashboardReady?: number;
  }
}

/**
 * Serves out/bench/ on the app's origin (script-src 'self' allows it), and notes the moment the dashboard
 * shows its deadline groups (or its empty state) — no change to the app needed.
 */
export async function prepareContext(context: BrowserContext): Promise<void> {
  await context.route(`**${BENCH_BUNDLE_PATH}**`, async (route) => {
    const file = path.join(BENCH_BUNDLE_DIR, new URL(route.request().url()).pathname.slice(BENCH_BUNDLE_PATH.length));
    await route.fulfill({ body: readFileSync(file), contentType: 'text/javascript' });
  });
  await context.addInitScript(() => {
    const found = () =>
      document.querySelector('.deadline-group, .empty-state') !== null &&
      /Tableau de bord/.test(document.querySelector('h1')?.textContent ?? '');
    const observer = new MutationObserver(() => {
      if (window.__benchDashboardReady === undefined && found()) {
        window.__benchDashboardReady = performance.now();
        performance.mark('passerelle:dashboard-ready');
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

export async function loadDevApi(page: Page): Promise<void> {
  await page.evaluate(async (url) => {
    if (!window.passerelleDev) await import(/* @vite-ignore */ url);
  }, `${BENCH_BUNDLE_PATH}page-entry.js`);
}

/** Creates and fills an espace of `size` in the page's IndexedDB, then opens the app on its dashboard. */
export async function seedWorkspace(
  page: Page,
  size: WorkspaceSize,
  progress: (line: string) => void = () => undefined,
  options: { seed?: number; today?: string } = {},
): Promise<SeedResult> {
  await page.goto('./');
  await page.waitForLoadState('domcontentloaded');
  await loadDevApi(page);
  await page.exposeFunction('__benchProgress', progress).catch(() => undefined);
  const result = await page.evaluate(
    ({ size, today, seed }) =>
      window.passerelleDev!.seed(size, {
        today,
        ...(seed !== undefined ? { seed } : {}),
        progress: (line) => (window as unknown as { __benchProgress?: (l: string) => void }).__benchProgress?.(line),
      }),
    { size, today: options.today ?? BENCH_TODAY, seed: options.seed },
  );
  await page.goto('./#/tableau-de-bord');
  return result;
}

export interface ColdOpen {
  dashboardMs: number;
  firstPaintMs: number | null;
  /** When the page first went idle after the dashboard (the app's remaining queries done). */
  settledMs: number;
  rawReadMs: number;
  /** Each store read alone, after the whole read. */
  rawReadByTable: Record<string, { ms: number; records: number }>;
  heapMb: number;
}

/** Reloads the app and waits for the dashboard; in the same page load, reads every table raw. */
export async function coldOpen(page: Page, workspaceId: string): Promise<ColdOpen> {
  if (!page.url().includes('#/tableau-de-bord')) await page.goto('./#/tableau-de-bord');
  await page.reload({ waitUntil: 'commit' });
  await page.waitForFunction(() => window.__benchDashboardReady !== undefined, undefined, { timeout: 300_000, polling: 50 });
  const timing = await page.evaluate(() => ({
    ready: window.__benchDashboardReady!,
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  }));
  const cdp = await page.context().newCDPSession(page);
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  // The raw read waits for the page to settle (the app's other live queries), so that it measures IndexedDB
  // rather than the app's leftover work; the time to that moment is reported too.
  const settledMs = await page.evaluate(
    () => new Promise<number>((resolve) => requestIdleCallback(() => resolve(performance.now()), { timeout: 60_000 })),
  );
  await loadDevApi(page);
  const raw = await page.evaluate((id) => window.passerelleDev!.readAllRaw(id), workspaceId);
  return {
    dashboardMs: timing.ready,
    firstPaintMs: timing.paint,
    settledMs,
    rawReadMs: raw.ms,
    rawReadByTable: raw.byTable,
    heapMb: heap.usedSize / 1024 / 1024,
  };
}

export interface ListScroll {
  firstRenderMs: number;
  frames: number[];
  rows: number;
}

/**
 * Opens a list from the dashboard (hash navigation, as a click in the menu does), times the first frame
 * where its rows exist, then scrolls its scrolling box from top to bottom one step per frame, recording
 * every frame's duration.
 */
export async function scrollList(page: Page, hashPath: string): Promise<ListScroll> {
  await page.evaluate(() => {
    location.hash = '#/tableau-de-bord';
  });
  await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('Tableau de bord'));
  return page.evaluate(async (target) => {
    const ROWS = 'main tbody tr, main [role="row"]';
    const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    const t0 = performance.now();
    location.hash = target;
    let firstRenderMs = Number.NaN;
    for (let i = 0; i < 6_000; i++) {
      await frame();
      if (document.querySelectorAll(ROWS).length > 0) {
        firstRenderMs = performance.now() - t0;
        break;
      }
    }
    const firstRow = document.querySelector(ROWS);
    // The box that scrolls the list: the nearest scrollable ancestor of a row, else the page itself.
    let scroller: Element = document.scrollingElement ?? document.documentElement;
    for (let el = firstRow?.parentElement; el; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (/(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1) {
        scroller = el;
        break;
      }
    }
    scroller.scrollTop = 0;
    await frame();
    const frames: number[] = [];
    const step = Math.max(200, Math.ceil(scroller.scrollHeight / 600));
    let last = await frame();
    for (let i = 0; i < 1_500; i++) {
      const before = scroller.scrollTop;
      scroller.scrollTop = before + step;
      const now = await frame();
      frames.push(now - last);
      last = now;
      if (scroller.scrollTop === before || scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
    }
    return { firstRenderMs, frames, rows: document.querySelectorAll(ROWS).length };
  }, hashPath);
}

// ——— the built files ———

/** The JavaScript the built index.html loads before first paint, and the chunks it loads later. */
export function bundleSizes(rendererDir = path.join(ROOT, 'out/renderer')): BundleResult {
  const html = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const initialFiles = new Set<string>();
  for (const match of html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)) {
    initialFiles.add(match[1]!.replace(/^\.?\//, ''));
  }
  const sizeOf = (file: string) => {
    const content = readFileSync(path.join(rendererDir, file));
    return { file, bytes: content.byteLength, gzip: gzipSync(content).byteLength };
  };
  const initial = [...initialFiles].map(sizeOf);
  const assets = path.join(rendererDir, 'assets');
  const lazyChunks = readdirSync(assets)
    .filter((f) => f.endsWith('.js') && statSync(path.join(assets, f)).isFile())
    .map((f) => `assets/${f}`)
    .filter((f) => !initialFiles.has(f))
    .map(sizeOf)
    .sort((a, b) => b.bytes - a.bytes);
  return {
    initialJs: { files: initial, bytes: initial.reduce((n, f) => n + f.bytes, 0), gzip: initial.reduce((n, f) => n + f.gzip, 0) },
    lazyChunks,
  };
}

// ——— one size, every measure ———

export const ROUTES = { team: '#/equipe', applications: '#/financements' } as const;

export async function measureSize(
  browser: Browser,
  size: WorkspaceSize,
  options: { runs: number; progress?: (line: string) => void; baseURL: string; backupOnly?: boolean },
): Promise<SizeResult> {
  const progress = options.progress ?? (() => undefined);
  const context = await browser.newContext({
    baseURL: options.baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 800 },
  });
  try {
    await prepareContext(context);
    const page = await context.newPage();
    progress(`${size} : création de l’espace…`);
    const seeded = await seedWorkspace(page, size, (line) => progress(`${size} : ${line}`));
    const id = seeded.workspaceId;
    const runs = Math.max(1, options.runs);

    const rows: Row[] = [];
    let rawReadByTable: SizeResult['rawReadByTable'] = [];
    if (!options.backupOnly) {
      const opens: ColdOpen[] = [];
      for (let i = 0; i < runs; i++) {
        opens.push(await coldOpen(page, id));
        progress(`${size} : ouverture ${i + 1}/${runs} — ${Math.round(opens[i]!.dashboardMs)} ms`);
      }
      const engine = await page.evaluate(({ id, today, runs }) => window.passerelleDev!.deadlineEngine(id, today, runs), {
        id,
        today: BENCH_TODAY,
        runs,
      });
      progress(`${size} : moteur d’échéances — ${Math.round(median(engine.ms))} ms`);
      const searching = await page.evaluate(({ id, runs }) => window.passerelleDev!.searchKeystrokes(id, runs), { id, runs });
      progress(
        `${size} : recherche — une frappe ${median(searching.ms).toFixed(1)} ms (p95 ${percentile(searching.ms, 95).toFixed(1)} ms)`,
      );
      const searchRows: Row[] = [
        {
          id: 'search-build',
          label: 'Recherche : construction de l’index',
          value: searching.buildMs,
          unit: 'ms',
          note: `${searching.records} fiches`,
        },
        {
          id: 'search-keystroke',
          label: 'Recherche : une frappe (médiane)',
          value: median(searching.ms),
          unit: 'ms',
          samples: searching.ms,
          note: `« ${searching.query} » lettre par lettre`,
        },
        { id: 'search-keystroke-p95', label: 'Recherche : une frappe (p95)', value: percentile(searching.ms, 95), unit: 'ms' },
      ];
      if (process.env.BENCH_ONLY === 'search') {
        return {
          size,
          counts: seeded.counts,
          seed: { generateMs: seeded.generateMs, writeMs: seeded.writeMs },
          rows: searchRows,
          rawReadByTable: [],
        };
      }

      const lists: Record<keyof typeof ROUTES, ListScroll[]> = { team: [], applications: [] };
      for (const key of Object.keys(ROUTES) as (keyof typeof ROUTES)[]) {
        for (let i = 0; i < runs; i++) lists[key].push(await scrollList(page, ROUTES[key]));
        progress(`${size} : défilement ${key} — ${lists[key].at(-1)!.rows} lignes affichées`);
      }

      await loadDevApi(page);
      const pdfs: { loadMs: number; renderMs: number }[] = [];
      for (let i = 0; i < runs; i++) pdfs.push(await page.evaluate(() => window.passerelleDev!.onePagePdf()));
      const dossiers: { ms: number; bytes: number; lines: number }[] = [];
      for (let i = 0; i < runs; i++) {
        dossiers.push(await page.evaluate(({ id, today }) => window.passerelleDev!.dossierPdf(id, today), { id, today: BENCH_TODAY }));
        progress(`${size} : dossier PDF ${i + 1}/${runs} — ${Math.round(dossiers[i]!.ms)} ms`);
      }

      const dashboard = opens.map((o) => o.dashboardMs);
      const raw = opens.map((o) => o.rawReadMs);
      const paints = opens.flatMap((o) => (o.firstPaintMs === null ? [] : [o.firstPaintMs]));
      const listRows = (key: keyof typeof ROUTES, name: string): Row[] => {
        const frames = lists[key].flatMap((l) => l.frames);
        return [
          {
            id: `${key}-first-render`,
            label: `${name} : premier affichage`,
            value: median(lists[key].map((l) => l.firstRenderMs)),
            unit: 'ms',
            samples: lists[key].map((l) => l.firstRenderMs),
          },
          {
            id: `${key}-frame-median`,
            label: `${name} : défilement, image médiane`,
            value: median(frames),
            unit: 'ms',
            note: `${frames.length} images, ${lists[key].at(-1)!.rows} lignes dans le DOM`,
          },
          { id: `${key}-frame-p95`, label: `${name} : défilement, image p95`, value: percentile(frames, 95), unit: 'ms' },
        ];
      };
      const onePage = median(pdfs.map((p) => p.renderMs));
      const dossierMs = median(dossiers.map((d) => d.ms));
      // One label for every size (the table prints one column per size): S is the fixture association's
      // dossier, L and XL the espace's largest action budget.
      const dossierLabel = 'PDF : dossier (S : l’exemple ; L, XL : le plus gros)';
      const dossierNote = `action de ${dossiers[0]!.lines} lignes de budget, ${Math.round(dossiers[0]!.bytes / 1024)} ko, lecture des données comprise`;
      rows.push(
        { id: 'cold-open', label: 'Ouverture à froid → échéances affichées', value: median(dashboard), unit: 'ms', samples: dashboard },
        {
          id: 'first-paint',
          label: 'Premier affichage (first contentful paint)',
          value: paints.length ? median(paints) : null,
          unit: 'ms',
          samples: paints,
        },
        {
          id: 'settled',
          label: 'Page au repos après l’ouverture (requestIdleCallback)',
          value: median(opens.map((o) => o.settledMs)),
          unit: 'ms',
          samples: opens.map((o) => o.settledMs),
        },
        { id: 'raw-read', label: 'Lecture brute de toutes les tables (getAll)', value: median(raw), unit: 'ms', samples: raw },
        { id: 'cold-open-ratio', label: 'Ouverture ÷ lecture brute', value: median(dashboard) / median(raw), unit: '×' },
        {
          id: 'deadline-engine',
          label: `Moteur d’échéances seul (${engine.deadlines} échéances)`,
          value: median(engine.ms),
          unit: 'ms',
          samples: engine.ms,
        },
        ...searchRows,
        ...listRows('team', 'Équipe'),
        ...listRows('applications', 'Demandes de subvention'),
        { id: 'pdf-one-page-load', label: 'PDF : chargement de pdfmake (premier import)', value: pdfs[0]!.loadMs, unit: 'ms' },
        { id: 'pdf-one-page', label: 'PDF : une page pdfmake', value: onePage, unit: 'ms', samples: pdfs.map((p) => p.renderMs) },
        { id: 'pdf-dossier', label: dossierLabel, value: dossierMs, unit: 'ms', samples: dossiers.map((d) => d.ms), note: dossierNote },
        { id: 'pdf-dossier-ratio', label: `${dossierLabel} ÷ une page`, value: dossierMs / onePage, unit: '×' },
        {
          id: 'heap',
          label: 'Tas JS après le tableau de bord',
          value: median(opens.map((o) => o.heapMb)),
          unit: 'Mo',
          samples: opens.map((o) => o.heapMb),
        },
      );
      rawReadByTable = Object.entries(opens.at(-1)!.rawReadByTable)
        .map(([table, t]) => ({ table, ...t }))
        .sort((a, b) => b.ms - a.ms);
    }

    const backups: BackupRestoreMeasure[] = [];
    for (let i = 0; i < runs; i++) {
      backups.push(await page.evaluate((id) => window.passerelleDev!.backupAndRestore(id), id));
      progress(
        `${size} : sauvegarde ${i + 1}/${runs} — ${Math.round(backups[i]!.backupMs)} ms, restauration ${Math.round(backups[i]!.restoreMs)} ms`,
      );
    }
    const backupRows: Row[] = [
      {
        id: 'backup',
        label: 'Sauvegarde de l’espace entier',
        value: median(backups.map((b) => b.backupMs)),
        unit: 'ms',
        samples: backups.map((b) => b.backupMs),
      },
      { id: 'backup-size', label: 'Taille du fichier de sauvegarde', value: backups[0]!.bytes, unit: 'octets' },
      {
        id: 'backup-heap',
        label: 'Sauvegarde : tas JS au plus haut',
        value: Math.max(...backups.map((b) => b.backupPeakMb)),
        unit: 'Mo',
        samples: backups.map((b) => b.backupPeakMb),
      },
      {
        id: 'restore',
        label: 'Restauration de l’espace entier (vérification, copie d’annulation, écriture)',
        value: median(backups.map((b) => b.restoreMs)),
        unit: 'ms',
        samples: backups.map((b) => b.restoreMs),
      },
      {
        id: 'restore-check',
        label: 'Restauration : lecture et vérification du fichier (dont schémas zod)',
        value: median(backups.map((b) => b.checkMs)),
        unit: 'ms',
        samples: backups.map((b) => b.checkMs),
      },
      {
        id: 'restore-copy',
        label: 'Restauration : copie d’annulation (sauvegarde de l’espace présent, rangée à part)',
        value: median(backups.map((b) => b.copyMs)),
        unit: 'ms',
        samples: backups.map((b) => b.copyMs),
      },
      {
        id: 'restore-write',
        label: 'Restauration : écriture (une transaction)',
        value: median(backups.map((b) => b.writeMs)),
        unit: 'ms',
        samples: backups.map((b) => b.writeMs),
      },
      {
        id: 'restore-heap',
        label: 'Restauration : tas JS au plus haut',
        value: Math.max(...backups.map((b) => b.restorePeakMb)),
        unit: 'Mo',
        samples: backups.map((b) => b.restorePeakMb),
      },
      {
        id: 'backup-block',
        label: 'Sauvegarde : fenêtre tenue au plus long (une image = 16 ms)',
        value: Math.max(...backups.map((b) => b.backupBlockMs)),
        unit: 'ms',
        samples: backups.map((b) => b.backupBlockMs),
      },
      {
        id: 'restore-block',
        label: 'Restauration : fenêtre tenue au plus long',
        value: Math.max(...backups.map((b) => b.restoreBlockMs)),
        unit: 'ms',
        samples: backups.map((b) => b.restoreBlockMs),
      },
    ];
    rows.push(...backupRows);
    return { size, counts: seeded.counts, seed: { generateMs: seeded.generateMs, writeMs: seeded.writeMs }, rows, rawReadByTable };
  } finally {
    await context.close();
  }
}

export function machine(chromium: string): BenchResult['machine'] {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? 'inconnu',
    memoryGb: round(os.totalmem() / 1024 ** 3),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    chromium,
  };
}

// ——— printing ———

function formatValue(row: Row): string {
  if (row.value === null || Number.isNaN(row.value)) return '—';
  if (row.unit === 'octets') return `${(row.value / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 0 })} Ko`;
  if (row.unit === '×') return `${row.value.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} ×`;
  if (row.unit === 'Mo') return `${row.value.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
  return `${row.value.toLocaleString('fr-FR', { maximumFractionDigits: row.value < 10 ? 1 : 0 })} ms`;
}

export function formatResult(result: BenchResult): string {
  const m = result.machine;
  const lines = [
    `Passerelle — bench du ${result.date}`,
    `Machine : ${m.cores} cœurs (${m.cpu}), ${m.memoryGb} Go, ${m.platform} ; Chromium ${m.chromium} ; Node ${m.node} ; médiane de ${result.runs} essais`,
    '',
  ];
  const sizes = result.sizes.map((s) => s.size);
  const ids = result.sizes[0]?.rows.map((r) => r.id) ?? [];
  const labelWidth = Math.max(...(result.sizes[0]?.rows.map((r) => r.label.length) ?? [10]), 20);
  lines.push(`${'Mesure'.padEnd(labelWidth)}  ${sizes.map((s) => s.padStart(12)).join('')}`);
  for (const id of ids) {
    const rows = result.sizes.map((s) => s.rows.find((r) => r.id === id));
    const first = rows[0]!;
    lines.push(`${first.label.padEnd(labelWidth)}  ${rows.map((r) => (r ? formatValue(r) : '').padStart(12)).join('')}`);
  }
  const notes = [...new Set(result.sizes.flatMap((s) => s.rows.filter((r) => r.note).map((r) => `${s.size} — ${r.label} : ${r.note}`)))];
  lines.push(
    '',
    `Enregistrements : ${result.sizes
      .map(
        (s) =>
          `${s.size} = ${Object.values(s.counts)
            .reduce((a, b) => a + b, 0)
            .toLocaleString('fr-FR')}`,
      )
      .join(', ')}`,
  );
  const b = result.bundle;
  lines.push(
    `JavaScript initial (avant le premier affichage) : ${(b.initialJs.bytes / 1024).toFixed(0)} Ko, ${(b.initialJs.gzip / 1024).toFixed(0)} Ko gzip (${b.initialJs.files.map((f) => f.file).join(', ')})`,
    `Morceaux chargés plus tard : ${b.lazyChunks.length ? b.lazyChunks.map((c) => `${c.file} ${(c.gzip / 1024).toFixed(0)} Ko gzip`).join(', ') : 'aucun'}`,
  );
  for (const s of result.sizes.filter((size) => size.rawReadByTable.length > 0)) {
    const top = s.rawReadByTable.slice(0, 5).map((t) => `${t.table} ${Math.round(t.ms)} ms (${t.records})`);
    lines.push(`Lecture brute ${s.size}, tables seules les plus lentes : ${top.join(', ')}`);
  }
  if (notes.length) lines.push('', 'Notes :', ...notes.map((n) => `  ${n}`));
  return lines.join('\n');
}
