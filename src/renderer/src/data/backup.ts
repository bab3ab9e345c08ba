import { Dexie } from 'dexie';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  CHECKSUM_MISMATCH,
  parseBackupEnvelope,
  WRONG_PASSPHRASE,
  type BackupEnvelope,
} from '../domain/backup/backup-envelope';
import { newStamps } from '../domain/record';
import type { WorkspaceRecord } from '../domain/workspace';
import { decodeValue, encodeValue } from './backup-codec';
import { decryptText, encryptText, sha256Hex } from './backup-crypto';
import type { RegistryDb } from './registry-db';
import { declareVersions, latestVersion, workspaceVersions } from './schema';
import { WorkspaceDb } from './workspace-db';

// Backups are written over `db.tables` and the schema's declared stores, never over a list of entities, so
// that a table added by a later version is covered without new code.

export type BackupTables = Record<string, unknown[]>;

export interface OpenedBackup {
  envelope: BackupEnvelope;
  tables: BackupTables;
}

export type OpenBackupResult =
  | { ok: true; backup: OpenedBackup }
  | { ok: false; error: string; needsPassphrase?: boolean };

async function readAllTables(db: Dexie): Promise<BackupTables> {
  const tables: BackupTables = {};
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) tables[table.name] = await table.toArray();
  });
  return tables;
}

export async function createBackup(
  db: WorkspaceDb,
  workspace: { id: string; name: string },
  appVersion: string,
  options: { now?: Date; passphrase?: string; iterations?: number } = {},
): Promise<{ envelope: BackupEnvelope; bytes: Uint8Array }> {
  const raw = await readAllTables(db);
  // Blobs are read outside the transaction: awaiting a non-Dexie promise inside one would end it.
  const encoded = (await encodeValue(raw)) as BackupTables;
  const plain = JSON.stringify(encoded);
  let payload = plain;
  let encryption: BackupEnvelope['encryption'] = null;
  if (options.passphrase) {
    const sealed = await encryptText(plain, options.passphrase, options.iterations);
    payload = sealed.ciphertext;
    encryption = sealed.encryption;
  }
  const envelope: BackupEnvelope = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: db.verno,
    appVersion,
    createdAt: (options.now ?? new Date()).toISOString(),
    workspace: { id: workspace.id, name: workspace.name },
    counts: Object.fromEntries(Object.entries(raw).map(([name, rows]) => [name, rows.length])),
    checksum: await sha256Hex(payload),
    encryption,
    payload,
  };
  return { envelope, bytes: new TextEncoder().encode(JSON.stringify(envelope)) };
}

function storesAt(version: number): Set<string> {
  const names = new Set<string>();
  for (const entry of workspaceVersions) {
    if (entry.version > version) break;
    for (const [name, definition] of Object.entries(entry.stores)) {
      if (definition === null) names.delete(name);
      else names.add(name);
    }
  }
  return names;
}

/**
 * Reads and checks a backup file without touching any database: what it is, whether it is whole, and its
 * records. A protected backup needs its passphrase.
 */
export async function openBackup(bytes: Uint8Array, options: { passphrase?: string } = {}): Promise<OpenBackupResult> {
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
    if (!options.passphrase) {
      return { ok: false, needsPassphrase: true, error: 'Cette sauvegarde est protégée : saisissez sa phrase de passe.' };
    }
    const decrypted = await decryptText(envelope.payload, envelope.encryption, options.passphrase);
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
  const known = storesAt(envelope.schemaVersion);
  for (const [name, rows] of Object.entries(tables)) {
    if (!known.has(name)) return { ok: false, error: `La sauvegarde contient une table inconnue (« ${name} »).` };
    if (!Array.isArray(rows) || rows.length !== envelope.counts[name]) {
      return { ok: false, error: `La sauvegarde est abîmée : la table « ${name} » n’a pas le nombre d’éléments annoncé.` };
    }
  }
  return { ok: true, backup: { envelope, tables: tables as BackupTables } };
}

