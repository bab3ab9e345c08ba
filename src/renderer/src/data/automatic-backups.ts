import { useEffect } from 'react';
import { liveQuery } from 'dexie';
import { backupsToDelete, type BackupFileInfo } from '../domain/backup/retention';
import type { WorkspaceRecord } from '../domain/workspace';
import { createBackup, recordAutoBackupProblem, recordBackupMade, requirePassphraseIfProtected, type LastBackup } from './backup';
import type { RegistryDb } from './registry-db';
import { useRegistry } from './workspace-context';
import type { WorkspaceDb } from './workspace-db';

/** Every few hours, when something changed since the last automatic backup. */
export const AUTO_BACKUP_INTERVAL_MS = 3 * 3600 * 1000;

/**
 * Where automatic backups go. data/ cannot import the platform layer (DESIGN.md decision 3): the app hands
 * in the desktop host's folder with the file names main accepts, or null in the browser.
 */
export interface AutoBackupWriter {
  folder(workspaceId: string): Promise<{ folder: string | null; available: boolean }>;
  /** Writes one backup and returns the espace's automatic backups now in the folder. */
  write(fileName: string, data: Uint8Array): Promise<readonly (BackupFileInfo & { complete?: boolean | undefined })[]>;
  remove(names: string[]): Promise<void>;
  /** The name of this espace's backup made at `at`: part of the contract with main, which writes nothing else. */
  fileName(workspaceId: string, at: Date): string;
}

/** One automatic backup: written to the chosen folder, then older ones pruned by the retention rule. */
export async function runAutomaticBackup(
  db: WorkspaceDb,
  workspace: Pick<WorkspaceRecord, 'id' | 'name'>,
  host: AutoBackupWriter,
  appVersion: string,
  now: Date = new Date(),
  passphrase?: string,
  registry?: RegistryDb,
): Promise<LastBackup> {
  if (registry) await requirePassphraseIfProtected(registry, workspace.id, passphrase);
  const backup = await createBackup(db, workspace, appVersion, passphrase ? { now, passphrase } : { now });
  const fileName = host.fileName(workspace.id, now);
  const files = await host.write(fileName, backup.bytes);
  // Retention counts only files that verify (main checks each entry against the manifest's SHA-256); a file
  // cut short or altered is never « the backup of the day », and goes.
  const whole = files.filter((f) => f.complete !== false);
  const doomed = [
    ...backupsToDelete(whole, now).map((f) => f.name),
    ...files.filter((f) => f.complete === false && f.name !== fileName).map((f) => f.name),
  ];
  if (doomed.length > 0) await host.remove(doomed);
  const made: LastBackup = { at: backup.info.createdAt, fileName, bytes: backup.bytes.byteLength, automatic: true };
  await recordBackupMade(db, made);
  await recordAutoBackupProblem(db, null);
  return made;
}

/**
 * Calls `onChange` after each change to the espace's records, in this tab or another. It is a Dexie
 * liveQuery (its documented change observation, across tabs too) counting every table but `meta`: a live
 * query runs again whenever a table it read is written, so every result after the first says a write
 * happened. `meta` holds the espace's housekeeping (where the last backup is noted): writing there is no
 * change to back up. Returns the unsubscribe function.
 */
export function watchRecordChanges(db: WorkspaceDb, onChange: () => void): () => void {
  const watched = db.tables.filter((table) => table.name !== 'meta');
  let first = true;
  const subscription = liveQuery(() => Promise.all(watched.map((table) => table.count()))).subscribe({
    next: () => {
      if (first) first = false;
      else onChange();
    },
    // A closed or upgraded database: the next tick backs up rather than guess nothing changed.
    error: () => onChange(),
  });
  return () => subscription.unsubscribe();
}

/**
 * What the Sauvegardes page says of a failed automatic backup, in French (DESIGN.md decision 13). Passerelle's
 * own refusals (a plain Error: the passphrase, the folder, main's checks) are already French sentences and
 * are kept; anything else — a TypeError, IndexedDB's or Dexie's named errors — would be English, so the page
 * gets a French sentence and the console the details.
 */
export function autoBackupProblemMessage(error: unknown): string {
  const names = [error, (error as { inner?: unknown } | null)?.inner].map((e) => (e instanceof Error ? e.name : undefined));
  if (names.includes('QuotaExceededError'))
    return 'Plus assez de place pour écrire la sauvegarde automatique\u00a0: libérez de la place puis recommencez.';
  if (error instanceof Error && error.name === 'Error' && error.message !== '') return error.message;
  return 'La sauvegarde automatique n’a pas pu être faite (erreur inattendue, le détail est dans la console)\u00a0: elle sera retentée.';
}

/**
 * In the desktop app, backs the open espace up to the chosen folder at start-up, then every few hours if
 * any of its records changed. `writer` is null where no folder can be written (the browser).
 */
export function useAutomaticBackups(
  db: WorkspaceDb,
  workspace: Pick<WorkspaceRecord, 'id' | 'name'>,
  passphrase: string | undefined,
  writer: AutoBackupWriter | null,
  appVersion: () => Promise<string>,
): void {
  const { id, name } = workspace;
  const registry = useRegistry();
  useEffect(() => {
    if (!writer) return;
    let changed = true;
    let running = false;
    const stopWatching = watchRecordChanges(db, () => {
      changed = true;
    });

    const tick = async () => {
      if (!changed || running) return;
      running = true;
      try {
        const folder = await writer.folder(id);
        if (folder.folder === null) return;
        if (!folder.available) {
          await recordAutoBackupProblem(db, {
            at: new Date().toISOString(),
            message: 'Le dossier des sauvegardes automatiques est inaccessible (clé USB retirée ?).',
          });
          return;
        }
        changed = false;
        await runAutomaticBackup(db, { id, name }, writer, await appVersion(), new Date(), passphrase, registry);
      } catch (e) {
        changed = true;
        console.error('Passerelle: an automatic backup failed', e);
        await recordAutoBackupProblem(db, { at: new Date().toISOString(), message: autoBackupProblemMessage(e) });
      } finally {
        running = false;
      }
    };
    void tick();
    const timer = setInterval(() => void tick(), AUTO_BACKUP_INTERVAL_MS);
    return () => {
      clearInterval(timer);
      stopWatching();
    };
  }, [db, id, name, passphrase, registry, writer, appVersion]);
}
