import { Dexie } from 'dexie';
import { CHECKSUM_MISMATCH, parseBackupEnvelope, WRONG_PASSPHRASE } from '../domain/backup/backup-envelope';
import type { BackupManifest } from '../domain/backup/backup-manifest';
import { recordProblem } from '../domain/backup/record-checks';
import { restoreUndoExpiresAt, restoreUndoOpen } from '../domain/backup/restore-undo';
import { tableLabel } from '../domain/backup/table-labels';
import type { WorkspaceRecord } from '../domain/workspace';
import { decodeValue } from './backup-codec';
import { decryptText, sha256Hex } from './backup-crypto';
import { breathe, looksLikeZip, readFormat2, writeFormat2, type ProgressListener } from './backup-format2';
import { getLockVerifier, passphraseOpens, protectWorkspace } from './workspace-lock';
import type { RegistryDb } from './registry-db';
import { deleteRestoreCopy, readRestoreCopy, writeRestoreCopy } from './restore-copy';
import { declareVersions, latestVersion, workspaceVersions } from './schema';
import { WorkspaceDb } from './workspace-db';
import { createRow, replaceWholeWorkspace } from './write-path';

/** What a backup says of itself, read from its manifest (format 2). */
function infoOfManifest(manifest: BackupManifest): BackupInfo {
  return {
    formatVersion: manifest.formatVersion,
    schemaVersion: manifest.schemaVersion,
    appVersion: manifest.appVersion,
    createdAt: manifest.createdAt,
    workspace: manifest.workspace,
    counts: Object.fromEntries(manifest.tables.map((t) => [t.table, t.count])),
    encrypted: manifest.encryption !== null,
  };
}

// Backups are written over `db.tables` and the schema's declared stores, never over a list of entities, so
// that a table added by a later version is covered without new code. New backups are format 2
// (backup-format2.ts); format-1 files (one JSON envelope) keep restoring. Whatever the format, a backup is
// upgraded by the real schema upgrades and every record checked before anything is written.

export type BackupTables = Record<string, unknown[]>;
import type { BackupProgress } from './backup-format2';
export type { BackupProgress, ProgressListener } from './backup-format2';

/** What the restore preview shows of a backup, whatever its format. */
export interface BackupInfo {
  formatVersion: number;
  schemaVersion: number;
  appVersion: string;
  createdAt: string;
  workspace: { id: string; name: string };
  counts: Record<string, number>;
  encrypted: boolean;
}

export interface OpenedBackup {
  info: BackupInfo;
  /** Every table at the current schema, upgraded and checked. */
  tables: BackupTables;
  /** The passphrase that opened it, kept in memory so that a restore as a new espace stays protected. */
  passphrase?: string;
}

export type OpenBackupResult = { ok: true; backup: OpenedBackup } | { ok: false; error: string; needsPassphrase?: boolean };

export interface BackupOptions {
  now?: Date;
  passphrase?: string;
  iterations?: number;
  onProgress?: ProgressListener;
}

async function readAllTables(db: Dexie): Promise<BackupTables> {
  const tables: BackupTables = {};
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) tables[table.name] = await table.toArray();
  });
  return tables;
}

/** The whole espace as a format-2 file, encrypted with `passphrase` when one is given. */
export async function createBackup(
  db: WorkspaceDb,
  workspace: { id: string; name: string },
  appVersion: string,
  options: BackupOptions = {},
): Promise<{ info: BackupInfo; bytes: Uint8Array<ArrayBuffer> }> {
  const { manifest, bytes } = await writeFormat2(db, workspace, appVersion, options);
  return { info: infoOfManifest(manifest), bytes };
}

/** No plain backup of a protected espace is ever written: its passphrase must come with the request. */
export async function requirePassphraseIfProtected(
  registry: RegistryDb,
  workspaceId: string,
  passphrase: string | undefined,
): Promise<void> {
  if (passphrase === undefined) {
    if (await getLockVerifier(registry, workspaceId)) {
      throw new Error('Cet espace est protégé : déverrouillez-le pour que sa sauvegarde soit chiffrée.');
    }
  } else if (!(await passphraseOpens(registry, workspaceId, passphrase))) {
    throw new Error('La phrase de passe de cet espace a changé : verrouillez puis déverrouillez l’espace, et recommencez.');
  }
}

