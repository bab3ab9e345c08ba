import { createHash, randomUUID } from 'node:crypto';
import { access, constants, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BrowserWindow, app, dialog, type IpcMainInvokeEvent } from 'electron';
import { openPromise as openZip, type Entry, type ZipFile } from 'yauzl';
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

// What main needs of a format-2 manifest to check a file: each entry's size and SHA-256. The renderer's
// schema (domain/backup/backup-manifest.ts) says the rest; main holds no rule about the records.
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const manifestEntriesSchema = z.object({
  encryption: z.unknown(),
  tables: z.array(z.object({ entry: z.string(), bytes: z.number().int().min(0), sha256: sha256Hex })).max(500),
  files: z.array(z.object({ entry: z.string(), bytes: z.number().int().min(0), sha256: sha256Hex })),
});
const MANIFEST_ENTRY = 'manifest.json';
const SEAL_ENTRY = 'manifest.seal';
/** A manifest or seal larger than this is not one Passerelle wrote. */
const MAX_MANIFEST_BYTES = 16 << 20;

/** The SHA-256 of one stored entry, streamed: the file is never in memory whole. */
async function entryDigest(zip: ZipFile, entry: Entry): Promise<string> {
  const stream = await zip.openReadStreamPromise(entry);
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function entryBytes(zip: ZipFile, entry: Entry): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

/**
 * Whether a format-2 file verifies: its ZIP directory reads, it holds exactly the entries its manifest
 * lists (plus the manifest and its seal), each stored at the announced size and with the announced
 * SHA-256, read one entry at a time. A plain backup's seal (the manifest's SHA-256) is checked too; a
 * protected one's seal is an AES-GCM tag that needs the passphrase, which main never has: there the
 * entries' digests are what is checked.
 */
async function zipVerifies(path: string): Promise<boolean> {
  const zip = await openZip(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true });
  try {
    const entries = new Map<string, Entry>();
    for await (const entry of zip.eachEntry()) {
      if (entries.has(entry.fileName)) return false;
      entries.set(entry.fileName, entry);
    }
    const manifestEntry = entries.get(MANIFEST_ENTRY);
    const sealEntry = entries.get(SEAL_ENTRY);
    if (!manifestEntry || !sealEntry) return false;
    if (manifestEntry.uncompressedSize > MAX_MANIFEST_BYTES || sealEntry.uncompressedSize > MAX_MANIFEST_BYTES) return false;
    const manifestBytes = await entryBytes(zip, manifestEntry);
    const parsed = manifestEntriesSchema.safeParse(JSON.parse(manifestBytes.toString('utf8')));
    if (!parsed.success) return false;
    if (parsed.data.encryption === null) {
      const seal = (JSON.parse((await entryBytes(zip, sealEntry)).toString('utf8')) as { seal?: unknown }).seal;
      if (seal !== createHash('sha256').update(manifestBytes).digest('hex')) return false;
    }
    const announced = [...parsed.data.tables, ...parsed.data.files];
    if (announced.length + 2 !== entries.size) return false;
    for (const { entry: name, bytes, sha256 } of announced) {
      const entry = entries.get(name);
      if (!entry || entry.compressionMethod !== 0 || entry.uncompressedSize !== bytes) return false;
      if ((await entryDigest(zip, entry)) !== sha256) return false;
    }
    return true;
  } finally {
    zip.close();
  }
}

/** A format-1 file (one JSON envelope, written before format 2) verifies when its payload matches its checksum. */
async function format1Verifies(path: string): Promise<boolean> {
  const envelope = JSON.parse(await readFile(path, 'utf8')) as { payload?: unknown; checksum?: unknown };
  return (
    typeof envelope.payload === 'string' &&
    typeof envelope.checksum === 'string' &&
    createHash('sha256').update(envelope.payload, 'utf8').digest('hex') === envelope.checksum
  );
}

/** Files already checked, by path, size and modification time: a backup is never rewritten in place. */
const verified = new Map<string, boolean>();

/**
 * Whether an automatic backup verifies (a format-2 ZIP against its manifest's SHA-256 of each entry, a
 * format-1 JSON against its checksum). A file cut by a crash or a pulled USB key, or with one byte changed,
 * does not; the renderer's retention then never keeps it as « the backup of the day ».
 */
export async function backupFileVerifies(path: string): Promise<boolean> {
  try {
    const { size, mtimeMs } = await stat(path);
    const key = JSON.stringify([path, size, mtimeMs]);
    const known = verified.get(key);
    if (known !== undefined) return known;
    const result = path.endsWith('.zip') ? await zipVerifies(path) : await format1Verifies(path);
    verified.set(key, result);
    return result;
  } catch {
    return false;
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
      files.push({ name, createdAt, complete: await backupFileVerifies(join(folder, name)) });
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
