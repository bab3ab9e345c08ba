import type { WorkspaceDb } from './workspace-db';

// A backup holds every table of an espace, whatever the schema version: it is written over
// `db.tables`, so a table added later is covered without new code.

export const BACKUP_FORMAT = 'passerelle-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  schemaVersion: number;
  appVersion: string;
  createdAt: string;
  workspace: { id: string; name: string };
  /** SHA-256 of the JSON text of `tables`, in hex. */
  checksum: string;
  tables: Record<string, unknown[]>;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function exportWorkspace(
  db: WorkspaceDb,
  workspace: { id: string; name: string },
  appVersion: string,
  now: Date = new Date(),
): Promise<BackupFile> {
  const tables: Record<string, unknown[]> = {};
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) tables[table.name] = await table.toArray();
  });
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: db.verno,
    appVersion,
    createdAt: now.toISOString(),
    workspace,
    checksum: await sha256Hex(JSON.stringify(tables)),
    tables,
  };
}

export function backupToBytes(backup: BackupFile): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(backup, null, 1));
}

export async function checksumMatches(backup: BackupFile): Promise<boolean> {
  return (await sha256Hex(JSON.stringify(backup.tables))) === backup.checksum;
}
