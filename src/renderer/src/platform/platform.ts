import type { AppInfo, AutoBackupFile, BackupFolderInfo, FileFilter } from '../../../preload/api';

// Everything that differs between the Electron host and the browser host goes through this interface
// (DESIGN.md decision 3). Features receive a Platform; they never look at `window.passerelle`.

export type { AppInfo, AutoBackupFile, BackupFolderInfo, FileFilter };
// The automatic backups' file names are part of the contract with main, which writes nothing else.
import { autoBackupFileName } from '../../../preload/api';
export { autoBackupFileName };

export interface OpenedFile {
  fileName: string;
  data: Uint8Array;
}

export interface Platform {
  readonly kind: 'electron' | 'browser';
  /** Saves bytes under a name the user confirms (a save dialog in Electron, a download in a browser). */
  saveFile(suggestedName: string, data: Uint8Array, filters: FileFilter[]): Promise<'saved' | 'cancelled'>;
  /** Lets the user pick one file; null when they cancel. */
  openFile(filters: FileFilter[]): Promise<OpenedFile | null>;
  appInfo(): Promise<AppInfo>;
  /** One desktop notification. Resolves even where notifications are refused. */
  notify(title: string, body: string): Promise<void>;
  /**
   * Shows a stored file (a signed agreement, a scan) with a viewer: the system's default application in
   * Electron, a new tab in a browser (a download where pop-ups are blocked).
   */
  openDocument(fileName: string, data: Uint8Array): Promise<void>;
  /** Automatic backups to a folder: only the desktop app can write files on its own. */
  readonly autoBackups: AutoBackupHost | null;
  /** Where an espace's sync password is kept (issue 20). */
  readonly syncSecrets: SyncSecretStore;
}

export interface SyncSecretStore {
  /** `keychain`: encrypted by the OS (Electron); `memory`: this window only, until it closes (browser). */
  readonly kind: 'keychain' | 'memory';
  /** Keeps the password; `memory` when the OS keychain is unavailable and it is kept for the session only. */
  save(workspaceId: string, password: string): Promise<'keychain' | 'memory'>;
  read(workspaceId: string): Promise<string | null>;
}

/** A password kept in this window's memory only. */
export function memorySecretStore(): SyncSecretStore {
  const secrets = new Map<string, string>();
  return {
    kind: 'memory',
    save: async (workspaceId, password) => {
      if (password === '') secrets.delete(workspaceId);
      else secrets.set(workspaceId, password);
      return 'memory';
    },
    read: async (workspaceId) => secrets.get(workspaceId) ?? null,
  };
}

export interface AutoBackupHost {
  /** Asks for the espace's folder; null when the user cancels. */
  chooseFolder(workspaceId: string): Promise<string | null>;
  folder(workspaceId: string): Promise<BackupFolderInfo>;
  /** Writes one backup and returns the espace's automatic backups now in the folder. */
  write(fileName: string, data: Uint8Array): Promise<AutoBackupFile[]>;
  remove(names: string[]): Promise<void>;
}

/** The host's folder with the file names main accepts: what data/'s automatic backups are handed. */
export function autoBackupWriter(host: AutoBackupHost | null): (AutoBackupHost & { fileName: typeof autoBackupFileName }) | null {
  return host ? { ...host, fileName: autoBackupFileName } : null;
}