/**
 * Brings records of an older schema to the current one by running the real upgrades: they are written
 * into a scratch database at their own version, which is then reopened at the latest version.
 */
export async function upgradeTables(tables: BackupTables, fromVersion: number): Promise<BackupTables> {
  const latest = latestVersion(workspaceVersions);
  if (fromVersion === latest) return tables;
  const name = `passerelle-upgrade-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  declareVersions(old, workspaceVersions, fromVersion);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
  const upgraded = new Dexie(name);
  declareVersions(upgraded, workspaceVersions);
  try {
    await upgraded.open();
    return await readAllTables(upgraded);
  } finally {
    upgraded.close();
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

async function replaceAll(db: WorkspaceDb, tables: BackupTables): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) {
      await table.clear();
      const rows = tables[table.name];
      if (rows && rows.length > 0) await table.bulkAdd(rows);
    }
  });
}

const undoKey = (workspaceId: string) => `restoreUndo:${workspaceId}`;

interface RestoreUndo {
  at: string;
  backup: string;
}

/**
 * Replaces an espace's records with a backup's. What it held before is kept first, so that « Annuler la
 * restauration » can bring it back.
 */
export async function restoreIntoWorkspace(
  registry: RegistryDb,
  workspace: { id: string; name: string },
  backup: OpenedBackup,
  appVersion: string,
  now: Date = new Date(),
): Promise<void> {
  const tables = rekey(await upgradeTables(backup.tables, backup.envelope.schemaVersion), backup.envelope.workspace.id, workspace.id);
  const db = new WorkspaceDb(workspace.id);
  try {
    const previous = await createBackup(db, workspace, appVersion, { now });
    const undo: RestoreUndo = { at: now.toISOString(), backup: new TextDecoder().decode(previous.bytes) };
    await registry.settings.put({ key: undoKey(workspace.id), value: undo });
    await replaceAll(db, tables);
  } finally {
    db.close();
  }
}

export async function restoreUndoAvailable(registry: RegistryDb, workspaceId: string): Promise<string | undefined> {
  const entry = await registry.settings.get(undoKey(workspaceId));
  return (entry?.value as RestoreUndo | undefined)?.at;
}

/** Puts back what the espace held before the last restore. */
export async function undoRestore(registry: RegistryDb, workspaceId: string): Promise<boolean> {
  const entry = await registry.settings.get(undoKey(workspaceId));
  const undo = entry?.value as RestoreUndo | undefined;
  if (!undo) return false;
  const opened = await openBackup(new TextEncoder().encode(undo.backup));
  if (!opened.ok) throw new Error(opened.error);
  const db = new WorkspaceDb(workspaceId);
  try {
    await replaceAll(db, opened.backup.tables);
  } finally {
    db.close();
  }
  await registry.settings.delete(undoKey(workspaceId));
  return true;
}

/**
 * Restores a backup as an espace of its own — on a new laptop, or beside the current data. It keeps the
 * backup's espace id when this laptop does not know it, so a later backup of it restores in place.
 */
export async function restoreAsNewWorkspace(
  registry: RegistryDb,
  backup: OpenedBackup,
  now: Date = new Date(),
): Promise<WorkspaceRecord> {
  const original = backup.envelope.workspace;
  const known = await registry.workspaces.get(original.id);
  const id = known ? crypto.randomUUID() : original.id;
  const names = new Set((await registry.workspaces.toArray()).filter((w) => w.deletedAt === null).map((w) => w.name));
  const name = names.has(original.name) ? `${original.name} (restauré)` : original.name;
  const tables = rekey(await upgradeTables(backup.tables, backup.envelope.schemaVersion), original.id, id);
  const db = new WorkspaceDb(id);
  try {
    await replaceAll(db, tables);
  } finally {
    db.close();
  }
  const record: WorkspaceRecord = { ...newStamps(id, now), name };
  await registry.workspaces.add(record);
  return record;
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
