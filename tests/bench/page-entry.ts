import {
  createBackup,
  openBackup,
  restoreIntoWorkspace,
  RESTORE_COPY_MEASURE,
  RESTORE_WRITE_MEASURE,
} from '../../src/renderer/src/data/backup';
import { deleteRestoreCopiesExcept } from '../../src/renderer/src/data/restore-copy';
import { protectInPlace } from '../../src/renderer/src/data/workspace-protection';
import { RegistryDb } from '../../src/renderer/src/data/registry-db';
import { setCurrentPerson } from '../../src/renderer/src/data/session';
import { WorkspaceDb, workspaceDbName } from '../../src/renderer/src/data/workspace-db';
import { createWorkspace, setCurrentWorkspaceId } from '../../src/renderer/src/data/workspace-repository';
import { classifyDeadlines } from '../../src/renderer/src/domain/deadlines/engine';
import { fundingDeadlines } from '../../src/renderer/src/domain/deadlines/funding-deadlines';
import { partnerDeadlines } from '../../src/renderer/src/domain/deadlines/partner-deadlines';
import { staffDeadlines } from '../../src/renderer/src/domain/deadlines/end-of-contract';
import { trialRulesFor } from '../../src/renderer/src/domain/team/trial-period';
import { workspaceOfSize, tableCounts, type WorkspaceSize } from '../fixtures/generator';

// What the seed command and the bench run inside the page of the built browser host. Bundled on its own
// (scripts/bench/bundle.mjs → out/bench/), served beside the app by a Playwright route, and never part of
// the app's bundle. It writes with the app's own data modules, as the app would.

export const SEED_PERSON = 'Camille Girard';
const PERSON_CONFIRMED_KEY = 'passerelle.personConfirmedFor';
const CHUNK = 5_000;

export interface SeedResult {
  workspaceId: string;
  name: string;
  counts: Record<string, number>;
  generateMs: number;
  writeMs: number;
}

/**
 * Creates an espace through the registry as the first-run screen does, fills it with the generated records
 * (bulkPut in large transactions, outside the journal: the journal entries are generated data) and makes it
 * the current espace, with its keyboard person already confirmed for this tab.
 */
export async function seed(
  size: WorkspaceSize,
  options: { seed?: number; today?: string; name?: string; progress?: (line: string) => void } = {},
): Promise<SeedResult> {
  const progress = options.progress ?? (() => undefined);
  const t0 = performance.now();
  const espace = workspaceOfSize(size, options);
  const generateMs = performance.now() - t0;
  progress(`généré en ${Math.round(generateMs)} ms`);

  const registry = new RegistryDb();
  const created = await createWorkspace(registry, options.name ?? espace.name);
  if (!created.ok) throw new Error(Object.values(created.errors).join(' '));
  const workspaceId = created.value.id;
  const t1 = performance.now();
  const db = new WorkspaceDb(workspaceId);
  try {
    const profile = await db.association.get(workspaceId);
    await db.association.put({ ...profile!, ...espace.profile, id: workspaceId });
    for (const [name, rows] of Object.entries(espace.tables) as [string, unknown[]][]) {
      const table = db.table(name);
      for (let i = 0; i < rows.length; i += CHUNK) {
        // Dexie's own transaction on the raw table: no middleware runs on a bulk load of generated data.
        await db.transaction('rw', table, () => table.bulkPut(rows.slice(i, i + CHUNK)));
        progress(`${name} : ${Math.min(i + CHUNK, rows.length)} / ${rows.length}`);
      }
    }
  } finally {
    db.close();
  }
  await setCurrentWorkspaceId(registry, workspaceId);
  await setCurrentPerson(registry, workspaceId, SEED_PERSON);
  registry.close();
  sessionStorage.setItem(PERSON_CONFIRMED_KEY, workspaceId);
  return { workspaceId, name: created.value.name, counts: tableCounts(espace.tables), generateMs, writeMs: performance.now() - t1 };
}

function getAll(idb: IDBDatabase, names: string[]): Promise<unknown[][]> {
  const tx = idb.transaction(names, 'readonly');
  return Promise.all(
    names.map(
      (name) =>
        new Promise<unknown[]>((resolve, reject) => {
          const request = tx.objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        }),
    ),
  );
}

/**
 * Every store of the espace read raw (IndexedDB getAll, no Dexie): the floor for anything needing all data.
 * Then each store alone, to say where the time goes.
 */
export async function readAllRaw(
  workspaceId: string,
): Promise<{ ms: number; records: number; byTable: Record<string, { ms: number; records: number }> }> {
  const t0 = performance.now();
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(workspaceDbName(workspaceId));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const names = [...idb.objectStoreNames];
  const all = await getAll(idb, names);
  const ms = performance.now() - t0;
  const byTable: Record<string, { ms: number; records: number }> = {};
  for (const name of names) {
    const t1 = performance.now();
    const [rows] = await getAll(idb, [name]);
    byTable[name] = { ms: performance.now() - t1, records: rows!.length };
  }
  idb.close();
  return { ms, records: all.reduce((n, rows) => n + rows.length, 0), byTable };
}

