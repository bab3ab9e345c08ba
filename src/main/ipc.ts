import { mkdtemp, open, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  BrowserWindow,
  Notification,
  app,
  dialog,
  ipcMain,
  shell,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import { z } from 'zod';
import {
  CHANNELS,
  IPC_LIMITS,
  type AppInfo,
  type OpenFileResult,
  type SaveFileResult,
  type SaveFileRequest,
  type OpenFileRequest,
  type NotificationRequest,
  type OpenDocumentRequest,
} from '../preload/api';
import {
  backupFolderInfo,
  backupFolderRequestSchema,
  chooseBackupFolder,
  deleteAutoBackups,
  deleteAutoBackupsRequestSchema,
  writeAutoBackup,
  writeAutoBackupRequestSchema,
} from './auto-backup';
import { hasControlCharacter, isAllowedSender } from './security';
import { readSyncSecret, readSyncSecretRequestSchema, saveSyncSecret, saveSyncSecretRequestSchema } from './sync-secrets';
import { PRODUCT_NAME } from './window';

const MAX_FILE_MEGABYTES = Math.round(IPC_LIMITS.maxFileBytes / (1024 * 1024));
const MAX_FILTERS = 20;
const MAX_EXTENSIONS = 20;
const MAX_FILTER_NAME_LENGTH = 100;

// Besides folders and `..`, the characters Windows forbids in a file name: a `:` there would even
// create an alternate data stream instead of a file.
const WINDOWS_RESERVED_CHARACTERS = /[<>:"|?*]/;

function isBareFileName(name: string): boolean {
  return (
    !name.includes('/') &&
    !name.includes('\\') &&
    !name.includes('..') &&
    !hasControlCharacter(name) &&
    !WINDOWS_RESERVED_CHARACTERS.test(name)
  );
}

const fileNameSchema = z
  .string({ error: 'Le nom de fichier doit être un texte.' })
  .min(1, { error: 'Le nom de fichier est vide.' })
  .max(IPC_LIMITS.maxFileNameLength, { error: 'Le nom de fichier est trop long.' })
  .refine(isBareFileName, {
    error: 'Le nom de fichier ne doit contenir ni dossier, ni « .. », ni caractère spécial.',
  });

const fileDataSchema = z
  .instanceof(Uint8Array, { error: 'Le contenu du fichier doit être une suite d’octets.' })
  .refine((data) => data.byteLength <= IPC_LIMITS.maxFileBytes, {
    error: `Le fichier dépasse la taille maximale de ${MAX_FILE_MEGABYTES} Mo.`,
  });

const fileFilterSchema = z.object(
  {
    name: z
      .string({ error: 'Le nom d’un type de fichier doit être un texte.' })
      .min(1, { error: 'Le nom d’un type de fichier est vide.' })
      .max(MAX_FILTER_NAME_LENGTH, { error: 'Le nom d’un type de fichier est trop long.' }),
    extensions: z
      .array(
        z
          .string({ error: 'Une extension de fichier doit être un texte.' })
          .regex(/^[a-z0-9]{1,10}$/, { error: 'Extension de fichier invalide.' }),
        { error: 'Les extensions doivent être une liste.' },
      )
      .min(1, { error: 'Un type de fichier doit avoir au moins une extension.' })
      .max(MAX_EXTENSIONS, { error: 'Trop d’extensions pour un type de fichier.' }),
  },
  { error: 'Type de fichier invalide.' },
);

const filtersSchema = z
  .array(fileFilterSchema, { error: 'Les types de fichier doivent être une liste.' })
  .max(MAX_FILTERS, { error: 'Trop de types de fichier.' });

export const saveFileRequestSchema = z.object(
  { suggestedName: fileNameSchema, data: fileDataSchema, filters: filtersSchema },
  { error: 'La demande d’enregistrement est invalide.' },
) satisfies z.ZodType<SaveFileRequest>;

export const openFileRequestSchema = z.object(
  { filters: filtersSchema },
  { error: 'La demande d’ouverture est invalide.' },
) satisfies z.ZodType<OpenFileRequest>;

export const notificationRequestSchema = z.object(
  {
    title: z
      .string({ error: 'Le titre de la notification doit être un texte.' })
      .min(1, { error: 'Le titre de la notification est vide.' })
      .max(IPC_LIMITS.maxNotificationTitle, { error: 'Le titre de la notification est trop long.' }),
    body: z
      .string({ error: 'Le texte de la notification doit être un texte.' })
      .max(IPC_LIMITS.maxNotificationBody, { error: 'Le texte de la notification est trop long.' }),
  },
  { error: 'La demande de notification est invalide.' },
) satisfies z.ZodType<NotificationRequest>;

const MAX_OPEN_DOCUMENT_MEGABYTES = Math.round(IPC_LIMITS.maxOpenDocumentBytes / (1024 * 1024));

function hasOpenableExtension(name: string): boolean {
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  return (IPC_LIMITS.openDocumentExtensions as readonly string[]).includes(extension);
}

export const openDocumentRequestSchema = z.object(
  {
    fileName: fileNameSchema.refine(hasOpenableExtension, {
      error: 'Seuls les fichiers PDF, PNG et JPEG peuvent être ouverts.',
    }),
    data: z
      .instanceof(Uint8Array, { error: 'Le contenu du fichier doit être une suite d’octets.' })
      .refine((data) => data.byteLength <= IPC_LIMITS.maxOpenDocumentBytes, {
        error: `Le fichier dépasse la taille maximale de ${MAX_OPEN_DOCUMENT_MEGABYTES} Mo.`,
      }),
  },
  { error: 'La demande d’ouverture du document est invalide.' },
) satisfies z.ZodType<OpenDocumentRequest>;

export const noArgumentSchema = z.undefined({ error: 'Cette fonction ne prend pas d’argument.' });

/**
 * The one way to expose a handler to the renderer. A handler only ever runs for a frame of our own
 * origin, with arguments that passed its schema, so no handler has to re-check either. Rejections carry a
 * short French message because the renderer may show it as is.
 */
export function guardedHandle<Schema extends z.ZodType, Result>(
  channel: string,
  schema: Schema,
  handler: (request: z.output<Schema>, event: IpcMainInvokeEvent) => Promise<Result>,
  allowedOrigins: readonly string[],
): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]) => {
    if (!isAllowedSender(event.senderFrame?.url, allowedOrigins)) {
      throw new Error('Appel refusé : cette page n’est pas autorisée à utiliser Passerelle.');
    }
    if (args.length > 1) throw new Error('Requête refusée : trop d’arguments.');
    const parsed = schema.safeParse(args[0]);
    if (!parsed.success) {
      throw new Error(`Requête refusée : ${parsed.error.issues[0]?.message ?? 'arguments invalides.'}`);
    }
    return handler(parsed.data, event);
  });
}