function storesAt(version: number): Map<string, string> {
  const stores = new Map<string, string>();
  for (const entry of workspaceVersions) {
    if (entry.version > version) break;
    for (const [name, definition] of Object.entries(entry.stores)) {
      if (definition === null) stores.delete(name);
      else stores.set(name, definition);
    }
  }
  return stores;
}

/** The primary key's path of a store definition (`'id, name'` → `id`; `'++id'` → `id`). */
function primaryKeyPath(definition: string): string {
  return (definition.split(',')[0] ?? '').trim().replace(/^(\+\+|&)/, '');
}

async function openFormat1(bytes: Uint8Array, passphrase?: string): Promise<OpenBackupResult> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: 'Ce fichier n’est pas une sauvegarde Passerelle : ce n’est pas un fichier texte.' };
  }
  const parsed = parseBackupEnvelope(text, latestVersion(workspaceVersions));
  if (!parsed.ok) return parsed;
  const { envelope } = parsed;
  if ((await sha256Hex(envelope.payload)) !== envelope.checksum) return { ok: false, error: CHECKSUM_MISMATCH };

  let plain = envelope.payload;
  if (envelope.encryption) {
    if (!passphrase) {
      return { ok: false, needsPassphrase: true, error: 'Cette sauvegarde est protégée : saisissez sa phrase de passe.' };
    }
    if (envelope.encryption.iterations > 2_000_000) {
      return { ok: false, error: 'La sauvegarde demande un calcul de clé hors des limites de Passerelle : elle est refusée.' };
    }
    const decrypted = await decryptText(envelope.payload, envelope.encryption, passphrase);
    if (decrypted === null) return { ok: false, needsPassphrase: true, error: WRONG_PASSPHRASE };
    plain = decrypted;
  }

  let tables: unknown;
  try {
    tables = decodeValue(JSON.parse(plain));
  } catch {
    return { ok: false, error: 'La sauvegarde est abîmée : ses données sont illisibles.' };
  }
  if (typeof tables !== 'object' || tables === null || Array.isArray(tables)) {
    return { ok: false, error: 'La sauvegarde est abîmée : ses données sont illisibles.' };
  }
  for (const [name, rows] of Object.entries(tables)) {
    if (!Array.isArray(rows) || rows.length !== envelope.counts[name]) {
      return { ok: false, error: `La sauvegarde est abîmée : la table « ${tableLabel(name)} » n’a pas le nombre d’éléments annoncé.` };
    }
  }
  const info: BackupInfo = {
    formatVersion: envelope.formatVersion,
    schemaVersion: envelope.schemaVersion,
    appVersion: envelope.appVersion,
    createdAt: envelope.createdAt,
    workspace: envelope.workspace,
    counts: envelope.counts,
    encrypted: envelope.encryption !== null,
  };
  return { ok: true, backup: { info, tables: tables as BackupTables } };
}

/** Every table of the backup's version is there, no other, and no primary key is used twice. */
async function structureProblem(tables: BackupTables, version: number): Promise<string | null> {
  const stores = storesAt(version);
  for (const name of Object.keys(tables)) {
    if (!stores.has(name)) return `La sauvegarde contient une table inconnue (« ${name.slice(0, 80)} »).`;
  }
  for (const [name, definition] of stores) {
    const rows = tables[name];
    if (!rows) return `La sauvegarde est incomplète : la table « ${tableLabel(name)} » manque.`;
    await breathe();
    const keyPath = primaryKeyPath(definition);
    const seen = new Set<unknown>();
    for (const row of rows) {
      const key = typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[keyPath] : undefined;
      if (typeof key !== 'string' || key === '') {
        return `La sauvegarde est abîmée : un élément de la table « ${tableLabel(name)} » n’a pas d’identifiant.`;
      }
      if (seen.has(key)) {
        return `La sauvegarde est abîmée : deux éléments de la table « ${tableLabel(name)} » ont le même identifiant (« ${key.slice(0, 80)} »).`;
      }
      seen.add(key);
    }
  }
  return null;
}

/** Every record through its entity's schema, a table at a time, giving the window its frames between. */
async function firstRecordProblem(tables: BackupTables, onProgress?: ProgressListener): Promise<string | null> {
  const entries = Object.entries(tables);
  for (const [done, [table, rows]] of entries.entries()) {
    onProgress?.({ label: `contrôle de « ${tableLabel(table)} »`, done, total: entries.length });
    for (const [index, row] of rows.entries()) {
      const problem = recordProblem(table, row);
      if (problem) return problem;
      if (index % 256 === 255) await breathe();
    }
  }
  return null;
}

