import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Every IPC handler goes through guardedHandle (sender's origin, arity, schema). These tests fail when a
// handler is registered any other way, and pin the schemas of the automatic-backup folder handlers, which
// are the only ones that name files on the user's disk.

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const folders = { userData: '/tmp', chosen: '/tmp' };
  return {
    handlers,
    folders,
    ipcMain: {
      handle: vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) => {
        handlers.set(channel, handler);
      }),
      on: vi.fn(),
      once: vi.fn(),
      handleOnce: vi.fn(),
    },
    dialog: {
      showSaveDialog: vi.fn(),
      showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: [folders.chosen] })),
    },
    app: { getPath: vi.fn(() => folders.userData), getVersion: vi.fn(() => '1.2.3') },
    BrowserWindow: { fromWebContents: vi.fn(() => null) },
    Notification: { isSupported: () => false },
    shell: { openExternal: vi.fn(), openPath: vi.fn(async () => '') },
  };
});
vi.mock('electron', () => electron);

import { APP_ORIGIN, CHANNELS, IPC_LIMITS, autoBackupFileName } from '../../../src/preload/api';
import { registerIpcHandlers } from '../../../src/main/ipc';

const fromApp = { sender: { id: 1 }, senderFrame: { url: 'app://passerelle/index.html' } };
const fromElsewhere = { sender: { id: 1 }, senderFrame: { url: 'https://evil.example/' } };
const WORKSPACE = '0f8fad5b-d9cb-469f-a165-70867728950e';

function invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
  const handler = electron.handlers.get(channel);
  if (handler === undefined) throw new Error(`no handler for ${channel}`);
  return handler(event, ...args);
}

/** One real byte that reports `byteLength` bytes: the size check runs without allocating 200 Mo. */
function bytesClaiming(byteLength: number): Uint8Array {
  const bytes = new Uint8Array(1);
  Object.defineProperty(bytes, 'byteLength', { value: byteLength });
  return bytes;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|mts|cts)$/.test(name) ? [path] : [];
  });
}

