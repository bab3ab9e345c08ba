import { randomUUID } from 'node:crypto';
import { access, constants, open, readFile, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BrowserWindow, app, dialog, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import {
  AUTO_BACKUP_NAME,
  IPC_LIMITS,
  type AutoBackupFile,
  type BackupFolderInfo,
  type BackupFolderResult,
  type BackupFolderRequest,
  type AutoBackupWriteRequest,
  type AutoBackupDeleteRequest,
} from '../preload/api';

// Automatic backups go to a folder the user picks in a dialog, one per espace (chosen in that espace's
// Sauvegardes page, so that one association cannot move another's backups); main remembers them in its own
// file and the renderer only ever names files inside them, by a fixed pattern that carries the espace's id.
// An espace with no folder of its own still uses the laptop-wide folder chosen before folders were per espace. The renderer decides what to keep (the
// retention rule is domain code) and main deletes only files that are automatic backups.

const settingsPath = () => join(app.getPath('userData'), 'auto-backup.json');

const settingsSchema = z.object({
  folder: z.string().min(1).optional(),
  folders: z.record(z.string(), z.string().min(1)).optional(),
});
type Settings = z.infer<typeof settingsSchema>;

async function readSettings(): Promise<Settings> {
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(await readFile(settingsPath(), 'utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export const backupFolderRequestSchema = z.object(
  { workspaceId: z.string().regex(/^[0-9a-f-]{36}$/, { error: 'L’espace est mal désigné.' }) },
  { error: 'La demande doit désigner un espace.' },
) satisfies z.ZodType<BackupFolderRequest>;

export async function readBackupFolder(workspaceId: string): Promise<string | null> {
  const settings = await readSettings();
  return settings.folders?.[workspaceId] ?? settings.folder ?? null;
}

async function writable(folder: string): Promise<boolean> {
  try {
    await access(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export async function chooseBackupFolder(
  request: z.output<typeof backupFolderRequestSchema>,
  event: IpcMainInvokeEvent,
): Promise<BackupFolderResult> {
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
  const settings = await readSettings();
  const next: Settings = { ...settings, folders: { ...settings.folders, [request.workspaceId]: folder } };
  await writeFile(settingsPath(), JSON.stringify(next), 'utf8');
  return { status: 'chosen', folder };
}

export async function backupFolderInfo(request: z.output<typeof backupFolderRequestSchema>): Promise<BackupFolderInfo> {
  const folder = await readBackupFolder(request.workspaceId);
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
) satisfies z.ZodType<AutoBackupWriteRequest>;

export const deleteAutoBackupsRequestSchema = z.object(
  { names: z.array(autoBackupNameSchema, { error: 'Les noms doivent être une liste.' }).max(10_000) },
  { error: 'La demande de suppression est invalide.' },
) satisfies z.ZodType<AutoBackupDeleteRequest>;

async function requireFolder(fileName: string): Promise<string> {
  const workspaceId = AUTO_BACKUP_NAME.exec(fileName)?.[1] ?? '';
  const folder = await readBackupFolder(workspaceId);
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

/**
 * Whether a file is whole, read from its last bytes: a ZIP (format 2) ends with its end-of-central-
 * directory record, a format-1 JSON with its closing brace. A file cut by a crash or a pulled USB key
 * has neither; the renderer's retention then never keeps it as « the backup of the day ».
 */
export async function looksComplete(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    const tail = Buffer.alloc(Math.min(size, 64));
    await handle.read(tail, 0, tail.length, size - tail.length);
    if (path.endsWith('.zip')) {
      const at = tail.length - 22;
      return at >= 0 && tail.readUInt32LE(at) === 0x06054b50;
    }
    return tail.toString('latin1').trimEnd().endsWith('}');
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

/**
 * Writes the backup to a temporary file, flushed, then renames it: the name of an automatic backup only
 * ever points to a whole file. Then lists the automatic backups of the same espace found in the folder.
 */
export async function writeAutoBackup(request: z.output<typeof writeAutoBackupRequestSchema>): Promise<AutoBackupFile[]> {
  const folder = await requireFolder(request.fileName);
  // Starts with a dot and ends in .tmp: never matches AUTO_BACKUP_NAME, so never listed nor pruned as one.
  const temporary = join(folder, `.${request.fileName}.${randomUUID()}.tmp`);
  try {
    await writeFile(temporary, request.data, { flush: true });
    await rename(temporary, join(folder, request.fileName));
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    const full = error instanceof Error && 'code' in error && error.code === 'ENOSPC';
    throw new Error(
      full
        ? 'Le dossier des sauvegardes automatiques est plein : la sauvegarde n’a pas été écrite.'
        : 'La sauvegarde automatique n’a pas pu être écrite dans le dossier choisi.',
    );
  }
  const workspaceId = AUTO_BACKUP_NAME.exec(request.fileName)?.[1];
  const files: AutoBackupFile[] = [];
  for (const name of await readdir(folder)) {
    const match = AUTO_BACKUP_NAME.exec(name);
    const createdAt = createdAtOf(name);
    if (match && match[1] === workspaceId && createdAt !== null) {
      files.push({ name, createdAt, complete: await looksComplete(join(folder, name)) });
    }
  }
  return files;
}

export async function deleteAutoBackups(request: z.output<typeof deleteAutoBackupsRequestSchema>): Promise<void> {
  // Retention deletes many files of one espace at once: each folder is looked up and checked once.
  const folders = new Map<string, string>();
  for (const name of request.names) {
    const workspaceId = AUTO_BACKUP_NAME.exec(name)?.[1] ?? '';
    let folder = folders.get(workspaceId);
    if (folder === undefined) {
      folder = await requireFolder(name);
      folders.set(workspaceId, folder);
    }
    try {
      await unlink(join(folder, name));
    } catch (error) {
      // Already gone (deleted by hand, or by another laptop syncing the folder): nothing to do.
      if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
    }
  }
}