/**
 * Reads and checks a backup file without writing to the espace: what it is, whether it is whole, and its
 * records, upgraded to the current schema and each checked by its entity's schema. A protected backup
 * needs its passphrase.
 */
export async function openBackup(
  bytes: Uint8Array,
  options: { passphrase?: string; onProgress?: ProgressListener } = {},
): Promise<OpenBackupResult> {
  let opened: OpenBackupResult;
  if (looksLikeZip(bytes)) {
    const read = await readFormat2(bytes, options);
    if (!read.ok) return read;
    const { manifest } = read;
    if (manifest.schemaVersion > latestVersion(workspaceVersions)) {
      return {
        ok: false,
        error: `Cette sauvegarde vient d’une version plus récente de Passerelle (schéma ${manifest.schemaVersion}, cette application connaît le schéma ${latestVersion(workspaceVersions)}) : mettez l’application à jour pour la restaurer.`,
      };
    }
    opened = { ok: true, backup: { info: infoOfManifest(manifest), tables: read.tables } };
  } else {
    opened = await openFormat1(bytes, options.passphrase);
  }
  if (!opened.ok) return opened;
  const { info } = opened.backup;
  const before = await structureProblem(opened.backup.tables, info.schemaVersion);
  if (before) return { ok: false, error: before };
  let tables: BackupTables;
  try {
    tables = await upgradeTables(opened.backup.tables, info.schemaVersion);
  } catch {
    return { ok: false, error: 'La sauvegarde n’a pas pu être mise au format de cette version de Passerelle : rien n’a été modifié.' };
  }
  const problem =
    (await structureProblem(tables, latestVersion(workspaceVersions))) ?? (await firstRecordProblem(tables, options.onProgress));
  if (problem) return { ok: false, error: problem };
  return {
    ok: true,
    backup: { info, tables, ...(info.encrypted && options.passphrase ? { passphrase: options.passphrase } : {}) },
  };
}

const UPGRADE_PREFIX = 'passerelle-upgrade-';

/** Scratch databases of upgrades that a closed tab or a crash left behind. */
export async function removeLeftoverUpgradeDatabases(): Promise<void> {
  for (const name of await Dexie.getDatabaseNames()) {
    if (name.startsWith(UPGRADE_PREFIX)) await Dexie.delete(name);
  }
}

/**
 * Brings records of an older schema to the current one by running the real upgrades: they are written
 * into a scratch database at their own version, which is then reopened at the latest version. The scratch
 * database is no espace (no journal, deleted after): its rows are written as they are, off the write path.
 */
export async function upgradeTables(tables: BackupTables, fromVersion: number): Promise<BackupTables> {
  const latest = latestVersion(workspaceVersions);
  if (fromVersion === latest) return tables;
  await removeLeftoverUpgradeDatabases();
  const name = `${UPGRADE_PREFIX}${crypto.randomUUID()}`;
  try {
    const old = new Dexie(name);
    declareVersions(old, workspaceVersions, fromVersion);
    await old.open();
    try {
      await old.transaction('rw', old.tables, async () => {
        for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkAdd(rows);
      });
    } finally {
      old.close();
    }
    const upgraded = new Dexie(name);
    declareVersions(upgraded, workspaceVersions);
    try {
      await upgraded.open();
      return await readAllTables(upgraded);
    } finally {
      upgraded.close();
    }
  } finally {
    await Dexie.delete(name);
  }
}

/** The association profile and the espace's meta are keyed by the espace's id; another id needs new keys. */
function rekey(tables: BackupTables, fromId: string, toId: string): BackupTables {
  if (fromId === toId) return tables;
  const rekeyed = { ...tables };
  rekeyed.association = (tables.association ?? []).map((row) =>
    (row as { id?: string }).id === fromId ? { ...(row as object), id: toId } : row,
  );
  rekeyed.meta = (tables.meta ?? []).map((row) => {
    const entry = row as { key: string; value: unknown };
    return entry.key === 'workspace' ? { ...entry, value: { ...(entry.value as object), id: toId } } : row;
  });
  return rekeyed;
}

/** IndexedDB's failures in the user's words; the transaction was rolled back, so nothing changed. */
function restoreFailure(error: unknown): Error {
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return new Error('Plus assez de place sur cet ordinateur pour restaurer la sauvegarde : rien n’a été modifié.');
  }
  if (name === 'ConstraintError' || inner === 'ConstraintError' || name === 'BulkError') {
    return new Error('Deux éléments de la sauvegarde ont le même identifiant : rien n’a été modifié.');
  }
  return new Error('La restauration n’a pas abouti : rien n’a été modifié.');
}

