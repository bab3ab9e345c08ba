import { formatIsoFromDate } from '../../domain/dates';
import { backupFileName, type WorkspaceRecord } from '../../domain/workspace';
import { createBackup, recordBackupMade, type LastBackup } from '../../data/backup';
import type { WorkspaceDb } from '../../data/workspace-db';
import { currentPlatform } from '../../platform/current-platform';
import { BACKUP_FILTERS } from './backup-format';

/** « Sauvegarder maintenant »: the whole espace in one file the user keeps (save dialog or download). */
export async function saveBackupNow(db: WorkspaceDb, workspace: Pick<WorkspaceRecord, 'id' | 'name'>): Promise<LastBackup | null> {
  const platform = currentPlatform();
  const info = await platform.appInfo();
  const backup = await createBackup(db, workspace, info.version);
  const fileName = backupFileName(workspace.name, formatIsoFromDate(new Date()));
  const status = await platform.saveFile(fileName, backup.bytes, BACKUP_FILTERS);
  if (status !== 'saved') return null;
  const made: LastBackup = { at: backup.envelope.createdAt, fileName, bytes: backup.bytes.byteLength };
  await recordBackupMade(db, made);
  return made;
}
