import { formatIsoFromDate } from '../../domain/dates';
import { backupFileName, type WorkspaceRecord } from '../../domain/workspace';
import { createBackup, recordBackupMade, requirePassphraseIfProtected, type LastBackup, type ProgressListener } from '../../data/backup';
import type { RegistryDb } from '../../data/registry-db';
import type { WorkspaceDb } from '../../data/workspace-db';
import { currentPlatform } from '../../platform/current-platform';
import { BACKUP_FILTERS } from './backup-format';

/** « Sauvegarder maintenant »: the whole espace in one file the user keeps (save dialog or download). */
/** A protected espace's backup is encrypted with its passphrase (known while it is unlocked). */
export async function saveBackupNow(
  db: WorkspaceDb,
  workspace: Pick<WorkspaceRecord, 'id' | 'name'>,
  passphrase: string | undefined,
  registry: RegistryDb,
  onProgress?: ProgressListener,
): Promise<LastBackup | null> {
  const platform = currentPlatform();
  const info = await platform.appInfo();
  // A tab opened before the espace was protected has no passphrase: it must not write a plain file.
  await requirePassphraseIfProtected(registry, workspace.id, passphrase);
  const backup = await createBackup(db, workspace, info.version, {
    ...(passphrase ? { passphrase } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  const fileName = backupFileName(workspace.name, formatIsoFromDate(new Date()));
  const status = await platform.saveFile(fileName, backup.bytes, BACKUP_FILTERS);
  if (status !== 'saved') return null;
  const made: LastBackup = { at: backup.info.createdAt, fileName, bytes: backup.bytes.byteLength };
  await recordBackupMade(db, made);
  return made;
}