async function replaceAll(db: WorkspaceDb, tables: BackupTables, onProgress?: ProgressListener): Promise<void> {
  try {
    await replaceWholeWorkspace(db, tables, (name, done, total) => onProgress?.({ label: tableLabel(name), done, total }));
  } catch (error) {
    throw restoreFailure(error);
  }
}

export const RESTORE_COPY_MEASURE = 'passerelle:restore-copy';
export const RESTORE_WRITE_MEASURE = 'passerelle:restore-write';

const undoKey = (workspaceId: string) => `restoreUndo:${workspaceId}`;

export type RestoreKind = 'restore' | 'undo';

interface RestoreUndo {
  /** When the restore (or the undo) happened. */
  at: string;
  /** The copy of the espace as it was just before. */
  copyId?: string;
  kind?: RestoreKind;
  /** Before format 2, the copy was one JSON string here. */
  backup?: string;
}

export interface RestoreOptions {
  now?: Date;
  /** The espace's passphrase when it is protected: the copy kept before the restore is encrypted with it. */
  passphrase?: string;
  iterations?: number;
  onProgress?: ProgressListener;
  kind?: RestoreKind;
}

/**
 * Replaces an espace's records with a backup's. What it held before is copied first; that copy replaces
 * the previous one only once the restore has succeeded, so that « Annuler la restauration » can bring it
 * back. A failure leaves the espace, its previous copy and the registry as they were.
 */
export async function restoreIntoWorkspace(
  registry: RegistryDb,
  workspace: { id: string; name: string },
  backup: OpenedBackup,
  appVersion: string,
  options: RestoreOptions = {},
): Promise<void> {
  const now = options.now ?? new Date();
  await requirePassphraseIfProtected(registry, workspace.id, options.passphrase);
  const tables = rekey(backup.tables, backup.info.workspace.id, workspace.id);
  const db = new WorkspaceDb(workspace.id);
  try {
    // The two phases are measured (performance entries) so that the bench can say where a restore's time goes.
    const copyStart = performance.now();
    const onProgress = options.onProgress;
    const copy = await createBackup(db, workspace, appVersion, {
      now,
      ...(onProgress
        ? { onProgress: (step: BackupProgress) => onProgress({ ...step, label: `copie de l’espace actuel, ${step.label}` }) }
        : {}),
      ...(options.passphrase ? { passphrase: options.passphrase } : {}),
      ...(options.iterations ? { iterations: options.iterations } : {}),
    });
    const copyId = await writeRestoreCopy(copy.bytes);
    performance.measure(RESTORE_COPY_MEASURE, { start: copyStart });
    const writeStart = performance.now();
    try {
      await replaceAll(db, tables, options.onProgress);
    } catch (error) {
      await deleteRestoreCopy(copyId);
      throw error;
    }
    performance.measure(RESTORE_WRITE_MEASURE, { start: writeStart });
    const previous = (await registry.settings.get(undoKey(workspace.id)))?.value as RestoreUndo | undefined;
    const undo: RestoreUndo = { at: now.toISOString(), copyId, kind: options.kind ?? 'restore' };
    await registry.settings.put({ key: undoKey(workspace.id), value: undo });
    if (previous?.copyId) await deleteRestoreCopy(previous.copyId);
  } finally {
    db.close();
  }
}

export interface RestoreUndoOffer {
  /** When the restore (or the undo) was made. */
  at: string;
  kind: RestoreKind;
  /** After this, the offer is gone. */
  expiresAt: string;
  /** Journal entries written since: what an undo would lose (kept in the copy the undo makes). */
  changesSince: number;
}

/** The offer to undo the last restore, while it holds. */
export async function restoreUndoAvailable(
  registry: RegistryDb,
  workspaceId: string,
  now: Date = new Date(),
  openDb?: WorkspaceDb,
): Promise<RestoreUndoOffer | undefined> {
  const undo = (await registry.settings.get(undoKey(workspaceId)))?.value as RestoreUndo | undefined;
  if (!undo || !restoreUndoOpen(undo.at, now)) return undefined;
  const db = openDb ?? new WorkspaceDb(workspaceId);
  try {
    const changesSince = await db.journal.where('at').above(undo.at).count();
    return { at: undo.at, kind: undo.kind ?? 'restore', expiresAt: restoreUndoExpiresAt(undo.at), changesSince };
  } finally {
    if (!openDb) db.close();
  }
}