/** The deadline engine alone: every source's rules and the board, on data already in memory. */
export async function deadlineEngine(workspaceId: string, today: string, runs: number): Promise<{ ms: number[]; deadlines: number }> {
  const db = new WorkspaceDb(workspaceId);
  try {
    const [
      funders,
      applications,
      payments,
      agreements,
      agreementParties,
      partners,
      documents,
      people,
      contracts,
      amendments,
      aidedPosts,
      states,
    ] = await Promise.all([
      db.funders.toArray(),
      db.grantApplications.toArray(),
      db.payments.toArray(),
      db.agreements.toArray(),
      db.agreementParties.toArray(),
      db.partners.toArray(),
      db.documents.toArray(),
      db.people.toArray(),
      db.contracts.toArray(),
      db.amendments.toArray(),
      db.aidedPosts.toArray(),
      db.deadlineStates.toArray(),
    ]);
    const profile = await db.association.get(workspaceId);
    const ms: number[] = [];
    let count = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const deadlines = [
        ...fundingDeadlines({ funders, applications, payments }, today),
        ...partnerDeadlines({ agreements, agreementParties, partners, documents }, today),
        ...staffDeadlines({ people, contracts, amendments, aidedPosts }, today, {
          trialRules: trialRulesFor(profile?.collectiveAgreement),
          alsaceMoselle: profile?.alsaceMoselle ?? false,
        }),
      ];
      classifyDeadlines(deadlines, states, today);
      ms.push(performance.now() - t0);
      count = deadlines.length;
    }
    return { ms, deadlines: count };
  } finally {
    db.close();
  }
}

/**
 * The highest JS heap seen while `work` runs, sampled every 10 ms (the backup and the restore yield to the
 * event loop between chunks, so the sampler runs). Chromium is started with --enable-precise-memory-info,
 * and with --expose-gc so that each measure starts from a collected heap. The longest gap between two
 * samples is the longest the window was held (a frozen window would show it); a frame is 16 ms.
 */
async function withPeakHeap<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number; longestBlockMs: number }> {
  const memory = () => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  (globalThis as { gc?: () => void }).gc?.();
  let peak = memory();
  let last = performance.now();
  let longest = 0;
  const sample = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    peak = Math.max(peak, memory());
  };
  const timer = setInterval(sample, 10);
  try {
    const result = await work();
    sample();
    return { result, peakMb: peak / 1024 / 1024, longestBlockMs: longest };
  } finally {
    clearInterval(timer);
  }
}

export interface BackupRestoreMeasure {
  backupMs: number;
  restoreMs: number;
  /** The restore's phases: reading and checking the file, the copy kept for the undo, the writes. */
  checkMs: number;
  copyMs: number;
  writeMs: number;
  bytes: number;
  backupPeakMb: number;
  restorePeakMb: number;
  /** The longest the window was held during each (ms). */
  backupBlockMs: number;
  restoreBlockMs: number;
}

const lastMeasure = (name: string) => performance.getEntriesByName(name, 'measure').at(-1)?.duration ?? Number.NaN;

/**
 * A backup of the whole espace, then its restore in place (reading and checking the file, the copy kept
 * for « Annuler la restauration », the writes), as the Sauvegardes page does them.
 */
export async function backupAndRestore(workspaceId: string): Promise<BackupRestoreMeasure> {
  const registry = new RegistryDb();
  const db = new WorkspaceDb(workspaceId);
  try {
    const workspace = (await registry.workspaces.get(workspaceId))!;
    const t0 = performance.now();
    const backup = await withPeakHeap(() => createBackup(db, workspace, 'bench'));
    const backupMs = performance.now() - t0;
    const { bytes } = backup.result;
    db.close();
    const t1 = performance.now();
    let checkMs = 0;
    const restore = await withPeakHeap(async () => {
      const opened = await openBackup(bytes);
      checkMs = performance.now() - t1;
      if (!opened.ok) throw new Error(opened.error);
      await restoreIntoWorkspace(registry, workspace, opened.backup, 'bench');
    });
    const restoreMs = performance.now() - t1;
    const copyMs = lastMeasure(RESTORE_COPY_MEASURE);
    const writeMs = lastMeasure(RESTORE_WRITE_MEASURE);
    // restoreIntoWorkspace keeps the previous content for « Annuler la restauration »: not part of the espace.
    await registry.settings.delete(`restoreUndo:${workspaceId}`);
    await deleteRestoreCopiesExcept(new Set());
    return {
      backupMs,
      restoreMs,
      checkMs,
      copyMs,
      writeMs,
      bytes: bytes.byteLength,
      backupPeakMb: backup.peakMb,
      restorePeakMb: restore.peakMb,
      backupBlockMs: backup.longestBlockMs,
      restoreBlockMs: restore.longestBlockMs,
    };
  } finally {
    db.close();
    registry.close();
  }
}

