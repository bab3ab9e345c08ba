import { access, constants, readFile, readdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BrowserWindow, app, dialog, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import {
  AUTO_BACKUP_NAME,
  IPC_LIMITS,
  type AutoBackupFile,
  type BackupFolderInfo,
  type BackupFolderResult,
} from '../preload/api';

// Automatic backups go to a folder the user picks in a dialog; main remembers it in its own file and the
// renderer only ever names files inside it, by a fixed pattern. The renderer decides what to keep (the
// retention rule is domain code) and main deletes only files that are automatic backups.

const settingsPath = () => join(app.getPath('userData'), 'auto-backup.json');

const settingsSchema = z.object({ folder: z.string().min(1) });

export async function readBackupFolder(): Promise<string | null> {
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(await readFile(settingsPath(), 'utf8')));
    return parsed.success ? parsed.data.folder : null;
  } catch {
    return null;
  }
}

async function writable(folder: string): Promise<boolean> {
  try {
    await access(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export async function chooseBackupFolder(_request: undefined, event: IpcMainInvokeEvent): Promise<BackupFolderResult> {
  const window = BrowserWindow.fromWebContents(event.sender);
  const options = {
    title: 'Dossier des sauvegardes automatiques',
    buttonLabel: 'Choisir ce dossier',
    properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
  };
  const result = window === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options);
  const folder = result.filePaths[0];
  if (result.canceled || folder === undefined) return { status: 'cancelled' };
  if (!(await writable(folder))) throw new Error('Passerelle ne peut pas écrire dans ce dossier : choisissez-en un autre.');
  await writeFile(settingsPath(), JSON.stringify({ folder }), 'utf8');
  return { status: 'chosen', folder };
}

export async function backupFolderInfo(): Promise<BackupFolderInfo> {
  const folder = await readBackupFolder();
  return { folder, available: folder !== null && (await writable(folder)) };
}

const autoBackupNameSchema = z
  .string({ error: 'Le nom de la sauvegarde doit être un texte.' })
  .regex(AUTO_BACKUP_NAME, { error: 'Ce nom n’est pas celui d’une sauvegarde automatique.' });

export const writeAutoBackupRequestSchema = z.object(
  {
    fileName: autoBackupNameSchema,
    data: z
      .instanceof(Uint8Array, { error: 'Le contenu de la sauvegarde doit être une suite d’octets.' })
      .refine((data) => data.byteLength <= IPC_LIMITS.maxFileBytes, { error: 'La sauvegarde est trop volumineuse.' }),
  },
  { error: 'La demande de sauvegarde est invalide.' },
);

export const deleteAutoBackupsRequestSchema = z.object(
  { names: z.array(autoBackupNameSchema, { error: 'Les noms doivent être une liste.' }).max(10_000) },
  { error: 'La demande de suppression est invalide.' },
);

async function requireFolder(): Promise<string> {
  const folder = await readBackupFolder();
  if (folder === null) throw new Error('Aucun dossier de sauvegardes automatiques n’est choisi.');
  if (!(await writable(folder))) {
    throw new Error('Le dossier des sauvegardes automatiques est inaccessible (clé USB retirée ?).');
  }
  return folder;
}

function createdAtOf(name: string): string | null {
  const stamp = AUTO_BACKUP_NAME.exec(name)?.[2];
  if (stamp === undefined) return null;
  return `${stamp.slice(0, 10)}T${stamp.slice(11, 19).replace(/-/g, ':')}Z`;
}

/** Writes the backup, then lists the automatic backups of the same espace found in the folder. */
export async function writeAutoBackup(request: z.output<typeof writeAutoBackupRequestSchema>): Promise<AutoBackupFile[]> {
  const folder = await requireFolder();
  await writeFile(join(folder, request.fileName), request.data);
  const workspaceId = AUTO_BACKUP_NAME.exec(request.fileName)?.[1];
  const files: AutoBackupFile[] = [];
  for (const name of await readdir(folder)) {
    const match = AUTO_BACKUP_NAME.exec(name);
    const createdAt = createdAtOf(name);
    if (match && match[1] === workspaceId && createdAt !== null) files.push({ name, createdAt });
  }
  return files;
}

export async function deleteAutoBackups(request: z.output<typeof deleteAutoBackupsRequestSchema>): Promise<void> {
  const folder = await requireFolder();
  for (const name of request.names) {
    try {
      await unlink(join(folder, name));
    } catch (error) {
      // Already gone (deleted by hand, or by another laptop syncing the folder): nothing to do.
      if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
    }
  }
}