/**
 * Puts back what the espace held before the last restore. The undo is itself a restore: what the espace
 * holds now is copied first, so that the undo can be undone in turn.
 */
export async function undoRestore(
  registry: RegistryDb,
  workspace: { id: string; name: string },
  appVersion: string,
  options: Omit<RestoreOptions, 'kind'> = {},
): Promise<boolean> {
  const now = options.now ?? new Date();
  const undo = (await registry.settings.get(undoKey(workspace.id)))?.value as RestoreUndo | undefined;
  if (!undo || !restoreUndoOpen(undo.at, now)) return false;
  const bytes = undo.copyId ? await readRestoreCopy(undo.copyId) : undo.backup ? new TextEncoder().encode(undo.backup) : null;
  if (!bytes) throw new Error('La copie d’avant la restauration est introuvable : rien n’a été modifié.');
  const opened = await openBackup(bytes, options.passphrase ? { passphrase: options.passphrase } : {});
  if (!opened.ok) throw new Error(`La copie d’avant la restauration est illisible (${opened.error}) Rien n’a été modifié.`);
  await restoreIntoWorkspace(registry, workspace, opened.backup, appVersion, { ...options, now, kind: 'undo' });
  return true;
}

/**
 * Restores a backup as an espace of its own — on a new laptop, or beside the current data. It keeps the
 * backup's espace id when this laptop does not know it, so a later backup of it restores in place. An
 * encrypted backup gives a protected espace, with the passphrase that opened it.
 */
export async function restoreAsNewWorkspace(
  registry: RegistryDb,
  backup: OpenedBackup,
  now: Date = new Date(),
  options: { onProgress?: ProgressListener; iterations?: number } = {},
): Promise<WorkspaceRecord> {
  const original = backup.info.workspace;
  if (backup.info.encrypted && !backup.passphrase) {
    throw new Error('Cette sauvegarde est protégée : sa phrase de passe est nécessaire pour la restaurer.');
  }
  const known = await registry.workspaces.get(original.id);
  const id = known ? crypto.randomUUID() : original.id;
  const names = new Set((await registry.workspaces.toArray()).filter((w) => w.deletedAt === null).map((w) => w.name));
  const name = names.has(original.name) ? `${original.name} (restauré)` : original.name;
  const tables = rekey(backup.tables, original.id, id);
  const db = new WorkspaceDb(id);
  try {
    await replaceAll(db, tables, options.onProgress);
  } finally {
    db.close();
  }
  if (backup.passphrase) {
    const protectedNow = await protectWorkspace(registry, id, backup.passphrase, backup.passphrase, options.iterations);
    if (!protectedNow.ok) {
      await Dexie.delete(db.name);
      throw new Error('La phrase de passe de cette sauvegarde ne peut pas protéger un espace : rien n’a été créé.');
    }
  }
  return createRow(registry.workspaces, { name }, now, id);
}

const LAST_BACKUP_KEY = 'lastBackup';

export interface LastBackup {
  at: string;
  fileName: string;
  bytes: number;
  automatic?: boolean;
}

export async function recordBackupMade(db: WorkspaceDb, info: LastBackup): Promise<void> {
  await db.meta.put({ key: LAST_BACKUP_KEY, value: info });
}

export async function getLastBackup(db: WorkspaceDb): Promise<LastBackup | undefined> {
  return (await db.meta.get(LAST_BACKUP_KEY))?.value as LastBackup | undefined;
}

const AUTO_BACKUP_PROBLEM_KEY = 'autoBackupProblem';

export interface AutoBackupProblem {
  at: string;
  message: string;
}

/** The last automatic backup's failure, cleared by the next success. */
export async function recordAutoBackupProblem(db: WorkspaceDb, problem: AutoBackupProblem | null): Promise<void> {
  if (problem === null) await db.meta.delete(AUTO_BACKUP_PROBLEM_KEY);
  else await db.meta.put({ key: AUTO_BACKUP_PROBLEM_KEY, value: problem });
}

export async function getAutoBackupProblem(db: WorkspaceDb): Promise<AutoBackupProblem | undefined> {
  return (await db.meta.get(AUTO_BACKUP_PROBLEM_KEY))?.value as AutoBackupProblem | undefined;
}
