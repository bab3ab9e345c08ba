// The contract between the renderer and the Electron main process. It holds only types and the channel
// names, so that the preload, main and the renderer's Electron platform agree on one definition.

/** A file type offered in a dialog: a French label and extensions without the dot. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveFileRequest {
  /** File name proposed in the save dialog, without any folder. */
  suggestedName: string;
  /** The bytes to write. */
  data: Uint8Array;
  filters: FileFilter[];
}

export type SaveFileResult = { status: 'saved'; fileName: string } | { status: 'cancelled' };

export interface OpenFileRequest {
  filters: FileFilter[];
}

export type OpenFileResult = { status: 'opened'; fileName: string; data: Uint8Array } | { status: 'cancelled' };

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  electronVersion: string;
}

export interface NotificationRequest {
  title: string;
  body: string;
}

/** A file kept in the espace's database (a signed agreement, a scan) that the user asks to see. */
export interface OpenDocumentRequest {
  /** The file's own name, without any folder; main decides where it is written. */
  fileName: string;
  data: Uint8Array;
}

export type BackupFolderResult = { status: 'chosen'; folder: string } | { status: 'cancelled' };

export interface BackupFolderInfo {
  /** The folder the user chose for automatic backups, or null when none is set. */
  folder: string | null;
  /** False when the folder is set but cannot be written now (a USB key that was removed). */
  available: boolean;
}

/** Automatic backups have a folder per espace. */
export interface BackupFolderRequest {
  workspaceId: string;
}

export interface AutoBackupWriteRequest {
  /** A name matching AUTO_BACKUP_NAME. */
  fileName: string;
  data: Uint8Array;
}

export interface AutoBackupFile {
  name: string;
  /** ISO date-time read from the name. */
  createdAt: string;
  /**
   * False for a file that does not verify against its own manifest (cut short by a crash or a pulled-out USB
   * key, or a byte changed): it must never count as a backup.
   */
  complete?: boolean;
}

export interface AutoBackupDeleteRequest {
  names: string[];
}

/** An espace's sync password, kept by main with the OS keychain (Electron's safeStorage), never in clear. */
export interface SyncSecretSaveRequest {
  workspaceId: string;
  password: string;
}

export interface SyncSecretRequest {
  workspaceId: string;
}

/** `unavailable`: the OS offers no keychain (some Linux desktops); main then refuses to store it. */
export type SyncSecretSaveResult = { status: 'saved' } | { status: 'unavailable' };

export type SyncSecretResult = { status: 'found'; password: string } | { status: 'none' };

/** The object exposed to the renderer as `window.passerelle`: one function per IPC channel. */
export interface PasserelleApi {
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  appInfo(): Promise<AppInfo>;
  notify(request: NotificationRequest): Promise<void>;
  /** Writes the bytes to a fresh temporary folder and opens them with the system's default viewer. */
  openDocument(request: OpenDocumentRequest): Promise<void>;
  /** Asks the user for an espace's folder of automatic backups (a USB key, a synced folder) and remembers it. */
  chooseBackupFolder(request: BackupFolderRequest): Promise<BackupFolderResult>;
  backupFolder(request: BackupFolderRequest): Promise<BackupFolderInfo>;
  /** Writes one automatic backup into the chosen folder; returns that espace's automatic backups there. */
  writeAutoBackup(request: AutoBackupWriteRequest): Promise<AutoBackupFile[]>;
  /** Removes automatic backups (by name, only files that are automatic backups) from the chosen folder. */
  deleteAutoBackups(request: AutoBackupDeleteRequest): Promise<void>;
  /** Keeps an espace's sync password encrypted with the OS keychain (an empty password forgets it). */
  saveSyncSecret(request: SyncSecretSaveRequest): Promise<SyncSecretSaveResult>;
  readSyncSecret(request: SyncSecretRequest): Promise<SyncSecretResult>;
}

export const CHANNELS = {
  saveFile: 'passerelle:save-file',
  openFile: 'passerelle:open-file',
  appInfo: 'passerelle:app-info',
  notify: 'passerelle:notify',
  openDocument: 'passerelle:open-document',
  chooseBackupFolder: 'passerelle:choose-backup-folder',
  backupFolder: 'passerelle:backup-folder',
  writeAutoBackup: 'passerelle:write-auto-backup',
  deleteAutoBackups: 'passerelle:delete-auto-backups',
  saveSyncSecret: 'passerelle:save-sync-secret',
  readSyncSecret: 'passerelle:read-sync-secret',
} as const satisfies Record<keyof PasserelleApi, string>;

/** The origin the packaged renderer is served from (DESIGN.md decision 4). Never change it. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'passerelle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Limits the main process enforces on IPC payloads. */
export const IPC_LIMITS = {
  maxFileBytes: 200 * 1024 * 1024,
  maxFileNameLength: 200,
  maxNotificationTitle: 200,
  maxNotificationBody: 1000,
  /** Attachments are at most 10 Mo in the renderer; main refuses more. */
  maxOpenDocumentBytes: 10 * 1024 * 1024,
  /**
   * Only viewer formats: the system opens a file with whatever program its extension names, so an
   * `.exe`, `.bat` or `.desktop` must never reach shell.openPath.
   */
  openDocumentExtensions: ['pdf', 'png', 'jpg', 'jpeg'],
} as const;

/**
 * Automatic backups are named `Passerelle-auto-<espace id>-<UTC time>.zip` (`.json` before backup format
 * 2), with `-` for `:` in the time; main writes or deletes nothing else in the chosen folder.
 */
export const AUTO_BACKUP_NAME = /^Passerelle-auto-([0-9a-f-]{36})-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z)\.(?:json|zip)$/;

export function autoBackupFileName(workspaceId: string, at: Date): string {
  return `Passerelle-auto-${workspaceId}-${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z.zip`;
}