function documentsFolder(): string | null {
  try {
    return app.getPath('documents');
  } catch {
    // Some Linux desktops define no Documents folder; the dialog then opens in its own default place.
    return null;
  }
}

function describeFileError(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'accès refusé';
    case 'ENOSPC':
      return 'disque plein';
    case 'EROFS':
      return 'support en lecture seule';
    case 'ENOENT':
      return 'fichier introuvable';
    case 'EISDIR':
      return 'c’est un dossier';
    default:
      return 'erreur du système de fichiers';
  }
}

async function saveFile(request: z.output<typeof saveFileRequestSchema>, event: IpcMainInvokeEvent): Promise<SaveFileResult> {
  const folder = documentsFolder();
  const options: SaveDialogOptions = {
    defaultPath: folder === null ? request.suggestedName : join(folder, request.suggestedName),
    filters: request.filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const window = BrowserWindow.fromWebContents(event.sender);
  const result = window === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options);
  if (result.canceled || !result.filePath) return { status: 'cancelled' };

  const fileName = basename(result.filePath);
  try {
    await writeFile(result.filePath, request.data);
  } catch (error) {
    throw new Error(`« ${fileName} » n’a pas pu être enregistré : ${describeFileError(error)}.`);
  }
  return { status: 'saved', fileName };
}