describe('IPC handlers are registered through the guard only', () => {
  const mainFolder = fileURLToPath(new URL('../../../src/main', import.meta.url));

  it('calls ipcMain in src/main only from guardedHandle', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(mainFolder)) {
      const text = readFileSync(file, 'utf8');
      const uses = [...text.matchAll(/ipcMain\s*\.\s*(\w+)/g)];
      for (const use of uses) {
        const line = text.slice(0, use.index).split('\n').length;
        const where = `${relative(mainFolder, file)}:${line} ipcMain.${use[1]}`;
        const insideGuard =
          relative(mainFolder, file) === 'ipc.ts' &&
          use[1] === 'handle' &&
          text.lastIndexOf('export function guardedHandle', use.index) !== -1 &&
          text.indexOf('\n}\n', text.lastIndexOf('export function guardedHandle', use.index)) > (use.index ?? 0);
        if (!insideGuard) offenders.push(where);
      }
      // Destructuring or aliasing ipcMain would hide a call from the scan above.
      if (/\{[^}]*\bipcMain\b[^}]*\}\s*=|=\s*ipcMain\b/.test(text)) offenders.push(`${relative(mainFolder, file)} aliases ipcMain`);
    }
    expect(offenders).toEqual([]);
  });

  beforeEach(() => {
    electron.handlers.clear();
    vi.clearAllMocks();
    registerIpcHandlers([APP_ORIGIN]);
  });

  it('registers one handler per channel of the contract, and no listener of another kind', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
    expect(electron.ipcMain.on).not.toHaveBeenCalled();
    expect(electron.ipcMain.once).not.toHaveBeenCalled();
    expect(electron.ipcMain.handleOnce).not.toHaveBeenCalled();
  });

  it.each(Object.values(CHANNELS))('%s refuses a page of another origin before looking at its arguments', async (channel) => {
    await expect(invoke(channel, fromElsewhere)).rejects.toThrow(/Appel refusé/);
    await expect(invoke(channel, { sender: { id: 1 } })).rejects.toThrow(/Appel refusé/);
    expect(electron.dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it.each(Object.values(CHANNELS))('%s refuses two arguments', async (channel) => {
    await expect(invoke(channel, fromApp, undefined, undefined)).rejects.toThrow(/trop d’arguments/);
  });
});

describe('argument schemas of the automatic-backup folder handlers', () => {
  let userData: string;
  let chosen: string;

  beforeEach(() => {
    electron.handlers.clear();
    vi.clearAllMocks();
    userData = mkdtempSync(join(tmpdir(), 'passerelle-guard-'));
    chosen = mkdtempSync(join(tmpdir(), 'passerelle-guard-folder-'));
    electron.folders.userData = userData;
    electron.folders.chosen = chosen;
    registerIpcHandlers([APP_ORIGIN]);
  });

  afterEach(() => {
    rmSync(userData, { recursive: true, force: true });
    rmSync(chosen, { recursive: true, force: true });
  });

  it.each([CHANNELS.chooseBackupFolder, CHANNELS.backupFolder])('%s takes an espace, never a path from the page', async (channel) => {
    await expect(invoke(channel, fromApp, '/etc')).rejects.toThrow(/Requête refusée/);
    await expect(invoke(channel, fromApp, undefined)).rejects.toThrow(/Requête refusée/);
    await expect(invoke(channel, fromApp, { folder: '/etc' })).rejects.toThrow(/Requête refusée/);
    await expect(invoke(channel, fromApp, { workspaceId: '../etc' })).rejects.toThrow(/Requête refusée.*espace est mal désigné/);
    expect(electron.dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('chooses the folder in a dialog only, and writes there a file named by the pattern', async () => {
    await expect(invoke(CHANNELS.chooseBackupFolder, fromApp, { workspaceId: WORKSPACE })).resolves.toMatchObject({ status: 'chosen' });
    const fileName = autoBackupFileName(WORKSPACE, new Date('2026-12-01T20:00:00Z'));
    await invoke(CHANNELS.writeAutoBackup, fromApp, { fileName, data: new Uint8Array([1, 2, 3]) });
    expect(readdirSync(chosen)).toEqual([fileName]);
  });

  const goodName = autoBackupFileName(WORKSPACE, new Date('2026-12-01T20:00:00Z'));

  it.each([
    ['a name outside the pattern', { fileName: 'notes.txt', data: new Uint8Array(1) }],
    ['a path that climbs out of the folder', { fileName: `../${goodName}`, data: new Uint8Array(1) }],
    ['an absolute path', { fileName: `/etc/${goodName}`, data: new Uint8Array(1) }],
    ['a pattern with a trailing extension', { fileName: `${goodName}.exe`, data: new Uint8Array(1) }],
    ['text instead of bytes', { fileName: goodName, data: 'contenu' }],
    ['bytes one over the size limit', { fileName: goodName, data: bytesClaiming(IPC_LIMITS.maxFileBytes + 1) }],
    ['no request at all', undefined],
    ['a missing name', { data: new Uint8Array(1) }],
  ])('writeAutoBackup refuses %s, writing nothing', async (_case, request) => {
    await invoke(CHANNELS.chooseBackupFolder, fromApp, { workspaceId: WORKSPACE });
    await expect(invoke(CHANNELS.writeAutoBackup, fromApp, request)).rejects.toThrow(/Requête refusée/);
    expect(readdirSync(chosen)).toEqual([]);
  });

  it('writeAutoBackup lets bytes exactly at the size limit through its schema', async () => {
    await invoke(CHANNELS.chooseBackupFolder, fromApp, { workspaceId: WORKSPACE });
    // The fake array cannot really be written; what matters is that the schema did not refuse it.
    const outcome = await invoke(CHANNELS.writeAutoBackup, fromApp, {
      fileName: goodName,
      data: bytesClaiming(IPC_LIMITS.maxFileBytes),
    }).then(
      () => 'écrit',
      (error: unknown) => String(error),
    );
    expect(outcome).not.toMatch(/Requête refusée/);
  });

  it.each([
    ['a list that is not a list', { names: goodName }],
    ['a name outside the pattern', { names: [goodName, 'Passerelle.json'] }],
    ['a path that climbs out', { names: [`../../${goodName}`] }],
    ['more than 10 000 names', { names: Array.from({ length: 10_001 }, () => goodName) }],
    ['no request', undefined],
  ])('deleteAutoBackups refuses %s', async (_case, request) => {
    await expect(invoke(CHANNELS.deleteAutoBackups, fromApp, request)).rejects.toThrow(/Requête refusée/);
  });

  it('deleteAutoBackups accepts exactly 10 000 names', async () => {
    await invoke(CHANNELS.chooseBackupFolder, fromApp, { workspaceId: WORKSPACE });
    await expect(
      invoke(CHANNELS.deleteAutoBackups, fromApp, { names: Array.from({ length: 10_000 }, () => goodName) }),
    ).resolves.not.toThrow();
  });
});