/** A one-page pdfmake document, pdfmake loaded lazily as the app's reports/pdf-renderer.ts will. */
export async function onePagePdf(): Promise<{ loadMs: number; renderMs: number; bytes: number }> {
  const t0 = performance.now();
  const { renderOnePage } = await import('./page-pdf');
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  const bytes = await renderOnePage();
  return { loadMs, renderMs: performance.now() - t1, bytes };
}

/** Protects an espace and encrypts it in place, as Réglages does (the full 600 000 iterations). */
export async function protectWorkspace(workspaceId: string, passphrase: string): Promise<{ ms: number; steps: number; records: number }> {
  const db = new WorkspaceDb(workspaceId);
  let steps = 0;
  let records = 0;
  const t0 = performance.now();
  try {
    await protectInPlace(db, passphrase, (step) => {
      steps += 1;
      records = step.total;
    });
    return { ms: performance.now() - t0, steps, records };
  } finally {
    db.close();
  }
}

/**
 * Search (Ctrl+K): the index built from the espace's records, then one search per keystroke of a person's
 * name typed letter by letter without accents (« faure sofiane »), `runs` times — what the box does as
 * one types, each keystroke narrowing the previous one's matches. The rendering of the list is not counted.
 */
export async function searchKeystrokes(
  workspaceId: string,
  runs: number,
): Promise<{ buildMs: number; ms: number[]; records: number; query: string }> {
  const [{ loadSearchIndex }, { searchFrom, foldForSearch }] = await Promise.all([
    import('../../src/renderer/src/data/search-data'),
    import('../../src/renderer/src/domain/search/search'),
  ]);
  const db = new WorkspaceDb(workspaceId);
  try {
    const people = await db.people.toArray();
    const person = people[Math.floor(people.length / 2)]!;
    const query = foldForSearch(`${person.lastName} ${person.firstName}`);
    const t0 = performance.now();
    const index = await loadSearchIndex(db);
    const buildMs = performance.now() - t0;
    const ms: number[] = [];
    for (let r = 0; r < runs; r++) {
      // As the box does: each keystroke narrows the previous one's matches.
      let state: Parameters<typeof searchFrom>[2];
      for (let i = 1; i <= query.length; i++) {
        const t = performance.now();
        state = searchFrom(index, query.slice(0, i), state).state;
        ms.push(performance.now() - t);
      }
    }
    return { buildMs, ms, records: index.entries.length, query };
  } finally {
    db.close();
  }
}

const api = { seed, readAllRaw, deadlineEngine, backupAndRestore, onePagePdf, dossierPdf, protectWorkspace, searchKeystrokes };
export type PasserelleDev = typeof api;
(window as unknown as { passerelleDev: PasserelleDev }).passerelleDev = api;

/**
 * The dossier of the action with the largest budget in the espace (the fixture association's on S), built
 * and rendered as the « Dossiers » page does: sources read, model built, pdfmake through the app's renderer.
 */
export async function dossierPdf(workspaceId: string, today: string): Promise<{ ms: number; bytes: number; lines: number }> {
  const [{ loadDossierSources }, { buildDossierModel }, { grantDossierDefinition }, { renderPdf }] = await Promise.all([
    import('../../src/renderer/src/data/dossier-repository'),
    import('../../src/renderer/src/domain/dossier/dossier-model'),
    import('../../src/renderer/src/reports/grant-dossier-pdf'),
    import('../../src/renderer/src/reports/pdf-renderer'),
  ]);
  const db = new WorkspaceDb(workspaceId);
  try {
    const t0 = performance.now();
    const sources = await loadDossierSources(db);
    if (!sources.profile) throw new Error('no association profile');
    const lineCount = new Map<string, number>();
    for (const line of sources.budgetLines) lineCount.set(line.budgetId, (lineCount.get(line.budgetId) ?? 0) + 1);
    const largest = sources.budgets
      .filter((b) => b.scope === 'project' && b.projectId !== undefined)
      .sort((a, b) => (lineCount.get(b.id) ?? 0) - (lineCount.get(a.id) ?? 0))[0];
    if (!largest) throw new Error('no action budget');
    const lines = sources.budgetLines.filter((l) => l.budgetId === largest.id);
    const applicationIds = new Set(lines.flatMap((l) => (l.grantApplicationId ? [l.grantApplicationId] : [])));
    const applications = sources.applications.filter((a) => applicationIds.has(a.id));
    const funderIds = new Set([...applications.map((a) => a.funderId), ...lines.flatMap((l) => (l.funderId ? [l.funderId] : []))]);
    const model = buildDossierModel({
      profile: sources.profile,
      team: sources.team,
      year: largest.year,
      funders: sources.funders.filter((f) => funderIds.has(f.id)),
      applications,
      projects: sources.projects.filter((p) => p.id === largest.projectId),
      budgets: sources.budgets,
      budgetLines: sources.budgetLines,
      documents: sources.documents,
      filingDate: today,
    });
    const bytes = await renderPdf(grantDossierDefinition(model, { draft: false }));
    return { ms: performance.now() - t0, bytes: bytes.byteLength, lines: lines.length };
  } finally {
    db.close();
  }
}
