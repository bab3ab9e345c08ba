import { useEffect } from 'react';
// Not yet moved to data/ (issue 21): it needs the platform's host, which data/ may not import.
// eslint-disable-next-line boundaries/external
import { Dexie } from 'dexie';
import { backupsToDelete } from '../../domain/backup/retention';
import type { WorkspaceRecord } from '../../domain/workspace';
import { createBackup, recordAutoBackupProblem, recordBackupMade, requirePassphraseIfProtected, type LastBackup } from '../../data/backup';
import type { RegistryDb } from '../../data/registry-db';
import { useRegistry } from '../../data/workspace-context';
import type { WorkspaceDb } from '../../data/workspace-db';
import { currentPlatform } from '../../platform/current-platform';
import { autoBackupFileName, type AutoBackupHost } from '../../platform/platform';

/** Every few hours, when something changed since the last automatic backup. */
export const AUTO_BACKUP_INTERVAL_MS = 3 * 3600 * 1000;

/** One automatic backup: written to the chosen folder, then older ones pruned by the retention rule. */
export async function runAutomaticBackup(
  db: WorkspaceDb,
  workspace: Pick<WorkspaceRecord, 'id' | 'name'>,
  host: AutoBackupHost,
  appVersion: string,
  now: Date = new Date(),
  passphrase?: string,
  registry?: RegistryDb,
): Promise<LastBackup> {
  if (registry) await requirePassphraseIfProtected(registry, workspace.id, passphrase);
  const backup = await createBackup(db, workspace, appVersion, passphrase ? { now, passphrase } : { now });
  const fileName = autoBackupFileName(workspace.id, now);
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
 * In the desktop app, backs the open espace up to the chosen folder at start-up, then every few hours if
 * any of its records changed. Writes to the espace's own `meta` (where the last backup is noted) do not
 * count as changes.
 */
export function useAutomaticBackups(
  db: WorkspaceDb,
  workspace: Pick<WorkspaceRecord, 'id' | 'name'>,
  passphrase: string | undefined,
): void {
  const { id, name } = workspace;
  const registry = useRegistry();
  useEffect(() => {
    const host = currentPlatform().autoBackups;
    if (!host) return;
    let changed = true;
    let running = false;
    const prefix = `idb://${db.name}/`;
    const onMutated = (parts: Record<string, unknown>) => {
      if (Object.keys(parts).some((key) => key.startsWith(prefix) && !key.startsWith(`${prefix}meta/`))) changed = true;
    };
    Dexie.on('storagemutated', onMutated);

    const tick = async () => {
      if (!changed || running) return;
      running = true;
      try {
        const folder = await host.folder(id);
        if (folder.folder === null) return;
        if (!folder.available) {
          await recordAutoBackupProblem(db, {
            at: new Date().toISOString(),
            message: 'Le dossier des sauvegardes automatiques est inaccessible (clé USB retirée ?).',
          });
          return;
        }
        changed = false;
        const info = await currentPlatform().appInfo();
        await runAutomaticBackup(db, { id, name }, host, info.version, new Date(), passphrase, registry);
      } catch (e) {
        changed = true;
        await recordAutoBackupProblem(db, { at: new Date().toISOString(), message: e instanceof Error ? e.message : String(e) });
      } finally {
        running = false;
      }
    };
    void tick();
    const timer = window.setInterval(() => void tick(), AUTO_BACKUP_INTERVAL_MS);
    return () => {
      window.clearInterval(timer);
      Dexie.on('storagemutated').unsubscribe(onMutated);
    };
  }, [db, id, name, passphrase, registry]);
}