async function readFileWithinLimit(filePath: string, fileName: string): Promise<Uint8Array> {
  const tooLarge = new Error(`« ${fileName} » dépasse la taille maximale de ${MAX_FILE_MEGABYTES} Mo.`);
  let handle: FileHandle;
  try {
    handle = await open(filePath, 'r');
  } catch (error) {
    throw new Error(`« ${fileName} » n’a pas pu être ouvert : ${describeFileError(error)}.`);
  }
  try {
    // Checked before reading so a huge file is never loaded into memory, and again after, in case it
    // grew in between.
    if ((await handle.stat()).size > IPC_LIMITS.maxFileBytes) throw tooLarge;
    const buffer = await handle.readFile();
    if (buffer.byteLength > IPC_LIMITS.maxFileBytes) throw tooLarge;
    // A plain Uint8Array over exactly these bytes: a Buffer may sit in a shared pool, and the whole
    // pool would be copied to the renderer.
    return buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength
      ? new Uint8Array(buffer.buffer, 0, buffer.byteLength)
      : new Uint8Array(buffer);
  } catch (error) {
    if (error === tooLarge) throw error;
    throw new Error(`« ${fileName} » n’a pas pu être lu : ${describeFileError(error)}.`);
  } finally {
    await handle.close();
  }
}

async function openFile(request: z.output<typeof openFileRequestSchema>, event: IpcMainInvokeEvent): Promise<OpenFileResult> {
  const options: OpenDialogOptions = { properties: ['openFile'], filters: request.filters };
  const window = BrowserWindow.fromWebContents(event.sender);
  const result = window === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options);
  const filePath = result.filePaths[0];
  if (result.canceled || filePath === undefined) return { status: 'cancelled' };

  const fileName = basename(filePath);
  const data = await readFileWithinLimit(filePath, fileName);
  return { status: 'opened', fileName, data };
}

async function appInfo(): Promise<AppInfo> {
  return {
    name: PRODUCT_NAME,
    version: app.getVersion(),
    platform: process.platform,
    electronVersion: process.versions.electron,
  };
}

async function notify(request: z.output<typeof notificationRequestSchema>): Promise<void> {
  // Some Linux desktops have no notification daemon; a reminder that cannot be shown is not an error.
  if (!Notification.isSupported()) return;
  new Notification({ title: request.title, body: request.body }).show();
}

/**
 * Opens a copy of a stored file with the system's viewer. The renderer gives only a bare name and the
 * bytes: main creates a fresh private folder under the temporary directory for each call, so no call can
 * overwrite another file or choose where it lands.
 */
async function openDocument(request: z.output<typeof openDocumentRequestSchema>): Promise<void> {
  let filePath: string;
  try {
    const folder = await mkdtemp(join(app.getPath('temp'), 'passerelle-document-'));
    filePath = join(folder, request.fileName);
    await writeFile(filePath, request.data, { flag: 'wx' });
  } catch (error) {
    throw new Error(`« ${request.fileName} » n’a pas pu être préparé pour l’ouverture : ${describeFileError(error)}.`);
  }
  const problem = await shell.openPath(filePath);
  if (problem !== '') {
    throw new Error(`« ${request.fileName} » n’a pas pu être ouvert : aucune application ne sait l’afficher (${problem}).`);
  }
}

export function registerIpcHandlers(allowedOrigins: readonly string[]): void {
  guardedHandle(CHANNELS.saveFile, saveFileRequestSchema, saveFile, allowedOrigins);
  guardedHandle(CHANNELS.openFile, openFileRequestSchema, openFile, allowedOrigins);
  guardedHandle(CHANNELS.appInfo, noArgumentSchema, appInfo, allowedOrigins);
  guardedHandle(CHANNELS.notify, notificationRequestSchema, notify, allowedOrigins);
  guardedHandle(CHANNELS.openDocument, openDocumentRequestSchema, openDocument, allowedOrigins);
  guardedHandle(CHANNELS.chooseBackupFolder, backupFolderRequestSchema, chooseBackupFolder, allowedOrigins);
  guardedHandle(CHANNELS.backupFolder, backupFolderRequestSchema, backupFolderInfo, allowedOrigins);
  guardedHandle(CHANNELS.writeAutoBackup, writeAutoBackupRequestSchema, writeAutoBackup, allowedOrigins);
  guardedHandle(CHANNELS.deleteAutoBackups, deleteAutoBackupsRequestSchema, deleteAutoBackups, allowedOrigins);
  guardedHandle(CHANNELS.saveSyncSecret, saveSyncSecretRequestSchema, saveSyncSecret, allowedOrigins);
  guardedHandle(CHANNELS.readSyncSecret, readSyncSecretRequestSchema, readSyncSecret, allowedOrigins);
}
